/**
 * Writes facts documents sent over the API. A document sent inline cannot point at files on the
 * server: its source text must be given as `source.text`.
 */
import type { Executor } from '../../graph/executor';
import { importFacts } from '../../ingest/import';
import { totals } from '../../ingest/report';

export class FactsRepository {
  constructor(private readonly executor: Executor) {}

  async import(document: string, name = 'document') {
    const report = await importFacts(this.executor, document, name, () => {
      throw new Error('a document sent over the API must carry its source text inline (source.text), not textFile');
    });
    const count = (rows: typeof report.nodes) => {
      const t = totals(rows);
      return t.created + t.claimed + t.unchanged;
    };
    // Nodes counts the source itself, as it always has.
    return {
      sourceId: report.sourceId,
      nodes: count(report.nodes) + 1,
      relationships: count(report.relationships),
      milliseconds: report.milliseconds,
    };
  }
}
