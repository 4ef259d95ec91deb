// The floors of src/ (README "Floors", .dependency-cruiser.cjs): no import up a floor or across the two doors, no
// cycle, type imports included. `npm run lint` runs the same rules over src/; this test shows them refusing what
// they must refuse, on a small tree made for it, and passing the real one.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/golden.ts';

const config = createRequire(import.meta.url)(`${ROOT}.dependency-cruiser.cjs`);

async function violations(baseDir: string, withTsConfig: boolean): Promise<string[]> {
  const { options } = config;
  const r = await cruise(['src'], {
    ...options,
    ...(withTsConfig ? {} : { tsConfig: undefined }),
    baseDir,
    ruleSet: { forbidden: config.forbidden },
    validate: true,
  });
  const output = r.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'floors-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('the floors of src/ (dependency-cruiser)', () => {
  it('refuses an import up a floor, a type import too, across the doors, in a cycle, and from a folder without a floor', async () => {
    const dir = tree({
      'src/engine/model.ts': 'export const level = 1;\n',
      'src/engine/summary.ts': "import { level } from '../math/stats.ts';\nexport const total = level;\n",
      'src/math/stats.ts': "import type { Summary } from '../report/table.ts';\nexport const level = 2;\nexport type S = Summary;\n",
      'src/math/upward.ts': "import { level } from '../engine/model.ts';\nexport const twice = 2 * level;\n",
      'src/report/table.ts': 'export interface Summary { n: number }\n',
      'src/cli/run.ts': "import { page } from '../ui/page.ts';\nexport const run = page;\n",
      'src/ui/page.ts': 'export const page = 1;\n',
      'src/report/a.ts': "import { b } from './b.ts';\nexport const a = () => b();\n",
      'src/report/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
      'src/misc/x.ts': "import { page } from '../ui/page.ts';\nexport const x = page;\n",
    });
    const found = await violations(dir, false);
    expect(found).toEqual(
      expect.arrayContaining([
        'floor-math: src/math/upward.ts → src/engine/model.ts',
        'floor-math: src/math/stats.ts → src/report/table.ts',
        'floor-cli: src/cli/run.ts → src/ui/page.ts',
        'no-circular: src/report/a.ts → src/report/b.ts',
        'unknown-floor: src/misc/x.ts → src/ui/page.ts',
      ]),
    );
    // engine → math is down a floor: allowed.
    expect(found.filter((v) => v.startsWith('floor-engine'))).toEqual([]);
  });
  it('finds none in the real src/', async () => {
    expect(await violations(ROOT, true)).toEqual([]);
  }, 60_000);
});
