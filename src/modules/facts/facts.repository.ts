/**
 * Writes facts documents sent over the API. A document sent inline cannot point at files on the
 * server: its source text must be given as `source.text`.
 */
import type { Config } from '../../config';
import type { Executor } from '../../graph/executor';
import { importFacts } from '../../ingest/import';
import type { LoadResult } from '../../ingest/load';

export class FactsRepository {
  constructor(
    private readonly executor: Executor,
    private readonly config: Pick<Config, 'MAX_YAML_ALIASES'>,
  ) {}

  import(document: string, name = 'document'): Promise<LoadResult> {
    return importFacts(
      this.executor,
      document,
      name,
      () => {
        throw new Error('a document sent over the API must carry its source text inline (source.text), not textFile');
      },
      { maxAliasCount: this.config.MAX_YAML_ALIASES },
    );
  }
}
