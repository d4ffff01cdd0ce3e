import fs from 'node:fs';
import path from 'node:path';
import { planFromFacts } from '../../../src/ingest/plan';
import { parseFactsDocument } from '../../../src/ingest/validate';
import { NodeKind, RelType } from '../../../src/model/vocabulary';

const FACTS_FILE = path.join(__dirname, '..', '..', '..', 'seed', '2025-05-17-china-daily-istanbul-talks.facts.yaml');

function seedPlan() {
  const result = parseFactsDocument(fs.readFileSync(FACTS_FILE, 'utf8'), FACTS_FILE);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { facts: result.document, plan: planFromFacts(result.document) };
}

describe('planFromFacts', () => {
  it('makes one node per entity plus the source, and one edge per relationship, with unique ids', () => {
    const { facts, plan } = seedPlan();
    expect(plan.sourceId).toBe(facts.source.id);
    expect(plan.nodes).toHaveLength(facts.entities.length + 1);
    expect(plan.edges).toHaveLength(facts.relationships.length);
    expect(new Set(plan.nodes.map((n) => n.id)).size).toBe(plan.nodes.length);
    expect(new Set(plan.edges.map((e) => e.id)).size).toBe(plan.edges.length);
    const source = plan.nodes.find((n) => n.kind === NodeKind.Source)!;
    expect(source.props).toMatchObject({
      title: facts.source.title,
      text: facts.source.text,
      publisher: 'China Daily',
    });
  });

  it('stores dates as value, precision and range, and flags only when true', () => {
    const { plan } = seedPlan();
    const earlier = plan.nodes.find((n) => n.id === 'meeting:2022-03-russia-ukraine-face-to-face')!;
    expect(earlier.props).toMatchObject({
      date: '2022-03',
      datePrecision: 'MONTH',
      dateStart: '2022-03-01',
      dateEnd: '2022-03-31',
      status: 'HELD',
    });
    const talks = plan.nodes.find((n) => n.id === 'meeting:2025-05-16-istanbul-talks')!;
    expect(talks.props).toMatchObject({ durationMinutes: 120, durationApproximate: true });
    const head = plan.nodes.find((n) => n.id === 'person:head-of-ukraine-delegation-2025-05-16-istanbul-talks')!;
    expect(head.props.unnamed).toBe(true);
    expect(plan.nodes.find((n) => n.id === 'person:hakan-fidan')!.props).not.toHaveProperty('unnamed');
    const presence = plan.edges.find((e) => e.type === RelType.PRESENT_IN && e.from === 'person:marco-rubio')!;
    expect(presence.props).toMatchObject({ date: '2025-05-16', datePrecision: 'DAY' });
  });

  it('keeps every evidence quote with its offset', () => {
    const { facts, plan } = seedPlan();
    for (const node of plan.nodes.filter((n) => n.kind !== NodeKind.Source)) {
      expect(node.evidence.length).toBeGreaterThan(0);
      for (const e of node.evidence) expect(facts.source.text.slice(e.offset, e.offset + e.quote.length)).toBe(e.quote);
    }
  });
});
