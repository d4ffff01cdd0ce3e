/** Reads meetings: filtered, ordered by date, paginated by keyset. */
import type { Config } from '../../config';
import type { Executor } from '../../graph/executor';
import { type RawNode, toGraphNode } from '../../graph/records';
import { decodeCursor, type Page, pageSize, toPage } from '../common/connection';
import { dateWindow } from '../common/date-window';
import { MeetingOrder } from '../common/enums';
import { type NodeView, nodeView } from '../node/node.view';
import { LIST_MEETINGS_ASC, LIST_MEETINGS_DESC } from './meeting.cypher';
import type { MeetingsArgs } from './meeting.input';

export class MeetingRepository {
  constructor(
    private readonly executor: Executor,
    private readonly config: Config,
  ) {}

  async list(args: MeetingsArgs): Promise<Page<NodeView>> {
    const filter = args.filter ?? {};
    const limit = pageSize(args.first, this.config.DEFAULT_PAGE_SIZE, this.config.MAX_PAGE_SIZE);
    const window = dateWindow(filter.from, filter.to, ['filter.from', 'filter.to']);
    const [afterKey, afterId] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
    const statement = args.orderBy === MeetingOrder.DATE_DESC ? LIST_MEETINGS_DESC : LIST_MEETINGS_ASC;
    const [row] = await this.executor.read<{ total: number; rows: { node: RawNode; sortKey: string }[] }>(statement, {
      status: filter.status ?? null,
      from: window.from,
      to: window.to,
      placeId: filter.placeId ?? null,
      participantId: filter.participantId ?? null,
      afterKey,
      afterId,
      limit: limit + 1,
    });
    const rows = (row?.rows ?? []).map((r) => ({ node: nodeView(toGraphNode(r.node)), sortKey: r.sortKey }));
    return toPage(
      rows,
      limit,
      row?.total ?? 0,
      Boolean(args.after),
      (r) => [r.sortKey, r.node.id],
      (r) => r.node,
    );
  }
}
