import type { RunningServer } from '../../src/server';
import { gql, gqlData, startSeededServer } from '../support/server';

const TALKS = 'meeting:2025-05-16-istanbul-talks';
let server: RunningServer;

beforeAll(async () => {
  server = await startSeededServer();
});
afterAll(() => server?.stop());

async function counterparts(actorId: string, extra = ''): Promise<string[]> {
  const data = await gqlData(
    server,
    `query ($id: ID!) { whoMetWhom(actorId: $id${extra}) { edges { node { counterpart { id } } } } }`,
    { id: actorId },
  );
  return data.whoMetWhom.edges.map((e: any) => e.node.counterpart.id).sort();
}

describe('the Istanbul talks, as the article reports them', () => {
  let talks: any;
  beforeAll(async () => {
    const data = await gqlData(
      server,
      `{ meeting(id: "${TALKS}") {
          name status mode time durationMinutes durationApproximate date { value precision }
          venue { id name aliases locatedIn { id name ... on Place { locatedIn { id name } } } }
          participants { role actor { id kind name } evidence { quote offset source { id publisher } } }
          declinedBy { id } follows { id date { value precision start end } venue { id } }
          statements { id text by { id } }
        } }`,
    );
    talks = data.meeting;
  });

  it('were held on 2025-05-16, a day-precision date, for about two hours', () => {
    expect(talks.status).toBe('HELD');
    expect(talks.date).toEqual({ value: '2025-05-16', precision: 'DAY' });
    expect(talks.durationMinutes).toBe(120);
    expect(talks.durationApproximate).toBe(true);
  });

  it('took place at Dolmabahce Palace, in Istanbul, in Türkiye', () => {
    expect(talks.venue.id).toBe('place:dolmabahce-palace');
    expect(talks.venue.locatedIn.id).toBe('place:istanbul');
    expect(talks.venue.locatedIn.locatedIn.id).toBe('country:TUR');
  });

  it('were chaired by Hakan Fidan, with the Russian and Ukrainian delegations as parties', () => {
    const roles = Object.fromEntries(talks.participants.map((p: any) => [p.actor.id, p.role]));
    expect(roles['person:hakan-fidan']).toBe('CHAIR');
    expect(roles['delegation:2025-05-16-istanbul-talks-russia']).toBe('PARTY');
    expect(roles['delegation:2025-05-16-istanbul-talks-ukraine']).toBe('PARTY');
    // "together with a Turkish delegation": present, its role not stated.
    expect(roles['delegation:2025-05-16-istanbul-talks-turkiye']).toBe('PARTICIPANT');
  });

  it('show a verbatim quote from China Daily for every participation', () => {
    for (const p of talks.participants) {
      expect(p.evidence.length).toBeGreaterThan(0);
      expect(p.evidence[0].source).toEqual({
        id: 'source:2025-05-17-china-daily-istanbul-talks',
        publisher: 'China Daily',
      });
    }
    const chair = talks.participants.find((p: any) => p.actor.id === 'person:hakan-fidan');
    expect(chair.evidence.map((e: any) => e.quote).join(' ')).toContain('He sat at the head of a table');
  });

  it('were declined by Putin, who sent a delegation instead', async () => {
    expect(talks.declinedBy.map((a: any) => a.id)).toEqual(['person:vladimir-putin']);
    const data = await gqlData(
      server,
      `{ actor(id: "delegation:2025-05-16-istanbul-talks-russia") { ... on Delegation { sentBy { id } represents { id } } } }`,
    );
    expect(data.actor).toEqual({ sentBy: [{ id: 'person:vladimir-putin' }], represents: { id: 'country:RUS' } });
  });

  it('follow the last face-to-face meeting, known only to the month (March 2022) and at no named venue', () => {
    expect(talks.follows).toHaveLength(1);
    expect(talks.follows[0].date).toEqual({
      value: '2022-03',
      precision: 'MONTH',
      start: '2022-03-01',
      end: '2022-03-31',
    });
    expect(talks.follows[0].venue).toBeNull();
  });

  it('have no start time: the article gives none', () => {
    expect(talks.time).toBeNull();
  });

  it("record Fidan's call for a ceasefire, made during the talks", () => {
    const fidan = talks.statements.find((s: any) => s.by.some((a: any) => a.id === 'person:hakan-fidan'));
    expect(fidan.text).toContain('it is of critical importance that the ceasefire be implemented as soon as possible');
  });
});

describe('the delegations', () => {
  it("name no head of Ukraine's delegation: an unnamed person heads it, who set out Kyiv's conditions", async () => {
    const data = await gqlData(
      server,
      `{ actor(id: "delegation:2025-05-16-istanbul-talks-ukraine") { ... on Delegation {
          members { role person { name unnamed statements { text } } } } } }`,
    );
    const [head] = data.actor.members;
    expect(head.role).toBe('HEAD');
    expect(head.person.unnamed).toBe(true);
    const conditions = head.person.statements.map((s: any) => s.text).join(' ');
    expect(conditions).toContain('30-day ceasefire');
    expect(conditions).toContain('the return of abducted Ukrainian children');
    expect(conditions).toContain('the exchange of prisoners');
  });

  it('invent no names the article does not give (no Medinsky, no Umerov)', async () => {
    for (const name of ['Medinsky', 'Umerov']) {
      const data = await gqlData(server, `{ actors(search: "${name}") { totalCount } }`);
      expect(data.actors.totalCount).toBe(0);
    }
  });
});

describe('the proposed Putin–Trump meeting', () => {
  it('is only PROPOSED, by Moscow, Washington, Peskov and Trump, with no date and no venue', async () => {
    const data = await gqlData(
      server,
      `{ meeting(id: "meeting:proposed-putin-trump-meeting") { status date { value } venue { id } proposedBy { id } } }`,
    );
    expect(data.meeting.status).toBe('PROPOSED');
    expect(data.meeting.date).toBeNull();
    expect(data.meeting.venue).toBeNull();
    expect(data.meeting.proposedBy.map((a: any) => a.id).sort()).toEqual(
      ['country:RUS', 'country:USA', 'person:donald-trump', 'person:dmitry-peskov'].sort(),
    );
  });

  it('is not an encounter: Putin and Trump met nobody in the article', async () => {
    expect(await counterparts('person:vladimir-putin')).toEqual([]);
    expect(await counterparts('person:donald-trump')).toEqual([]);
  });

  it("carries Peskov's words: a meeting is undoubtedly necessary", async () => {
    const data = await gqlData(server, `{ actor(id: "person:dmitry-peskov") { statements { text statementKind } } }`);
    expect(data.actor.statements).toContainEqual({
      text: 'a meeting is undoubtedly necessary.',
      statementKind: 'QUOTE',
    });
  });
});

describe('who met whom', () => {
  it('Fidan met the Russian and Ukrainian delegations, the countries they represent and their members', async () => {
    const met = await counterparts('person:hakan-fidan');
    expect(met).toEqual(
      expect.arrayContaining([
        'country:RUS',
        'country:UKR',
        'delegation:2025-05-16-istanbul-talks-russia',
        'delegation:2025-05-16-istanbul-talks-ukraine',
        'person:head-of-ukraine-delegation-2025-05-16-istanbul-talks',
      ]),
    );
    for (const absent of [
      'person:vladimir-putin',
      'person:volodymyr-zelensky',
      'person:marco-rubio',
      'person:donald-trump',
    ]) {
      expect(met).not.toContain(absent);
    }
  });

  it('Russia and Ukraine met twice: in Istanbul and in March 2022; only once from 2025 on', async () => {
    const data = await gqlData(
      server,
      `{ whoMetWhom(actorId: "country:RUS") { edges { node { counterpart { id }
          meetings { meeting { id } date { value precision } actorTookPart { how delegation { id } } } } } } }`,
    );
    const ukraine = data.whoMetWhom.edges.find((e: any) => e.node.counterpart.id === 'country:UKR').node;
    expect(ukraine.meetings.map((m: any) => m.meeting.id)).toEqual([
      'meeting:2022-03-russia-ukraine-face-to-face',
      TALKS,
    ]);
    const istanbul = ukraine.meetings[1];
    expect(istanbul.actorTookPart).toEqual([
      { how: 'REPRESENTED_BY_DELEGATION', delegation: { id: 'delegation:2025-05-16-istanbul-talks-russia' } },
    ]);
    const since2025 = await gqlData(
      server,
      `{ whoMetWhom(actorId: "country:RUS", from: "2025") { edges { node { counterpart { id } meetingCount } } } }`,
    );
    expect(since2025.whoMetWhom.edges.find((e: any) => e.node.counterpart.id === 'country:UKR').node.meetingCount).toBe(
      1,
    );
  });

  it('Rubio and Kellogg were in Istanbul that day but met no one the article names', async () => {
    expect(await counterparts('person:marco-rubio')).toEqual([]);
    expect(await counterparts('person:keith-kellogg')).toEqual([]);
    const data = await gqlData(
      server,
      `{ actor(id: "person:marco-rubio") { presences { date { value } place { id } } } }`,
    );
    expect(data.actor.presences).toEqual([{ date: { value: '2025-05-16' }, place: { id: 'place:istanbul' } }]);
  });

  it('nobody met at a place the talks were not held: Brussels has no encounters', async () => {
    const data = await gqlData(server, `{ whoMetWhom(placeId: "place:brussels") { totalCount } }`);
    expect(data.whoMetWhom.totalCount).toBe(0);
  });
});

describe('search, places and paths', () => {
  it.each(['turkiye', 'Türkiye', 'Turkey', 'TURKIYE'])('finds Türkiye by "%s"', async (q) => {
    const data = await gqlData(
      server,
      `query ($q: String) { actors(search: $q, kinds: [Country]) { edges { node { id } } } }`,
      { q },
    );
    expect(data.actors.edges[0].node.id).toBe('country:TUR');
  });

  it('finds Zelensky by the spelling "zelenskyy"', async () => {
    const data = await gqlData(server, '{ actors(search: "zelenskyy") { edges { node { id } } } }');
    expect(data.actors.edges[0].node.id).toBe('person:volodymyr-zelensky');
  });

  it('treats Lucene syntax in search text as plain words, never an error', async () => {
    for (const q of ['Putin AND (', 'von der Leyen"', '*', 'a:b', '\\']) {
      const response = await gql(server, 'query ($q: String) { actors(search: $q) { totalCount } }', { q });
      expect(response.errors).toBeUndefined();
    }
  });

  it('finds the talks by city and by country', async () => {
    for (const placeId of ['place:istanbul', 'country:TUR', 'place:dolmabahce-palace']) {
      const data = await gqlData(server, `{ meetings(filter: {placeId: "${placeId}"}) { edges { node { id } } } }`);
      expect(data.meetings.edges.map((e: any) => e.node.id)).toEqual([TALKS]);
    }
  });

  it('connects Fidan to Putin by a shortest path through the talks', async () => {
    const data = await gqlData(
      server,
      '{ path(fromId: "person:hakan-fidan", toId: "person:vladimir-putin", maxHops: 4) { length nodes { id } edges { type from to } } }',
    );
    expect(data.path.length).toBe(2);
    expect(data.path.nodes.map((n: any) => n.id)).toEqual(['person:hakan-fidan', TALKS, 'person:vladimir-putin']);
    expect(data.path.edges.map((e: any) => e.type)).toEqual(['PARTICIPATED_IN', 'DECLINED']);
  });

  it('pages through all actors with stable cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const data: any = await gqlData(
        server,
        'query ($after: String) { actors(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
        { after },
      );
      total = data.actors.totalCount;
      seen.push(...data.actors.edges.map((e: any) => e.node.id));
      after = data.actors.pageInfo.hasNextPage ? data.actors.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
    // 5 countries, 6 organizations, 10 people and 3 delegations in the document.
    expect(total).toBe(24);
  });
});
