/**
 * Fund-level scenario files (docs/model.md "Fund level"): the residents' subsidy budget (seed 002) and city-level
 * pooling of the basic funds (seed 003). Same conventions as insurance scenarios: parameters carry provenance.
 */
import { z } from 'zod';
import { Bilingual, Money, Ratio, PlainSeverity } from './schema.ts';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, "-", "_" or "."');
const provenance = { source: z.string().max(1000).optional(), assumption: z.string().max(2000).optional() };
const count = (d: string) =>
  z
    .strictObject({ value: z.number().int('must be a whole number').min(0, 'must not be negative').max(100_000_000), ...provenance })
    .describe(d);
const num = (d: string) => z.strictObject({ value: z.number().finite(), ...provenance }).describe(d);

export const SubsidyGroup = z.strictObject({
  id,
  title: Bilingual,
  count: count('Insured persons of the group (forecast for the budget year)'),
  subsidised: z.boolean().describe('Whether the group receives the fiscal subsidy in the budget lines'),
  payer: z.enum(['city', 'province']).describe('Which government pays the subsidy'),
  contribution: Money('Personal contribution per person per year'),
  paymentRate: z
    .strictObject({
      target: Ratio('Target fund payment rate on policy-range in-patient cost'),
      basic: z.strictObject({
        deductible: Money('Deductible'),
        rate: Ratio('Payment rate above the deductible'),
        cap: Money('Annual cap').optional(),
      }),
      cost: PlainSeverity.describe('Annual policy-range in-patient cost of a member with a stay'),
    })
    .optional(),
});

export const SubsidyBudget = z.strictObject({
  $schema: z.string().max(500).optional(),
  schemaVersion: z.literal(2),
  kind: z.literal('subsidyBudget'),
  id,
  title: Bilingual,
  description: z.strictObject({ zh: z.string().max(2000).optional(), en: z.string().max(2000).optional() }).optional(),
  year: z.number().int().min(2000).max(2100),
  subsidyPerPerson: Money('Fiscal subsidy per insured person per year'),
  groups: z.array(SubsidyGroup).min(1).max(20),
  statedTotals: z
    .array(z.strictObject({ id, label: Bilingual, value: z.number().finite(), payer: z.enum(['city', 'province', 'all']), ...provenance }))
    .max(20)
    .default([])
    .describe('Totals as the document states them (yuan), checked against the itemised computation.'),
  history: z
    .array(z.strictObject({ year: z.number().int().min(1990).max(2100), insured: z.number().int().min(0), ...provenance }))
    .max(50)
    .default([])
    .describe('Insured counts of past years, for the trend projection.'),
});

export const PoolingSide = z.strictObject({
  revenue: Money('Revenue in the first year'),
  expenditure: Money('Expected expenditure in the first year'),
  expenditureCv: Ratio('Coefficient of variation of the yearly expenditure'),
});

export const PoolingRegion = z.strictObject({
  id,
  title: Bilingual,
  employees: PoolingSide,
  residents: PoolingSide,
  balance: Money('Accumulated balance at the start'),
  reserve: Money('Risk reserve at the start'),
});

export const Pooling = z.strictObject({
  $schema: z.string().max(500).optional(),
  schemaVersion: z.literal(2),
  kind: z.literal('pooling'),
  id,
  title: Bilingual,
  description: z.strictObject({ zh: z.string().max(2000).optional(), en: z.string().max(2000).optional() }).optional(),
  year: z.number().int().min(2000).max(2100),
  regions: z.array(PoolingRegion).min(1).max(30),
  cityPool: Money('City pooling fund at the start'),
  revenueGrowth: num('Yearly growth of revenue (e.g. 0.05)'),
  expenditureGrowth: num('Yearly growth of expected expenditure'),
  expenditureGrowthSd: num(
    "Uncertainty of one year's expenditure growth (sd; a path per trial, shared by every region: the cost trend)",
  ).optional(),
  repayShare: Ratio("Share of a region's employees'-insurance gap it repays to the city"),
  alarmMonths: num('Reserve months below which policy must be adjusted'),
  simulation: z.strictObject({
    years: z.number().int().min(1).max(30),
    trials: z.number().int().min(1).max(100_000),
    seed: z.union([z.string().max(100), z.number().int()]),
  }),
});

export const FundScenario = z.discriminatedUnion('kind', [SubsidyBudget, Pooling]);
export type SubsidyBudget = z.output<typeof SubsidyBudget>;
export type Pooling = z.output<typeof Pooling>;
export type FundScenario = z.output<typeof FundScenario>;
