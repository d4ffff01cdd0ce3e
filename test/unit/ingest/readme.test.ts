/** seed/README.md documents the format: its example must validate and its tables match the code. */
import fs from 'node:fs';
import path from 'node:path';
import { specifiedRules } from '../../../src/ingest/rules';
import { ProblemCode, parseFactsDocument } from '../../../src/ingest/validate';
import { NodeKind, REL_ENDPOINTS, RelType } from '../../../src/model/vocabulary';

const README = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'seed', 'README.md'), 'utf8');

describe('seed/README.md', () => {
  it('has an example that validates', () => {
    const example = /## A short example\s+```yaml\n([\s\S]*?)```/.exec(README)?.[1];
    expect(example).toBeDefined();
    const result = parseFactsDocument(example!, 'example.facts.yaml');
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('lists the endpoint kinds of every relationship type as REL_ENDPOINTS has them', () => {
    for (const type of Object.values(RelType)) {
      const { from, to } = REL_ENDPOINTS[type];
      expect(README).toContain(`| \`${type}\` | ${from.join(', ')} | ${to.join(', ')} |`);
    }
  });

  it('names every entity kind and problem code', () => {
    for (const kind of Object.values(NodeKind).filter((k) => k !== NodeKind.Source))
      expect(README).toContain(`| ${kind} |`);
    for (const code of Object.values(ProblemCode)) expect(README).toContain(`| \`${code}\` |`);
  });

  it('lists every validation rule, in the order it runs', () => {
    const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const listed = [...README.matchAll(/^\| `([a-z-]+)` \| /gm)].map((m) => m[1]);
    expect(listed.filter((name) => specifiedRules.some((rule) => kebab(rule.name) === name))).toEqual(
      specifiedRules.map((rule) => kebab(rule.name)),
    );
  });
});
