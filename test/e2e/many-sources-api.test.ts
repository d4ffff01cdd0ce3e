/**
 * The query side of many sources in one graph, over the seeded article plus INVENTED documents
 * (test/support/invented-sources.ts; made-up texts, not news): a meeting's medium, place vs
 * venue, descriptions and notes, same-as groups. Values are read off the article and those texts.
 */
import { importFacts } from '../../src/ingest/import';
import type { RunningServer } from '../../src/server';
import { testExecutor } from '../support/graph';
import {
  FIDAN_KELLOGG_ISTANBUL,
  FIDAN_RUBIO_CALL,
  INVENTED_CALLS_DOCUMENT,
  INVENTED_NAMING_DOCUMENT,
  NAMED_HEAD,
  UNNAMED_HEAD,
} from '../support/invented-sources';
import { gql, gqlData, startSeededServer } from '../support/server';

const TALKS = 'meeting:2025-05-16-istanbul-talks';
const MARCH_2022 = 'meeting:2022-03-russia-ukraine-face-to-face';
const executor = testExecutor();
let server: RunningServer;

beforeAll(async () => {
  server = await startSeededServer();
  await importFacts(executor, INVENTED_CALLS_DOCUMENT, 'invented-calls.facts.yaml');
  await importFacts(executor, INVENTED_NAMING_DOCUMENT, 'invented-naming.facts.yaml');
});
afterAll(async () => {
  await server?.stop();
  await executor.close();
});

/** Fidan's counterparts, each with the meetings (id and medium). */
async function fidanMet(args = ''): Promise<Map<string, { id: string; medium: string | null }[]>> {
  const data = await gqlData(
    server,
    `{ whoMetWhom(actorId: "person:hakan-fidan"${args}, first: 100) { edges { node {
        counterpart { id } meetings { meeting { id medium } medium } } } } }`,
  );
  return new Map(
    data.whoMetWhom.edges.map((e: any) => [
      e.node.counterpart.id,
      e.node.meetings.map((m: any) => {
        expect(m.medium).toBe(m.meeting.medium);
        return { id: m.meeting.id, medium: m.medium };
      }),
    ]),
  );
}

describe("a meeting's medium", () => {
  it('is IN_PERSON for the Istanbul talks and the March 2022 meeting ("face-to-face"), PHONE for the invented call', async () => {
    for (const [id, medium] of [
      [TALKS, 'IN_PERSON'],
      [MARCH_2022, 'IN_PERSON'],
      [FIDAN_RUBIO_CALL, 'PHONE'],
      [FIDAN_KELLOGG_ISTANBUL, null],
    ] as const) {
      const data = await gqlData(server, `{ meeting(id: "${id}") { medium } }`);
      expect(data.meeting.medium).toBe(medium);
    }
  });

  it('whoMetWhom leaves calls out by default, keeps unknown-medium meetings, and takes media to choose', async () => {
    const byDefault = await fidanMet();
    expect(byDefault.has('person:marco-rubio')).toBe(false);
    expect(byDefault.get('person:keith-kellogg')).toEqual([{ id: FIDAN_KELLOGG_ISTANBUL, medium: null }]);
    expect(byDefault.get('country:UKR')).toEqual([{ id: TALKS, medium: 'IN_PERSON' }]);

    const withCalls = await fidanMet(', media: [IN_PERSON, PHONE]');
    expect(withCalls.get('person:marco-rubio')).toEqual([{ id: FIDAN_RUBIO_CALL, medium: 'PHONE' }]);
    expect(withCalls.has('person:keith-kellogg')).toBe(true);

    const callsOnly = await fidanMet(', media: [PHONE]');
    expect([...callsOnly.keys()]).toEqual(['person:marco-rubio']);
    expect(await fidanMet(', media: []')).toEqual(new Map());
  });
});

describe('place and venue', () => {
  const WHERE = 'venue { id } place { id } city { id } country { id }';

  it('the talks: venue and place Dolmabahce Palace, city Istanbul, country Türkiye', async () => {
    const data = await gqlData(server, `{ meeting(id: "${TALKS}") { ${WHERE} } }`);
    expect(data.meeting).toEqual({
      venue: { id: 'place:dolmabahce-palace' },
      place: { id: 'place:dolmabahce-palace' },
      city: { id: 'place:istanbul' },
      country: { id: 'country:TUR' },
    });
  });

  it('a meeting the invented text places only in Istanbul has no venue; its place and city are Istanbul', async () => {
    const data = await gqlData(server, `{ meeting(id: "${FIDAN_KELLOGG_ISTANBUL}") { ${WHERE} } }`);
    expect(data.meeting).toEqual({
      venue: null,
      place: { id: 'place:istanbul' },
      city: { id: 'place:istanbul' },
      country: { id: 'country:TUR' },
    });
  });

  it('the March 2022 meeting, at no named place, has none of them', async () => {
    const data = await gqlData(server, `{ meeting(id: "${MARCH_2022}") { ${WHERE} } }`);
    expect(data.meeting).toEqual({ venue: null, place: null, city: null, country: null });
  });

  it('every encounter says the same', async () => {
    const data = await gqlData(
      server,
      `{ whoMetWhom(actorId: "person:hakan-fidan", first: 100) { edges { node { counterpart { id }
          meetings { meeting { id } ${WHERE} } } } } }`,
    );
    const byMeeting = new Map<string, any>();
    for (const e of data.whoMetWhom.edges) for (const m of e.node.meetings) byMeeting.set(m.meeting.id, m);
    expect(byMeeting.get(TALKS)).toMatchObject({
      venue: { id: 'place:dolmabahce-palace' },
      place: { id: 'place:dolmabahce-palace' },
      city: { id: 'place:istanbul' },
      country: { id: 'country:TUR' },
    });
    expect(byMeeting.get(FIDAN_KELLOGG_ISTANBUL)).toMatchObject({
      venue: null,
      place: { id: 'place:istanbul' },
      city: { id: 'place:istanbul' },
      country: { id: 'country:TUR' },
    });
  });

  it('costs one round trip for one meeting as for many: the page, the places and the chains in one statement', async () => {
    for (const first of [1, 10]) {
      const response = await gql(server, `{ meetings(first: ${first}) { edges { node { id ${WHERE} } } } }`);
      expect(response.errors).toBeUndefined();
      expect(response.roundTrips).toBe(1);
    }
  });
});

describe('descriptions and notes', () => {
  it('every node type shows its description', async () => {
    const data = await gqlData(
      server,
      `{ venue: node(id: "place:dolmabahce-palace") { description }
         delegation: actor(id: "delegation:2025-05-16-istanbul-talks-ukraine") { description }
         head: actor(id: "person:head-of-ukraine-delegation-2025-05-16-istanbul-talks") { description }
         call: meeting(id: "${FIDAN_RUBIO_CALL}") { description }
         undescribed: actor(id: "country:TUR") { description } }`,
    );
    expect(data.venue.description).toBe('A Turkish Presidential office, on the Bosphorus.');
    expect(data.delegation.description).toBe(
      'Its head is named by the article only as "the head of Ukraine\'s delegation".',
    );
    expect(data.head.description).toContain('not named by the article');
    expect(data.call.description).toBe('An invented telephone call.');
    expect(data.undescribed.description).toBeNull();
  });

  it('every relationship type shows its note', async () => {
    const data = await gqlData(
      server,
      `{ kellogg: actor(id: "person:keith-kellogg") { ... on Person { offices { title note } } }
         eu: actor(id: "person:ursula-von-der-leyen") { ... on Person { offices { note } } }
         talks: meeting(id: "${TALKS}") { participants { actor { id } note } }
         received: meeting(id: "${FIDAN_KELLOGG_ISTANBUL}") { participants { actor { id } note } } }`,
    );
    expect(data.kellogg.offices).toContainEqual({
      title: 'Ukraine envoy',
      note: "The article calls him Trump's Ukraine envoy.",
    });
    expect(data.eu.offices[0].note).toBe('The article calls her "the EU chief" and names no formal office.');
    const notes = (list: any[]) => Object.fromEntries(list.map((p) => [p.actor.id, p.note]));
    expect(notes(data.talks.participants)['person:hakan-fidan']).toBe('He sat at the head of the table.');
    expect(notes(data.talks.participants)['country:UKR'] ?? null).toBeNull();
    expect(notes(data.received.participants)).toEqual({
      'person:hakan-fidan': 'The invented text says Fidan "received" him.',
      'person:keith-kellogg': null,
    });
  });
});

describe("same-as groups (the invented naming of the head of Ukraine's delegation)", () => {
  it("whoMetWhom for the named person finds the Istanbul talks' counterparts, and never the person itself", async () => {
    const data = await gqlData(
      server,
      `{ whoMetWhom(actorId: "${NAMED_HEAD}", first: 100) { totalCount edges { node {
          actor { id } counterpart { id } meetings { meeting { id } actorTookPart { how delegationRole } } } } } }`,
    );
    const counterparts = data.whoMetWhom.edges.map((e: any) => e.node.counterpart.id);
    expect(counterparts).toEqual(
      expect.arrayContaining([
        'person:hakan-fidan',
        'country:RUS',
        'delegation:2025-05-16-istanbul-talks-russia',
        'delegation:2025-05-16-istanbul-talks-turkiye',
      ]),
    );
    expect(counterparts).not.toContain(NAMED_HEAD);
    expect(counterparts).not.toContain(UNNAMED_HEAD);
    // Its own delegation and country are on its side, not counterparts.
    expect(counterparts).not.toContain('delegation:2025-05-16-istanbul-talks-ukraine');
    expect(counterparts).not.toContain('country:UKR');
    expect(new Set(counterparts).size).toBe(counterparts.length);
    const fidan = data.whoMetWhom.edges.find((e: any) => e.node.counterpart.id === 'person:hakan-fidan').node;
    expect(fidan.actor.id).toBe(NAMED_HEAD);
    expect(fidan.meetings).toEqual([
      { meeting: { id: TALKS }, actorTookPart: [{ how: 'DELEGATION_MEMBER', delegationRole: 'HEAD' }] },
    ]);
  });

  it('reports the group once as a counterpart, by its named member, and lists the group on it', async () => {
    const data = await gqlData(
      server,
      `{ whoMetWhom(actorId: "person:hakan-fidan", first: 100) { edges { node {
          counterpart { id name sameAs { id } } } } } }`,
    );
    const heads = data.whoMetWhom.edges
      .map((e: any) => e.node.counterpart)
      .filter((c: any) => [NAMED_HEAD, UNNAMED_HEAD].includes(c.id));
    expect(heads).toEqual([{ id: NAMED_HEAD, name: 'Olena Exampleva', sameAs: [{ id: UNNAMED_HEAD }] }]);
  });

  it("meetings(participantId) of the named person include the group's meetings", async () => {
    const data = await gqlData(
      server,
      `{ meetings(filter: {participantId: "${NAMED_HEAD}"}) { totalCount edges { node { id } } } }`,
    );
    expect(data.meetings.edges.map((e: any) => e.node.id)).toEqual([TALKS]);
    expect(data.meetings.totalCount).toBe(1);
  });

  it('search results name the group', async () => {
    const data = await gqlData(
      server,
      '{ actors(search: "Exampleva") { edges { node { id sameAs { id ... on Person { unnamed } } } } } }',
    );
    expect(data.actors.edges[0].node).toEqual({ id: NAMED_HEAD, sameAs: [{ id: UNNAMED_HEAD, unnamed: true }] });
    const unnamed = await gqlData(server, `{ actor(id: "${UNNAMED_HEAD}") { sameAs { id name } } }`);
    expect(unnamed.actor.sameAs).toEqual([{ id: NAMED_HEAD, name: 'Olena Exampleva' }]);
  });

  it('whoMetWhom without an actor lists the group once and never pairs it with itself', async () => {
    const pairs: [string, string][] = [];
    let after: string | null = null;
    do {
      const data: any = await gqlData(
        server,
        `query ($after: String) { whoMetWhom(first: 100, after: $after) { totalCount
           pageInfo { hasNextPage endCursor } edges { node { actor { id } counterpart { id } } } } }`,
        { after },
      );
      pairs.push(...data.whoMetWhom.edges.map((e: any) => [e.node.actor.id, e.node.counterpart.id]));
      if (!data.whoMetWhom.pageInfo.hasNextPage) expect(data.whoMetWhom.totalCount).toBe(pairs.length);
      after = data.whoMetWhom.pageInfo.hasNextPage ? data.whoMetWhom.pageInfo.endCursor : null;
    } while (after);
    const ids = pairs.flat();
    expect(ids).not.toContain(UNNAMED_HEAD);
    expect(pairs).toContainEqual(['person:hakan-fidan', NAMED_HEAD]);
    expect(pairs.filter(([a, b]) => a === NAMED_HEAD && b === NAMED_HEAD)).toEqual([]);
    expect(new Set(pairs.map((p) => p.join(' '))).size).toBe(pairs.length);
  });
});
