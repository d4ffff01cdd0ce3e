import { createLogger } from '../../src/logger';
import { type RunningServer, startServer } from '../../src/server';
import { testConfig } from '../support/graph';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(testConfig(), createLogger('silent'));
});
afterAll(() => server?.stop());

async function graphql(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

describe('the HTTP server', () => {
  it('reports itself and a connected Neo4j 5.26 on /healthz', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.status).toBe('ok');
    expect(body.neo4j.status).toBe('connected');
    expect(body.neo4j.version).toMatch(/^5\.26\./);
    expect(body.neo4j.edition).toBe('community');
    expect(body.server.version).toBe(require('../../package.json').version);
  });

  it('answers a GraphQL query from Neo4j over HTTP, with its round trips', async () => {
    const { status, json } = await graphql({ query: '{ about { neo4jVersion neo4jEdition database nodeCount } }' });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.about.neo4jVersion).toMatch(/^5\.26\./);
    expect(json.data.about.database).toBe('neo4j');
    expect(typeof json.data.about.nodeCount).toBe('number');
    expect(json.extensions.roundTrips).toBeGreaterThanOrEqual(1);
  });

  it('counts round trips per request when requests overlap, and marks answers not to be stored', async () => {
    const query = '{ about { nodeCount } }';
    const alone = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(alone.headers.get('cache-control')).toBe('no-store');
    const single = ((await alone.json()) as any).extensions.roundTrips;
    expect(single).toBeGreaterThanOrEqual(1);
    // Ten at once: a counter shared between requests would report more than one request's count.
    const together = await Promise.all(Array.from({ length: 10 }, () => graphql({ query })));
    expect(together.map(({ json }) => json.extensions.roundTrips)).toEqual(Array(10).fill(single));
  });

  it('rejects malformed GraphQL with a parse error code', async () => {
    const { status, json } = await graphql({ query: '{ about { ' });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('rejects a body that is not JSON with BAD_USER_INPUT', async () => {
    const { status, json } = await graphql('{"query": ');
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects an oversized body with LIMIT_EXCEEDED before parsing it', async () => {
    const { status, json } = await graphql({ query: `{ about { version } } # ${'x'.repeat(2 * 1024 * 1024)}` });
    expect(status).toBe(413);
    expect(json.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
  });

  it('rejects a too-deep query with LIMIT_EXCEEDED, naming the limit, and runs no Cypher', async () => {
    const nested = (depth: number): string => (depth === 0 ? 'name' : `ofType { ${nested(depth - 1)} }`);
    // Introspection is exempt from the depth limit; the same selection under an alias is not.
    const { status, json } = await graphql({
      query: `{ t: __type(name: "About") { fields { type { ${nested(12)} } } } }`,
    });
    expect(status).toBe(400);
    expect(json.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_QUERY_DEPTH', max: 10 });
    expect(json.extensions.roundTrips).toBe(0);
  });

  it('rejects too many aliases with LIMIT_EXCEEDED', async () => {
    const fields = Array.from({ length: 41 }, (_, i) => `a${i}: about { version }`).join(' ');
    const { status, json } = await graphql({ query: `{ ${fields} }` });
    expect(status).toBe(400);
    expect(json.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'MAX_QUERY_ALIASES', max: 30 });
    expect(json.extensions.roundTrips).toBe(0);
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ about { version } }')}`);
    expect(res.status).toBe(400);
    const ok = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ about { version } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });
});
