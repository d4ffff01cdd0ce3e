/** Meetings and the part each participant played in them. */
import { Field, Int, ObjectType } from 'type-graphql';
import { MeetingFormat, MeetingMedium, MeetingMode, MeetingStatus, ParticipantRole } from '../../model/vocabulary';
import { Connection } from '../common/connection';
import { NodeInterface, PartialDateType, RelationshipInterface } from '../node/node.type';

@ObjectType('Meeting', {
  simpleResolvers: true,
  implements: NodeInterface,
  description: 'A meeting, held or not: talks, a summit, a proposed meeting, a declined one.',
})
export class Meeting extends NodeInterface {
  @Field(() => PartialDateType, {
    nullable: true,
    description: 'When, as exactly as the source says; null if unknown.',
  })
  date!: PartialDateType | null;

  @Field(() => String, { nullable: true, description: 'Local start time (HH:MM), when known.' })
  time!: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone of `time`, e.g. Europe/Istanbul.' })
  timezone!: string | null;

  @Field(() => Int, { nullable: true, description: 'Duration in minutes, when known.' })
  durationMinutes!: number | null;

  @Field(() => Boolean, { description: 'True when the source gives the duration only roughly ("about two hours").' })
  durationApproximate!: boolean;

  @Field(() => MeetingStatus)
  status!: MeetingStatus;

  @Field(() => MeetingFormat, { nullable: true })
  format!: MeetingFormat | null;

  @Field(() => MeetingMode, { nullable: true })
  mode!: MeetingMode | null;

  @Field(() => MeetingMedium, {
    nullable: true,
    description: 'In person, by phone or by video; null when the sources do not say.',
  })
  medium!: MeetingMedium | null;
}

@ObjectType('Participation', {
  simpleResolvers: true,
  implements: RelationshipInterface,
  description: 'An actor taking part in a meeting, in a role, with the CAMEO and PLOVER codes of that role.',
})
export class Participation extends RelationshipInterface {
  @Field(() => ParticipantRole)
  role!: ParticipantRole;
}

@ObjectType('MeetingConnection', {
  simpleResolvers: true,
  description: 'A page of meetings (Relay connection).',
})
export class MeetingConnection extends Connection(() => Meeting, 'Meeting') {}
