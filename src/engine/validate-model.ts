/**
 * Validation as the engine needs it: the file's own rules (scenario/validate.ts), then whether its numbers can be
 * evaluated (engine/numerics.ts, through compiling the model). The command line and the workbench both use it.
 */
import type { Scenario } from '../scenario/schema.ts';
import { ScenarioError } from '../scenario/problems.ts';
import type { Validation } from '../scenario/validate.ts';
import { compileModel, type EngineModel } from './model.ts';

/**
 * Models compiled while checking, kept for the scenario object they belong to (compiling twice costs time). A
 * validated scenario is treated as immutable: an edit makes a new object (scenario/edit.ts), never a change in place.
 */
const compiled = new WeakMap<Scenario, EngineModel>();

/** The scenario's model: the one its check compiled, or a new one. */
export function modelOf(s: Scenario): EngineModel {
  let m = compiled.get(s);
  if (!m) {
    m = compileModel(s);
    compiled.set(s, m);
  }
  return m;
}

export function checkEvaluable(v: Validation): Validation {
  if (!v.ok || !v.scenario) return v;
  try {
    modelOf(v.scenario);
    return v;
  } catch (err) {
    if (err instanceof ScenarioError) return { ...v, ok: false, scenario: undefined, problems: err.problems };
    throw err;
  }
}
