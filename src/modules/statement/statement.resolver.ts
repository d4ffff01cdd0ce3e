/** Statement fields: who said it, about what, where and during which meeting. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { RelType } from '../../model/vocabulary';
import { ActorInterface } from '../actor/actor.type';
import { Meeting } from '../meeting/meeting.type';
import { linkedNode, linkedNodes } from '../node/node.relations';
import { NodeInterface } from '../node/node.type';
import type { NodeView } from '../node/node.view';
import { Place } from '../place/place.type';
import { Statement } from './statement.type';

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => [ActorInterface], { description: 'Who made the statement.' })
  by(@Root() statement: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, statement, { type: RelType.STATED_BY, direction: 'out' });
  }

  @FieldResolver(() => [NodeInterface], { description: 'What the statement is about.' })
  about(@Root() statement: NodeView, @Ctx() ctx: Context) {
    return linkedNodes(ctx, statement, { type: RelType.ABOUT, direction: 'out' });
  }

  @FieldResolver(() => Place, { nullable: true, description: 'Where it was made, when the source says.' })
  madeAt(@Root() statement: NodeView, @Ctx() ctx: Context) {
    return linkedNode(ctx, statement, { type: RelType.MADE_AT, direction: 'out' });
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting during which it was made, if any.' })
  madeDuring(@Root() statement: NodeView, @Ctx() ctx: Context) {
    return linkedNode(ctx, statement, { type: RelType.MADE_DURING, direction: 'out' });
  }
}
