/** Place queries and the fields that climb and descend the LOCATED_IN chain. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { Projected } from '../../graph/compile';
import { NodeKind, RelType } from '../../model/vocabulary';
import { Presence } from '../actor/actor.type';
import { Meeting } from '../meeting/meeting.type';
import { linkedEdges, linkedNode, linkedNodes } from '../node/node.relations';
import { NodeInterface } from '../node/node.type';
import { type NodeView, nodeView } from '../node/node.view';
import { Place } from './place.type';

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => Place, { nullable: true, description: 'A place by id; null when there is none.' })
  async place(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeView | Projected | null> {
    if (ctx.config.SELECTION_COMPILER) {
      const selected = await ctx.repositories.node.selected(id, [NodeKind.Place], info);
      if (selected !== undefined) return selected;
    }
    const node = await ctx.loaders.nodes.load(id);
    return node?.kind === NodeKind.Place ? nodeView(node) : null;
  }

  @FieldResolver(() => NodeInterface, { nullable: true, description: 'The place or country this one is in.' })
  locatedIn(@Root() place: NodeView, @Ctx() ctx: Context) {
    return linkedNode(ctx, place, { type: RelType.LOCATED_IN, direction: 'out' });
  }

  @FieldResolver(() => [Place], { description: 'Places directly inside this one.' })
  contains(@Root() place: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, place, { type: RelType.LOCATED_IN, direction: 'in' });
  }

  @FieldResolver(() => [Meeting], {
    description: 'Meetings held at this very place (for a city and its venues, use meetings(filter: {placeId})).',
  })
  meetingsHeldHere(@Root() place: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, place, { type: RelType.HELD_AT, direction: 'in' });
  }

  @FieldResolver(() => [Presence], { description: 'Actors reported present here.' })
  presences(@Root() place: NodeView, @Ctx() ctx: Context) {
    return linkedEdges(ctx, place, { type: RelType.PRESENT_IN, direction: 'in' });
  }
}
