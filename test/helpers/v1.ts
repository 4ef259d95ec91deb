import { loadScenarioFile } from './golden.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Jiangyin 2020 as a planner's schema-1 file would have written it: bare numbers, [to, ratio] bands. */
export function jiangyinV1(): Json {
  const d = loadScenarioFile('jiangyin-2020.json') as Json;
  const bare = (p: Json) => p.value;
  d.schemaVersion = 1;
  const pop = d.populations[0];
  pop.insured = bare(pop.insured);
  pop.incidence = bare(pop.incidence);
  // Schema 1 knew the spliced family only (the shipped file has since moved to the continuous composite).
  pop.severity = { family: 'spliced', mu: 5.8965984, sigma: 1.2, splice: 12000, alpha: 2.4069503, bodyWeight: 0.82680312 };
  pop.selfPay = { ratio: bare(pop.selfPay.ratio), compliantShare: bare(pop.selfPay.compliantShare) };
  pop.episodes = { extraMean: bare(pop.episodes.extraMean) };
  pop.groups[0].share = bare(pop.groups[0].share);
  delete pop.costLevel; // schema 3
  const r = d.rulesets[0];
  r.tracks[0].deductible = 18000;
  r.tracks[0].bands = [
    [100000, 0.6],
    [null, 0.8],
  ];
  r.modifiers = [{ group: 'assistance', deductibleFactor: 0.5, ratioAdd: 0.05 }];
  r.funding = { perInsured: 50, monthsInForce: 6 };
  r.corridor = { tiers: [[null, null, 1]], reading: 'marginal' };
  return d;
}
