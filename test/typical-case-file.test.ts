// A file's own typical case (household.typicalCase): the person the briefing, the workbook, `run --out` and the
// workbench start from, checked like every other reference in a file (population and group by name, with the JSON
// path), and carried to the settlement to the fen.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/scenario/problems.ts';
import { validateData } from '../src/scenario/validate.ts';
import { defaultTypicalPerson, medianIncome, typicalCasesOf } from '../src/report/typical-default.ts';
import { typicalCase } from '../src/rules/typical-case.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { loadScenarioFile } from './helpers/golden.ts';
import { shipped } from './helpers/scenarios.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function withCase(typicalCase: unknown): Json {
  const d = loadScenarioFile('suzhou-2021.json') as Json;
  d.household.typicalCase = typicalCase;
  return d;
}
const lines = (d: Json) => validateData(d).problems.map(formatProblem);

describe('household.typicalCase', () => {
  it('names a population and one of its groups; a wrong one is refused with its path and what is known', () => {
    expect(lines(withCase({ population: 'residents', group: 'assistance', amount: 250000, income: 30000 }))).toEqual([]);
    expect(lines(withCase({ population: 'retirees', amount: 1000 })).join('\n')).toMatch(
      /household\.typicalCase\.population.*unknown population "retirees" \(known: employees, residents\)/,
    );
    expect(lines(withCase({ population: 'residents', group: 'students', amount: 1000 })).join('\n')).toMatch(
      /household\.typicalCase\.group.*population "residents" has no group "students" \(its groups: assistance\)/,
    );
    expect(lines(withCase({ population: 'residents', amount: -5 })).join('\n')).toMatch(
      /household\.typicalCase\.amount.*must not be negative/,
    );
    expect(lines(withCase({ population: 'residents', amount: 5, html: '<b>' })).join('\n')).toMatch(/household\.typicalCase/);
    expect(lines(withCase({ population: 'residents' })).join('\n')).toMatch(/household\.typicalCase\.amount/);
  });

  it("is the default person: its amount, its income or the median of its group's distribution", () => {
    const s = validateData(withCase({ population: 'residents', amount: 250000 })).scenario as Scenario;
    const median = medianIncome(s, 'residents', '');
    expect(median).toBe(Math.round(Math.exp(s.populations[1].income!.mu.value)));
    expect(defaultTypicalPerson(s)).toEqual({ population: 'residents', group: '', income: median, amount: 250000 });
    const t = validateData(withCase({ population: 'residents', group: 'assistance', amount: 250000, income: 30000 })).scenario as Scenario;
    expect(defaultTypicalPerson(t)).toEqual({ population: 'residents', group: 'assistance', income: 30000, amount: 250000 });
    // Without it, the default of report/typical-default.ts (the first assistance group of the first population).
    expect(defaultTypicalPerson(shipped('suzhou-2021'))).toMatchObject({ population: 'employees', group: 'assistance', amount: 100000 });
  });

  it('is settled to the fen as rules/typical-case.ts settles the same person (residents, assistance, 250,000, income 30,000)', () => {
    const s = validateData(withCase({ population: 'residents', group: 'assistance', amount: 250000, income: 30000 })).scenario as Scenario;
    const person = defaultTypicalPerson(s)!;
    const [base] = typicalCasesOf(s, person, [s.rulesets[0].id]);
    const pop = s.populations[1];
    const selfPay = (pop.selfPay.ratio!.value * 250000).toFixed(2);
    const compliant = (pop.selfPay.compliantShare.value * Number(selfPay)).toFixed(2);
    const want = typicalCase(
      s.rulesets[0],
      ['assistance'],
      { selfBurden: '250000', selfPay, compliantSelfPay: compliant },
      30000,
      s.household!.povertyLine.value,
    );
    expect(base.outOfPocket).toMatch(/^\d+\.\d\d$/);
    expect(base.income).toBe(want.income);
    expect(base.outOfPocket).toBe(want.outOfPocket);
    expect(base.assistance).toBe(want.assistance);
    expect(Number(base.criticalIllness)).toBeGreaterThan(0);
    expect(Number(base.assistance)).toBeGreaterThan(0);
  });
});
