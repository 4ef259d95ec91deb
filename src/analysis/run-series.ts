/**
 * A run's results as the series the charts draw: per-trial payouts and loss ratios, the exact densities, the
 * premium and corridor-edge markers, the expected corridor split.
 */
import type { ExactCurve } from '../aggregate/summary.ts';
import type { EngineModel } from '../engine/model.ts';
import type { RawRun } from '../engine/run.ts';
import { column, type RunResult } from '../engine/summary.ts';
import { COL } from '../engine/trial-columns.ts';

export interface ValuePoint {
  ruleset: string;
  value: number;
}

/** Per-trial aggregate payout (or loss ratio) of every ruleset. */
export function trialValues(raw: RawRun, kind: 'payout' | 'lossRatio'): ValuePoint[] {
  const out: ValuePoint[] = [];
  raw.model.rulesets.forEach((r, i) => {
    // A ruleset without premium has no loss ratio to draw (payout ÷ 0); its tables say "no premium".
    if (kind === 'lossRatio' && !(r.premium > 0)) return;
    const col = column(raw.model, raw.data, raw.trials, i, -1, COL.payout);
    for (const v of col) out.push({ ruleset: r.id, value: kind === 'payout' ? v : v / r.premium });
  });
  return out;
}

/** The exact distribution as a density (probability per yuan of payout, or per unit of loss ratio). */
export interface ExactPoint {
  ruleset: string;
  value: number;
  density: number;
}

/** Exact curves (aggregate/summary.ts) as densities of the payout or of the loss ratio (payout ÷ premium). */
export function exactDensity(curves: readonly ExactCurve[], model: EngineModel, kind: 'payout' | 'lossRatio'): ExactPoint[] {
  const out: ExactPoint[] = [];
  for (const c of curves) {
    const premium = model.rulesets.find((r) => r.id === c.ruleset)?.premium ?? 0;
    const scale = kind === 'payout' ? 1 : premium;
    if (!(scale > 0)) continue;
    c.x.forEach((x, i) => out.push({ ruleset: c.ruleset, value: x / scale, density: (c.p[i] / c.width) * scale }));
  }
  return out;
}

export interface Marker {
  ruleset: string;
  value: number;
  label: string;
}

/** Premium and the payouts at which m crosses each corridor tier edge (payout = premium × (1 − edge)). */
export function premiumMarkers(model: EngineModel): Marker[] {
  const out: Marker[] = [];
  for (const r of model.rulesets) {
    out.push({ ruleset: r.id, value: r.premium, label: 'premium 保费' });
    const edges = new Set<number>();
    for (const t of r.corridor?.tiers ?? []) for (const e of [t.from, t.to]) if (e !== null && e !== 0) edges.add(e);
    for (const e of edges) out.push({ ruleset: r.id, value: r.premium * (1 - e), label: `m = ${(e * 100).toFixed(0)}%` });
  }
  return out;
}

export interface SplitPoint {
  ruleset: string;
  reading: string;
  part: 'insurer' | 'fundReturn' | 'fundTopUp';
  value: number;
}

/** The reading of a corridor as its file states it (the others are its `alternatives`, by id). */
export const AS_WRITTEN = 'as written';

/** Expected corridor split per ruleset and reading, as the run's summary already computed them. */
export function corridorSplits(result: RunResult): SplitPoint[] {
  const out: SplitPoint[] = [];
  for (const r of result.rulesets) {
    if (!r.corridor) continue;
    for (const [reading, c] of [[AS_WRITTEN, r.corridor], ...r.corridor.alternatives.map((a) => [a.id, a] as const)] as const) {
      out.push(
        { ruleset: r.id, reading, part: 'insurer', value: c.insurerMean },
        { ruleset: r.id, reading, part: 'fundReturn', value: c.fundReturnMean },
        { ruleset: r.id, reading, part: 'fundTopUp', value: c.fundTopUpMean },
      );
    }
  }
  return out;
}
