/** Who met whom: one statement, shaped into pairs of actors with their encounters. */
import type { Config } from '../../config';
import { badInput } from '../../errors';
import type { Executor } from '../../graph/executor';
import { type NodeRow, nodeFromRow } from '../../graph/records';
import { type Evidence, evidenceFromLists } from '../../model/elements';
import { type DelegationRole, MeetingMedium, type ParticipantRole, ROLE_CODES } from '../../model/vocabulary';
import { decodeCursor, type Page, pageSize, toPage } from '../common/connection';
import { dateWindow } from '../common/date-window';
import { ParticipationMode } from '../common/enums';
import { type NodeView, nodeView } from '../node/node.view';
import { WHO_MET_ACTOR, WHO_MET_WHOM } from './encounter.cypher';
import type { WhoMetWhomArgs } from './encounter.input';
import type { EncounterProjection } from './encounter.selection';
import type { Encounter, MetPair, TakingPart } from './encounter.type';

/**
 * How one side took part, as the statement sends it: how, role, delegation role, the
 * delegation's id (the page's nodes hold it), and the quotes of the participation and of its
 * delegation link as three lists (empty unless Encounter.evidence is selected).
 */
type RawWay = [
  how: ParticipationMode,
  role: ParticipantRole,
  delegationRole: DelegationRole | null,
  delegation: string | null,
  sourceIds: string[],
  quotes: string[],
  offsets: number[],
];

/**
 * One encounter: the ids of its meeting and places (the page's nodes hold them) and the
 * counterpart's ways; the actor's ways in that meeting come once, in a row of their own.
 */
type RawEncounter = [
  meeting: string,
  place: string | null,
  venue: string | null,
  city: string | null,
  country: string | null,
  counterpartWays: RawWay[],
];

/** The actor's ways of taking part in one meeting. */
type RawActorWays = [actor: string, meeting: string, ways: RawWay[]];

interface RawPair {
  actor: string;
  /** The pair's place in the all-pairs list: actor's lower-cased name and id, counterpart's. */
  key?: string[];
  counterpart: string;
  encounters: RawEncounter[];
}

/** The page's nodes by id, each made a view once however many pairs name it. */
class Nodes {
  private readonly views = new Map<string, NodeView>();

  constructor(rows: NodeRow[]) {
    for (const row of rows) {
      const node = nodeFromRow(row);
      this.views.set(node.id, nodeView(node));
    }
  }

  view(id: string | null): NodeView | null {
    return id === null ? null : (this.views.get(id) ?? null);
  }
}

/** Without a selection to go by (callers outside GraphQL): every evidence list. */
const EVERYTHING: EncounterProjection = {
  nodeEvidence: true,
  encounterEvidence: true,
  places: ['city', 'country', 'place', 'venue'],
  delegations: true,
};

export class EncounterRepository {
  constructor(
    private readonly executor: Executor,
    private readonly config: Config,
  ) {}

  /**
   * With `actorId`, that actor's counterparts, paged by position; without, every pair, paged by
   * the last pair's names and ids. `withTotal: false` spares the all-pairs list its count
   * (totalCount is then 0; the resolver asks for it when the query selects it). `projection`
   * says which evidence lists the selection shows; the others are not fetched.
   */
  async whoMetWhom(
    args: WhoMetWhomArgs,
    { withTotal = true, projection = EVERYTHING }: { withTotal?: boolean; projection?: EncounterProjection } = {},
  ): Promise<Page<MetPair>> {
    const limit = pageSize(args.first, this.config.DEFAULT_PAGE_SIZE, this.config.MAX_PAGE_SIZE);
    const window = dateWindow(args.from, args.to);
    const params = {
      actorId: args.actorId ?? null,
      from: window.from,
      to: window.to,
      placeId: args.placeId ?? null,
      media: args.media ?? [MeetingMedium.IN_PERSON],
      limit: limit + 1,
    };
    if (args.actorId) {
      const skip = args.after ? Number(decodeCursor(args.after, 1)[0]) : 0;
      if (!Number.isInteger(skip) || skip < 0) throw badInput('after', 'is not a cursor this list gave out');
      const rows = await this.executor.read<PageRow>(WHO_MET_ACTOR(projection), { ...params, skip });
      return toPairPage(rows, limit, skip > 0, (_pair, i) => [skip + i + 1]);
    }
    const after = args.after ? decodeCursor(args.after, 4) : null;
    if (after && !after.every((part) => typeof part === 'string')) {
      throw badInput('after', 'is not a cursor this list gave out');
    }
    const statement = withTotal ? WHO_MET_WHOM.WITH_TOTAL : WHO_MET_WHOM.PAGE_ONLY;
    const rows = await this.executor.read<PageRow>(statement(projection), {
      ...params,
      after,
    });
    return toPairPage(rows, limit, after !== null, (pair) => pair.key!);
  }
}

interface PageRow {
  total: number | null;
  node: NodeRow | null;
  ways: RawActorWays | null;
  pair: RawPair | null;
}

function toPairPage(
  rows: PageRow[],
  limit: number,
  hasPrevious: boolean,
  cursorOf: (pair: RawPair, index: number) => unknown[],
): Page<MetPair> {
  const nodes = new Nodes(rows.flatMap((r) => (r.node ? [r.node] : [])));
  const actorWays = new Map(rows.flatMap((r) => (r.ways ? [[`${r.ways[0]}|${r.ways[1]}`, r.ways[2]] as const] : [])));
  const pairs = rows.flatMap((r) => (r.pair ? [r.pair] : [])).map((raw, i) => ({ raw, cursor: cursorOf(raw, i) }));
  return toPage(
    pairs,
    limit,
    rows[0]?.total ?? 0,
    hasPrevious,
    (p) => p.cursor,
    (p) => toPair(p.raw, nodes, actorWays),
  );
}

function toPair(raw: RawPair, nodes: Nodes, actorWays: Map<string, RawWay[]>): MetPair {
  const meetings = raw.encounters.map((e) => toEncounter(e, nodes, actorWays.get(`${raw.actor}|${e[0]}`) ?? []));
  return {
    actor: nodes.view(raw.actor),
    counterpart: nodes.view(raw.counterpart),
    meetingCount: meetings.length,
    meetings,
  };
}

function toEncounter(raw: RawEncounter, nodes: Nodes, actorWays: RawWay[]): Encounter {
  const [meetingId, place, venue, city, country, counterpartWays] = raw;
  const meeting = nodes.view(meetingId)!;
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  const takingPart = ([how, role, delegationRole, delegation, sourceIds, quotes, offsets]: RawWay): TakingPart => {
    for (const e of evidenceFromLists(sourceIds, quotes, offsets)) {
      const key = `${e.sourceId}@${e.offset}:${e.quote.length}`;
      if (!seen.has(key)) {
        seen.add(key);
        evidence.push(e);
      }
    }
    return {
      how,
      role,
      ...ROLE_CODES[role],
      delegation: nodes.view(delegation),
      delegationRole: how === ParticipationMode.DELEGATION_MEMBER ? delegationRole : null,
    };
  };
  return {
    meeting,
    date: meeting.date,
    medium: (meeting.medium ?? null) as MeetingMedium | null,
    place: nodes.view(place),
    venue: nodes.view(venue),
    city: nodes.view(city),
    country: nodes.view(country),
    actorTookPart: actorWays.map(takingPart),
    counterpartTookPart: counterpartWays.map(takingPart),
    evidence,
  };
}
