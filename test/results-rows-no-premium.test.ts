// A ruleset without premium in the workbench's results rows (issue #30, found in a visual review): the insurer's
// rows say "无保费" / "no premium" where a share of premium would be, as the loss-ratio rows already do; before,
// 保本微利 read "否 (— < 5.0%)" and the result after operating cost "-200.0 / —".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyticExpectation } from '../src/engine/analytic.ts';
import { compileModel } from '../src/engine/model.ts';
import { runScenario } from '../src/engine/run.ts';
import { requireScenario } from '../src/scenario/validate.ts';
import { resultRows, showCell } from '../src/ui/results-rows.ts';
import { ROOT } from './helpers/golden.ts';

describe('a ruleset without premium: the insurer rows in words', () => {
  it('保本微利 reads 无保费; the result after operating cost keeps its amount and says 无保费 for its share', async () => {
    const d = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'jiangyin-2020.json'), 'utf8'));
    d.rulesets[0].funding.channels[0].perInsured.value = 0;
    d.populations[0].insured = { value: 20_000, assumption: 'test' };
    const s = requireScenario(JSON.stringify(d));
    const result = await runScenario(s, { trials: 50, seed: 'no-premium', workers: 1 });
    const insurer = result.rulesets[0].insurerResult!;
    for (const lang of ['zh', 'en'] as const) {
      const rows = resultRows({
        analytic: analyticExpectation(compileModel(s)),
        result,
        comparisons: [],
        baseline: 'jiangyin-2020',
        exact: null,
        lang,
      });
      const cell = (en: string) =>
        showCell(
          rows.find((r) => r.label.en === en)!,
          'jiangyin-2020',
          0,
          'wan',
        );
      const words = lang === 'zh' ? '无保费' : 'no premium';
      expect(cell('break-even with a thin margin possible (the most the corridor lets it keep ≥ operating cost)')).toBe(words);
      // The amount is the run's mean in 万元 to one decimal (formatAmount), whatever the premium.
      const amount = (insurer.mean / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      expect(cell('insurer result after corridor and operating cost')).toBe(`${amount} / ${words}`);
      for (const r of rows) expect(showCell(r, 'jiangyin-2020', 0, 'wan')).not.toMatch(/NaN|Infinity|— </);
    }
  });
});
