/**
 * Where whoMetWhom's time goes in Neo4j: our statement alone on the raw driver (for the
 * selection of bench:who-met-whom), the same statement cut short before its page rows, before
 * its sort, and after the places only, against the hand-written Cypher; p50, p99 (30 timed runs
 * after 15 untimed), records' size as JSON, and db hits of one PROFILE.
 *
 *   npm run bench:who-met-whom-parts -- [meetings=3000]
 */

import 'reflect-metadata';
import { type FieldNode, type GraphQLResolveInfo, Kind, type OperationDefinitionNode, parse } from 'graphql';
import neo4j from 'neo4j-driver';
import { whoMetActor } from '../../src/modules/encounter/encounter.cypher';
import { encounterSelection } from '../../src/modules/encounter/encounter.selection';
import { getSchema } from '../../src/schema';
import { benchEnv, summarize } from './bench-env';
import { corrections, GRAPHQL, HAND_WRITTEN } from './who-met-whom';

async function main() {
  const env = await benchEnv(Number(process.argv[2] ?? 3000), corrections);
  const driver = neo4j.driver(env.uri, undefined, { disableLosslessIntegers: true });
  const actors = env.fixture.people.slice(0, 10).concat(env.fixture.countries.slice(0, 5));
  // Our statement for the bench's own GraphQL query, as the resolver would build it.
  const schema = await getSchema();
  const operation = parse(GRAPHQL).definitions[0] as OperationDefinitionNode;
  const fieldNode = operation.selectionSet.selections.find((n) => n.kind === Kind.FIELD) as FieldNode;
  const info = {
    schema,
    fragments: {},
    variableValues: {},
    fieldNodes: [fieldNode],
    returnType: schema.getQueryType()!.getFields().whoMetWhom!.type,
  } as unknown as GraphQLResolveInfo;
  const ours = whoMetActor(encounterSelection(info)).text;
  const params = (actorId: string) => ({
    actorId,
    from: null,
    to: null,
    placeId: null,
    media: ['IN_PERSON'],
    limit: neo4j.int(101),
    skip: neo4j.int(0),
  });
  const run = async (text: string, actorId: string) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const t = process.hrtime.bigint();
      const r = await session.run(text, params(actorId));
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      return { ms, bytes: JSON.stringify(r.records.map((x) => x.toObject())).length, dbHits: 0 };
    } finally {
      await session.close();
    }
  };
  const cut = ours.indexOf('UNWIND CASE WHEN size(page)');
  const noPageRows = `${ours.slice(0, cut)} RETURN total, size(page) AS n`;
  const cut2 = ours.indexOf('WITH a, b, encounters ORDER BY');
  const noSort = `${ours.slice(0, cut2)} RETURN count(*) AS n`;
  const cut3 = ours.indexOf('// Who took part');
  const placesOnly = `${ours.slice(0, cut3)} RETURN count(*) AS n } RETURN sum(n) AS n`;
  const variants = [
    ['ours', ours],
    ['no-page-rows', noPageRows],
    ['no-sort', noSort],
    ['places-only', placesOnly],
    ['hand', HAND_WRITTEN],
  ] as const;
  for (const [name, text] of variants) {
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 45; i++) {
      const r = await run(text, actors[i % actors.length]!);
      if (i >= 15) ms.push(r.ms);
      bytes += r.bytes;
    }
    const s = summarize(ms);
    console.log(name, `p50 ${s.median.toFixed(1)} p99 ${s.p99.toFixed(1)} KB/req ${(bytes / 45 / 1024).toFixed(0)}`);
    const session = driver.session();
    const p = await session.run(`PROFILE ${text}`, params(actors[0]!));
    const sum = (op: any): number =>
      (op.dbHits ?? 0) + (op.children ?? []).reduce((a: number, c: any) => a + sum(c), 0);
    console.log(name, 'dbHits', sum(p.summary.profile));
    await session.close();
  }
  await driver.close();
  await env.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
