/** Every chart of a run, for `run --out` and the workbench's export-all: one list, same definitions. */
import type { RawRun } from '../../engine/run.ts';
import type { RunResult } from '../../engine/summary.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { assumptions } from '../../scenario/provenance.ts';
import type { Unit } from '../format.ts';
import {
  benefitCurveChart,
  breakdownChart,
  corridorChart,
  distributionChart,
  sensitivityChart,
  type ChartContext,
  type ChartSpec,
} from './charts.ts';
import { breakdown } from '../../analysis/breakdown.ts';
import { benefitCurves } from '../../analysis/curves.ts';
import { corridorSplits, premiumMarkers, trialValues } from '../../analysis/run-series.ts';
import { sweepAnalytic, sweepValues } from '../../analysis/sweep.ts';
import { t, type Lang } from '../strings.ts';

export function footnoteFor(s: Scenario, lang: Lang, trials?: number, seed?: string | number): string {
  const list = assumptions(s);
  const shown = list
    .slice(0, 6)
    .map((a) => a.path)
    .join(', ');
  const more = list.length > 6 ? t('andMore', lang) : '';
  const run = trials ? t('footnoteRun', lang, trials, String(seed)) : '';
  return t('footnote', lang, s.title[lang], s.id, run, list.length, `${shown}${more}`);
}

export function allCharts(s: Scenario, raw: RawRun, result: RunResult, lang: Lang = 'zh', unit: Unit = 'wan'): ChartSpec[] {
  const ctx: ChartContext = {
    lang,
    unit,
    rulesets: s.rulesets.map((r) => r.id),
    footnote: footnoteFor(s, lang, raw.trials, raw.seed),
    width: 640,
  };
  const curves = benefitCurves(raw.model);
  const charts = [
    benefitCurveChart(curves, ctx, 'benefit'),
    benefitCurveChart(curves, ctx, 'ratio'),
    distributionChart(trialValues(raw, 'payout'), premiumMarkers(raw.model), ctx, 'payout'),
    distributionChart(trialValues(raw, 'lossRatio'), [], ctx, 'lossRatio'),
  ];
  if (raw.model.rulesets.some((r) => r.corridor)) charts.push(corridorChart(corridorSplits(result), ctx));
  const ded = s.rulesets[0].tracks[0].deductible.value;
  const sweep = sweepAnalytic(s, 0, ['tracks', 0, 'deductible'], sweepValues(0, Math.max(2 * ded, 20000), 25));
  const label = `${s.rulesets[0].title?.[lang] ?? s.rulesets[0].id} · ${t('deductible', lang)}（${t('yuanWord', lang)}）`;
  charts.push(sensitivityChart(sweep, label, ctx, 'payout'), sensitivityChart(sweep, label, ctx, 'lossRatio'));
  charts.push(breakdownChart(breakdown(raw.model), ctx));
  return charts;
}
