/**
 * The typical case (典型病例, issue #33) the briefing, the workbook and `run --out` show, and the workbench starts
 * from: one person through every layer of the baseline and a proposal (rules/typical-case.ts).
 *
 * The person is the file's `household.typicalCase` where it gives one; otherwise the default, stated so that a
 * reader can redo it:
 * - the population: the first with an income (else the first);
 * - the group: the first of its groups that a ruleset's medical assistance names as recipients (so the third
 *   layer shows, as the seeds' 实时救助 cases do), else a general member;
 * - the amount: 100,000 yuan a year (policy-range cost, or self-burden where the population states that), the
 *   order of a year's cost of a critical illness that reaches the critical-illness layer in every shipped file;
 * - the income: the median of the person's income distribution (the group's where it has one), to the yuan.
 * Self-pay and its compliant part are the population's mean ratios of the amount, to the fen.
 */
import { typicalCase, type TypicalCase } from '../rules/typical-case.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ChartSpec } from './charts/charts.ts';
import { waterfallSpec } from './charts/waterfall.ts';
import { scenarioNames } from './scenario-names.ts';
import { withoutUnit } from './format.ts';
import { t, type Lang } from './strings.ts';

export const TYPICAL_AMOUNT = 100_000;

export interface TypicalPerson {
  population: string;
  /** A group's tag, '' for a general member. */
  group: string;
  income: number | null;
  amount: number;
  /** The ruleset set beside the baseline (the workbench's choice); default the first other one. */
  against?: string;
}

/** The median income (yuan, whole) of a member of `population` in `group` ('' the population's), null without one. */
export function medianIncome(s: Scenario, population: string, group: string): number | null {
  const pop = s.populations.find((p) => p.id === population);
  const inc = pop?.groups.find((g) => g.tag === group)?.income ?? pop?.income;
  return inc ? Math.round(Math.exp(inc.mu.value)) : null;
}

export function defaultTypicalPerson(s: Scenario): TypicalPerson | null {
  // The file's own choice (household.typicalCase), where it makes one: its income defaults to the median.
  const chosen = s.household?.typicalCase;
  if (chosen && s.populations.some((p) => p.id === chosen.population)) {
    const group = chosen.group ?? '';
    return {
      population: chosen.population,
      group,
      income: chosen.income ?? medianIncome(s, chosen.population, group),
      amount: chosen.amount,
    };
  }
  const pop = s.populations.find((p) => p.income) ?? s.populations[0];
  if (!pop) return null;
  const recipients = new Set(s.rulesets.flatMap((r) => r.assistance?.groups ?? []));
  const group = pop.groups.find((g) => recipients.has(g.tag))?.tag ?? '';
  return { population: pop.id, group, income: medianIncome(s, pop.id, group), amount: TYPICAL_AMOUNT };
}

/** The person's case under each of the rulesets `ids` (duplicates and unknown ids left out), exact to the fen. */
export function typicalCasesOf(s: Scenario, person: TypicalPerson, ids: readonly string[]): TypicalCase[] {
  const pop = s.populations.find((p) => p.id === person.population);
  if (!pop) return [];
  const tags = person.group ? [person.group] : [];
  const x = person.amount;
  const ratio =
    pop.selfPay.ratio?.value ?? (pop.selfPay.beta ? pop.selfPay.beta.alpha / (pop.selfPay.beta.alpha + pop.selfPay.beta.beta) : 0);
  const share = pop.selfPay.compliantShare.value;
  const selfPay = (ratio * x).toFixed(2);
  const compliant = (share * Number(selfPay)).toFixed(2);
  const line = s.household?.povertyLine.value ?? null;
  return ids
    .filter((id, i, a) => id && a.indexOf(id) === i)
    .flatMap((id) => {
      const r = s.rulesets.find((q) => q.id === id);
      if (!r) return [];
      const person2 =
        pop.amountBasis === 'policyCost' && r.basic
          ? { policyCost: String(x), selfPay, compliantSelfPay: compliant }
          : { selfBurden: String(x), selfPay, compliantSelfPay: compliant };
      return [typicalCase(r, tags, person2, person.income, line)];
    });
}

/** The baseline (the file's, else the first ruleset) and the first other ruleset: the pair the typical case compares. */
export function typicalPair(s: Scenario, baseline?: string, against?: string): string[] {
  const b = s.rulesets.find((r) => r.id === (baseline ?? s.simulation.baseline))?.id ?? s.rulesets[0]?.id;
  const other = s.rulesets.find((r) => r.id === against && r.id !== b)?.id ?? s.rulesets.find((r) => r.id !== b)?.id;
  return [b, other].filter((x): x is string => !!x);
}

/**
 * The typical case's waterfall as a chart (charts/waterfall.ts), for the briefing's picture, the workbench's
 * exports and `run --out`: the person said in its footnote. Null without a population or a ruleset.
 */
export function typicalCaseChart(
  s: Scenario,
  lang: Lang,
  person: TypicalPerson | null = defaultTypicalPerson(s),
  baseline?: string,
  width = 640,
): { spec: ChartSpec; cases: TypicalCase[]; person: TypicalPerson } | null {
  if (!person) return null;
  const cases = typicalCasesOf(s, person, typicalPair(s, baseline, person.against));
  if (!cases.length) return null;
  const names = scenarioNames(s, lang);
  const pop = names.populations[person.population] ?? person.population;
  const group = person.group ? ` · ${names.groups[person.group] ?? person.group}` : '';
  const yuan = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  const basic = hasBasicLayer(
    s,
    cases.map((c) => c.ruleset),
  );
  const footnote =
    t('typicalPerson', lang, pop, group, amountName(s, person, lang), yuan(person.amount), incomeWords(s, person, lang)) +
    (basic ? '' : ` ${t('typicalNoBasic', lang)}`);
  return { spec: waterfallSpec(cases, { lang, width, names: names.rulesets, footnote, basic }), cases, person };
}

/**
 * Whether any of the rulesets compared settles a basic-insurance layer: without one (a file whose amounts are the
 * self-burden left after basic insurance, Suzhou's) that layer pays 0 for every person, and a bar and a row of 0
 * read as if basic insurance paid nothing.
 */
export function hasBasicLayer(s: Scenario, ids: readonly string[]): boolean {
  return ids.some((id) => !!s.rulesets.find((r) => r.id === id)?.basic);
}

/**
 * An amount or income typed into the typical case: the number, or the message (naming the field) that says why it
 * is refused. A refused value used to be dropped in silence, the case of the last good value staying on screen.
 */
export function typicalInput(raw: string, field: string, lang: Lang): { value: number } | { error: string } {
  const text = raw.trim();
  const v = text === '' ? NaN : Number(text);
  if (typicalValue(v)) return { value: v };
  return { error: t('typicalBadInput', lang, field, raw) };
}

/** An amount or income the typical case takes: finite, from 0 to a billion yuan. */
export const typicalValue = (v: number): boolean => Number.isFinite(v) && v >= 0 && v <= 1e9;

/** What the person's amount is (年政策范围内费用 or 年自负费用), without its unit. */
export function amountName(s: Scenario, person: TypicalPerson, lang: Lang): string {
  const basis = s.populations.find((p) => p.id === person.population)?.amountBasis ?? 'selfBurden';
  return withoutUnit(t('typicalAmount', lang, basis));
}

/** The person's income in words, said to be the median where it is. */
export function incomeWords(s: Scenario, person: TypicalPerson, lang: Lang): string {
  if (person.income === null) return t('typicalNoIncome', lang);
  const median = person.income === medianIncome(s, person.population, person.group);
  return t('typicalIncomeWords', lang, person.income.toLocaleString('zh-CN', { maximumFractionDigits: 2 }), median);
}
