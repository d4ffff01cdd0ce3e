/**
 * The seed document against the article, as a person reads it: each expectation below was
 * checked by hand against seed/2025-05-17-china-daily-istanbul-talks.txt, not derived from the
 * document under test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { idPattern } from '../../../src/ingest/facts.schema';
import { parseFactsDocument, type ResolvedFacts } from '../../../src/ingest/validate';
import { MeetingStatus, NodeKind, ParticipantRole, RelType } from '../../../src/model/vocabulary';

const SEED_DIR = path.join(__dirname, '..', '..', '..', 'seed');
const FACTS_FILE = path.join(SEED_DIR, '2025-05-17-china-daily-istanbul-talks.facts.yaml');
const TEXT = fs.readFileSync(path.join(SEED_DIR, '2025-05-17-china-daily-istanbul-talks.txt'), 'utf8');
const YAML_TEXT = fs.readFileSync(FACTS_FILE, 'utf8');

const TALKS = 'meeting:2025-05-16-istanbul-talks';
const EARLIER = 'meeting:2022-03-russia-ukraine-face-to-face';
const PUTIN_TRUMP = 'meeting:proposed-putin-trump-meeting';

let facts: ResolvedFacts;

beforeAll(() => {
  const result = parseFactsDocument(YAML_TEXT, FACTS_FILE);
  if (!result.ok) throw new Error(`the seed has problems:\n${JSON.stringify(result.problems, null, 2)}`);
  facts = result.document;
});

const entity = (id: string) => {
  const found = facts.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found;
};
const edges = (type: RelType, match: { from?: string; to?: string } = {}) =>
  facts.relationships.filter(
    (r) => r.type === type && (!match.from || r.from === match.from) && (!match.to || r.to === match.to),
  );
const targets = (type: RelType, from: string) => edges(type, { from }).map((r) => r.to);
const sources = (type: RelType, to: string) =>
  edges(type, { to })
    .map((r) => r.from)
    .sort();

describe('seed: the document', () => {
  it('validates with no problems', () => {
    expect(facts.source.id).toBe('source:2025-05-17-china-daily-istanbul-talks');
    expect(facts.source.text).toBe(TEXT);
    expect(facts.source.date).toMatchObject({ value: '2025-05-17', precision: 'DAY' });
  });

  it('finds every quote at its offset in the stored text', () => {
    const all = [...facts.entities, ...facts.relationships].flatMap((item) => item.evidence);
    expect(all.length).toBeGreaterThan(100);
    for (const e of all) {
      expect(e.sourceId).toBe(facts.source.id);
      expect(TEXT.slice(e.offset, e.offset + e.quote.length)).toBe(e.quote);
    }
    for (const s of facts.entities) {
      if (s.kind === NodeKind.Statement && s.statementKind === 'QUOTE') {
        expect(TEXT.slice(s.textOffset!, s.textOffset! + s.text.length)).toBe(s.text);
      }
    }
  });

  it('uses well-formed ids, with ISO 3166-1 alpha-3 codes for countries', () => {
    for (const e of facts.entities) expect(e.id).toMatch(idPattern(e.kind));
    expect(
      facts.entities
        .filter((e) => e.kind === NodeKind.Country)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['country:CHN', 'country:RUS', 'country:TUR', 'country:UKR', 'country:USA']);
  });

  it('names nobody the article does not name', () => {
    for (const name of ['Medinsky', 'Umerov', 'Erdogan', 'Witkoff', 'Sybiha', 'Lavrov']) {
      expect(YAML_TEXT).not.toContain(name);
    }
    const people = facts.entities.filter((e) => e.kind === NodeKind.Person);
    for (const person of people) {
      if (person.kind === NodeKind.Person && person.unnamed) continue;
      // Every named person's name is in the article.
      expect(TEXT).toContain(person.name);
    }
  });
});

describe('seed: the Istanbul talks of 2025-05-16', () => {
  it('were held at Dolmabahce Palace, in Istanbul, in Türkiye, on 2025-05-16, for about two hours', () => {
    const talks = entity(TALKS);
    expect(talks).toMatchObject({
      kind: NodeKind.Meeting,
      status: MeetingStatus.HELD,
      date: { value: '2025-05-16', precision: 'DAY' },
      durationMinutes: 120,
      durationApproximate: true,
      mode: 'DIRECT',
    });
    expect(targets(RelType.HELD_AT, TALKS)).toEqual(['place:dolmabahce-palace']);
    expect(targets(RelType.LOCATED_IN, 'place:dolmabahce-palace')).toEqual(['place:istanbul']);
    expect(targets(RelType.LOCATED_IN, 'place:istanbul')).toEqual(['country:TUR']);
    expect(entity('place:dolmabahce-palace').aliases).toContain('Dolmabahçe Palace');
  });

  it('had the Russian and Ukrainian delegations as parties, a Turkish delegation, and Fidan in the chair', () => {
    const roles = Object.fromEntries(edges(RelType.PARTICIPATED_IN, { to: TALKS }).map((r) => [r.from, r.props.role]));
    expect(roles).toEqual({
      'delegation:2025-05-16-istanbul-talks-russia': ParticipantRole.PARTY,
      'delegation:2025-05-16-istanbul-talks-ukraine': ParticipantRole.PARTY,
      // The article says only that it held discussions with the two sides: not host, not mediator.
      'delegation:2025-05-16-istanbul-talks-turkiye': ParticipantRole.PARTICIPANT,
      'person:hakan-fidan': ParticipantRole.CHAIR,
    });
    expect(targets(RelType.REPRESENTS, 'delegation:2025-05-16-istanbul-talks-russia')).toEqual(['country:RUS']);
    expect(targets(RelType.REPRESENTS, 'delegation:2025-05-16-istanbul-talks-ukraine')).toEqual(['country:UKR']);
    expect(targets(RelType.REPRESENTS, 'delegation:2025-05-16-istanbul-talks-turkiye')).toEqual(['country:TUR']);
  });

  it('Putin declined them and sent a delegation instead', () => {
    expect(targets(RelType.DECLINED, 'person:vladimir-putin')).toEqual([TALKS]);
    expect(targets(RelType.PARTICIPATED_IN, 'person:vladimir-putin')).not.toContain(TALKS);
    expect(targets(RelType.SENT_BY, 'delegation:2025-05-16-istanbul-talks-russia')).toEqual(['person:vladimir-putin']);
  });

  it("Ukraine's delegation head is unnamed", () => {
    const heads = edges(RelType.MEMBER_OF, { to: 'delegation:2025-05-16-istanbul-talks-ukraine' });
    expect(heads).toHaveLength(1);
    expect(heads[0]!.props.role).toBe('HEAD');
    const head = entity(heads[0]!.from);
    expect(head).toMatchObject({ kind: NodeKind.Person, unnamed: true });
    expect(head.name).toMatch(/unnamed/i);
    // Nor is anyone else in any delegation named.
    expect(edges(RelType.MEMBER_OF)).toHaveLength(1);
  });

  it('follow the face-to-face meeting of March 2022, which has a month, two parties and no venue', () => {
    expect(targets(RelType.FOLLOWS, TALKS)).toEqual([EARLIER]);
    expect(entity(EARLIER)).toMatchObject({
      status: MeetingStatus.HELD,
      date: { value: '2022-03', precision: 'MONTH' },
    });
    expect(targets(RelType.HELD_AT, EARLIER)).toEqual([]);
    expect(sources(RelType.PARTICIPATED_IN, EARLIER)).toEqual(['country:RUS', 'country:UKR']);
  });

  it('Rubio and Kellogg were in Istanbul that day, not at the talks, and met no one the article names', () => {
    for (const person of ['person:marco-rubio', 'person:keith-kellogg']) {
      const presence = edges(RelType.PRESENT_IN, { from: person });
      expect(presence.map((r) => [r.to, r.props.date?.value])).toEqual([['place:istanbul', '2025-05-16']]);
      expect(targets(RelType.PARTICIPATED_IN, person)).toEqual([]);
    }
    // The "flurry of separate meetings" has no participants the article names: no meeting for it.
    expect(facts.entities.filter((e) => e.kind === NodeKind.Meeting)).toHaveLength(3);
  });
});

describe('seed: the proposed Putin–Trump meeting', () => {
  it('is proposed, with no date and no venue', () => {
    const meeting = entity(PUTIN_TRUMP);
    expect(meeting.kind === NodeKind.Meeting && meeting.status).toBe(MeetingStatus.PROPOSED);
    expect(meeting.date).toBeUndefined();
    expect(targets(RelType.HELD_AT, PUTIN_TRUMP)).toEqual([]);
  });

  it('was called for by Moscow, Washington, Peskov and Trump', () => {
    expect(sources(RelType.PROPOSED, PUTIN_TRUMP)).toEqual([
      'country:RUS',
      'country:USA',
      'person:dmitry-peskov',
      'person:donald-trump',
    ]);
    expect(sources(RelType.ABOUT, PUTIN_TRUMP)).toEqual([
      'statement:2025-05-16-peskov-meeting-necessary',
      'statement:2025-05-16-trump-would-meet-putin',
    ]);
  });
});

describe('seed: offices', () => {
  it.each([
    ['person:hakan-fidan', 'org:turkish-foreign-ministry', 'Foreign Minister'],
    ['person:donald-trump', 'country:USA', 'President'],
    ['person:vladimir-putin', 'country:RUS', 'President'],
    ['person:volodymyr-zelensky', 'country:UKR', 'President'],
    ['person:marco-rubio', 'country:USA', 'Secretary of State'],
    ['person:keith-kellogg', 'country:USA', 'Ukraine envoy'],
    ['person:dmitry-peskov', 'org:kremlin', 'spokesman'],
    ['person:ursula-von-der-leyen', 'org:european-union', 'EU chief'],
    ['person:lin-jian', 'org:chinese-foreign-ministry', 'spokesman'],
  ])('%s holds office in %s as %s', (person, of, title) => {
    expect(edges(RelType.HOLDS_OFFICE, { from: person }).map((r) => [r.to, r.props.title])).toEqual([[of, title]]);
  });

  it('places the ministries in their countries', () => {
    expect(targets(RelType.PART_OF, 'org:turkish-foreign-ministry')).toEqual(['country:TUR']);
    expect(targets(RelType.PART_OF, 'org:chinese-foreign-ministry')).toEqual(['country:CHN']);
  });
});

describe('seed: statements', () => {
  it('each has a speaker', () => {
    const statements = facts.entities.filter((e) => e.kind === NodeKind.Statement);
    expect(statements.length).toBeGreaterThanOrEqual(14);
    for (const s of statements) expect(targets(RelType.STATED_BY, s.id)).toHaveLength(1);
  });

  it.each([
    ['statement:2025-05-16-fidan-ceasefire-as-soon-as-possible', 'person:hakan-fidan', 'QUOTE', '2025-05-16'],
    ['statement:zelensky-russia-not-serious-about-talks', 'person:volodymyr-zelensky', 'REPORTED', undefined],
    ['statement:2025-05-16-peskov-meeting-necessary', 'person:dmitry-peskov', 'QUOTE', '2025-05-16'],
    ['statement:2025-05-16-trump-would-meet-putin', 'person:donald-trump', 'REPORTED', '2025-05-16'],
    [
      'statement:ukraine-delegation-head-conditions-for-peace',
      'person:head-of-ukraine-delegation-2025-05-16-istanbul-talks',
      'REPORTED',
      undefined,
    ],
    ['statement:russia-ceasefire-concerns', 'country:RUS', 'REPORTED', undefined],
    ['statement:2025-05-15-rubio-breakthrough-unlikely', 'person:marco-rubio', 'REPORTED', '2025-05-15'],
    ['statement:2025-05-16-von-der-leyen-increase-pressure', 'person:ursula-von-der-leyen', 'REPORTED', '2025-05-16'],
    ['statement:2025-05-16-russia-captured-village', 'country:RUS', 'REPORTED', '2025-05-16'],
    ['statement:ukrainian-media-dnipro-air-alert', 'org:ukrainian-media', 'REPORTED', undefined],
    ['statement:2025-05-16-china-supports-peace-efforts', 'country:CHN', 'REPORTED', '2025-05-16'],
    ['statement:2025-05-16-lin-jian-position-consistent', 'person:lin-jian', 'REPORTED', '2025-05-16'],
  ])('%s: said by %s (%s, %s)', (id, speaker, kind, date) => {
    const statement = entity(id);
    expect(statement.kind === NodeKind.Statement && statement.statementKind).toBe(kind);
    expect(statement.date?.value).toBe(date);
    expect(targets(RelType.STATED_BY, id)).toEqual([speaker]);
  });

  it("Ukraine's conditions name the 30-day ceasefire, abducted children and prisoners", () => {
    const conditions = entity('statement:ukraine-delegation-head-conditions-for-peace');
    expect(conditions.kind === NodeKind.Statement && conditions.text).toMatch(
      /30-day ceasefire.*abducted Ukrainian children.*exchange of prisoners/,
    );
  });

  it('Fidan spoke during the talks; von der Leyen in Brussels', () => {
    expect(targets(RelType.MADE_DURING, 'statement:2025-05-16-fidan-ceasefire-as-soon-as-possible')).toEqual([TALKS]);
    expect(targets(RelType.MADE_AT, 'statement:2025-05-16-von-der-leyen-increase-pressure')).toEqual([
      'place:brussels',
    ]);
  });
});

describe('seed: names and spellings', () => {
  it.each([
    ['country:TUR', ['Turkiye', 'Turkey']],
    ['country:UKR', ['Україна']],
    ['country:RUS', ['Россия']],
    ['person:volodymyr-zelensky', ['Zelenskyy', 'Volodymyr Zelenskyy']],
    ['org:european-union', ['EU']],
  ])('%s is also %j', (id, aliases) => {
    expect(entity(id).aliases).toEqual(expect.arrayContaining(aliases));
  });

  it('the publisher is China Daily, an organization in the graph', () => {
    expect(facts.source.publisherId).toBe('org:china-daily');
    expect(entity('org:china-daily')).toMatchObject({ kind: NodeKind.Organization, orgKind: 'MEDIA' });
  });
});
