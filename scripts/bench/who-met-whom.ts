/**
 * whoMetWhom through the whole API (HTTP → Apollo → resolver → one Cypher statement) against
 * the same answer fetched by a hand-written Cypher query through the raw driver, run
 * alternately in one process over the same graph. The answers are compared in full first
 * (counterparts, meetings, venues, cities, ways of taking part, quotes). Prints p50, p95 and p99.
 *
 * The graph is the test fixture plus a second, invented source that says some meetings were
 * telephone calls (left out by whoMetWhom's default media) and that two pairs of people are the
 * same person (SAME_AS: each group answers as one actor).
 *
 *   npm run bench:who-met-whom -- [meetings=5000] [iterations=300]
 */
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import type { LoadEdge, LoadNode, LoadPlan } from '../../src/ingest/load';
import { edgeId } from '../../src/model/elements';
import { MeetingMedium, MeetingStatus, NodeKind, RelType, SAME_AS_MAX_HOPS } from '../../src/model/vocabulary';
import type { Fixture } from '../../test/support/fixture';
import { benchEnv, processCpuSeconds, type Summary, summarize } from './bench-env';
import { reportResult, trackBytesRead } from './result';

const EXTRA_SOURCE = 'source:bench-invented-corrections';

/** Invented corrections: every fifth held meeting was a call; people 0 ≡ 1 and 2 ≡ 12. */
export function corrections(fixture: Fixture): LoadPlan[] {
  const sentences: string[] = [];
  let length = 0;
  const quote = (text: string) => {
    const offset = length;
    sentences.push(text);
    length += text.length + 1;
    return [{ sourceId: EXTRA_SOURCE, quote: text, offset }];
  };
  const nodes: LoadNode[] = [];
  const edges: LoadEdge[] = [];
  fixture.meetings
    .filter((m) => m.status === MeetingStatus.HELD)
    .forEach((m, i) => {
      if (i % 5 !== 0) return;
      nodes.push({
        id: m.id,
        kind: NodeKind.Meeting,
        props: { medium: MeetingMedium.PHONE },
        evidence: quote(`${m.id} was a telephone call.`),
      });
    });
  for (const [a, b] of [
    [0, 1],
    [2, 12],
  ] as const) {
    const [from, to] = [fixture.people[a]!, fixture.people[b]!];
    edges.push({
      id: edgeId(from, RelType.SAME_AS, to),
      type: RelType.SAME_AS,
      from,
      to,
      props: {},
      evidence: quote(`${from} and ${to} are one person.`),
    });
  }
  const text = sentences.join('\n');
  const source: LoadNode = {
    id: EXTRA_SOURCE,
    kind: NodeKind.Source,
    props: { name: 'Invented corrections', title: 'Invented corrections', text, dateStart: '2030-01-01' },
    evidence: [],
  };
  return [{ sourceId: EXTRA_SOURCE, nodes: [source, ...nodes], edges }];
}

/**
 * The answer as a developer would write it by hand: the actor's same-as group, its held
 * meetings through the media asked for, everyone else there on another side (each same-as
 * group as its representative: a named member first, then the smallest id), with venue, city,
 * ways and quotes.
 */
export const HAND_WRITTEN = `
  MATCH (me:Entity {id: $actorId})
  CALL (me) { MATCH (me)-[:SAME_AS*0..${SAME_AS_MAX_HOPS}]-(g:Entity) RETURN collect(DISTINCT g) AS group }
  CALL (group) {
    UNWIND group AS mine
    CALL (mine) {
      MATCH (mine)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
      UNION
      MATCH (mine)-[:MEMBER_OF]->(:Delegation)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
      UNION
      MATCH (mine)<-[:REPRESENTS]-(:Delegation)-[:PARTICIPATED_IN]->(m:Meeting) RETURN m
    }
    RETURN DISTINCT m
  }
  WITH group, m WHERE m.status = 'HELD' AND coalesce(m.medium, 'IN_PERSON') IN $media
  CALL (m) {
    MATCH (a)-[p:PARTICIPATED_IN]->(m)
    RETURN a, a.id AS side, 'DIRECT' AS how, p.role AS role, p.evidenceQuotes AS quotes
    UNION ALL
    MATCH (a:Person)-[l:MEMBER_OF]->(d:Delegation)-[p:PARTICIPATED_IN]->(m)
    RETURN a, d.id AS side, 'DELEGATION_MEMBER' AS how, p.role AS role, p.evidenceQuotes + l.evidenceQuotes AS quotes
    UNION ALL
    MATCH (a:Country)<-[l:REPRESENTS]-(d:Delegation)-[p:PARTICIPATED_IN]->(m)
    RETURN a, d.id AS side, 'REPRESENTED_BY_DELEGATION' AS how, p.role AS role, p.evidenceQuotes + l.evidenceQuotes AS quotes
  }
  WITH group, m, a, collect(side) AS sides, collect({how: how, role: role}) AS ways, collect(quotes) AS quotes
  WITH group, m, collect({a: a, sides: sides, ways: ways, quotes: quotes}) AS takers
  WITH m, [t IN takers WHERE t.a IN group] AS mine, [t IN takers WHERE NOT t.a IN group] AS others
  WITH m, reduce(s = [], t IN mine | s + t.sides) AS mySides, reduce(q = [], t IN mine | q + t.quotes) AS myQuotes, others
  UNWIND others AS t
  WITH m, myQuotes, t WHERE none(s IN t.sides WHERE s IN mySides)
  CALL (t) {
    WITH t.a AS a
    MATCH (a)-[:SAME_AS*0..${SAME_AS_MAX_HOPS}]-(g:Entity)
    WITH DISTINCT g ORDER BY coalesce(g.unnamed, false), g.id LIMIT 1
    RETURN g AS rep
  }
  WITH rep, m, myQuotes, collect(t.ways) AS wayLists, collect(t.quotes) AS quoteLists
  OPTIONAL MATCH (m)-[:HELD_AT]->(v:Place)
  OPTIONAL MATCH (v)-[:LOCATED_IN]->(c:Place)
  WITH rep, m, v, c, myQuotes, wayLists, quoteLists ORDER BY m.dateStart, m.id
  WITH rep, collect({meeting: m.id, date: m.date, venue: v.name, city: c.name,
    ways: reduce(w = [], l IN wayLists | w + l), quotes: myQuotes + reduce(q = [], l IN quoteLists | q + l)}) AS meetings
  RETURN rep.id AS id, rep.name AS name, meetings ORDER BY toLower(rep.name), rep.id LIMIT 100`;

export const GRAPHQL = `query ($id: ID!) { whoMetWhom(actorId: $id, first: 100) { edges { node {
  counterpart { id name } meetings { meeting { id } date { value } venue { name } city { name }
  counterpartTookPart { how role } evidence { quote } } } } } }`;

interface Answer {
  id: string;
  name: string;
  meetings: {
    meeting: string;
    date: string;
    venue: string | null;
    city: string | null;
    ways: string[];
    quotes: string[];
  }[];
}

interface ApiBody {
  data?: {
    whoMetWhom: {
      edges: {
        node: {
          counterpart: { id: string; name: string };
          meetings: {
            meeting: { id: string };
            date: { value: string };
            venue: { name: string } | null;
            city: { name: string } | null;
            counterpartTookPart: { how: string; role: string }[];
            evidence: { quote: string }[];
          }[];
        };
      }[];
    };
  };
  errors?: unknown;
}

const flat = (value: unknown): string[] => (Array.isArray(value) ? value.flatMap(flat) : [String(value)]);
const sortedSet = (values: string[]) => [...new Set(values)].sort();

function fromApi(body: ApiBody): Answer[] {
  return body.data!.whoMetWhom.edges.map(({ node }) => ({
    id: node.counterpart.id,
    name: node.counterpart.name,
    meetings: node.meetings.map((m) => ({
      meeting: m.meeting.id,
      date: m.date.value,
      venue: m.venue?.name ?? null,
      city: m.city?.name ?? null,
      ways: m.counterpartTookPart.map((w) => `${w.how} ${w.role}`).sort(),
      quotes: sortedSet(m.evidence.map((e) => e.quote)),
    })),
  }));
}

function fromDriver(records: Neo4jRecord[]): Answer[] {
  return records.map((r) => ({
    id: r.get('id') as string,
    name: r.get('name') as string,
    meetings: (r.get('meetings') as Record<string, unknown>[]).map((m) => ({
      meeting: m.meeting as string,
      date: m.date as string,
      venue: (m.venue as string | null) ?? null,
      city: (m.city as string | null) ?? null,
      ways: (m.ways as { how: string; role: string }[]).map((w) => `${w.how} ${w.role}`).sort(),
      quotes: sortedSet(flat(m.quotes)),
    })),
  }));
}

async function main() {
  const meetings = Number(process.argv[2] ?? 5000);
  const iterations = Number(process.argv[3] ?? 300);
  const bytesRead = trackBytesRead();
  const env = await benchEnv(meetings, corrections);
  const driver = neo4j.driver(env.uri, undefined, { disableLosslessIntegers: true });
  const actors = env.fixture.people.slice(0, 10).concat(env.fixture.countries.slice(0, 5));
  const media = [MeetingMedium.IN_PERSON];
  try {
    const viaApi = async (actorId: string) => {
      const res = await fetch(`${env.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: GRAPHQL, variables: { id: actorId } }),
      });
      const body = (await res.json()) as ApiBody;
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body;
    };
    const viaDriver = async (actorId: string) => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.executeRead((tx) => tx.run(HAND_WRITTEN, { actorId, media }));
        return result.records;
      } finally {
        await session.close();
      }
    };
    const boltPort = Number(new URL(env.uri).port);
    // Bolt bytes of one answer each way (the calls run one at a time: nothing else reads then).
    const answerBytes = { api: 0, raw: 0 };
    for (const actor of actors) {
      const b0 = bytesRead(boltPort);
      const fromServer = await viaApi(actor);
      const b1 = bytesRead(boltPort);
      const fromCypher = await viaDriver(actor);
      answerBytes.api += b1 - b0;
      answerBytes.raw += bytesRead(boltPort) - b1;
      const [a, b] = [JSON.stringify(fromApi(fromServer)), JSON.stringify(fromDriver(fromCypher))];
      if (a !== b) {
        const at = [...a].findIndex((ch, i) => ch !== b[i]);
        throw new Error(
          `answers differ for ${actor} at character ${at}:\n  API    …${a.slice(Math.max(0, at - 200), at + 200)}\n  Cypher …${b.slice(Math.max(0, at - 200), at + 200)}`,
        );
      }
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
    const fmt = (s: Summary) =>
      `p50 ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, mean ${s.mean.toFixed(2)} ms`;
    process.stdout.write(
      `whoMetWhom over ${meetings} meetings, ${iterations} alternating iterations, ${actors.length} actors (answers compared: equal)\n` +
        `  API (HTTP + GraphQL):        ${fmt(s1)}\n` +
        `  raw driver, hand-written:    ${fmt(s2)}\n` +
        `  ratio API / raw:             p50 ${(s1.median / s2.median).toFixed(2)}, p99 ${(s1.p99 / s2.p99).toFixed(2)}\n`,
    );
    reportResult('who-met-whom', {
      meetings,
      iterations,
      actors: actors.length,
      api: { ...s1, ...perCall(cpu.api), boltBytesPerRequest: answerBytes.api / actors.length },
      raw: { ...s2, ...perCall(cpu.raw), boltBytesPerRequest: answerBytes.raw / actors.length },
    });
  } finally {
    await driver.close();
    await env.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  });
}
