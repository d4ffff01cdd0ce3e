/**
 * A hand-written subgraph for export tests: every node kind, a meeting dated to the day and one
 * only to the month ("2022-03"), participation edges with roles, evidence everywhere — and text
 * that breaks careless writers: quotes of both kinds, <, &, backslashes, literal entities,
 * newlines (LF and CRLF), tabs, a control character, non-Latin scripts and an astral emoji.
 * Also the real consumers the tests hand exports to: networkx (Debian's python3) for GraphML
 * and GEXF.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportMeta } from '../../src/export/format';
import { type Evidence, edgeId, type GraphEdge, type GraphNode, type Subgraph } from '../../src/model/elements';
import { NodeKind, RelType } from '../../src/model/vocabulary';

export const SOURCE_ID = 'source:2025-05-17-china-daily-istanbul-talks';

/** Every hostile character at once; in names, quotes, properties. */
export const HOSTILE =
  'He said "no" & <b>left</b>, it\'s C:\\path\\n — AT&amp;T &#10; &lt;x&gt;\nline two\r\nline three\ttabbed 🇺🇦';

export const NAMES = {
  turkey: 'Türkiye',
  ukraine: 'Україна',
  china: '中国',
  venue: 'Dolmabahçe Palace',
  ministry: `Ministry of "Foreign" Affairs <MFA> & Co's \\ office`,
  formula: '=HYPERLINK("http://example.invalid","click")',
};

/** A control character XML cannot carry (JSON, CSV and Cypher can). */
export const CONTROL_NOTE = 'bell\u0007 rang';

const quote = (text: string, offset: number): Evidence => ({ sourceId: SOURCE_ID, quote: text, offset });

const node = (
  id: string,
  kind: NodeKind,
  name: string,
  properties: GraphNode['properties'],
  evidence: Evidence[],
): GraphNode => ({ id, kind, name, properties, evidence });

const edge = (
  from: string,
  type: RelType,
  to: string,
  properties: GraphEdge['properties'],
  evidence: Evidence[],
  key?: string,
): GraphEdge => ({ id: edgeId(from, type, to, key), type, from, to, properties, evidence });

export const TALKS_2025 = 'meeting:2025-05-16-istanbul-talks';
export const TALKS_2022 = 'meeting:2022-03-istanbul-talks';

export function exportFixture(): Subgraph {
  const nodes: GraphNode[] = [
    node(
      SOURCE_ID,
      NodeKind.Source,
      'Russia, Ukraine hold first direct talks since 2022',
      {
        title: 'Russia, Ukraine hold first direct talks since 2022',
        publisher: 'China Daily',
        date: '2025-05-17',
        datePrecision: 'DAY',
        dateStart: '2025-05-17',
        dateEnd: '2025-05-17',
        url: 'https://www.chinadaily.com.cn/a/202505/17/example.html?a=1&b=2',
        language: 'en',
        text: `ISTANBUL — ${HOSTILE}\r\nThe talks at Dolmabahçe Palace…`,
      },
      [],
    ),
    node('country:TUR', NodeKind.Country, NAMES.turkey, { aliases: ['Turkey', 'Turkiye'], iso3: 'TUR' }, [
      quote('Türkiye hosted the talks', 120),
    ]),
    node('country:UKR', NodeKind.Country, 'Ukraine', { aliases: [NAMES.ukraine, 'Ukraina'], iso3: 'UKR' }, [
      quote('Україна', 0),
      quote(HOSTILE, 1500),
    ]),
    node('country:RUS', NodeKind.Country, 'Russia', { aliases: ['Россия'], iso3: 'RUS' }, [quote('Russia', 7)]),
    node('country:CHN', NodeKind.Country, 'China', { aliases: [NAMES.china, 'PRC'], iso3: 'CHN' }, [quote('中国', 42)]),
    node(
      'org:turkish-foreign-ministry',
      NodeKind.Organization,
      NAMES.ministry,
      { orgKind: 'MINISTRY', description: `First line\nsecond "line" <with> & tags` },
      [quote(NAMES.ministry, 300)],
    ),
    node('person:hakan-fidan', NodeKind.Person, 'Hakan Fidan', { aliases: ['Fidan'] }, [quote('Hakan Fidan', 210)]),
    node(
      'person:unnamed-head-of-ukrainian-delegation',
      NodeKind.Person,
      'the head of the Ukrainian delegation',
      { unnamed: true },
      [quote('the head of the delegation', 640)],
    ),
    node('delegation:ukraine-2025-05-16', NodeKind.Delegation, 'Ukrainian delegation', {}, [
      quote('the Ukrainian delegation', 600),
    ]),
    node(
      'place:dolmabahce-palace',
      NodeKind.Place,
      NAMES.venue,
      { placeKind: 'VENUE', latitude: 41.0391, longitude: 29.0003, aliases: ['Dolmabahce'] },
      [quote('Dolmabahçe Palace', 80)],
    ),
    node('place:istanbul', NodeKind.Place, 'Istanbul', { placeKind: 'CITY', aliases: ['İstanbul'] }, [
      quote('ISTANBUL', 0),
    ]),
    node(
      TALKS_2025,
      NodeKind.Meeting,
      'Russia–Ukraine talks in Istanbul',
      {
        date: '2025-05-16',
        datePrecision: 'DAY',
        dateStart: '2025-05-16',
        dateEnd: '2025-05-16',
        time: '12:30',
        timezone: 'Europe/Istanbul',
        durationMinutes: 100,
        durationApproximate: true,
        status: 'HELD',
        format: 'TRILATERAL',
        mode: 'DIRECT',
      },
      [quote('the first direct talks', 30)],
    ),
    node(
      TALKS_2022,
      NodeKind.Meeting,
      'Russia–Ukraine talks, March 2022',
      { date: '2022-03', datePrecision: 'MONTH', dateStart: '2022-03-01', dateEnd: '2022-03-31', status: 'HELD' },
      [quote('since March 2022', 50)],
    ),
    node(
      'statement:ukraine-conditions',
      NodeKind.Statement,
      NAMES.formula,
      { statementKind: 'QUOTE', text: HOSTILE, date: '2025-05-16', datePrecision: 'DAY' },
      [quote(HOSTILE, 1500)],
    ),
  ];
  const edges: GraphEdge[] = [
    edge('country:TUR', RelType.PARTICIPATED_IN, TALKS_2025, { role: 'HOST' }, [quote('Türkiye hosted', 120)]),
    edge('person:hakan-fidan', RelType.PARTICIPATED_IN, TALKS_2025, { role: 'CHAIR', note: HOSTILE }, [
      quote('chaired by Hakan Fidan', 200),
    ]),
    edge('delegation:ukraine-2025-05-16', RelType.PARTICIPATED_IN, TALKS_2025, { role: 'PARTY' }, [
      quote('the Ukrainian delegation', 600),
    ]),
    // Codes already present: kept as ROLE_CODES says.
    edge(
      'country:RUS',
      RelType.PARTICIPATED_IN,
      TALKS_2025,
      { role: 'PARTY', cameo: '046', plover: 'CONSULT:multilateral' },
      [quote('Russia', 7)],
    ),
    edge('country:TUR', RelType.PARTICIPATED_IN, TALKS_2022, { role: 'HOST' }, [quote('since March 2022', 50)]),
    edge('country:UKR', RelType.PARTICIPATED_IN, TALKS_2022, { role: 'PARTY' }, [quote('since March 2022', 50)]),
    edge(
      'person:hakan-fidan',
      RelType.HOLDS_OFFICE,
      'org:turkish-foreign-ministry',
      { title: 'Foreign Minister', since: '2023-06' },
      [quote('Turkish Foreign Minister Hakan Fidan', 190)],
    ),
    edge('org:turkish-foreign-ministry', RelType.PART_OF, 'country:TUR', {}, [quote(NAMES.ministry, 300)]),
    edge(
      'person:unnamed-head-of-ukrainian-delegation',
      RelType.MEMBER_OF,
      'delegation:ukraine-2025-05-16',
      { role: 'HEAD' },
      [quote('the head of the delegation', 640)],
    ),
    edge('delegation:ukraine-2025-05-16', RelType.REPRESENTS, 'country:UKR', {}, [
      quote('the Ukrainian delegation', 600),
    ]),
    edge(TALKS_2025, RelType.HELD_AT, 'place:dolmabahce-palace', {}, [quote('at Dolmabahçe Palace', 77)]),
    edge('place:dolmabahce-palace', RelType.LOCATED_IN, 'place:istanbul', {}, [quote('Dolmabahçe Palace', 80)]),
    edge('place:istanbul', RelType.LOCATED_IN, 'country:TUR', {}, []),
    edge(TALKS_2025, RelType.FOLLOWS, TALKS_2022, {}, [quote('first direct talks since March 2022', 30)]),
    edge('statement:ukraine-conditions', RelType.STATED_BY, 'country:UKR', {}, [quote(HOSTILE, 1500)]),
    edge('statement:ukraine-conditions', RelType.ABOUT, TALKS_2025, {}, [quote(HOSTILE, 1500)]),
    edge('statement:ukraine-conditions', RelType.MADE_DURING, TALKS_2025, {}, [quote(HOSTILE, 1500)]),
    edge(
      'country:CHN',
      RelType.PRESENT_IN,
      'place:istanbul',
      { date: '2025-05', datePrecision: 'MONTH', note: CONTROL_NOTE },
      [quote('中国', 42)],
    ),
  ];
  return { nodes, edges, truncated: false };
}

/** An invented second source (an example, not news). */
export const OTHER_SOURCE_ID = 'source:2025-05-18-example-wire-istanbul';

export const FIDAN_OFFICE = edgeId('person:hakan-fidan', RelType.HOLDS_OFFICE, 'org:turkish-foreign-ministry');

/**
 * The fixture with claims, as an export reads them: every element's one claim from the fixture's
 * source, and an invented wire (an example, not news) disagreeing on two values — 90 minutes for
 * the 2025 talks against 100, and the title "Foreign Ministry chief" for Fidan's office against
 * "Foreign Minister". The shown values stay the fixture's: writers copy, they do not derive.
 */
export function disputedFixture(): Subgraph {
  const subgraph = exportFixture();
  const claimOf = (element: GraphNode | GraphEdge) => ({
    sourceId: SOURCE_ID,
    sourceDate: '2025-05-17',
    values: { ...element.properties, ...('name' in element ? { name: element.name } : {}) },
    evidence: element.evidence,
  });
  for (const element of [...subgraph.nodes, ...subgraph.edges]) {
    if (element.evidence.length > 0) element.claims = [claimOf(element)];
  }
  const talks = subgraph.nodes.find((n) => n.id === TALKS_2025)!;
  talks.disputed = ['durationMinutes'];
  talks.claims!.unshift({
    sourceId: OTHER_SOURCE_ID,
    sourceDate: '2025-05-18',
    values: { name: 'Istanbul talks', date: '2025-05-16', durationMinutes: 90, status: 'HELD' },
    evidence: [{ sourceId: OTHER_SOURCE_ID, quote: 'talks that lasted an hour and a half', offset: 140 }],
  });
  const office = subgraph.edges.find((e) => e.id === FIDAN_OFFICE)!;
  office.disputed = ['title'];
  office.claims!.push({
    sourceId: OTHER_SOURCE_ID,
    sourceDate: '2025-05-18',
    values: { title: 'Foreign Ministry chief' },
    evidence: [{ sourceId: OTHER_SOURCE_ID, quote: 'Foreign Ministry chief Hakan Fidan', offset: 230 }],
  });
  return subgraph;
}

export const EXPORT_META: ExportMeta = {
  seedIds: [TALKS_2025],
  depth: 2,
  generatedAt: '2025-05-17T08:00:00.000Z',
  sources: [
    {
      id: SOURCE_ID,
      title: 'Russia, Ukraine hold first direct talks since 2022',
      publisher: 'China Daily',
      date: '2025-05-17',
      url: 'https://www.chinadaily.com.cn/a/202505/17/example.html?a=1&b=2',
    },
  ],
};

/** What networkx made of a GraphML or GEXF file: graph data, nodes and edges with all their data. */
export interface NetworkxGraph {
  directed: boolean;
  multigraph: boolean;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  edges: [string, string, Record<string, unknown>][];
}

const PYTHON = '/usr/bin/python3';

const READ_SCRIPT = `
import json, sys
import networkx as nx
fmt, path = sys.argv[1], sys.argv[2]
G = nx.read_graphml(path) if fmt == 'graphml' else nx.read_gexf(path)
print(json.dumps({
    'version': nx.__version__,
    'directed': G.is_directed(),
    'multigraph': G.is_multigraph(),
    'graph': G.graph,
    'nodes': {n: d for n, d in G.nodes(data=True)},
    'edges': [[u, v, d] for u, v, d in G.edges(data=True)],
}, default=str, ensure_ascii=True))
`;

/** Reads an export with networkx (Debian's python3-networkx), as a user's script would. */
export function readWithNetworkx(format: 'graphml' | 'gexf', content: string): NetworkxGraph {
  const dir = mkdtempSync(join(tmpdir(), 'diplograph-export-'));
  try {
    const file = join(dir, `export.${format}`);
    writeFileSync(file, content, 'utf8');
    const run = spawnSync(PYTHON, ['-c', READ_SCRIPT, format, file], { encoding: 'utf8', timeout: 60_000 });
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`networkx could not read the ${format}: ${run.stderr}`);
    return JSON.parse(run.stdout) as NetworkxGraph;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
