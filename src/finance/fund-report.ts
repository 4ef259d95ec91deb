/**
 * What a fund-level file says, computed once for the command line (`jingsuan fund`) and the workbench alike:
 * the residents' subsidy budget with its projection and fund payment rates (seed 002), or the city-level pooling
 * simulation (seed 003).
 */
import type { Pooling, SubsidyBudget } from '../scenario/fund-schema.ts';
import { fundPaymentRate } from './payment-rate.ts';
import { simulatePooling } from './pooling.ts';
import { projectLinear } from './projection.ts';
import { projectedSubsidy, subsidyBudget } from './subsidy.ts';

export function subsidyReport(s: SubsidyBudget) {
  const budget = subsidyBudget(s);
  const projection = s.history.length >= 3 ? projectLinear(s.history, s.year) : null;
  const paymentRates = s.groups
    .filter((g) => g.paymentRate)
    .map((g) => {
      const pr = g.paymentRate!;
      const modelled = fundPaymentRate(
        { deductible: pr.basic.deductible.value, rate: pr.basic.rate.value, cap: pr.basic.cap?.value },
        pr.cost,
      );
      // No finite mean cost, no rate: null with the reason (the words are report/strings.ts whyText).
      return modelled === null
        ? { group: g.id, target: pr.target.value, modelled, modelledReason: 'cost-mean-not-finite' as const }
        : { group: g.id, target: pr.target.value, modelled };
    });
  const projectedBudget = projection ? projectedSubsidy(s, projection) : null;
  return { kind: s.kind, scenario: s.id, year: s.year, budget, projection, projectedBudget, paymentRates };
}

export type SubsidyReport = ReturnType<typeof subsidyReport>;

export function poolingReport(s: Pooling, years?: number, trials?: number) {
  const sc = years ? { ...s, simulation: { ...s.simulation, years } } : s;
  return { kind: s.kind, ...simulatePooling(sc, trials ?? s.simulation.trials) };
}

export type PoolingReport = ReturnType<typeof poolingReport>;
