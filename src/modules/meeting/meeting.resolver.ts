/** Meeting queries and the relationship fields of meetings and participations. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { connectionSelection, type Projected } from '../../graph/compile';
import { NodeKind, ParticipantRole, PlaceKind, RelType, ROLE_CODES } from '../../model/vocabulary';
import { ActorInterface, Country } from '../actor/actor.type';
import { endpoint, linkedEdges, linkedNode, linkedNodes } from '../node/node.relations';
import { type EdgeView, type NodeView, nodeView } from '../node/node.view';
import { Place } from '../place/place.type';
import { Statement } from '../statement/statement.type';
import { MeetingsArgs } from './meeting.input';
import { Meeting, MeetingConnection, Participation } from './meeting.type';

const HELD_AT = { type: RelType.HELD_AT, direction: 'out' } as const;

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true, description: 'A meeting by id; null when there is none.' })
  async meeting(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeView | Projected | null> {
    if (ctx.config.SELECTION_COMPILER) {
      const selected = await ctx.repositories.node.selected(id, [NodeKind.Meeting], info);
      if (selected !== undefined) return selected;
    }
    const node = await ctx.loaders.nodes.load(id);
    return node?.kind === NodeKind.Meeting ? nodeView(node) : null;
  }

  @Query(() => MeetingConnection, {
    description:
      'Meetings matching a filter, by date (undated ones last). Unknown ids in the filter give an empty list.',
  })
  meetings(@Args(() => MeetingsArgs) args: MeetingsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const selection = ctx.config.SELECTION_COMPILER ? connectionSelection(info) : null;
    return selection ? ctx.repositories.meeting.listSelected(args, selection) : ctx.repositories.meeting.list(args);
  }

  @FieldResolver(() => Place, {
    nullable: true,
    description:
      'The venue (a VENUE place) it was (or would be) held at; null when the sources name none, even if they name the city (see `place`).',
  })
  async venue(@Root() meeting: NodeView, @Ctx() ctx: Context): Promise<NodeView | null> {
    const place = await linkedNode(ctx, meeting, HELD_AT);
    return place?.placeKind === PlaceKind.VENUE ? place : null;
  }

  @FieldResolver(() => Place, {
    nullable: true,
    description: 'The place the sources say it was held at, whatever its kind: a venue, a city or a region.',
  })
  place(@Root() meeting: NodeView, @Ctx() ctx: Context): Promise<NodeView | null> {
    // The same batch loader as participants and the other relationships, so that a level of
    // fields costs one round trip; city and country need the chain, from their own loader.
    return linkedNode(ctx, meeting, HELD_AT);
  }

  @FieldResolver(() => Place, {
    nullable: true,
    description: 'The city it was held in: `place` itself when that is a city, else the city `place` is located in.',
  })
  async city(@Root() meeting: NodeView, @Ctx() ctx: Context): Promise<NodeView | null> {
    const where = await ctx.loaders.meetingPlaces.load(meeting.id);
    return where?.city ? nodeView(where.city) : null;
  }

  @FieldResolver(() => Country, {
    nullable: true,
    description: 'The country it was held in, up the LOCATED_IN chain from `place`.',
  })
  async country(@Root() meeting: NodeView, @Ctx() ctx: Context): Promise<NodeView | null> {
    const where = await ctx.loaders.meetingPlaces.load(meeting.id);
    return where?.country ? nodeView(where.country) : null;
  }

  @FieldResolver(() => [Participation], { description: 'Who took part, each with a role.' })
  participants(@Root() meeting: NodeView, @Ctx() ctx: Context) {
    return linkedEdges(ctx, meeting, { type: RelType.PARTICIPATED_IN, direction: 'in' });
  }

  @FieldResolver(() => [ActorInterface], { description: 'Who declined to attend.' })
  declinedBy(@Root() meeting: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, meeting, { type: RelType.DECLINED, direction: 'in' });
  }

  @FieldResolver(() => [ActorInterface], { description: 'Who proposed or called for it.' })
  proposedBy(@Root() meeting: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, meeting, { type: RelType.PROPOSED, direction: 'in' });
  }

  @FieldResolver(() => [Meeting], { description: 'Earlier rounds this meeting follows.' })
  follows(@Root() meeting: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, meeting, { type: RelType.FOLLOWS, direction: 'out' });
  }

  @FieldResolver(() => [Meeting], { description: 'Later rounds that follow this meeting.' })
  followedBy(@Root() meeting: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, meeting, { type: RelType.FOLLOWS, direction: 'in' });
  }

  @FieldResolver(() => [Statement], { description: 'Statements made during the meeting.' })
  statements(@Root() meeting: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, meeting, { type: RelType.MADE_DURING, direction: 'in' });
  }
}

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => ActorInterface)
  actor(@Root() participation: EdgeView, @Ctx() ctx: Context) {
    return endpoint(ctx, participation, 'from');
  }

  @FieldResolver(() => Meeting)
  meeting(@Root() participation: EdgeView, @Ctx() ctx: Context) {
    return endpoint(ctx, participation, 'to');
  }

  @FieldResolver(() => String, {
    description: 'CAMEO event code of the role (043 host a visit, 045 mediate, 046 negotiate…).',
  })
  cameo(@Root() participation: EdgeView): string {
    return ROLE_CODES[participation.role as ParticipantRole].cameo;
  }

  @FieldResolver(() => String, {
    description: 'PLOVER event and mode of the role (CONSULT:host, CONSULT:third-party…).',
  })
  plover(@Root() participation: EdgeView): string {
    return ROLE_CODES[participation.role as ParticipantRole].plover;
  }
}
