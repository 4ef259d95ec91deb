/** `npm run notebooks`: regenerates notebooks/out/*.md (and their charts) and prints each notebook's key numbers. */
import { run as n1 } from './01-calibrate-suzhou.ts';
import { run as n2 } from './02-three-regions.ts';
import { run as n3 } from './03-jilin-corridor.ts';
import { run as n4 } from './04-deductible-for-loss-ratio.ts';
import { run as n5 } from './05-subsidy-and-pooling.ts';

for (const nb of [n1, n2, n3, n4, n5]) {
  const t0 = performance.now();
  const r = await nb();
  console.log(`${r.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`, JSON.stringify(r.key));
}
