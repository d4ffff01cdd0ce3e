/** `whoMetWhom`: one Cypher round trip, whatever is selected inside the encounters. */
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { WhoMetWhomArgs } from './encounter.input';
import { MetPairConnection } from './encounter.type';

@Resolver()
export class EncounterResolver {
  @Query(() => MetPairConnection, {
    description:
      'Who met whom in held meetings (proposed or declined meetings are not encounters): each counterpart with the meetings, date, venue, roles, how they took part, and the evidence.',
  })
  whoMetWhom(@Args(() => WhoMetWhomArgs) args: WhoMetWhomArgs, @Ctx() ctx: Context) {
    return ctx.repositories.encounter.whoMetWhom(args);
  }
}
