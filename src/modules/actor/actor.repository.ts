/** Reads actors: search by name or alias, list by name. */
import type { Config } from '../../config';
import { appError, badInput, ErrorCode, quoteList } from '../../errors';
import type { ConnectionSelection, Projected } from '../../graph/compile';
import type { Executor } from '../../graph/executor';
import { type RawNode, toGraphNode } from '../../graph/records';
import { ACTOR_KINDS, type NodeKind } from '../../model/vocabulary';
import { decodeCursor, type Page, pageSize, toPage } from '../common/connection';
import { type NodeView, nodeView } from '../node/node.view';
import { compiledActorsPage, LIST_ACTORS, SEARCH_ACTORS } from './actor.cypher';

export interface ActorSearch {
  search?: string | null;
  kinds?: NodeKind[] | null;
  first?: number | null;
  after?: string | null;
}

/** Lucene's syntax characters, escaped so user text is always words, never query syntax. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns user text into a Lucene query: every word must match, as a whole word (boosted), a
 * prefix ("zelen" finds Zelensky) or, for longer words, within one edit ("zelenskiy").
 */
export function luceneQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((w) => w.replace(/\\/g, '').length > 0 && !/^(AND|OR|NOT|TO)$/.test(w));
  if (words.length === 0) return null;
  return words.map((w) => `(${w}^4 OR ${w}*${w.length >= 5 ? ` OR ${w}~1` : ''})`).join(' AND ');
}

export class ActorRepository {
  constructor(
    private readonly executor: Executor,
    private readonly config: Config,
  ) {}

  async search(args: ActorSearch): Promise<Page<NodeView>> {
    const limit = pageSize(args.first, this.config.DEFAULT_PAGE_SIZE, this.config.MAX_PAGE_SIZE);
    const kinds = this.kinds(args.kinds);
    const query = args.search ? luceneQuery(this.checkedSearch(args.search)) : null;
    if (query) {
      const skip = args.after ? Number(decodeCursor(args.after, 1)[0]) : 0;
      if (!Number.isInteger(skip) || skip < 0) throw badInput('after', 'is not a cursor this list gave out');
      const [row] = await this.executor.read<{ total: number; nodes: RawNode[] }>(SEARCH_ACTORS, {
        query,
        kinds,
        skip,
        limit: limit + 1,
      });
      const nodes = (row?.nodes ?? []).map((n, i) => ({ node: nodeView(toGraphNode(n)), position: skip + i + 1 }));
      return toPage(
        nodes,
        limit,
        row?.total ?? 0,
        skip > 0,
        (x) => [x.position],
        (x) => x.node,
      );
    }
    const [afterName, afterId] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
    const [row] = await this.executor.read<{ total: number; nodes: RawNode[] }>(LIST_ACTORS, {
      kinds,
      afterName,
      afterId,
      limit: limit + 1,
    });
    const nodes = (row?.nodes ?? []).map((n) => nodeView(toGraphNode(n)));
    return toPage(
      nodes,
      limit,
      row?.total ?? 0,
      Boolean(args.after),
      (n) => [n.name.toLowerCase(), n.id],
      (n) => n,
    );
  }

  /**
   * The same page in one compiled statement holding only what `selection` asks for (the nodes
   * are projected maps, see src/graph/compile); the total is counted only when selected.
   */
  async searchSelected(args: ActorSearch, selection: ConnectionSelection): Promise<Page<Projected>> {
    const limit = pageSize(args.first, this.config.DEFAULT_PAGE_SIZE, this.config.MAX_PAGE_SIZE);
    const kinds = this.kinds(args.kinds);
    const query = args.search ? luceneQuery(this.checkedSearch(args.search)) : null;
    type Row = { total: number | null; page: { id: string; name?: string; node: Projected }[] };
    if (query) {
      const skip = args.after ? Number(decodeCursor(args.after, 1)[0]) : 0;
      if (!Number.isInteger(skip) || skip < 0) throw badInput('after', 'is not a cursor this list gave out');
      const [row] = await this.executor.read<Row>(compiledActorsPage(true, selection.totalCount, selection.node), {
        query,
        kinds,
        skip,
        limit: limit + 1,
      });
      return toPage(
        (row?.page ?? []).map((r, i) => ({ node: r.node, position: skip + i + 1 })),
        limit,
        row?.total ?? 0,
        skip > 0,
        (x) => [x.position],
        (x) => x.node,
      );
    }
    const [afterName, afterId] = args.after ? (decodeCursor(args.after, 2) as [string, string]) : [null, null];
    const [row] = await this.executor.read<Row>(compiledActorsPage(false, selection.totalCount, selection.node), {
      kinds,
      afterName,
      afterId,
      limit: limit + 1,
    });
    return toPage(
      row?.page ?? [],
      limit,
      row?.total ?? 0,
      Boolean(args.after),
      (r) => [String(r.name).toLowerCase(), r.id],
      (r) => r.node,
    );
  }

  /**
   * Caps the search text before Lucene sees it: a very long word makes a fuzzy automaton Lucene
   * refuses ("automaton too large"), many words more clauses than it allows (TooManyClauses).
   */
  private checkedSearch(search: string): string {
    const { MAX_SEARCH_LENGTH: maxLength, MAX_SEARCH_TERMS: maxTerms } = this.config;
    const refuse = (limit: string, max: number, message: string) =>
      appError(ErrorCode.BAD_USER_INPUT, `search: ${message}`, { argument: 'search', limit, max });
    if (search.length > maxLength) {
      throw refuse('MAX_SEARCH_LENGTH', maxLength, `at most ${maxLength} characters (got ${search.length})`);
    }
    const terms = search.split(/\s+/).filter((w) => w.length > 0).length;
    if (terms > maxTerms) throw refuse('MAX_SEARCH_TERMS', maxTerms, `at most ${maxTerms} words (got ${terms})`);
    return search;
  }

  private kinds(kinds: NodeKind[] | null | undefined): string[] {
    if (!kinds || kinds.length === 0) return [...ACTOR_KINDS];
    const invalid = kinds.filter((k) => !(ACTOR_KINDS as readonly string[]).includes(k));
    if (invalid.length > 0) throw badInput('kinds', `${quoteList(invalid)} is not a kind of actor`);
    return kinds;
  }
}
