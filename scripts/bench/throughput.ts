/**
 * Throughput of our API against @neo4j/graphql on equivalent queries over the same data: one
 * Neo4j loaded once with a generated graph, two GraphQL servers over it, each in a child process
 * of its own (express 5 + Apollo Server 5 both): ours (`startServer`), and @neo4j/graphql with
 * type definitions describing the same stored labels and relationship types. Every query's
 * answers are compared for equal content first, then autocannon drives each server in turn (A
 * then B in even rounds, B then A in odd ones) and the medians over rounds, the ratios, each
 * side's CPU time per request (its server process, and Neo4j's) and the Bolt bytes its server
 * read from Neo4j per request (what its driver decoded) are printed, and a JSON line for
 * `npm run bench`.
 *
 * Set BENCH_QUERIES=a-page,c-meeting to run some of the queries, BENCH_SHOW_CYPHER=1 to print the
 * Cypher @neo4j/graphql compiles each one to.
 *
 *   npm run bench:throughput -- [meetings=3000] [seconds=10] [rounds=3] [connections=10]
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';
import { reportResult, trackBytesRead } from './result';

/** The stored graph as @neo4j/graphql sees it: our labels, relationship types and properties. */
const THEIR_TYPE_DEFS = /* GraphQL */ `
  interface Actor {
    id: ID!
    name: String!
  }
  type Participation @relationshipProperties {
    role: String!
  }
  type Office @relationshipProperties {
    title: String!
  }
  type Membership @relationshipProperties {
    role: String
  }
  type Meeting @node(labels: ["Meeting"]) {
    id: ID!
    name: String!
    date: String
    dateStart: String
    dateEnd: String
    status: String
    venue: [Place!]! @relationship(type: "HELD_AT", direction: OUT)
    participants: [Actor!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Participation")
  }
  type Place @node(labels: ["Place"]) {
    id: ID!
    name: String!
    placeKind: String
    locatedIn: [Place!]! @relationship(type: "LOCATED_IN", direction: OUT)
    country: [Country!]! @relationship(type: "LOCATED_IN", direction: OUT)
    meetings: [Meeting!]! @relationship(type: "HELD_AT", direction: IN)
  }
  type Person implements Actor @node(labels: ["Person"]) {
    id: ID!
    name: String!
    participatedIn: [Meeting!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
    offices: [Country!]! @relationship(type: "HOLDS_OFFICE", direction: OUT, properties: "Office")
    delegations: [Delegation!]! @relationship(type: "MEMBER_OF", direction: OUT, properties: "Membership")
  }
  type Delegation implements Actor @node(labels: ["Delegation"]) {
    id: ID!
    name: String!
    participatedIn: [Meeting!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
    members: [Person!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "Membership")
    represents: [Country!]! @relationship(type: "REPRESENTS", direction: OUT)
  }
  type Country implements Actor @node(labels: ["Country"]) {
    id: ID!
    name: String!
    iso3: String
    participatedIn: [Meeting!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
    officials: [Person!]! @relationship(type: "HOLDS_OFFICE", direction: IN, properties: "Office")
    delegations: [Delegation!]! @relationship(type: "REPRESENTS", direction: IN)
  }
`;

/** What both answers are reduced to before comparing: sorted, so order inside lists is free. */
type Canonical = unknown;
type Json = any;

interface Query {
  name: string;
  description: string;
  ours: string;
  theirs: string;
  /** Variables of the i-th request (rotated through so both servers see the same mix). */
  variables: ((i: number) => Record<string, unknown>) | null;
  canonicalOurs(data: Json): Canonical;
  canonicalTheirs(data: Json): Canonical;
}

const byKey = (items: Json[], key: (item: Json) => string): Json[] =>
  [...items].sort((a, b) => key(a).localeCompare(key(b)));
const json = (x: unknown) => JSON.stringify(x);

function queries(people: string[], meetings: string[]): Query[] {
  return [
    {
      name: 'a-page',
      description: 'a page of 50 meetings by date, with venue name and participants (id, role)',
      ours: `{ meetings(first: 50, orderBy: DATE_ASC) { edges { node {
        id date { value } venue { name } participants { role actor { id } } } } } }`,
      theirs: `{ meetings(limit: 50, sort: [{ dateStart: ASC }, { id: ASC }]) {
        id date venue { name } participantsConnection { edges { properties { role } node { id } } } } }`,
      variables: null,
      canonicalOurs: (d) =>
        d.meetings.edges.map(({ node: m }: Json) => ({
          id: m.id,
          date: m.date?.value ?? null,
          venue: m.venue?.name ?? null,
          participants: byKey(
            m.participants.map((p: Json) => `${p.actor.id}/${p.role}`),
            (s) => s,
          ),
        })),
      canonicalTheirs: (d) =>
        d.meetings.map((m: Json) => ({
          id: m.id,
          date: m.date,
          venue: m.venue[0]?.name ?? null,
          participants: byKey(
            m.participantsConnection.edges.map((e: Json) => `${e.node.id}/${e.properties.role}`),
            (s) => s,
          ),
        })),
    },
    {
      name: 'b-person',
      description: "a person's direct meetings (filter on participant id), with venue and city",
      ours: `query ($id: ID!) { actor(id: $id) { participations { role meeting {
        id date { value } venue { name locatedIn { ... on Place { name } } } } } } }`,
      theirs: `query ($id: ID!) { meetings(where: { participants: { some: { id: { eq: $id } } } }) {
        id date venue { name locatedIn { name } } } }`,
      variables: (i) => ({ id: people[i % people.length] }),
      canonicalOurs: (d) =>
        byKey(
          d.actor.participations.map(({ meeting: m }: Json) => ({
            id: m.id,
            date: m.date?.value ?? null,
            venue: m.venue?.name ?? null,
            city: m.venue?.locatedIn?.name ?? null,
          })),
          (m) => m.id,
        ),
      canonicalTheirs: (d) => byKey(d.meetings.map(theirMeetingWithCity), (m) => m.id),
    },
    {
      name: 'b-person-traversal',
      description: "the same answer, @neo4j/graphql asked from the person's side (people → participatedIn)",
      ours: `query ($id: ID!) { actor(id: $id) { participations { role meeting {
        id date { value } venue { name locatedIn { ... on Place { name } } } } } } }`,
      theirs: `query ($id: ID!) { people(where: { id: { eq: $id } }) { participatedIn {
        id date venue { name locatedIn { name } } } } }`,
      variables: (i) => ({ id: people[i % people.length] }),
      canonicalOurs: (d) =>
        byKey(
          d.actor.participations.map(({ meeting: m }: Json) => ({
            id: m.id,
            date: m.date?.value ?? null,
            venue: m.venue?.name ?? null,
            city: m.venue?.locatedIn?.name ?? null,
          })),
          (m) => m.id,
        ),
      canonicalTheirs: (d) => byKey(d.people[0].participatedIn.map(theirMeetingWithCity), (m) => m.id),
    },
    {
      name: 'c-meeting',
      description: 'one meeting by id, with participants (role) and their offices (title, of)',
      ours: `query ($id: ID!) { meeting(id: $id) { id name participants { role actor {
        id name ... on Person { offices { title of { id } } } } } } }`,
      theirs: `query ($id: ID!) { meetings(where: { id: { eq: $id } }) { id name participantsConnection { edges {
        properties { role } node { id name ... on Person {
          officesConnection { edges { properties { title } node { id } } } } } } } } }`,
      variables: (i) => ({ id: meetings[i % meetings.length] }),
      canonicalOurs: (d) => ({
        id: d.meeting.id,
        name: d.meeting.name,
        participants: byKey(
          d.meeting.participants.map((p: Json) => ({
            id: p.actor.id,
            name: p.actor.name,
            role: p.role,
            offices: byKey(
              (p.actor.offices ?? []).map((o: Json) => `${o.title}@${o.of.id}`),
              (s) => s,
            ),
          })),
          json,
        ),
      }),
      canonicalTheirs: (d) => ({
        id: d.meetings[0].id,
        name: d.meetings[0].name,
        participants: byKey(
          d.meetings[0].participantsConnection.edges.map((e: Json) => ({
            id: e.node.id,
            name: e.node.name,
            role: e.properties.role,
            offices: byKey(
              (e.node.officesConnection?.edges ?? []).map((o: Json) => `${o.properties.title}@${o.node.id}`),
              (s) => s,
            ),
          })),
          json,
        ),
      }),
    },
  ];
}

function theirMeetingWithCity(m: Json) {
  return {
    id: m.id,
    date: m.date,
    venue: m.venue[0]?.name ?? null,
    city: m.venue[0]?.locatedIn[0]?.name ?? null,
  };
}

// ---------------------------------------------------------------- the two servers (children)

type ChildMessage =
  | { type: 'ready'; url: string }
  | { type: 'statements'; count: number; last: string[] }
  | { type: 'cpu'; ms: number; bytes: number }
  | { type: 'error'; message: string };

async function serveOurs(uri: string): Promise<void> {
  const bytesRead = trackBytesRead();
  const bytes = () => bytesRead(Number(new URL(uri).port));
  await import('reflect-metadata');
  const { loadConfig } = await import('../../src/config');
  const { startServer } = await import('../../src/server');
  const { createLogger } = await import('../../src/logger');
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: uri,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_ON_START: 'false',
    NODE_ENV: 'production',
  });
  const server = await startServer(config, createLogger('silent'));
  send({ type: 'ready', url: `${server.url}/graphql` });
  process.on('message', (m: { type: string }) => {
    if (m.type === 'cpu') send({ type: 'cpu', ms: cpuMs(), bytes: bytes() });
    if (m.type === 'stop') void server.stop().then(() => process.exit(0));
  });
}

async function serveTheirs(uri: string): Promise<void> {
  const bytesRead = trackBytesRead();
  const bytes = () => bytesRead(Number(new URL(uri).port));
  const { Neo4jGraphQL } = await import('@neo4j/graphql');
  const { ApolloServer } = await import('@apollo/server');
  const { expressMiddleware } = await import('@as-integrations/express5');
  const { ApolloServerPluginDrainHttpServer } = await import('@apollo/server/plugin/drainHttpServer');
  const { ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } = await import(
    '@apollo/server/plugin/disabled'
  );
  const { default: express } = await import('express');
  const { default: neo4j } = await import('neo4j-driver');
  const driver = neo4j.driver(uri, undefined, {
    maxConnectionPoolSize: 50,
    logging: { level: 'error', logger: () => {} },
  });
  const counter = countStatements(driver);
  const neoSchema = new Neo4jGraphQL({ typeDefs: THEIR_TYPE_DEFS, driver });
  const schema = await neoSchema.getSchema();
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const apollo = new ApolloServer({
    schema,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
  });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  send({ type: 'ready', url: `http://127.0.0.1:${port}/graphql` });
  process.on('message', (m: { type: string }) => {
    if (m.type === 'statements') send({ type: 'statements', count: counter.count, last: counter.last });
    if (m.type === 'cpu') send({ type: 'cpu', ms: cpuMs(), bytes: bytes() });
    if (m.type === 'stop') void apollo.stop().then(() => driver.close().then(() => process.exit(0)));
  });
}

/** Counts the Cypher statements @neo4j/graphql sends (and keeps the latest), for the report. */
function countStatements(driver: import('neo4j-driver').Driver) {
  const counter = { count: 0, last: [] as string[] };
  const session = driver.session.bind(driver);
  driver.session = ((config: Parameters<typeof driver.session>[0]) => {
    const s = session(config);
    const wrapTx = (tx: { run: (q: string, p?: unknown) => unknown }) => {
      const run = tx.run.bind(tx);
      tx.run = (q: string, p?: unknown) => {
        counter.count += 1;
        counter.last = [...counter.last.slice(-4), q];
        return run(q, p);
      };
      return tx;
    };
    for (const method of ['executeRead', 'executeWrite'] as const) {
      const original = s[method].bind(s);
      (s as unknown as Record<string, unknown>)[method] = (work: (tx: never) => unknown, cfg?: unknown) =>
        original((tx) => work(wrapTx(tx as never) as never) as never, cfg as never);
    }
    return s;
  }) as typeof driver.session;
  return counter;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU time Neo4j's process has used so far (Linux /proc; NaN elsewhere), in ms. */
function neo4jCpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}

/** The pid of the project's Neo4j listening on the port of `uri`, from its command line. */
function neo4jPid(uri: string): number | undefined {
  const port = new URL(uri).port;
  for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const at = args.indexOf('--port');
      if (args.includes('Launcher') && at >= 0 && args[at + 1] === port) return Number(entry);
    } catch {
      // a process that ended meanwhile
    }
  }
  return undefined;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

interface Child {
  url: string;
  process: ChildProcess;
  request<T extends ChildMessage['type']>(type: T): Promise<Extract<ChildMessage, { type: T }>>;
  stop(): Promise<void>;
}

function startChild(role: 'serve-ours' | 'serve-theirs', uri: string): Promise<Child> {
  // Both servers run as they would deployed (the Dockerfile's NODE_ENV); BENCH_CPU_PROF=DIR
  // writes a CPU profile of each into DIR.
  const profile = process.env.BENCH_CPU_PROF;
  const child = fork(__filename, [role, uri], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
    execArgv: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}/${role}`] : [],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code} before it was ready`)));
    child.once('message', (m: ChildMessage) => {
      if (m.type !== 'ready') return reject(new Error(`${role}: ${JSON.stringify(m)}`));
      child.removeAllListeners('exit');
      resolve({
        url: m.url,
        process: child,
        request: (type) =>
          new Promise((res) => {
            child.once('message', (reply: ChildMessage) => res(reply as never));
            child.send({ type });
          }),
        stop: () =>
          new Promise((res) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              res();
            });
            child.send({ type: 'stop' });
          }),
      });
    });
  });
}

// ---------------------------------------------------------------- the driver (parent)

async function post(url: string, query: string, variables: Record<string, unknown> | undefined): Promise<Json> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Json;
  if (body.errors || !res.ok) throw new Error(`${url}: HTTP ${res.status} ${JSON.stringify(body.errors ?? body)}`);
  return body;
}

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  /** CPU time per request of the GraphQL server's process and of Neo4j's, in ms. */
  serverCpu: number;
  neo4jCpu: number;
  /** Bytes the server read from Neo4j per request. */
  boltBytes: number;
  requests: number;
}

async function run(
  server: Child,
  pid: number | undefined,
  text: string,
  query: Query,
  seconds: number,
  connections: number,
): Promise<Sample & { bad: number }> {
  const bodies = Array.from({ length: query.variables ? 50 : 1 }, (_, i) =>
    JSON.stringify({ query: text, variables: query.variables?.(i) }),
  );
  let next = 0;
  const [before, db0] = [await server.request('cpu'), neo4jCpuMs(pid)];
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          request.body = bodies[next++ % bodies.length]!;
          return request;
        },
      },
    ],
    // A response with errors would be a fast wrong answer: count them and refuse the round.
    verifyBody: (body) => typeof body === 'string' && !body.includes('"errors"'),
  });
  const [after, db1] = [await server.request('cpu'), neo4jCpuMs(pid)];
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    serverCpu: (after.ms - before.ms) / result.requests.total,
    boltBytes: (after.bytes - before.bytes) / result.requests.total,
    neo4jCpu: (db1 - db0) / result.requests.total,
    requests: result.requests.total,
    bad: result.non2xx + result.errors + result.mismatches,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main() {
  const [, , meetingsArg, secondsArg, roundsArg, connectionsArg] = process.argv;
  const meetingCount = Number(meetingsArg ?? 3000);
  const seconds = Number(secondsArg ?? 10);
  const rounds = Number(roundsArg ?? 3);
  const connections = Number(connectionsArg ?? 10);
  // Imported here: the children need none of it (our server's child imports what it starts).
  const { benchEnv } = await import('./bench-env');
  const env = await benchEnv(meetingCount);
  const children: Child[] = [];
  try {
    const ours = await startChild('serve-ours', env.uri);
    children.push(ours);
    const theirs = await startChild('serve-theirs', env.uri);
    children.push(theirs);
    const people = env.fixture.people.slice(0, 10);
    const meetingIds = env.fixture.meetings.map((m) => m.id).filter((_, i) => i % 60 === 0);
    const list = queries(people, meetingIds);
    const only = process.env.BENCH_QUERIES?.split(',');
    const selected = only ? list.filter((q) => only.includes(q.name)) : list;

    // Same answers first, and what each side costs in Cypher round trips.
    const roundTrips: Record<string, { ours: number; theirs: number }> = {};
    for (const q of selected) {
      // Several requests each: the first one @neo4j/graphql answers also checks Neo4j's version.
      for (let i = 0; i < (q.variables ? 10 : 2); i++) {
        const vars = q.variables?.(i);
        const a = await post(ours.url, q.ours, vars);
        const before = (await theirs.request('statements')).count;
        const b = await post(theirs.url, q.theirs, vars);
        const after = await theirs.request('statements');
        const [ca, cb] = [json(q.canonicalOurs(a.data)), json(q.canonicalTheirs(b.data))];
        if (ca !== cb) throw new Error(`${q.name}: answers differ for ${json(vars)}\nours:   ${ca}\ntheirs: ${cb}`);
        if (ca.length < 20) throw new Error(`${q.name}: suspiciously small answer ${ca}`);
        roundTrips[q.name] = { ours: a.extensions?.roundTrips ?? Number.NaN, theirs: after.count - before };
        if (process.env.BENCH_SHOW_CYPHER && i === 1) {
          process.stderr.write(`--- ${q.name}: @neo4j/graphql's Cypher\n${after.last.at(-1)}\n`);
        }
      }
      process.stderr.write(`${q.name}: same answers from both servers\n`);
    }

    const pid = neo4jPid(env.uri);
    const samples: Record<string, { ours: Sample[]; theirs: Sample[] }> = {};
    for (const q of selected) {
      samples[q.name] = { ours: [], theirs: [] };
      // Warm-up: JIT, plan caches, page cache; not recorded.
      await run(ours, pid, q.ours, q, Math.min(3, seconds), connections);
      await run(theirs, pid, q.theirs, q, Math.min(3, seconds), connections);
    }
    for (let round = 0; round < rounds; round++) {
      for (const q of selected) {
        // A/B in even rounds, B/A in odd ones: neither side always runs first.
        const order = round % 2 === 0 ? (['ours', 'theirs'] as const) : (['theirs', 'ours'] as const);
        for (const side of order) {
          const s = await run(side === 'ours' ? ours : theirs, pid, q[side], q, seconds, connections);
          if (s.bad > 0) throw new Error(`${q.name} on ${side}: ${s.bad} failed or wrong responses`);
          samples[q.name]![side].push(s);
          process.stderr.write(
            `round ${round + 1}/${rounds} ${q.name.padEnd(19)} ${side.padEnd(6)} ${s.rps.toFixed(0).padStart(6)} req/s` +
              `  p50 ${s.p50} ms  p99 ${s.p99} ms  cpu/req server ${s.serverCpu.toFixed(1)} ms, neo4j ${s.neo4jCpu.toFixed(1)} ms` +
              `  ${(s.boltBytes / 1000).toFixed(1)} kB from Neo4j/req\n`,
          );
        }
      }
    }

    const cell = (text: string, width: number) => text.padStart(width);
    const lines = [
      `throughput over ${meetingCount} meetings: ${connections} connections, ${seconds} s per query per server, ` +
        `${rounds} alternating rounds (medians over rounds); CPU ms per request of each server process and of Neo4j`,
      `  ${'query'.padEnd(19)}${cell('ours req/s', 11)}${cell('theirs req/s', 13)}${cell('ratio', 7)}` +
        `${cell('ours p50/p99 ms', 17)}${cell('theirs p50/p99 ms', 19)}${cell('server cpu o/t', 16)}` +
        `${cell('neo4j cpu o/t', 15)}${cell('round trips o/t', 17)}${cell('Bolt kB/req o/t', 17)}`,
    ];
    for (const q of selected) {
      const { ours: a, theirs: b } = samples[q.name]!;
      const m = (xs: Sample[], key: keyof Sample) => median(xs.map((x) => x[key]));
      const [ra, rb] = [m(a, 'rps'), m(b, 'rps')];
      const pair = (key: keyof Sample, digits: number) => `${m(a, key).toFixed(digits)}/${m(b, key).toFixed(digits)}`;
      lines.push(
        `  ${q.name.padEnd(19)}${cell(ra.toFixed(1), 11)}${cell(rb.toFixed(1), 13)}${cell((ra / rb).toFixed(2), 7)}` +
          `${cell(`${m(a, 'p50')}/${m(a, 'p99')}`, 17)}${cell(`${m(b, 'p50')}/${m(b, 'p99')}`, 19)}` +
          `${cell(pair('serverCpu', 1), 16)}${cell(pair('neo4jCpu', 1), 15)}` +
          `${cell(`${roundTrips[q.name]!.ours}/${roundTrips[q.name]!.theirs}`, 17)}` +
          `${cell(`${(m(a, 'boltBytes') / 1000).toFixed(1)}/${(m(b, 'boltBytes') / 1000).toFixed(1)}`, 17)}`,
      );
    }
    lines.push('  queries:');
    for (const q of selected) lines.push(`    ${q.name}: ${q.description}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    const medians = (xs: Sample[]) => ({
      rps: median(xs.map((x) => x.rps)),
      p50Ms: median(xs.map((x) => x.p50)),
      p99Ms: median(xs.map((x) => x.p99)),
      serverCpuMsPerRequest: median(xs.map((x) => x.serverCpu)),
      neo4jCpuMsPerRequest: median(xs.map((x) => x.neo4jCpu)),
      boltBytesPerRequest: median(xs.map((x) => x.boltBytes)),
    });
    reportResult('throughput', {
      meetings: meetingCount,
      seconds,
      rounds,
      connections,
      queries: selected.map((q) => ({
        name: q.name,
        description: q.description,
        ours: { ...medians(samples[q.name]!.ours), roundTrips: roundTrips[q.name]!.ours },
        theirs: { ...medians(samples[q.name]!.theirs), roundTrips: roundTrips[q.name]!.theirs },
      })),
    });
  } finally {
    for (const child of children) await child.stop();
    await env.close();
  }
}

const [role, uri] = process.argv.slice(2);
if (role === 'serve-ours' || role === 'serve-theirs') {
  (role === 'serve-ours' ? serveOurs(uri!) : serveTheirs(uri!)).catch((error) => {
    process.stderr.write(`${role}: ${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  });
}
