/** Who met whom: one statement, shaped into pairs of actors with their encounters. */
import type { Config } from '../../config';
import { badInput } from '../../errors';
import type { Projected } from '../../graph/compile';
import type { Executor } from '../../graph/executor';
import { type NodeRow, nodeFromRow } from '../../graph/records';
import type { Evidence } from '../../model/elements';
import type { PartialDate } from '../../model/partial-date';
import { type DelegationRole, MeetingMedium, type ParticipantRole, ROLE_CODES } from '../../model/vocabulary';
import { decodeCursor, type Page, pageSize, toPage } from '../common/connection';
import { dateWindow } from '../common/date-window';
import { ParticipationMode } from '../common/enums';
import { nodeView } from '../node/node.view';
import { whoMetActor, whoMetWhom } from './encounter.cypher';
import type { WhoMetWhomArgs } from './encounter.input';
import type { EncounterSelection, NodePosition } from './encounter.selection';
import type { Encounter, MetPair, TakingPart } from './encounter.type';

/** A node as the statement sends it: projected (a map) or, for a whole position, a node row. */
type RawNode = Projected | NodeRow | null;

/** How one side took part, as the statement sends it: how, role, delegation role, the delegation (when selected). */
type RawWay = [
  how: ParticipationMode,
  role: ParticipantRole,
  delegationRole: DelegationRole | null,
  delegation: RawNode,
];

/** One piece of an encounter's evidence, each once, with only the selected parts (null otherwise). */
type RawEvidence = [sourceId: string | null, offset: number | null, quote: string | null];

/** One encounter: its meeting, Encounter.date and medium, places, both sides' ways, and its evidence. */
type RawEncounter = [
  meeting: RawNode,
  when: { date?: PartialDate | null; medium?: string | null } | null,
  place: RawNode,
  venue: RawNode,
  city: RawNode,
  country: RawNode,
  actorWays: RawWay[],
  counterpartWays: RawWay[],
  evidence: RawEvidence[],
];

interface PairRow {
  total: number | null;
  /** The pair's place in the page; null in the one row of an empty page. */
  pairAt: number | null;
  /** The pair's place in the all-pairs list: actor's lower-cased name and id, counterpart's. */
  key?: string[];
  actor: RawNode;
  counterpart: RawNode;
  encounters: RawEncounter[];
}

export class EncounterRepository {
  constructor(
    private readonly executor: Executor,
    private readonly config: Config,
  ) {}

  /**
   * With `actorId`, that actor's counterparts, paged by position; without, every pair, paged by
   * the last pair's names and ids. `withTotal: false` spares the all-pairs list its count
   * (totalCount is then 0; the resolver asks for it when the query selects it). `selection`
   * says what to project of each node and which parts of the encounters to build.
   */
  async whoMetWhom(
    args: WhoMetWhomArgs,
    { withTotal, selection }: { withTotal: boolean; selection: EncounterSelection },
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
    const shape = new Shape(selection);
    if (args.actorId) {
      const skip = args.after ? Number(decodeCursor(args.after, 1)[0]) : 0;
      if (!Number.isInteger(skip) || skip < 0) throw badInput('after', 'is not a cursor this list gave out');
      const rows = await this.executor.read<PairRow>(whoMetActor(selection), { ...params, skip });
      return shape.page(rows, limit, skip > 0, (_pair, i) => [skip + i + 1]);
    }
    const after = args.after ? decodeCursor(args.after, 4) : null;
    if (after && !after.every((part) => typeof part === 'string')) {
      throw badInput('after', 'is not a cursor this list gave out');
    }
    const rows = await this.executor.read<PairRow>(whoMetWhom(selection, withTotal), { ...params, after });
    return shape.page(rows, limit, after !== null, (pair) => pair.key!);
  }
}

/** The statement's rows → the GraphQL objects, as the selection projected them. */
class Shape {
  constructor(private readonly selection: EncounterSelection) {}

  page(
    rows: PairRow[],
    limit: number,
    hasPrevious: boolean,
    cursorOf: (pair: PairRow, index: number) => unknown[],
  ): Page<MetPair> {
    const pairs = rows.filter((r) => r.pairAt !== null).map((raw, i) => ({ raw, cursor: cursorOf(raw, i) }));
    return toPage(
      pairs,
      limit,
      rows[0]?.total ?? 0,
      hasPrevious,
      (p) => p.cursor,
      (p) => this.pair(p.raw),
    );
  }

  private pair(raw: PairRow): MetPair {
    const meetings = raw.encounters.map((e) => this.encounter(e));
    return {
      actor: node(raw.actor, this.selection.actor),
      counterpart: node(raw.counterpart, this.selection.counterpart),
      meetingCount: meetings.length,
      meetings,
    };
  }

  private encounter(raw: RawEncounter): Encounter {
    const [meeting, when, place, venue, city, country, actorWays, counterpartWays, evidence] = raw;
    const { places, delegation } = this.selection;
    const takingPart = ([how, role, delegationRole, through]: RawWay): TakingPart => {
      return {
        how,
        role,
        ...ROLE_CODES[role],
        delegation: node(through, delegation),
        delegationRole: how === ParticipationMode.DELEGATION_MEMBER ? delegationRole : null,
      };
    };
    return {
      meeting: node(meeting, this.selection.meeting),
      date: when?.date ?? null,
      medium: (when?.medium ?? null) as MeetingMedium | null,
      place: node(place, places.place),
      venue: node(venue, places.venue),
      city: node(city, places.city),
      country: node(country, places.country),
      actorTookPart: actorWays.map(takingPart),
      counterpartTookPart: counterpartWays.map(takingPart),
      // Parts left out were not selected: nothing reads them.
      evidence: evidence.map(
        ([sourceId, offset, quote]): Evidence => ({
          sourceId: sourceId ?? '',
          offset: offset ?? -1,
          quote: quote ?? '',
        }),
      ),
    };
  }
}

/** A projected node as it is; a whole one made a view (its nested fields load as before). */
function node(raw: RawNode, position: NodePosition | null | undefined): unknown {
  if (raw === null || !position) return null;
  return 'whole' in position ? nodeView(nodeFromRow(raw as NodeRow)) : raw;
}
