/**
 * What applying a fit changed: each ruleset's analytic expected payout and beneficiaries before and after, and
 * the beneficiaries against the first deductible before and after (the sensitivity chart's sweep, analysis/
 * sweep.ts, drawn as two series). No DOM.
 */
import type { AnalyticRuleset } from '../engine/analytic.ts';
import { sweepAnalytic, type SweepPoint } from '../analysis/sweep.ts';
import { sweepRange } from '../report/charts/all.ts';
import { sensitivityChart, type ChartSpec } from '../report/charts/charts.ts';
import { t, type Lang } from '../report/strings.ts';
import type { Scenario } from '../scenario/schema.ts';
import { paramChoices } from './param-choices.ts';

export interface FitOutcome {
  rows: { name: string; payout: [number | null, number | null]; beneficiaries: [number | null, number | null] }[];
  sweep: BeneficiarySweep | null;
}

export interface BeneficiarySweep {
  /** Series 'before' and 'after' (in the points' `ruleset` field, as the sensitivity chart colours them). */
  points: SweepPoint[];
  label: string;
}

/** The analytic values before and after, ruleset by ruleset (the same rulesets: a fit changes a severity only). */
export function outcomeRows(after: Scenario, before: AnalyticRuleset[], now: AnalyticRuleset[], lang: Lang): FitOutcome['rows'] {
  return now.map((a, i) => ({
    name: after.rulesets[i].title?.[lang] ?? a.id,
    payout: [before[i]?.payout ?? null, a.payout],
    beneficiaries: [before[i]?.beneficiaries ?? null, a.beneficiaries],
  }));
}

/** Beneficiaries at 25 deductibles from 0 to twice the first ruleset's first one (at least 20,000 yuan). */
export function beneficiarySweep(before: Scenario, after: Scenario, lang: Lang): BeneficiarySweep | null {
  const choice = paramChoices(after, lang).find((c) => c.path[0] === 'tracks');
  if (!choice) return null;
  const current = after.rulesets[choice.ruleset].tracks[choice.path[1] as number].deductible.value;
  const xs = sweepRange(current, choice.path);
  const of = (s: Scenario, id: string) =>
    sweepAnalytic(s, choice.ruleset, choice.path, xs, ['beneficiaries']).map((p) => ({ ...p, ruleset: id }));
  return { points: [...of(before, 'before'), ...of(after, 'after')], label: choice.label };
}

export function beneficiarySweepChart(sweep: BeneficiarySweep, lang: Lang, width: number): ChartSpec {
  const names = { before: t('fitBefore', lang), after: t('fitAfter', lang) };
  const ctx = { lang, unit: 'wan' as const, rulesets: ['before', 'after'], names, footnote: '', width };
  return sensitivityChart(sweep.points, sweep.label, ctx, 'beneficiaries');
}
