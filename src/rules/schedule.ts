/**
 * A ruleset's critical-illness schedule as it applies to one person: the group modifiers of the person's tags
 * resolved, in exact decimals. Both the exact evaluator and the engine's float form are built from this.
 *
 * Combining tags (docs/model.md "Ruleset"; docs/policy.md §2 and §5 for the single-tag rules): deductible overrides
 * take the most favourable (lowest) one, then every deductibleFactor multiplies; ratioAdd values add up and each
 * band's ratio is kept within [0, 1] and, where the ruleset's ratioCeiling binds modifiers (seed 004 三(三) 最高不超过80%
 * read as bounding 三(四)'s lifted ratios too), a lift stops at the ceiling (a band stated above it stays as stated); cap overrides take the highest, then every capFactor multiplies (overall and
 * per-track caps alike).
 */
import Decimal from 'decimal.js';
import type { Ruleset } from '../scenario/schema.ts';

export type TrackBase = 'selfBurden' | 'compliantSelfPay' | 'combined';

export interface ResolvedBand {
  /** Lower edge: the previous band's upper edge (the first band starts at the deductible). */
  from: Decimal | null;
  to: Decimal | null;
  ratio: Decimal;
}

export interface ResolvedTrack {
  id: string;
  base: TrackBase;
  deductible: Decimal;
  bands: ResolvedBand[];
  cap: Decimal | null;
}

export interface ResolvedSchedule {
  rulesetId: string;
  tags: string[];
  tracks: ResolvedTrack[];
  cap: Decimal | null;
}

const dec = (n: number) => new Decimal(n);

export function resolveSchedule(ruleset: Ruleset, tags: readonly string[] = []): ResolvedSchedule {
  const mods = ruleset.modifiers.filter((m) => tags.includes(m.group));
  const dedOverrides = mods.filter((m) => m.deductible !== undefined).map((m) => dec(m.deductible!));
  const dedFactor = mods.reduce((f, m) => (m.deductibleFactor !== undefined ? f.mul(m.deductibleFactor) : f), new Decimal(1));
  const ratioAdd = mods.reduce((s, m) => (m.ratioAdd !== undefined ? s.add(m.ratioAdd) : s), new Decimal(0));
  const capOverrides = mods.filter((m) => m.cap !== undefined).map((m) => dec(m.cap!));
  const capFactor = mods.reduce((f, m) => (m.capFactor !== undefined ? f.mul(m.capFactor) : f), new Decimal(1));

  const scaleCap = (c: Decimal | null) => (c === null ? null : c.mul(capFactor));
  let overall: Decimal | null = ruleset.cap ? dec(ruleset.cap.value) : null;
  if (capOverrides.length) overall = Decimal.max(...capOverrides);

  const ceiling = ruleset.ratioCeiling?.bindsModifiers ? dec(ruleset.ratioCeiling.value) : null;
  const tracks = ruleset.tracks.map((t): ResolvedTrack => {
    let deductible = dec(t.deductible.value);
    if (dedOverrides.length) deductible = Decimal.min(...dedOverrides);
    deductible = deductible.mul(dedFactor);
    let from: Decimal | null = null;
    const bands = t.bands.map((b) => {
      const to = b.to === null ? null : dec(b.to);
      let ratio = Decimal.min(1, Decimal.max(0, dec(b.ratio).add(ratioAdd)));
      if (ceiling && ratioAdd.gt(0)) ratio = Decimal.min(ratio, Decimal.max(ceiling, b.ratio));
      const band = { from, to, ratio };
      from = to;
      return band;
    });
    return { id: t.id, base: t.base, deductible, bands, cap: scaleCap(t.cap ? dec(t.cap.value) : null) };
  });
  return { rulesetId: ruleset.id, tags: [...tags], tracks, cap: scaleCap(overall) };
}

/** The distinct sets of tags a person of a population can carry: every subset of its groups' tags. */
export function tagCombinations(tags: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << tags.length; mask++) out.push(tags.filter((_, i) => mask & (1 << i)));
  return out;
}
