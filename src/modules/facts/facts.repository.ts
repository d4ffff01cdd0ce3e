/**
 * Writes facts documents sent over the API, and takes sources out. A document sent inline cannot
 * point at files on the server: its source text must be given as `source.text`.
 */
import { importLimits } from '../../config';
import type { Executor } from '../../graph/executor';
import { importFacts, removeSource } from '../../ingest/import';
import type { ImportOptions, ImportReport, RemoveReport } from '../../ingest/report';

export class FactsRepository {
  constructor(
    private readonly executor: Executor,
    private readonly config: Parameters<typeof importLimits>[0],
  ) {}

  import(document: string, options: ImportOptions = {}, name = 'document'): Promise<ImportReport> {
    return importFacts(
      this.executor,
      document,
      name,
      () => {
        throw new Error('a document sent over the API must carry its source text inline (source.text), not textFile');
      },
      { ...options, ...importLimits(this.config) },
    );
  }

  removeSource(sourceId: string): Promise<RemoveReport> {
    return removeSource(this.executor, sourceId);
  }
}
