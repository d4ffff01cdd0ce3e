/**
 * Actors — countries, organizations, people, delegations — and the relationships that are theirs
 * alone: offices held, delegation membership, presence in a place.
 */
import { Field, Float, InterfaceType, ObjectType } from 'type-graphql';
import { DelegationRole, NodeKind, OrganizationKind } from '../../model/vocabulary';
import { Connection } from '../common/connection';
import { NodeInterface, PartialDateType, RelationshipInterface } from '../node/node.type';

@InterfaceType('Actor', {
  implements: NodeInterface,
  description: 'A country, organization, person or delegation: what can meet, hold office and make statements.',
  resolveType: (value: { kind: NodeKind }) => value.kind,
})
export abstract class ActorInterface extends NodeInterface {}

@ObjectType('Country', {
  simpleResolvers: true,
  implements: [NodeInterface, ActorInterface],
  description: 'A country (id: country:<ISO 3166-1 alpha-3>).',
})
export class Country extends ActorInterface {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-3 code.' })
  iso3!: string | null;
}

@ObjectType('Organization', {
  simpleResolvers: true,
  implements: [NodeInterface, ActorInterface],
  description: 'A ministry, executive office, supranational body, news organization…',
})
export class Organization extends ActorInterface {
  @Field(() => OrganizationKind, { nullable: true })
  orgKind!: OrganizationKind | null;
}

@ObjectType('Person', {
  simpleResolvers: true,
  implements: [NodeInterface, ActorInterface],
  description: 'A person, usually an official.',
})
export class Person extends ActorInterface {
  @Field(() => Boolean, {
    description: 'True when the source does not name this person (e.g. "the head of Ukraine\'s delegation").',
  })
  unnamed!: boolean;
}

@ObjectType('Delegation', {
  simpleResolvers: true,
  implements: [NodeInterface, ActorInterface],
  description: 'A delegation representing a country at a meeting; its head and members may be unnamed.',
})
export class Delegation extends ActorInterface {}

@ObjectType('Office', {
  simpleResolvers: true,
  implements: RelationshipInterface,
  description: 'An office a person holds: a title, of a country or organization, from/to when known.',
})
export class Office extends RelationshipInterface {
  @Field(() => String, { description: 'The title as the source gives it, e.g. "Foreign Minister".' })
  title!: string;

  @Field(() => PartialDateType, { nullable: true })
  since!: PartialDateType | null;

  @Field(() => PartialDateType, { nullable: true })
  until!: PartialDateType | null;
}

@ObjectType('DelegationMembership', {
  simpleResolvers: true,
  implements: RelationshipInterface,
  description: 'A person in a delegation, as head or member.',
})
export class DelegationMembership extends RelationshipInterface {
  @Field(() => DelegationRole)
  role!: DelegationRole;
}

@ObjectType('Presence', {
  simpleResolvers: true,
  implements: RelationshipInterface,
  description: 'An actor present in a place on a date, without taking part in a given meeting.',
})
export class Presence extends RelationshipInterface {
  @Field(() => PartialDateType, { nullable: true })
  date!: PartialDateType | null;
}

@ObjectType('Coordinates', { simpleResolvers: true })
export class Coordinates {
  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;
}

@ObjectType('ActorConnection', {
  simpleResolvers: true,
  description: 'A page of actors (Relay connection).',
})
export class ActorConnection extends Connection(() => ActorInterface, 'Actor') {}
