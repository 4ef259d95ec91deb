import { exactAggregate } from '../aggregate/exact.ts';
import { analyticExpectation } from '../engine/analytic.ts';
import { modelOf } from '../engine/validate-model.ts';
import { table, toText, type Value } from '../report/columns.ts';
import type { Command } from './command.ts';
import { both, t, type Lang } from '../report/strings.ts';
import { intFlag, langFlag, LANG_UNIT_OPTIONS, unitFlag } from './flags.ts';
import { loadScenario, UsageError } from './io.ts';

export const exactCommand: Command = {
  help: `usage: jingsuan exact FILE [--buckets N] [--lang zh|en] [--unit wanyuan|yuan] [--json]

Discretises each claimant's benefit (the mass at zero kept exactly, the mean by local moment matching),
compounds it with the claim count's generating function (binomial, Poisson, negative binomial), combines the
populations, and mixes over the scenario's parameter risk: utilisation exactly, the cost level through exact
distributions at its quadrature nodes with displacement interpolation between them. Rulesets whose benefit is
not a function of the annual amount alone (self-pay or compliant shares drawn per person), and distributions
that miss the model's mean or lose mass off the grid by more than 0.1% (a wide cost shock), are reported as
"monteCarlo-only" with the reason. A payout that varies by less than a fen is a point mass (sd 0, skewness
undefined: "—", null in JSON, with a note).
  --buckets N   grid points, a power of two (default: the coarsest of 4096, 8192, …, 65536 on which the
                grid's rounding blur comes off cleanly; mean and quantiles within 1e-4 of 2^20 points)
  --lang zh|en  the table in Chinese or English (default: the locale, zh* → zh, else en)
  --unit U      money in wanyuan (万元, default) or yuan (元)
  --json        print { scenario, method: "fft", rulesets: [...] } (amounts in yuan as numbers)`,
  options: { buckets: { type: 'string' }, json: { type: 'boolean' }, ...LANG_UNIT_OPTIONS },
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
    const { lang, unit } = { lang: langFlag(values.lang), unit: unitFlag(values.unit) };
    console.log(`${scenario.title[lang]}: ${t('exactTitle', lang)}`);
    console.log(toText(exactTable(rulesets, lang), unit, lang));
    // What a "—" in a row means where the table cannot say it: a point mass's undefined skewness, no premium.
    for (const r of rulesets) {
      if (r.pointMass) console.log(`${r.id}: ${r.pointMass}`);
      if (r.method === 'fft' && !r.lossRatio) console.log(t('exactNoLossRatio', lang, r.id));
    }
    return 0;
  },
};

type ExactRow = ReturnType<typeof exactAggregate>[number];

/** The table `exact` prints: one row per ruleset; a ruleset left to Monte Carlo says why in its mean's cell. */
function exactTable(rulesets: readonly ExactRow[], lang: Lang) {
  const fft = (f: (r: ExactRow & { payout: NonNullable<ExactRow['payout']> }) => Value) => (r: ExactRow) =>
    r.method === 'fft' && r.payout ? f(r as ExactRow & { payout: NonNullable<ExactRow['payout']> }) : null;
  const noPremium = { why: 'no-premium' } as const;
  return table<ExactRow>(
    'exact',
    both('exactTitle'),
    [
      { label: both('colRuleset'), unit: 'text', value: (r) => r.id },
      {
        label: both('colMean'),
        unit: 'money',
        // The detailed reason (figures, tolerance) is in English; Chinese says which kind it is (ui/results-rows.ts).
        value: (r) =>
          r.method === 'fft' && r.payout ? r.payout.mean : lang === 'en' ? `Monte Carlo only: ${r.reason}` : monteCarloOnly(r),
      },
      { label: both('colSd'), unit: 'money', value: fft((r) => r.payout.sd) },
      { label: both('colSkewness'), unit: 'number', digits: 3, value: fft((r) => r.payout.skewness) },
      ...(['p05', 'p50', 'p95', 'p995', 'tvar995'] as const).map((k) => ({
        label: { zh: QUANTILE[k], en: QUANTILE[k] },
        unit: 'money' as const,
        value: fft((r) => r.payout[k]),
      })),
      { label: both('colLossRatio'), unit: 'ratio', value: fft((r) => (r.lossRatio ? r.lossRatio.mean : noPremium)) },
      { label: { zh: 'P(LR>1)', en: 'P(LR>1)' }, unit: 'ratio', value: fft((r) => (r.lossRatio ? r.lossRatio.probAbove1 : noPremium)) },
      { label: both('colBucketYuan'), unit: 'number', digits: 2, value: fft((r) => r.discretisation!.bucket) },
      { label: both('colMilliseconds'), unit: 'number', digits: 0, value: fft((r) => r.milliseconds) },
    ],
    rulesets,
  );
}

const QUANTILE = { p05: 'P5', p50: 'P50', p95: 'P95', p995: 'P99.5', tvar995: 'TVaR99.5' } as const;

const monteCarloOnly = (r: ExactRow) =>
  t(r.cause === 'fitDraws' ? 'monteCarloOnlyFit' : r.cause === 'tolerance' ? 'monteCarloOnlyTolerance' : 'monteCarloOnly', 'zh');
