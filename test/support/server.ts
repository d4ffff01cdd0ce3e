/** An in-process diplograph on a free port over the test Neo4j, and a GraphQL client for it. */

import { applyMigrations } from '../../src/graph/migrations';
import { createLogger } from '../../src/logger';
import { type RunningServer, startServer } from '../../src/server';
import { resetGraph, testConfig, testExecutor } from './graph';

export async function startTestServer(overrides: Record<string, string> = {}): Promise<RunningServer> {
  return startServer(testConfig(overrides), createLogger('silent'));
}

/** A server over an emptied graph that it seeds with the article itself, as `npm start` does. */
export async function startSeededServer(overrides: Record<string, string> = {}): Promise<RunningServer> {
  const executor = testExecutor();
  try {
    await applyMigrations(executor);
    await resetGraph(executor);
  } finally {
    await executor.close();
  }
  return startTestServer({ SEED_ON_START: 'true', ...overrides });
}

export interface GraphQLResponse {
  status: number;
  data: any;
  errors?: { message: string; extensions: Record<string, any> }[];
  roundTrips: number;
}

export async function gql(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as any;
  return { status: res.status, data: body.data, errors: body.errors, roundTrips: body.extensions?.roundTrips };
}

/** The data of a response that must have no errors. */
export async function gqlData(server: RunningServer, query: string, variables: Record<string, unknown> = {}) {
  const response = await gql(server, query, variables);
  if (response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data;
}
