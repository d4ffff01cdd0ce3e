/**
 * whoMetWhom through the whole API (HTTP → Apollo → resolver → one Cypher statement) against
 * the same answer fetched by a hand-written Cypher query through the raw driver, run
 * alternately in one process over the same graph. Prints medians and the ratio.
 *
 *   npm run bench:who-met-whom -- [meetings=5000] [iterations=300]
 */
import neo4j from 'neo4j-driver';
import { benchEnv, summarize } from './bench-env';

const HAND_WRITTEN = `
  MATCH (me:Entity {id: $actorId})
  CALL (me) {
    MATCH (me)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m, me.id AS mySide
    UNION
    MATCH (me)-[:MEMBER_OF]->(d:Delegation)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m, d.id AS mySide
    UNION
    MATCH (me)<-[:REPRESENTS]-(d:Delegation)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m, d.id AS mySide
  }
  WITH me, m, collect(mySide) AS mySides WHERE m.status = 'HELD'
  CALL (m) {
    MATCH (a)-[p:PARTICIPATED_IN]->(m) RETURN a, p, a.id AS side, 'DIRECT' AS how
    UNION ALL
    MATCH (a:Person)-[:MEMBER_OF]->(d:Delegation)-[p:PARTICIPATED_IN]->(m) RETURN a, p, d.id AS side, 'DELEGATION_MEMBER' AS how
    UNION ALL
    MATCH (a:Country)<-[:REPRESENTS]-(d:Delegation)-[p:PARTICIPATED_IN]->(m) RETURN a, p, d.id AS side, 'REPRESENTED_BY_DELEGATION' AS how
  }
  WITH me, m, mySides, a, collect(side) AS sides, collect({how: how, role: p.role, quote: p.evidenceQuotes[0]}) AS ways
  WHERE a <> me AND none(s IN sides WHERE s IN mySides)
  OPTIONAL MATCH (m)-[:HELD_AT]->(v:Place)
  OPTIONAL MATCH (v)-[:LOCATED_IN]->(c:Place)
  WITH a, collect({meeting: m.id, date: m.date, venue: v.name, city: c.name, ways: ways}) AS meetings
  RETURN a.id AS id, a.name AS name, meetings ORDER BY toLower(a.name), a.id LIMIT 100`;

const GRAPHQL = `query ($id: ID!) { whoMetWhom(actorId: $id, first: 100) { totalCount edges { node {
  counterpart { id name } meetings { meeting { id } date { value } venue { name } city { name }
  counterpartTookPart { how role } evidence { quote } } } } } }`;

async function main() {
  const meetings = Number(process.argv[2] ?? 5000);
  const iterations = Number(process.argv[3] ?? 300);
  const env = await benchEnv(meetings);
  const driver = neo4j.driver(env.uri, undefined, { disableLosslessIntegers: true });
  const actors = env.fixture.people.slice(0, 10).concat(env.fixture.countries.slice(0, 5));
  try {
    const viaApi = async (actorId: string) => {
      const res = await fetch(`${env.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: GRAPHQL, variables: { id: actorId } }),
      });
      const body = (await res.json()) as { data?: { whoMetWhom: { edges: unknown[] } }; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!.whoMetWhom.edges.length;
    };
    const viaDriver = async (actorId: string) => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.executeRead((tx) => tx.run(HAND_WRITTEN, { actorId }));
        return result.records.length;
      } finally {
        await session.close();
      }
    };
    for (const actor of actors) {
      const [a, b] = [await viaApi(actor), await viaDriver(actor)];
      if (a !== b) throw new Error(`answers differ for ${actor}: API ${a} counterparts, Cypher ${b}`);
    }
    const api: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const actor = actors[i % actors.length]!;
      for (const [fn, samples] of i % 2 === 0
        ? ([
            [viaApi, api],
            [viaDriver, raw],
          ] as const)
        : ([
            [viaDriver, raw],
            [viaApi, api],
          ] as const)) {
        const t = process.hrtime.bigint();
        await fn(actor);
        samples.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }
    const s1 = summarize(api);
    const s2 = summarize(raw);
    const fmt = (s: { median: number; p95: number; mean: number }) =>
      `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, mean ${s.mean.toFixed(2)} ms`;
    process.stdout.write(
      `whoMetWhom over ${meetings} meetings, ${iterations} alternating iterations, ${actors.length} actors\n` +
        `  API (HTTP + GraphQL):        ${fmt(s1)}\n` +
        `  raw driver, hand-written:    ${fmt(s2)}\n` +
        `  ratio API / raw (median):    ${(s1.median / s2.median).toFixed(2)}\n`,
    );
  } finally {
    await driver.close();
    await env.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
