import fs from 'node:fs';
import { printSortedSchema, SCHEMA_FILE } from '../../src/schema';

describe('schema/schema.graphql', () => {
  it('is exactly what the code builds (run `npm run schema` after changing a type)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printSortedSchema());
  });
});
