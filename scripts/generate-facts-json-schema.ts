/**
 * Writes schema/facts.schema.json from the zod definition in src/ingest/facts.schema.ts, its one
 * source of truth. Run after changing the format (a unit test fails until you do):
 *   npx tsc -p tsconfig.scripts.json && node dist/scripts/generate-facts-json-schema.js
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { factsJsonSchemaText } from '../src/ingest/facts.schema';

const file = path.join(PROJECT_ROOT, 'schema', 'facts.schema.json');
fs.writeFileSync(file, factsJsonSchemaText());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
