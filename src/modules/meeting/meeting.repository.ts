/** Reads meetings: filtered, ordered by date, paginated by keyset. */
import type { Config } from '../../config';
import type { ConnectionSelection, Projected } from '../../graph/compile';
import type { Executor } from '../../graph/executor';
import { type RawNode, toGraphNode } from '../../graph/records';
import { decodeCursor, type Page, pageSize, toPage } from '../common/connection';
import { dateWindow } from '../common/date-window';
import { MeetingOrder } from '../common/enums';
import { type NodeView, nodeView } from '../node/node.view';
import { compiledMeetingsPage, LIST_MEETINGS } from './meeting.cypher';
import type { MeetingsArgs } from './meeting.input';

export class MeetingRepository {
  constructor(
    private readonly executor: Executor,
    private readonly config: Config,
  ) {}

  async list(args: MeetingsArgs): Promise<Page<NodeView>> {
    const { params, direction, limit, filter } = this.listParams(args);
    const statement = LIST_MEETINGS[filter.participantId ? (`OF_PARTICIPANT_${direction}` as const) : direction];
    const result = await this.executor.read<{ total: number | null; row: { node: RawNode; sortKey: string } | null }>(
      statement,
      params,
    );
    const rows = result.flatMap(({ row: r }) =>
      r ? [{ node: nodeView(toGraphNode(r.node)), sortKey: r.sortKey }] : [],
    );
    return toPage(
      rows,
      limit,
      result[0]?.total ?? 0,
      Boolean(args.after),
      (r) => [r.sortKey, r.node.id],
      (r) => r.node,
    );
  }

  /**
   * The same page in one compiled statement holding only what `selection` asks for (the nodes
   * are projected maps, see src/graph/compile); the total is counted only when selected.
   */
  async listSelected(args: MeetingsArgs, selection: ConnectionSelection): Promise<Page<Projected>> {
    const { params, direction, limit, filter } = this.listParams(args);
    const statement = compiledMeetingsPage(
      direction,
      Boolean(filter.participantId),
      selection.totalCount,
      selection.node,
    );
    const [row] = await this.executor.read<{
      total: number | null;
      page: { sortKey: string; id: string; node: Projected }[];
    }>(statement, params);
    return toPage(
      row?.page ?? [],
      limit,
      row?.total ?? 0,
      Boolean(args.after),
      (r) => [r.sortKey, r.id],
      (r) => r.node,
    );
  }

  private listParams(args: MeetingsArgs) {
    const filter = args.filter ?? {};
    const limit = pageSize(args.first, this.config.DEFAULT_PAGE_SIZE, this.config.MAX_PAGE_SIZE);
    const window = dateWindow(filter.from, filter.to, ['filter.from', 'filter.to']);
    const [afterKey, afterId] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
    const direction = args.orderBy === MeetingOrder.DATE_DESC ? ('DESC' as const) : ('ASC' as const);
    const params = {
      status: filter.status ?? null,
      from: window.from,
      to: window.to,
      placeId: filter.placeId ?? null,
      participantId: filter.participantId ?? null,
      afterKey,
      afterId,
      limit: limit + 1,
    };
    return { params, direction, limit, filter };
  }
}
