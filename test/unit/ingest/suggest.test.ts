/** "Did you mean": which existing id an unknown one most likely meant (invented ids, and the seed's). */
import { editDistance, suggestId } from '../../../src/ingest/suggest';

const SEED_PEOPLE = [
  'person:hakan-fidan',
  'person:vladimir-putin',
  'person:donald-trump',
  'person:volodymyr-zelensky',
  'person:marco-rubio',
  'person:keith-kellogg',
  'person:dmitry-peskov',
  'person:ursula-von-der-leyen',
  'person:lin-jian',
  'person:head-of-ukraine-delegation-2025-05-16-istanbul-talks',
];

describe('suggestId', () => {
  it('finds a shortened id by its words', () => {
    expect(suggestId('person:zelensky', SEED_PEOPLE)).toBe('person:volodymyr-zelensky');
    expect(suggestId('person:von-der-leyen', SEED_PEOPLE)).toBe('person:ursula-von-der-leyen');
  });

  it('finds typos within 40% of the slug, case aside', () => {
    expect(suggestId('person:volodymyr-zelenskyy', SEED_PEOPLE)).toBe('person:volodymyr-zelensky');
    expect(suggestId('person:hakan-fiadn', SEED_PEOPLE)).toBe('person:hakan-fidan');
    expect(suggestId('country:UKX', ['country:UKR', 'country:RUS'])).toBe('country:UKR');
    expect(suggestId('person:Hakan-Fidan', SEED_PEOPLE)).toBe('person:hakan-fidan');
  });

  it('only suggests ids of the same kind', () => {
    expect(suggestId('place:zelensky', SEED_PEOPLE)).toBeUndefined();
    expect(suggestId('org:hakan-fidan', SEED_PEOPLE)).toBeUndefined();
  });

  it('suggests nothing that is far, and nothing for a tie', () => {
    expect(suggestId('person:john-smith', SEED_PEOPLE)).toBeUndefined();
    // Only some of the words: "putin" is in one id, "zelensky" in another.
    expect(suggestId('person:putin-zelensky', SEED_PEOPLE)).toBeUndefined();
    expect(suggestId('person:ann-exampla', ['person:ann-examplb', 'person:ann-examplc'])).toBeUndefined();
    expect(suggestId('person:zelensky', ['person:olena-zelensky', 'person:volodymyr-zelensky'])).toBeUndefined();
    // Words that are only numbers say nothing about which dated thing was meant.
    expect(suggestId('meeting:2025-05', ['meeting:2025-05-16-istanbul-talks'])).toBeUndefined();
  });

  it('prefers the fewest extra words', () => {
    expect(
      suggestId('delegation:istanbul-russia', [
        'delegation:2025-05-16-istanbul-talks-russia',
        'delegation:2025-05-16-istanbul-talks-ukraine',
      ]),
    ).toBe('delegation:2025-05-16-istanbul-talks-russia');
    expect(suggestId('person:ann-invent', ['person:ann-invent-senior', 'person:dr-ann-b-invent-junior'])).toBe(
      'person:ann-invent-senior',
    );
  });

  it('does not suggest the id itself', () => {
    expect(suggestId('person:lin-jian', SEED_PEOPLE)).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps, and stops past the bound', () => {
    expect(editDistance('fidan', 'fidan', 3)).toBe(0);
    expect(editDistance('fidan', 'fiadn', 3)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('zelensky', 'volodymyr-zelensky', 3)).toBe(4);
    expect(editDistance('abc', '', 5)).toBe(3);
  });
});
