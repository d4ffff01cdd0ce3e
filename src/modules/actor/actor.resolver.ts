/**
 * Actor queries (`actor`, `actors` search) and the relationship fields of each kind of actor.
 * Thin: arguments → repository or batch loader → views.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { connectionSelection, type Projected } from '../../graph/compile';
import { ACTOR_KINDS, RelType } from '../../model/vocabulary';
import { Meeting, Participation } from '../meeting/meeting.type';
import { endpoint, type Linked, linkedEdges, linkedNode, linkedNodes } from '../node/node.relations';
import { type EdgeView, type NodeView, nodeView } from '../node/node.view';
import { Place } from '../place/place.type';
import { Statement } from '../statement/statement.type';
import { ActorsArgs } from './actor.input';
import {
  ActorConnection,
  ActorInterface,
  Country,
  Delegation,
  DelegationMembership,
  Office,
  Organization,
  Person,
  Presence,
} from './actor.type';

const ACTOR_KIND_SET = new Set<string>(ACTOR_KINDS);

@Resolver(() => ActorInterface)
export class ActorResolver {
  @Query(() => ActorInterface, {
    nullable: true,
    description: 'An actor by id; null when there is none (or the id is not an actor).',
  })
  async actor(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeView | Projected | null> {
    if (ctx.config.SELECTION_COMPILER) {
      const selected = await ctx.repositories.node.selected(id, ACTOR_KINDS, info);
      if (selected !== undefined) return selected;
    }
    const node = await ctx.loaders.nodes.load(id);
    return node && ACTOR_KIND_SET.has(node.kind) ? nodeView(node) : null;
  }

  @Query(() => ActorConnection, {
    description:
      'Actors by name or alias (accent- and case-insensitive, best match first), or all actors by name when `search` is empty.',
  })
  actors(@Args(() => ActorsArgs) args: ActorsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const selection = ctx.config.SELECTION_COMPILER ? connectionSelection(info) : null;
    return selection ? ctx.repositories.actor.searchSelected(args, selection) : ctx.repositories.actor.search(args);
  }

  @FieldResolver(() => [ActorInterface], {
    description:
      'The other ids sources declare to be this same actor (SAME_AS, either way, transitively): its same-as group, which whoMetWhom and meetings(participantId) treat as one actor. Nothing is merged: each id keeps its own facts.',
  })
  async sameAs(@Root() actor: NodeView, @Ctx() ctx: Context): Promise<NodeView[]> {
    return (await ctx.loaders.sameAs.load(actor.id)).map(nodeView);
  }

  @FieldResolver(() => [Participation], { description: 'Meetings this actor took part in itself, with its role.' })
  participations(@Root() actor: NodeView, @Ctx() ctx: Context): Promise<Linked['edge'][]> {
    return linkedEdges(ctx, actor, { type: RelType.PARTICIPATED_IN, direction: 'out' });
  }

  @FieldResolver(() => [Statement], { description: 'Statements this actor made.' })
  statements(@Root() actor: NodeView, @Ctx() ctx: Context): Promise<NodeView[]> {
    return linkedNodes(ctx, actor, { type: RelType.STATED_BY, direction: 'in' });
  }

  @FieldResolver(() => [Meeting], { description: 'Meetings this actor declined to attend.' })
  declined(@Root() actor: NodeView, @Ctx() ctx: Context): Promise<NodeView[]> {
    return linkedNodes(ctx, actor, { type: RelType.DECLINED, direction: 'out' });
  }

  @FieldResolver(() => [Meeting], { description: 'Meetings this actor proposed or called for.' })
  proposed(@Root() actor: NodeView, @Ctx() ctx: Context): Promise<NodeView[]> {
    return linkedNodes(ctx, actor, { type: RelType.PROPOSED, direction: 'out' });
  }

  @FieldResolver(() => [Presence], { description: 'Places this actor was reported present in.' })
  presences(@Root() actor: NodeView, @Ctx() ctx: Context): Promise<Linked['edge'][]> {
    return linkedEdges(ctx, actor, { type: RelType.PRESENT_IN, direction: 'out' });
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Office], { description: 'Offices this person holds or held.' })
  offices(@Root() person: NodeView, @Ctx() ctx: Context) {
    return linkedEdges(ctx, person, { type: RelType.HOLDS_OFFICE, direction: 'out' });
  }

  @FieldResolver(() => [DelegationMembership], { description: 'Delegations this person belonged to.' })
  delegations(@Root() person: NodeView, @Ctx() ctx: Context) {
    return linkedEdges(ctx, person, { type: RelType.MEMBER_OF, direction: 'out' });
  }
}

@Resolver(() => Country)
export class CountryResolver {
  @FieldResolver(() => [Office], { description: 'Offices of this country and who holds them.' })
  officials(@Root() country: NodeView, @Ctx() ctx: Context) {
    return linkedEdges(ctx, country, { type: RelType.HOLDS_OFFICE, direction: 'in' });
  }

  @FieldResolver(() => [Delegation], { description: 'Delegations that represented this country.' })
  delegations(@Root() country: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, country, { type: RelType.REPRESENTS, direction: 'in' });
  }

  @FieldResolver(() => [Organization], {
    description: 'Organizations that are part of this country (ministries, offices).',
  })
  organizations(@Root() country: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, country, { type: RelType.PART_OF, direction: 'in' });
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [Office], { description: 'Offices of this organization and who holds them.' })
  officials(@Root() org: NodeView, @Ctx() ctx: Context) {
    return linkedEdges(ctx, org, { type: RelType.HOLDS_OFFICE, direction: 'in' });
  }

  @FieldResolver(() => [ActorInterface], { description: 'The country or organization this one is part of.' })
  partOf(@Root() org: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, org, { type: RelType.PART_OF, direction: 'out' });
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that are part of this one.' })
  parts(@Root() org: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, org, { type: RelType.PART_OF, direction: 'in' });
  }
}

@Resolver(() => Delegation)
export class DelegationResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The country this delegation represents.' })
  represents(@Root() delegation: NodeView, @Ctx() ctx: Context) {
    return linkedNode(ctx, delegation, { type: RelType.REPRESENTS, direction: 'out' });
  }

  @FieldResolver(() => [ActorInterface], { description: 'Who sent this delegation.' })
  sentBy(@Root() delegation: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, delegation, { type: RelType.SENT_BY, direction: 'out' });
  }

  @FieldResolver(() => [DelegationMembership], { description: 'Head and members, as far as the sources name them.' })
  members(@Root() delegation: NodeView, @Ctx() ctx: Context) {
    return linkedEdges(ctx, delegation, { type: RelType.MEMBER_OF, direction: 'in' });
  }
}

@Resolver(() => Office)
export class OfficeResolver {
  @FieldResolver(() => Person, { description: 'Who holds the office.' })
  person(@Root() office: EdgeView, @Ctx() ctx: Context) {
    return endpoint(ctx, office, 'from');
  }

  @FieldResolver(() => ActorInterface, { description: 'The country or organization the office is of.' })
  of(@Root() office: EdgeView, @Ctx() ctx: Context) {
    return endpoint(ctx, office, 'to');
  }
}

@Resolver(() => DelegationMembership)
export class DelegationMembershipResolver {
  @FieldResolver(() => Person)
  person(@Root() membership: EdgeView, @Ctx() ctx: Context) {
    return endpoint(ctx, membership, 'from');
  }

  @FieldResolver(() => Delegation)
  delegation(@Root() membership: EdgeView, @Ctx() ctx: Context) {
    return endpoint(ctx, membership, 'to');
  }
}

@Resolver(() => Presence)
export class PresenceResolver {
  @FieldResolver(() => ActorInterface)
  actor(@Root() presence: EdgeView, @Ctx() ctx: Context) {
    return endpoint(ctx, presence, 'from');
  }

  @FieldResolver(() => Place)
  place(@Root() presence: EdgeView, @Ctx() ctx: Context) {
    return endpoint(ctx, presence, 'to');
  }
}

export const ACTOR_RESOLVERS = [
  ActorResolver,
  PersonResolver,
  CountryResolver,
  OrganizationResolver,
  DelegationResolver,
  OfficeResolver,
  DelegationMembershipResolver,
  PresenceResolver,
] as const;
