/** Regenerates scenario.schema.json from the zod definition: `npm run schema`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from './json-schema.ts';

const target = fileURLToPath(new URL('../../scenario.schema.json', import.meta.url));
writeFileSync(target, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target}`);
