/**
 * GET /export?seed=ID[&seed=ID…]&depth=N&format=F[&table=nodes|edges][&type=T…][&from=D][&to=D]
 * streams a subgraph export as a download (Content-Type, Content-Disposition), written as Neo4j
 * returns rows and paused while the client is slow: memory stays flat at any size. Errors found
 * before the first byte are JSON with our codes; a failure mid-stream aborts the response.
 */
import { once } from 'node:events';
import { type Request, type Response, Router } from 'express';
import type { Config } from '../config';
import { badInput, quoteList } from '../errors';
import { type CsvTable, ExportFormat, exportFilename, FORMAT_INFO } from '../export';
import type { Logger } from '../logger';
import { RelType } from '../model/vocabulary';
import { runExport } from '../modules/subgraph/subgraph.export';
import type { Repositories } from '../repositories';
import { sendError } from './errors';

const list = (value: unknown): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => String(v));

function parseQuery(query: Request['query']) {
  const seedIds = list(query.seed);
  const format = String(query.format ?? '').toUpperCase();
  if (!(Object.values(ExportFormat) as string[]).includes(format)) {
    throw badInput('format', `must be one of ${Object.values(ExportFormat).join(', ')}`);
  }
  const depthText = query.depth === undefined ? '1' : String(query.depth);
  if (!/^\d+$/.test(depthText)) throw badInput('depth', 'must be a whole number, 0 or more');
  const table = query.table === undefined ? undefined : String(query.table);
  if (table !== undefined && table !== 'nodes' && table !== 'edges') throw badInput('table', 'must be nodes or edges');
  const types = list(query.type);
  const unknown = types.filter((t) => !(Object.values(RelType) as string[]).includes(t));
  if (unknown.length > 0) throw badInput('type', `unknown relationship type ${quoteList(unknown)}`);
  return {
    seedIds,
    depth: Number(depthText),
    format: format as ExportFormat,
    options: table ? { table: table as CsvTable } : {},
    relationshipTypes: types as RelType[],
    from: query.from === undefined ? null : String(query.from),
    to: query.to === undefined ? null : String(query.to),
  };
}

export function exportRouter(repositories: Repositories, config: Config, logger: Logger): Router {
  const router = Router();
  router.get('/export', async (req: Request, res: Response) => {
    try {
      const request = parseQuery(req.query);
      await runExport(
        repositories.subgraph,
        request,
        {
          start() {
            const filename = exportFilename(request.seedIds, request.depth, request.format, request.options);
            res.status(200);
            res.setHeader('Content-Type', FORMAT_INFO[request.format].mediaType);
            res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
            res.setHeader('Cache-Control', 'no-store');
          },
          write: (chunk) => void res.write(chunk),
          async ready() {
            if (res.writableNeedDrain) await once(res, 'drain');
          },
        },
        config.MAX_EXPORT_NODES,
      );
      res.end();
    } catch (error) {
      if (res.headersSent) {
        logger.error({ err: error }, 'export failed mid-stream');
        res.destroy(error instanceof Error ? error : undefined);
        return;
      }
      sendError(res, error, { logger, production: config.NODE_ENV === 'production' });
    }
  });
  return router;
}
