/**
 * Encounters: who met whom. Two actors met when both took part in the same HELD meeting, directly
 * or through a delegation (as its member or head, or as the country it represents), on different
 * sides: a country and its own delegation do not "meet".
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { DelegationRole, MeetingMedium, ParticipantRole } from '../../model/vocabulary';
import { ActorInterface, Country, Delegation } from '../actor/actor.type';
import { Connection } from '../common/connection';
import { ParticipationMode } from '../common/enums';
import { Meeting } from '../meeting/meeting.type';
import { Evidence, PartialDateType } from '../node/node.type';
import { Place } from '../place/place.type';

@ObjectType('TakingPart', {
  simpleResolvers: true,
  description: 'How one actor took part in a meeting.',
})
export class TakingPart {
  @Field(() => ParticipationMode)
  how!: ParticipationMode;

  @Field(() => ParticipantRole, { description: 'The role of the participant (the actor, or its delegation).' })
  role!: ParticipantRole;

  @Field(() => String, { description: 'CAMEO event code of the role.' })
  cameo!: string;

  @Field(() => String, { description: 'PLOVER event and mode of the role.' })
  plover!: string;

  @Field(() => Delegation, { nullable: true, description: 'The delegation it took part through, if any.' })
  delegation!: unknown;

  @Field(() => DelegationRole, {
    nullable: true,
    description: 'Head or member, when it took part as a delegation member.',
  })
  delegationRole!: DelegationRole | null;
}

@ObjectType('Encounter', {
  simpleResolvers: true,
  description: 'One held meeting in which two actors met, and the evidence for it.',
})
export class Encounter {
  @Field(() => Meeting)
  meeting!: unknown;

  @Field(() => PartialDateType, { nullable: true })
  date!: PartialDateType | null;

  @Field(() => MeetingMedium, {
    nullable: true,
    description: "The meeting's medium: in person, by phone or by video; null when the sources do not say.",
  })
  medium!: MeetingMedium | null;

  @Field(() => Place, {
    nullable: true,
    description: 'The venue (a VENUE place), if the sources name one; a meeting placed only in a city has none.',
  })
  venue!: unknown;

  @Field(() => Place, {
    nullable: true,
    description: 'The place the sources say the meeting was held at, whatever its kind (venue, city or region).',
  })
  place!: unknown;

  @Field(() => Place, { nullable: true, description: '`place` itself when it is a city, else the city it is in.' })
  city!: unknown;

  @Field(() => Country, { nullable: true, description: 'The country `place` is in.' })
  country!: unknown;

  @Field(() => [TakingPart], { description: 'How the first actor took part.' })
  actorTookPart!: TakingPart[];

  @Field(() => [TakingPart], { description: 'How the counterpart took part.' })
  counterpartTookPart!: TakingPart[];

  @Field(() => [Evidence], { description: 'Quotes supporting both participations (and the delegation links used).' })
  evidence!: Evidence[];
}

@ObjectType('MetPair', {
  simpleResolvers: true,
  description: 'Two actors who met, with every meeting in which they did.',
})
export class MetPair {
  @Field(() => ActorInterface)
  actor!: unknown;

  @Field(() => ActorInterface)
  counterpart!: unknown;

  @Field(() => Int)
  meetingCount!: number;

  @Field(() => [Encounter], { description: 'The meetings, earliest first.' })
  meetings!: Encounter[];
}

@ObjectType('MetPairConnection', {
  simpleResolvers: true,
  description: 'A page of pairs who met (Relay connection).',
})
export class MetPairConnection extends Connection(() => MetPair, 'MetPair') {}
