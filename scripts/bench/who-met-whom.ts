/**
 * whoMetWhom through the whole API (HTTP → Apollo → resolver → one Cypher statement) against
 * the same answer fetched by a hand-written Cypher query through the raw driver, run
 * alternately in one process over the same graph. Prints medians, p95, p99 and the ratio; the CPU
 * per request of this process (client and server for the API, the driver for Cypher) and of
 * Neo4j; and the Bolt bytes read from Neo4j for one answer each way. Ends with a JSON line.
 *
 *   npm run bench:who-met-whom -- [meetings=5000] [iterations=300]
 */
import neo4j from 'neo4j-driver';
import { benchEnv, processCpuSeconds, summarize } from './bench-env';
import { reportResult, trackBytesRead } from './result';

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
  const bytesRead = trackBytesRead();
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
    const boltPort = Number(new URL(env.uri).port);
    // Bolt bytes of one answer each way (the calls run one at a time: nothing else reads then).
    const answerBytes = { api: 0, raw: 0 };
    for (const actor of actors) {
      const b0 = bytesRead(boltPort);
      const a = await viaApi(actor);
      const b1 = bytesRead(boltPort);
      const b = await viaDriver(actor);
      answerBytes.api += b1 - b0;
      answerBytes.raw += bytesRead(boltPort) - b1;
      if (a !== b) throw new Error(`answers differ for ${actor}: API ${a} counterparts, Cypher ${b}`);
    }
    const api: number[] = [];
    const raw: number[] = [];
    // CPU seconds spent during each side's calls: this process's, and Neo4j's.
    const cpu = { api: { own: 0, neo4j: 0 }, raw: { own: 0, neo4j: 0 } };
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
        const side = cpu[samples === api ? 'api' : 'raw'];
        const [own0, neo0] = [process.cpuUsage(), processCpuSeconds(env.neo4jPid) ?? Number.NaN];
        const t = process.hrtime.bigint();
        await fn(actor);
        samples.push(Number(process.hrtime.bigint() - t) / 1e6);
        const own = process.cpuUsage(own0);
        side.own += (own.user + own.system) / 1e6;
        side.neo4j += (processCpuSeconds(env.neo4jPid) ?? Number.NaN) - neo0;
      }
    }
    const s1 = summarize(api);
    const s2 = summarize(raw);
    const perCall = (side: { own: number; neo4j: number }) => ({
      cpuMsPerRequest: (side.own / iterations) * 1000,
      neo4jCpuMsPerRequest: (side.neo4j / iterations) * 1000,
    });
    const figures = {
      api: { ...s1, ...perCall(cpu.api), boltBytesPerRequest: answerBytes.api / actors.length },
      raw: { ...s2, ...perCall(cpu.raw), boltBytesPerRequest: answerBytes.raw / actors.length },
    };
    const fmt = (s: (typeof figures)['api']) =>
      `median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, mean ${s.mean.toFixed(2)} ms; ` +
      `CPU/req here ${s.cpuMsPerRequest.toFixed(1)} ms, Neo4j ${s.neo4jCpuMsPerRequest.toFixed(1)} ms; ` +
      `${(s.boltBytesPerRequest / 1000).toFixed(1)} kB from Neo4j/req`;
    process.stdout.write(
      `whoMetWhom over ${meetings} meetings, ${iterations} alternating iterations, ${actors.length} actors\n` +
        `  API (HTTP + GraphQL):        ${fmt(figures.api)}\n` +
        `  raw driver, hand-written:    ${fmt(figures.raw)}\n` +
        `  ratio API / raw (median):    ${(s1.median / s2.median).toFixed(2)}, p99 ${(s1.p99 / s2.p99).toFixed(2)}\n`,
    );
    reportResult('who-met-whom', { meetings, iterations, actors: actors.length, ...figures });
  } finally {
    await driver.close();
    await env.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
