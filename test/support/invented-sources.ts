/**
 * INVENTED facts documents for tests: made-up texts, NOT news. They share ids with the seed
 * (Fidan, Rubio, Kellogg, Istanbul, the unnamed head of Ukraine's delegation) so that queries
 * can be checked across sources. Every value the tests assert is read off these texts.
 */
import { stringify } from 'yaml';

export const INVENTED_CALLS_SOURCE = 'source:invented-example-calls';
export const FIDAN_RUBIO_CALL = 'meeting:invented-2025-05-20-fidan-rubio-call';
export const FIDAN_KELLOGG_ISTANBUL = 'meeting:invented-2025-05-21-fidan-kellogg-istanbul';

const CALLS_TEXT =
  'INVENTED EXAMPLE FOR TESTS, NOT NEWS. Hakan Fidan spoke by telephone with Marco Rubio on 20 May 2025. ' +
  'On 21 May 2025 Fidan received Keith Kellogg in Istanbul; the text names no venue.';

/** An invented phone call (medium PHONE) and an invented meeting in a city with no venue (medium not given). */
export const INVENTED_CALLS_DOCUMENT = stringify({
  version: 1,
  source: {
    id: INVENTED_CALLS_SOURCE,
    publisher: 'Invented Example Wire',
    title: 'INVENTED EXAMPLE: a call and a meeting in Istanbul (not news)',
    date: '2025-06-01',
    text: CALLS_TEXT,
  },
  entities: [
    {
      id: FIDAN_RUBIO_CALL,
      kind: 'Meeting',
      name: 'Fidan–Rubio telephone call (invented)',
      date: '2025-05-20',
      status: 'HELD',
      medium: 'PHONE',
      description: 'An invented telephone call.',
      evidence: [{ quote: 'Hakan Fidan spoke by telephone with Marco Rubio on 20 May 2025' }],
    },
    {
      id: FIDAN_KELLOGG_ISTANBUL,
      kind: 'Meeting',
      name: 'Fidan receives Kellogg in Istanbul (invented)',
      date: '2025-05-21',
      status: 'HELD',
      evidence: [{ quote: 'On 21 May 2025 Fidan received Keith Kellogg in Istanbul' }],
    },
  ],
  relationships: [
    {
      type: 'PARTICIPATED_IN',
      from: 'person:hakan-fidan',
      to: FIDAN_RUBIO_CALL,
      props: { role: 'PARTY' },
      evidence: [{ quote: 'Hakan Fidan spoke by telephone with Marco Rubio' }],
    },
    {
      type: 'PARTICIPATED_IN',
      from: 'person:marco-rubio',
      to: FIDAN_RUBIO_CALL,
      props: { role: 'PARTY' },
      evidence: [{ quote: 'Hakan Fidan spoke by telephone with Marco Rubio' }],
    },
    {
      type: 'PARTICIPATED_IN',
      from: 'person:hakan-fidan',
      to: FIDAN_KELLOGG_ISTANBUL,
      props: { role: 'HOST', note: 'The invented text says Fidan "received" him.' },
      evidence: [{ quote: 'Fidan received Keith Kellogg' }],
    },
    {
      type: 'PARTICIPATED_IN',
      from: 'person:keith-kellogg',
      to: FIDAN_KELLOGG_ISTANBUL,
      props: { role: 'PARTY' },
      evidence: [{ quote: 'Fidan received Keith Kellogg in Istanbul' }],
    },
    {
      type: 'HELD_AT',
      from: FIDAN_KELLOGG_ISTANBUL,
      to: 'place:istanbul',
      props: { note: 'Only the city is named.' },
      evidence: [{ quote: 'in Istanbul; the text names no venue' }],
    },
  ],
});

export const INVENTED_NAMING_SOURCE = 'source:invented-example-naming';
export const NAMED_HEAD = 'person:example-ukrainian-delegation-head';
export const UNNAMED_HEAD = 'person:head-of-ukraine-delegation-2025-05-16-istanbul-talks';

const NAMING_TEXT =
  "INVENTED EXAMPLE FOR TESTS, NOT NEWS. The head of Ukraine's delegation at the Istanbul talks of 16 May 2025 " +
  'was Olena Exampleva, a name made up for this example.';

/** An invented source naming the seed's unnamed head of Ukraine's delegation: a SAME_AS. */
export const INVENTED_NAMING_DOCUMENT = stringify({
  version: 1,
  source: {
    id: INVENTED_NAMING_SOURCE,
    publisher: 'Invented Example Wire',
    title: "INVENTED EXAMPLE: the head of Ukraine's delegation named (not news)",
    date: '2025-06-02',
    text: NAMING_TEXT,
  },
  entities: [
    {
      id: NAMED_HEAD,
      kind: 'Person',
      name: 'Olena Exampleva',
      description: 'An invented name, for tests.',
      evidence: [{ quote: 'Olena Exampleva' }],
    },
  ],
  relationships: [
    {
      type: 'SAME_AS',
      from: NAMED_HEAD,
      to: UNNAMED_HEAD,
      evidence: [
        {
          quote: "The head of Ukraine's delegation at the Istanbul talks of 16 May 2025 was Olena Exampleva",
        },
      ],
    },
  ],
});
