import fs from 'node:fs';
import path from 'node:path';
import { factsJsonSchema, factsJsonSchemaText } from '../../../src/ingest/facts.schema';

const FILE = path.join(__dirname, '..', '..', '..', 'schema', 'facts.schema.json');

describe('schema/facts.schema.json', () => {
  it('is exactly what the zod definition generates (run scripts/generate-facts-json-schema.ts after a change)', () => {
    expect(fs.readFileSync(FILE, 'utf8')).toBe(factsJsonSchemaText());
  });

  it('names every entity kind and relationship type as a definition', () => {
    const defs = Object.keys((factsJsonSchema().$defs ?? {}) as Record<string, unknown>);
    expect(defs).toEqual(
      expect.arrayContaining(['Country', 'Person', 'Meeting', 'Statement', 'HOLDS_OFFICE', 'PRESENT_IN', 'Evidence']),
    );
  });
});
