/** Regenerates scenario.schema.json from the zod definition: `npm run schema`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fundJsonSchema, scenarioJsonSchema } from './json-schema.ts';

for (const [name, schema] of [
  ['scenario', scenarioJsonSchema()],
  ['fund', fundJsonSchema()],
] as const) {
  const target = fileURLToPath(new URL(`../../${name}.schema.json`, import.meta.url));
  writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${target}`);
}
