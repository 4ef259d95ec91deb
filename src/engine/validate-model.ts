/**
 * Validation as the engine needs it: the file's own rules (scenario/validate.ts), then whether its numbers can be
 * evaluated (engine/numerics.ts, through compiling the model). The command line and the workbench both use it.
 */
import { ScenarioError, type Validation } from '../scenario/validate.ts';
import { compileModel } from './model.ts';

export function checkEvaluable(v: Validation): Validation {
  if (!v.ok || !v.scenario) return v;
  try {
    compileModel(v.scenario);
    return v;
  } catch (err) {
    if (err instanceof ScenarioError) return { ...v, ok: false, scenario: undefined, problems: err.problems };
    throw err;
  }
}
