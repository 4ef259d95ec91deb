/**
 * Fund-level scenario files (docs/model.md "Fund level"): the residents' subsidy budget (seed 002) and city-level
 * pooling of the basic funds (seed 003). Same conventions as insurance scenarios: parameters carry provenance.
 */
import { z } from 'zod';
import { Bilingual, Money, OptionalBilingual, Ratio, PlainSeverity } from './schema.ts';
import { provenance, text } from './param.ts';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, "-", "_" or "."');
const count = (d: string) =>
  z
    .strictObject({ value: z.number().int('must be a whole number').min(0, 'must not be negative').max(100_000_000), ...provenance })
    .describe(d);
/** A number within [min, max]; the description says why those bounds (issue #30: no field without bounds). */
const bounded = (min: number, max: number, d: string) =>
  z
    .strictObject({
      value: z.number().finite().min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`),
      ...provenance,
    })
    .describe(d);
/**
 * A city's or region's fund amount (yuan): at most 10¹² (1万亿), above any city's yearly basic-insurance revenue
 * or balance, so 30 regions grown for 30 years still sum far inside double precision; and 0 or at least one fen,
 * since a smaller positive amount is no money, and as a divisor (reserve months = funds ÷ monthly expenditure) it
 * would overflow to Infinity.
 */
const FUND_MAX = 1e12;
const fundAmount = () =>
  z
    .number()
    .finite()
    .min(0, 'must not be negative')
    .max(FUND_MAX, `must not exceed ${FUND_MAX} yuan (1万亿)`)
    .refine((v) => v === 0 || v >= 0.01, 'must be 0 or at least 0.01 (one fen)');
const FundMoney = (d: string) =>
  z.strictObject({ value: fundAmount(), ...provenance }).describe(`${d} (yuan; 0 or 0.01 to 10¹²: one fen to 1万亿).`);
/**
 * Yearly growth of a fund's revenue or expenditure: −50% to +100%, a halving or a doubling in one year, beyond any
 * yearly change of a city's basic fund; bounded so the path over 30 years stays a number ((1 + g)^29 ≤ 2^29).
 */
const growth = (d: string) => bounded(-0.5, 1, `${d} (a fraction between −0.5 and 1: a halving to a doubling in one year)`);

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
  $schema: text(500).optional(),
  schemaVersion: z.literal(2),
  kind: z.literal('subsidyBudget'),
  id,
  title: Bilingual,
  description: OptionalBilingual.optional(),
  year: z.number().int().min(2000).max(2100),
  subsidyPerPerson: Money('Fiscal subsidy per insured person per year'),
  groups: z.array(SubsidyGroup).min(1).max(20),
  statedTotals: z
    .array(z.strictObject({ id, label: Bilingual, value: fundAmount(), payer: z.enum(['city', 'province', 'all']), ...provenance }))
    .max(20)
    .default([])
    .describe('Totals as the document states them (yuan, 0 or 0.01 to 10¹²), checked against the itemised computation.'),
  targets: z
    .array(
      z.strictObject({
        id,
        label: Bilingual,
        metric: z
          .enum(['insured', 'subsidyPerPerson', 'benefitVisits'])
          .describe(
            'insured: the insured count of the groups named; subsidyPerPerson: fiscal subsidy per insured person (yuan); benefitVisits: person-times of benefits, out-patient included (not modelled: reported as such).',
          ),
        groups: z.array(id).min(1).max(20).optional().describe('The groups an insured-count target counts (all when absent).'),
        value: fundAmount(),
        ...provenance,
      }),
    )
    .max(20)
    .default([])
    .describe(
      "The document's performance targets (绩效目标), each set beside what the file's own figures give; a difference is reported, never fitted.",
    ),
  history: z
    .array(
      z.strictObject({
        year: z.number().int().min(1990).max(2100),
        insured: z.number().int('must be a whole number').min(0, 'must not be negative').max(100_000_000),
        ...provenance,
      }),
    )
    .max(50)
    .default([])
    .describe("Insured counts of past years (at most 10⁸ each, like a group's count; each year once), for the trend projection."),
});

export const PoolingSide = z.strictObject({
  revenue: FundMoney('Revenue in the first year'),
  expenditure: FundMoney('Expected expenditure in the first year'),
  expenditureCv: Ratio('Coefficient of variation of the yearly expenditure'),
});

export const PoolingRegion = z.strictObject({
  id,
  title: Bilingual,
  employees: PoolingSide,
  residents: PoolingSide,
  balance: FundMoney('Accumulated balance at the start'),
  reserve: FundMoney('Risk reserve at the start'),
  revenueShortfall: Ratio(
    "Share of the region's planned revenue it fails to collect each year (未完成基金收入计划): the gap this makes is a management gap (管理性基金缺口), the region's own to make up, never the city pool's",
  ).optional(),
});

export const Pooling = z.strictObject({
  $schema: text(500).optional(),
  schemaVersion: z.literal(2),
  kind: z.literal('pooling'),
  id,
  title: Bilingual,
  description: OptionalBilingual.optional(),
  year: z.number().int().min(2000).max(2100),
  regions: z.array(PoolingRegion).min(1).max(30),
  cityPool: FundMoney('City pooling fund at the start'),
  cityPoolFromBalances: z
    .boolean()
    .optional()
    .describe(
      "true: the city pool was paid up from the regions' 2019 balances (seed 003 三(三) 各地按2019年末…累计结余占比，上解一定比例资金作为市级医保统筹基金), and the balances given are those before it: each region's starting balance is reduced by cityPool × its share of the balances, so the money is counted once. false or absent: the pool is money of its own.",
    ),
  revenueGrowth: growth('Yearly growth of revenue (e.g. 0.05)'),
  expenditureGrowth: growth('Yearly growth of expected expenditure'),
  expenditureGrowthSd: bounded(
    0,
    0.5,
    "Uncertainty of one year's expenditure growth (sd; a path per trial, shared by every region: the cost trend); at most 0.5, fifty points of growth in one year, far beyond any recorded cost trend",
  ).optional(),
  repayShare: Ratio("Share of a region's employees'-insurance gap it repays to the city"),
  alarmMonths: bounded(
    0,
    120,
    'Reserve months below which policy must be adjusted (seed 003: 6); 0 to 120, ten years of expenditure, beyond any reserve a fund is asked to hold',
  ),
  simulation: z.strictObject({
    years: z.number().int().min(1).max(30),
    trials: z.number().int().min(1).max(100_000),
    seed: z.union([text(100), z.number().int()]),
  }),
});

export const FundScenario = z.discriminatedUnion('kind', [SubsidyBudget, Pooling]);
export type SubsidyBudget = z.output<typeof SubsidyBudget>;
export type Pooling = z.output<typeof Pooling>;
export type FundScenario = z.output<typeof FundScenario>;
