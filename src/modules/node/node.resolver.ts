/**
 * `node(id)` for any kind, statements about any node, the source behind each piece of evidence,
 * and every node's and relationship's claims (one per source and property).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { Projected } from '../../graph/compile';
import { projectedValue } from '../../graph/compile/projected';
import { type ClaimRecord, claimFromRecord } from '../../graph/loaders';
import { DERIVED_PARTS, ranked } from '../../model/claims';
import { RelType } from '../../model/vocabulary';
import { Source } from '../source/source.type';
import { Statement } from '../statement/statement.type';
import { linkedNodes } from './node.relations';
import { ClaimType, Evidence, NodeInterface, RelationshipInterface } from './node.type';
import { type EdgeView, type NodeView, nodeView } from './node.view';

const PROPERTY_ARG = {
  nullable: true,
  description: 'Only the claims on this property (e.g. "durationMinutes", "title", "aliases").',
} as const;

/**
 * The claims on element `id`, one per source and property, best-ranked source first: from the
 * claim records a compiled statement projected (with each claim's source when selected), or
 * from the loader.
 */
async function claimsOf(
  ctx: Context,
  element: { id: string },
  property: string | null | undefined,
): Promise<ClaimType[]> {
  const rows = projectedValue<ClaimRecord[]>(element, 'claims');
  const claims = rows ? ranked(rows.map(claimFromRecord)) : await ctx.loaders.claims.load(element.id);
  return claims.flatMap((claim) => {
    const source = (claim as { source?: unknown }).source;
    const evidence = source === undefined ? claim.evidence : claim.evidence.map((e) => ({ ...e, '@source': source }));
    return (
      Object.entries(claim.values)
        // A date's precision and span, a quote's offset: parts of another claim, not claims of their own.
        .filter(([key]) => !DERIVED_PARTS.has(key) && (property === null || property === undefined || key === property))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, value]) => ({
          property: key,
          value,
          sourceId: claim.sourceId,
          evidence,
          ...(source === undefined ? {} : { '@source': source }),
        }))
    );
  });
}

@Resolver(() => NodeInterface)
export class NodeResolver {
  @Query(() => NodeInterface, { nullable: true, description: 'Any node by id; null when there is none.' })
  async node(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<NodeView | Projected | null> {
    if (ctx.config.SELECTION_COMPILER) {
      const selected = await ctx.repositories.node.selected(id, null, info);
      if (selected !== undefined) return selected;
    }
    const node = await ctx.loaders.nodes.load(id);
    return node ? nodeView(node) : null;
  }

  @FieldResolver(() => [ClaimType], {
    description: "Each source's value for each property it states (sources disagree where `disputed` says).",
  })
  claims(
    @Root() node: NodeView,
    @Ctx() ctx: Context,
    @Arg('property', () => String, PROPERTY_ARG) property?: string | null,
  ): Promise<ClaimType[]> {
    return claimsOf(ctx, node, property);
  }

  @FieldResolver(() => [Statement], { description: 'Statements about this node.' })
  statementsAbout(@Root() node: NodeView, @Ctx() ctx: Context): Promise<NodeView[]> {
    return linkedNodes(ctx, node, { type: RelType.ABOUT, direction: 'in' });
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Source, { description: 'The source quoted.' })
  async source(@Root() evidence: Evidence, @Ctx() ctx: Context): Promise<NodeView> {
    const node = await ctx.loaders.nodes.load(evidence.sourceId);
    if (!node) throw new Error(`evidence cites a missing source ${evidence.sourceId}`);
    return nodeView(node);
  }
}

@Resolver(() => RelationshipInterface)
export class RelationshipResolver {
  @FieldResolver(() => [ClaimType], {
    description: "Each source's value for each property it states (sources disagree where `disputed` says).",
  })
  claims(
    @Root() edge: EdgeView,
    @Ctx() ctx: Context,
    @Arg('property', () => String, PROPERTY_ARG) property?: string | null,
  ): Promise<ClaimType[]> {
    return claimsOf(ctx, edge, property);
  }
}

@Resolver(() => ClaimType)
export class ClaimResolver {
  @FieldResolver(() => Source, { description: 'The source that makes the claim.' })
  async source(@Root() claim: ClaimType, @Ctx() ctx: Context): Promise<NodeView> {
    const node = await ctx.loaders.nodes.load(claim.sourceId);
    if (!node) throw new Error(`a claim cites a missing source ${claim.sourceId}`);
    return nodeView(node);
  }
}
