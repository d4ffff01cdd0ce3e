/** Who met whom: one statement, shaped into pairs of actors with their encounters. */
import type { Config } from '../../config';
import { badInput } from '../../errors';
import type { Executor } from '../../graph/executor';
import { type ParticipantRole, ROLE_CODES } from '../../graph/model';
import { type RawEdge, type RawNode, toGraphEdge, toGraphNode } from '../../graph/records';
import type { Evidence } from '../../graph/types';
import { decodeCursor, type Page, pageSize, toPage } from '../common/connection';
import { dateWindow } from '../common/date-window';
import type { ParticipationMode } from '../common/enums';
import { storedPartialDate } from '../common/partial-date';
import { type NodeView, nodeView } from '../node/node.view';
import { WHO_MET_ACTOR, WHO_MET_WHOM } from './encounter.cypher';
import type { WhoMetWhomArgs } from './encounter.input';
import type { Encounter, MetPair, TakingPart } from './encounter.type';

interface RawWay {
  how: ParticipationMode;
  participation: RawEdge;
  delegation: RawNode | null;
  link: RawEdge | null;
}

interface RawEncounter {
  meeting: RawNode;
  venue: RawNode | null;
  city: RawNode | null;
  country: RawNode | null;
  actorWays: RawWay[];
  counterpartWays: RawWay[];
}

interface RawPair {
  actor: RawNode;
  counterpart: RawNode;
  encounters: RawEncounter[];
}

const view = (raw: RawNode | null): NodeView | null => (raw ? nodeView(toGraphNode(raw)) : null);

export class EncounterRepository {
  constructor(
    private readonly executor: Executor,
    private readonly config: Config,
  ) {}

  async whoMetWhom(args: WhoMetWhomArgs): Promise<Page<MetPair>> {
    const limit = pageSize(args.first, this.config.DEFAULT_PAGE_SIZE, this.config.MAX_PAGE_SIZE);
    const window = dateWindow(args.from, args.to);
    const skip = args.after ? Number(decodeCursor(args.after, 1)[0]) : 0;
    if (!Number.isInteger(skip) || skip < 0) throw badInput('after', 'is not a cursor this list gave out');
    const [row] = await this.executor.read<{ total: number; pairs: RawPair[] }>(
      args.actorId ? WHO_MET_ACTOR : WHO_MET_WHOM,
      {
        actorId: args.actorId ?? null,
        from: window.from,
        to: window.to,
        placeId: args.placeId ?? null,
        skip,
        limit: limit + 1,
      },
    );
    const pairs = (row?.pairs ?? []).map((pair, i) => ({ pair: toPair(pair), position: skip + i + 1 }));
    return toPage(
      pairs,
      limit,
      row?.total ?? 0,
      skip > 0,
      (p) => [p.position],
      (p) => p.pair,
    );
  }
}

function toPair(raw: RawPair): MetPair {
  const meetings = raw.encounters.map(toEncounter);
  return { actor: view(raw.actor), counterpart: view(raw.counterpart), meetingCount: meetings.length, meetings };
}

function toEncounter(raw: RawEncounter): Encounter {
  const meeting = view(raw.meeting)!;
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  const takingPart = (way: RawWay): TakingPart => {
    const participation = toGraphEdge(way.participation);
    const link = way.link ? toGraphEdge(way.link) : null;
    for (const e of [...participation.evidence, ...(link?.evidence ?? [])]) {
      const key = `${e.sourceId}@${e.offset}:${e.quote.length}`;
      if (!seen.has(key)) {
        seen.add(key);
        evidence.push(e);
      }
    }
    const role = participation.properties.role as ParticipantRole;
    return {
      how: way.how,
      role,
      ...ROLE_CODES[role],
      delegation: view(way.delegation),
      delegationRole: (link?.type === 'MEMBER_OF' ? link.properties.role : null) as TakingPart['delegationRole'],
    };
  };
  return {
    meeting,
    date: storedPartialDate(raw.meeting.props),
    venue: view(raw.venue),
    city: view(raw.city),
    country: view(raw.country),
    actorTookPart: raw.actorWays.map(takingPart),
    counterpartTookPart: raw.counterpartWays.map(takingPart),
    evidence,
  };
}
