/**
 * YAML aliases: a document may reuse an anchor (one evidence list for many entities), but a
 * "billion laughs" document — aliases of aliases, each level multiplying the copies — is refused
 * at once, with a short message, before anything is expanded. Invented example documents.
 */
import { DEFAULT_MAX_YAML_ALIASES, loadConfig } from '../../../src/config';
import { ProblemCode, parseFactsDocument } from '../../../src/ingest/validate';

// Invented example text.
const TEXT = 'The 150 envoys of Ruritania met in Strelsau.';

/** A valid document whose 150 entities share one evidence list through an anchor. */
function reusedAnchor(uses: number): string {
  const lines = [
    'version: 1',
    'source:',
    '  id: source:invented-envoys',
    '  publisher: Invented Daily',
    '  title: Envoys',
    "  date: '2025-05-17'",
    `  text: '${TEXT}'`,
    'entities:',
    '  - id: country:RUR',
    '    kind: Country',
    '    name: Ruritania',
    "    evidence: &envoys [{ quote: 'envoys of Ruritania' }]",
  ];
  for (let i = 1; i <= uses; i++) {
    lines.push(`  - { id: person:envoy-${i}, kind: Person, name: Envoy ${i}, unnamed: true, evidence: *envoys }`);
  }
  return `${lines.join('\n')}\n`;
}

/** Ten levels of ten aliases each: 10^10 copies if expanded. */
function billionLaughs(): string {
  const lines = ['version: 1', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level <= 10; level++) {
    lines.push(
      `a${level}: &a${level} [${Array(10)
        .fill(`*a${level - 1}`)
        .join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('YAML aliases', () => {
  it('loads a document reusing one anchor 150 times', () => {
    const result = parseFactsDocument(reusedAnchor(150), 'envoys.facts.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.document.entities).toHaveLength(151);
    const last = result.document.entities.at(-1)!;
    expect(last.id).toBe('person:envoy-150');
    expect(last.evidence[0]).toMatchObject({
      quote: 'envoys of Ruritania',
      offset: TEXT.indexOf('envoys of Ruritania'),
    });
  });

  it('takes the limit from the options: below the uses, the same document is refused', () => {
    const result = parseFactsDocument(reusedAnchor(150), 'envoys.facts.yaml', { maxAliasCount: 100 });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({ code: ProblemCode.TOO_MANY_ALIASES, path: '(document)' }),
    ]);
    // 0: no aliases at all.
    const none = parseFactsDocument(reusedAnchor(1), 'envoys.facts.yaml', { maxAliasCount: 0 });
    expect(none.ok ? [] : none.problems.map((p) => p.code)).toEqual([ProblemCode.TOO_MANY_ALIASES]);
    expect(parseFactsDocument(reusedAnchor(1), 'envoys.facts.yaml').ok).toBe(true);
  });

  it('refuses a billion-laughs document fast, with one short problem', () => {
    const started = process.hrtime.bigint();
    const result = parseFactsDocument(billionLaughs(), 'laughs.facts.yaml');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    expect(seconds).toBeLessThan(1);
    if (result.ok) throw new Error('expected the alias bomb to be refused');
    expect(result.problems).toEqual([
      expect.objectContaining({ code: ProblemCode.TOO_MANY_ALIASES, message: expect.stringContaining('1000') }),
    ]);
    expect(JSON.stringify(result.problems).length).toBeLessThan(400);
  });

  it('has MAX_YAML_ALIASES in the configuration, defaulting to the validator default', () => {
    expect(loadConfig({}).MAX_YAML_ALIASES).toBe(DEFAULT_MAX_YAML_ALIASES);
    expect(DEFAULT_MAX_YAML_ALIASES).toBe(1000);
    expect(loadConfig({ MAX_YAML_ALIASES: '50' }).MAX_YAML_ALIASES).toBe(50);
    expect(() => loadConfig({ MAX_YAML_ALIASES: 'many' })).toThrow(/MAX_YAML_ALIASES/);
  });
});
