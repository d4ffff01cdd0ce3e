/**
 * GET /healthz: is this server up, and can it reach Neo4j? 200 when both are fine, 503 when
 * Neo4j is not reachable (load balancers take the replica out; it recovers by itself). While
 * the local Neo4j is known to be down or restarting, the 503 comes at once, with its `state`.
 */
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Repositories } from '../repositories';
import { VERSION } from '../version';

export function healthHandler(repositories: Repositories, database: string, startedAt: number) {
  return async (_req: Request, res: Response) => {
    const began = Date.now();
    const server = { status: 'ok', version: VERSION, uptimeSeconds: Math.round((began - startedAt) / 1000) };
    try {
      const info = await repositories.system.serverInfo();
      res.status(200).json({
        status: 'ok',
        server,
        neo4j: {
          status: 'connected',
          version: info.version,
          edition: info.edition,
          database,
          latencyMs: Date.now() - began,
        },
      });
    } catch (error) {
      const state = error instanceof GraphQLError ? error.extensions.state : undefined;
      res.status(503).json({
        status: 'degraded',
        server,
        neo4j: {
          status: 'unavailable',
          ...(typeof state === 'string' ? { state } : {}),
          database,
          error: error instanceof Error ? error.message : String(error),
        },
      });
    }
  };
}
