import { exactAggregate } from '../aggregate/exact.ts';
import { analyticExpectation } from '../engine/analytic.ts';
import { modelOf } from '../engine/validate-model.ts';
import { formatAmount, formatPercent, textTable } from '../report/format.ts';
import type { Command } from './command.ts';
import { enZh } from '../report/strings.ts';
import { intFlag } from './flags.ts';
import { loadScenario, UsageError } from './io.ts';

export const exactCommand: Command = {
  help: `usage: jingsuan exact FILE [--buckets N] [--json]

Discretises each claimant's benefit (the mass at zero kept exactly, the mean by local moment matching),
compounds it with the claim count's generating function (binomial, Poisson, negative binomial), combines the
populations, and mixes over the scenario's parameter risk: utilisation exactly, the cost level through exact
distributions at its quadrature nodes with displacement interpolation between them. Rulesets whose benefit is
not a function of the annual amount alone (self-pay or compliant shares drawn per person), and distributions
that miss the model's mean or lose mass off the grid by more than 0.1% (a wide cost shock), are reported as
"monteCarlo-only" with the reason. A payout that varies by less than a fen is a point mass (sd 0, skewness
undefined: "—", null in JSON, with a note).
  --buckets N   grid points, a power of two (default: the coarsest of 16384, 32768, 65536 on which the
                grid's rounding blur comes off cleanly; mean and quantiles within 1e-4 of 2^20 points)
  --json        print { scenario, method: "fft", rulesets: [...] } (amounts in yuan as numbers)`,
  options: { buckets: { type: 'string' }, json: { type: 'boolean' } },
  run(values, [file]) {
    const scenario = loadScenario(file);
    const buckets = intFlag('buckets', values.buckets, 256, 1 << 22);
    if (buckets !== undefined && (buckets & (buckets - 1)) !== 0)
      throw new UsageError(`--buckets: "${values.buckets}" must be a power of two from 256 to 4,194,304`);
    const model = modelOf(scenario);
    const analytic = analyticExpectation(model);
    const rulesets = exactAggregate(model, { buckets }).map((r, i) => {
      const { distribution: _, ...rest } = r;
      return { ...rest, analyticMean: analytic[i].payout };
    });
    if (values.json) {
      console.log(JSON.stringify({ scenario: scenario.id, method: 'fft', rulesets }, null, 2));
      return 0;
    }
    console.log(`${scenario.title.zh} · ${scenario.title.en}: 精确总赔付分布 · exact aggregate distribution (FFT)`);
    const header = [
      'ruleset 方案',
      'mean 均值 (万元)',
      'sd 标准差',
      'skewness 偏度',
      'P5',
      'P50',
      'P95',
      'P99.5',
      'TVaR99.5',
      'LR 赔付率',
      'P(LR>1)',
      'bucket 步长 (元)',
      'ms',
    ];
    const rows = rulesets.map((r) =>
      r.method !== 'fft' || !r.payout
        ? [r.id, `Monte Carlo only: ${r.reason}`, '', '', '', '', '', '', '', '', '', '', '']
        : [
            r.id,
            formatAmount(r.payout.mean),
            formatAmount(r.payout.sd),
            r.payout.skewness === null ? '—' : r.payout.skewness.toFixed(3),
            formatAmount(r.payout.p05),
            formatAmount(r.payout.p50),
            formatAmount(r.payout.p95),
            formatAmount(r.payout.p995),
            formatAmount(r.payout.tvar995),
            // No premium, no loss ratio: in words, as `run` says it (issue #30).
            r.lossRatio ? formatPercent(r.lossRatio.mean) : enZh('noPremium'),
            r.lossRatio ? formatPercent(r.lossRatio.probAbove1) : enZh('noPremium'),
            formatAmount(r.discretisation!.bucket, 'yuan', 2),
            r.milliseconds.toFixed(0),
          ],
    );
    console.log(textTable(header, rows));
    // What a "—" in a row means where the table cannot say it: a point mass's undefined skewness, no premium.
    for (const r of rulesets) {
      if (r.pointMass) console.log(`${r.id}: ${r.pointMass}`);
      if (r.method === 'fft' && !r.lossRatio) console.log(`${r.id}: no premium, so no loss ratio`);
    }
    return 0;
  },
};
