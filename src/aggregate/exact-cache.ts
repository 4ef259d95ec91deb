/**
 * The exact aggregate of a scenario one ruleset at a time, remembered: a ruleset's distribution depends only on
 * the populations, the parameter risk, the trend and that ruleset (exact.ts maps the rulesets independently),
 * so after an edit of one ruleset the others are not computed again. In the workbench that is the common case
 * (a proposal edited beside an untouched baseline): a third of the work for compare-regions' three rulesets.
 */
import { compileModel } from '../engine/model.ts';
import type { Scenario } from '../scenario/schema.ts';
import { exactAggregate, type ExactOptions } from './exact.ts';
import { exactCurve, withoutDistribution, type ExactCurve, type ExactSummary } from './summary.ts';

export interface ExactPart {
  summary: ExactSummary;
  curve: ExactCurve | null;
}

/** What a ruleset's exact result is a function of, as a string (identical inputs ⇒ identical result). */
export function exactKey(s: Scenario, index: number, opts: ExactOptions = {}): string {
  return sharedKey(s) + JSON.stringify([s.rulesets[index], opts]);
}

/** The part of every ruleset's key that the scenario's rulesets share (written once per request). */
function sharedKey(s: Scenario): string {
  const { parameterRisk, trend } = s.simulation;
  return JSON.stringify([s.populations, parameterRisk ?? null, trend ?? null]);
}

/** A small least-recently-used memory of ruleset results. */
export class ExactCache {
  private readonly parts = new Map<string, ExactPart>();
  /** Rulesets computed (not taken from memory) by the last `compute`. */
  computed = 0;
  constructor(private readonly capacity = 32) {}

  compute(s: Scenario, opts: ExactOptions = {}): ExactPart[] {
    this.computed = 0;
    const shared = sharedKey(s);
    return s.rulesets.map((r) => {
      const key = shared + JSON.stringify([r, opts]);
      let part = this.parts.get(key);
      if (part) this.parts.delete(key);
      else {
        // One ruleset alone: no baseline to compare against, the rest of the scenario as it is.
        const one = { ...s, rulesets: [r], simulation: { ...s.simulation, baseline: undefined } };
        const [result] = exactAggregate(compileModel(one), opts);
        part = { summary: withoutDistribution(result), curve: exactCurve(result) };
        this.computed++;
      }
      this.parts.set(key, part);
      if (this.parts.size > this.capacity) this.parts.delete(this.parts.keys().next().value!);
      return part;
    });
  }
}
