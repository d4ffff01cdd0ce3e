/** `whoMetWhom`: one Cypher round trip, whatever is selected inside the encounters. */
import type { GraphQLResolveInfo } from 'graphql';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { selectsField } from '../common/connection';
import { WhoMetWhomArgs } from './encounter.input';
import { encounterSelection } from './encounter.selection';
import { MetPairConnection } from './encounter.type';

/**
 * With an actor, a page like any other (the limits plugin's page-size rule). Without one, the
 * page (it streams, so it costs its size) plus the pass over every pair that counts them.
 */
function whoMetWhomCost({ args, childComplexity, context }: ComplexityEstimatorArgs): number | undefined {
  if (args.actorId) return undefined;
  // The limits plugin passes its limits as the estimators' context.
  const limits = context as { defaultPageSize: number; maxPageSize: number; allPairsCost: number };
  const first = typeof args.first === 'number' ? args.first : limits.defaultPageSize;
  return 1 + Math.min(Math.max(first, 1), limits.maxPageSize) * Math.max(1, childComplexity) + limits.allPairsCost;
}

@Resolver()
export class EncounterResolver {
  @Query(() => MetPairConnection, {
    complexity: whoMetWhomCost,
    description:
      'Who met whom in held meetings (proposed or declined meetings are not encounters): each counterpart with the meetings, date, venue, roles, how they took part, and the evidence.',
  })
  whoMetWhom(@Args(() => WhoMetWhomArgs) args: WhoMetWhomArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.repositories.encounter.whoMetWhom(args, {
      withTotal: selectsField(info, 'totalCount'),
      selection: encounterSelection(info),
    });
  }
}
