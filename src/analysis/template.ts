/**
 * The template's funding set from its own rules and costs: the per-insured standard at which the expected loss
 * ratio is 95% (以收定支 with a 5% margin, as the shipped files set theirs), so a new file starts credible and says
 * how its figure was found.
 */
import { setAt } from '../scenario/edit.ts';
import { templateScenario } from '../scenario/new-scenario.ts';
import { analyticOfRuleset } from './metrics.ts';
import { validOrThrow } from './solve.ts';

export function fundedTemplate(name: string, donor: { populations: Record<string, unknown>[] }, lossRatio = 0.95) {
  const data = templateScenario(name, donor);
  const a = analyticOfRuleset(validOrThrow(data), 0);
  const insured = data.populations[0].insured.value;
  const perInsured = Math.round(((a.payout ?? 0) / insured / lossRatio) * 100) / 100;
  const why = `set by the template: the expected benefit per insured at these rules and costs is ${((a.payout ?? 0) / insured).toFixed(2)} yuan; ÷ ${lossRatio} gives an expected loss ratio of ${Math.round(lossRatio * 100)}%. Replace with the region's funding standard`;
  return setAt(data, ['rulesets', 0, 'funding', 'channels', 0, 'perInsured'], { value: perInsured, assumption: why });
}
