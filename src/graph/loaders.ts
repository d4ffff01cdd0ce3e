/**
 * Per-request batch loaders. Every nested field of a GraphQL response that needs the graph goes
 * through these, so one nesting level costs one Cypher round trip however many parents and
 * fields it has:
 *  - `nodes`: nodes by id;
 *  - `relations`: a node's relationships of one type and direction, with the nodes at the other
 *    end. Requests for different relationship types made in the same tick are answered by one
 *    statement, a UNION of one typed expansion per type (typed, so Neo4j uses its per-type
 *    relationship groups on dense nodes). Statement text is assembled only from RelType values;
 *  - `meetingPlaces`: where a meeting was held: the place HELD_AT names, and the city and
 *    country found up its LOCATED_IN chain (the place itself when it is a city);
 *  - `sameAs`: the other members of an actor's same-as group (SAME_AS either way, transitively);
 *  - `claims`: every source's claim on a node or relationship, by its id (the `:Claim` nodes'
 *    `subjectId`), in rank order (model/claims.ts).
 */
import DataLoader from 'dataloader';
import { type Claim, ranked } from '../model/claims';
import { evidenceFromLists, type GraphEdge, type GraphNode, type PropertyValue } from '../model/elements';
import { CLAIM_LABEL, MAX_PLACE_CHAIN, NodeKind, PlaceKind, RelType, SAME_AS_MAX_HOPS } from '../model/vocabulary';
import { cypher, type Executor, type Statement } from './executor';
import { edgeMap, nodeMap, type RawEdge, type RawNode, toGraphEdge, toGraphNode } from './records';

export type Direction = 'out' | 'in';

export interface Relation {
  type: RelType;
  direction: Direction;
}

export interface Neighbour {
  edge: GraphEdge;
  node: GraphNode;
}

const NODES_BY_ID = cypher(
  'nodes-by-id',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   RETURN id, ${nodeMap('n')} AS node`,
);

/** A meeting's place, city and country, in one walk up the chain (first place by id if several). */
const MEETING_PLACES = cypher(
  'meeting-places',
  `UNWIND $ids AS id
   MATCH (m:${NodeKind.Meeting} {id: id})
   CALL (m) {
     MATCH (m)-[:${RelType.HELD_AT}]->(place:${NodeKind.Place})
     WITH place ORDER BY place.name, place.id LIMIT 1
     OPTIONAL MATCH chain = (place)-[:${RelType.LOCATED_IN}*0..${MAX_PLACE_CHAIN}]->(top)
       WHERE NOT EXISTS { (top)-[:${RelType.LOCATED_IN}]->() }
     WITH place, nodes(chain) AS around LIMIT 1
     RETURN place,
            head([n IN around WHERE n:${NodeKind.Place} AND n.placeKind = '${PlaceKind.CITY}']) AS city,
            head([n IN around WHERE n:${NodeKind.Country}]) AS country
   }
   RETURN id, ${nodeMap('place')} AS place,
          CASE WHEN city IS NULL THEN null ELSE ${nodeMap('city')} END AS city,
          CASE WHEN country IS NULL THEN null ELSE ${nodeMap('country')} END AS country`,
);

const SAME_AS_GROUPS = cypher(
  'same-as-groups',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   CALL (n) {
     MATCH (n)-[:${RelType.SAME_AS}*1..${SAME_AS_MAX_HOPS}]-(g:Entity) WHERE g <> n
     WITH DISTINCT g ORDER BY g.id
     RETURN collect(${nodeMap('g')}) AS others
   }
   RETURN id, others`,
);

const CLAIMS_BY_SUBJECT = cypher(
  'claims-by-subject',
  `UNWIND $ids AS id
   MATCH (c:${CLAIM_LABEL} {subjectId: id})
   RETURN id, c.sourceId AS sourceId, c.sourceDate AS sourceDate, c.values AS values,
          c.evidenceQuotes AS quotes, c.evidenceOffsets AS offsets`,
);

/** A claim record as statements read it (the compiled ones too), values still as stored JSON. */
export interface ClaimRecord {
  sourceId: string;
  sourceDate: string | null;
  values: string;
  quotes: string[] | null;
  offsets: number[] | null;
  /** The claim's source, when a compiled statement projected it. */
  source?: unknown;
}

interface RawClaim extends ClaimRecord {
  id: string;
}

export function claimFromRecord(row: ClaimRecord): Claim & { source?: unknown } {
  const claim: Claim & { source?: unknown } = {
    sourceId: row.sourceId,
    sourceDate: row.sourceDate ?? null,
    values: JSON.parse(row.values) as Record<string, PropertyValue>,
    evidence: evidenceFromLists(
      (row.quotes ?? []).map(() => row.sourceId),
      row.quotes ?? [],
      row.offsets ?? [],
    ),
  };
  if (row.source !== undefined) claim.source = row.source;
  return claim;
}

export interface MeetingPlace {
  /** What HELD_AT names: a venue, a city or a region. */
  place: GraphNode;
  /** The place itself when it is a city, else the first city up its chain. */
  city: GraphNode | null;
  country: GraphNode | null;
}

interface RelationKey {
  id: string;
  type: RelType;
  direction: Direction;
}

const REL_TYPES = new Set<string>(Object.values(RelType));
const statementCache = new Map<string, Statement>();

/** One statement answering every (type, direction) group of a batch; cached per group set. */
function relationStatement(groups: string[]): Statement {
  const name = `relations:${groups.join(',')}`;
  let statement = statementCache.get(name);
  if (statement) return statement;
  const branches = groups.map((group, i) => {
    const [type, direction] = group.split(':');
    if (!type || !REL_TYPES.has(type)) throw new Error(`not a relationship type: ${type}`);
    const pattern = direction === 'out' ? `(n)-[r:${type}]->(m)` : `(n)<-[r:${type}]-(m)`;
    // The subquery makes Neo4j expand from each node found by id; left to itself, the planner
    // may scan every relationship of the type and join, many times slower for a small batch.
    return `UNWIND $ids${i} AS id MATCH (n:Entity {id: id}) CALL (n) { MATCH ${pattern} RETURN r, m }
      RETURN ${i} AS g, id, ${edgeMap('r')} AS edge, ${nodeMap('m')} AS node`;
  });
  statement = cypher(name, `CALL () {\n${branches.join('\nUNION ALL\n')}\n} RETURN g, id, edge, node`);
  statementCache.set(name, statement);
  return statement;
}

export class Loaders {
  readonly nodes: DataLoader<string, GraphNode | null>;
  /** Where a meeting was held, by meeting id; null when no source says. */
  readonly meetingPlaces: DataLoader<string, MeetingPlace | null>;
  /** The other members of an actor's same-as group, by id (by id order; none: []). */
  readonly sameAs: DataLoader<string, GraphNode[]>;
  /** Every source's claim on a node or relationship, by its id, best-ranked first. */
  readonly claims: DataLoader<string, Claim[]>;
  private readonly relationLoader: DataLoader<RelationKey, Neighbour[], string>;

  constructor(private readonly executor: Executor) {
    this.nodes = new DataLoader(async (ids) => {
      const rows = await executor.read<{ id: string; node: RawNode }>(NODES_BY_ID, { ids: [...ids] });
      const byId = new Map(rows.map((row) => [row.id, toGraphNode(row.node)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    this.meetingPlaces = new DataLoader(async (ids) => {
      const rows = await executor.read<{ id: string; place: RawNode; city: RawNode | null; country: RawNode | null }>(
        MEETING_PLACES,
        { ids: [...ids] },
      );
      const byId = new Map(
        rows.map((row) => [
          row.id,
          {
            place: toGraphNode(row.place),
            city: row.city ? toGraphNode(row.city) : null,
            country: row.country ? toGraphNode(row.country) : null,
          },
        ]),
      );
      return ids.map((id) => byId.get(id) ?? null);
    });
    this.sameAs = new DataLoader(async (ids) => {
      const rows = await executor.read<{ id: string; others: RawNode[] }>(SAME_AS_GROUPS, { ids: [...ids] });
      const byId = new Map(rows.map((row) => [row.id, row.others.map(toGraphNode)]));
      return ids.map((id) => byId.get(id) ?? []);
    });
    this.claims = new DataLoader(async (ids) => {
      const rows = await executor.read<RawClaim>(CLAIMS_BY_SUBJECT, { ids: [...ids] });
      const byId = new Map<string, Claim[]>();
      for (const row of rows) {
        const list = byId.get(row.id) ?? [];
        list.push(claimFromRecord(row));
        byId.set(row.id, list);
      }
      return ids.map((id) => ranked(byId.get(id) ?? []));
    });
    this.relationLoader = new DataLoader((keys) => this.loadRelations(keys), {
      cacheKeyFn: (k) => `${k.type}:${k.direction}:${k.id}`,
    });
  }

  /** The relationships of `type` leaving (`out`) or entering (`in`) node `id`, with the other ends. */
  relations(id: string, relation: Relation): Promise<Neighbour[]> {
    return this.relationLoader.load({ id, ...relation });
  }

  private async loadRelations(keys: readonly RelationKey[]): Promise<Neighbour[][]> {
    const groups = [...new Set(keys.map((k) => `${k.type}:${k.direction}`))].sort();
    const params: Record<string, string[]> = {};
    groups.forEach((group, i) => {
      params[`ids${i}`] = [...new Set(keys.filter((k) => `${k.type}:${k.direction}` === group).map((k) => k.id))];
    });
    const rows = await this.executor.read<{ g: number; id: string; edge: RawEdge; node: RawNode }>(
      relationStatement(groups),
      params,
    );
    const found = new Map<string, Neighbour[]>();
    for (const row of rows) {
      const key = `${groups[row.g]}:${row.id}`;
      const list = found.get(key) ?? [];
      list.push({ edge: toGraphEdge(row.edge), node: toGraphNode(row.node) });
      found.set(key, list);
    }
    return keys.map((k) => found.get(`${k.type}:${k.direction}:${k.id}`) ?? []);
  }
}
