/**
 * The scenario file format, version 3 (the single definition the validator uses and
 * `scenario.schema.json` is generated from: `npm run schema`). docs/model.md ("Population", "Ruleset", "Financing") is its specification.
 *
 * Every number a planner may question is a parameter `{ value, source | assumption }`; list items (bands,
 * tiers, modifiers) carry their provenance on the item.
 */
import { TARGET_METRICS } from './target-metrics.ts';
import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { amount, finite, param, prose, provenance, text, type Said } from './param.ts';
import { severityUnion } from './severity-families/index.ts';

export const SCHEMA_VERSION = 3;

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, "-", "_" or "." starting with a letter or digit');
const tag = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a lower-case tag such as "assistance" (1–32 characters)');

export const Bilingual = z.strictObject({ zh: text(200), en: text(200) });
/** Prose in both languages (a description, a note, why a target conflicts): lines and tabs allowed (param.ts prose). */
export const OptionalBilingual = z.strictObject({ zh: prose(2000).optional(), en: prose(2000).optional() });

const ratio = () => finite().min(0, 'must be between 0 and 1 (0–100%)').max(1, 'must be between 0 and 1 (0–100%)');

export const Money = (d: string) => param(amount(), `${d} (yuan).`);
export const Ratio = (d: string) => param(ratio(), `${d} (a share between 0 and 1).`);

/**
 * The sampling uncertainty of a fitted severity (`jingsuan fit --into --with-uncertainty` writes it): the
 * covariance of the maximum-likelihood estimates, drawn per trial when simulation.parameterRisk.fitUncertainty is
 * on (engine/fit-draw.ts). Cross-field rules (names, size, symmetry, positive semi-definite, bounds) live in
 * scenario/uncertainty-checks.ts.
 */
export const Uncertainty = z
  .strictObject({
    parameters: z
      .array(text(32))
      .min(1)
      .max(5)
      .describe(
        'The family\'s parameter ids the covariance covers, in its order (e.g. ["mu", "sigma"]); parameters not listed stay fixed.',
      ),
    covariance: z
      .array(z.array(finite()).max(5))
      .min(1)
      .max(5)
      .describe(
        "Covariance matrix of the estimates on the parameters' natural scale (the inverse observed information), rows and columns in the order of parameters.",
      ),
    n: z.number().int('must be a whole number').min(1, 'must be at least 1').optional().describe('Records the fit used.'),
    ...provenance,
  })
  .describe(
    "Parameter uncertainty of a fitted severity: each trial draws the parameters from Normal(estimate, covariance) (redrawn when they leave the family's valid region) when simulation.parameterRisk.fitUncertainty is on.",
  );

/** The severity families (scenario/severity-families); with `uncertainty` on every parametric one (a population's severity, not a fund file's). */
export const Severity = severityUnion({ uncertainty: Uncertainty.optional() });

/** A severity without `uncertainty`: fund-level files (fund-schema.ts) draw no fitted parameters. */
export const PlainSeverity = severityUnion({});

/**
 * Annual income per person (yuan), for the household indicators (issue #33, engine/household.ts): lognormal,
 * ln Y ~ Normal(mu, sigma²), written like a lognormal severity's mu and sigma. From a published mean income m
 * (人均可支配收入 is a mean) and a Gini G: sigma = √2·Φ⁻¹((1 + G)/2), mu = ln m − sigma²/2 (math/income.ts).
 */
export const Income = z
  .strictObject({
    family: z.literal('lognormal'),
    mu: param(
      finite().min(0, 'must be at least 0 (ln of one yuan)').max(20, 'must not exceed 20 (ln of about 485 million yuan)'),
      'Mean of ln Y, Y the annual income per person (yuan).',
    ),
    sigma: param(
      finite().positive('must be > 0').max(3, 'must not exceed 3 (a Gini of about 0.97)'),
      'Standard deviation of ln Y (Gini = 2Φ(σ/√2) − 1).',
    ),
    rankCorrelation: param(
      finite().min(-0.95, 'must be at least -0.95').max(0.95, 'must not exceed 0.95'),
      "Spearman rank correlation between a member's annual medical amount and income, among members with cost, as a Gaussian copula (normal-score correlation 2·sin(π·ρs/6)); absent or 0: independent.",
    ).optional(),
    ...provenance,
  })
  .describe(
    'Annual income per person (yuan): lognormal, ln Y ~ Normal(mu, sigma²), independent of medical cost unless rankCorrelation is given. Gives the household indicators (out-of-pocket against income, catastrophic spending, impoverishment).',
  );

/**
 * Spending per person as shares of income, for catastrophic spending by capacity to pay (WHO; Xu et al., Lancet
 * 2003): capacity = consumption − food (subsistence) spending = income × consumptionShare × (1 − foodShare).
 */
export const Spending = z
  .strictObject({
    consumptionShare: param(
      finite().positive('must be > 0').max(2, 'must not exceed 2'),
      'Consumption spending over disposable income (人均消费支出 ÷ 人均可支配收入), e.g. 0.65.',
    ),
    foodShare: param(
      finite().min(0, 'must be between 0 and 1 (0–100%)').max(0.95, 'must not exceed 0.95'),
      'Food share of consumption spending (恩格尔系数), taken as subsistence spending.',
    ),
    ...provenance,
  })
  .describe(
    'Consumption and food shares: capacity to pay = income × consumptionShare × (1 − foodShare); out-of-pocket above 40% of it is catastrophic (catastrophicCtp40).',
  );

export const Group = z.strictObject({
  tag,
  title: Bilingual.optional(),
  share: Ratio('Share of the population that carries this tag'),
  income: Income.optional().describe(
    "This group's own income distribution (e.g. assistance recipients near the 低保 line), replacing the population's for its members; a member with several such tags takes the one with the lowest mu.",
  ),
});

export const SelfPay = z
  .strictObject({
    ratio: Ratio('Self-pay (自费) as a share of the annual amount').optional(),
    beta: z
      .strictObject({ alpha: finite().positive('must be > 0'), beta: finite().positive('must be > 0'), ...provenance })
      .optional()
      .describe('Random self-pay ratio per person: Beta(alpha, beta).'),
    compliantShare: Ratio('Share of self-pay that counts as compliant self-pay (合规自费); with compliantBeta, its mean for reference'),
    compliantBeta: z
      .strictObject({ alpha: finite().positive('must be > 0'), beta: finite().positive('must be > 0'), ...provenance })
      .optional()
      .describe('Random compliant share per person: Beta(alpha, beta).'),
  })
  .describe('Self-pay (自费) and its compliant part (合规自费). Give exactly one of ratio or beta; the compliant share is fixed or Beta.');

export const Frequency = z
  .discriminatedUnion('family', [
    z.strictObject({ family: z.literal('binomial'), ...provenance }),
    z.strictObject({ family: z.literal('poisson'), ...provenance }),
    z.strictObject({
      family: z.literal('negativeBinomial'),
      cv: param(
        finite().positive('must be > 0').max(5, 'must not exceed 5'),
        'Coefficient of variation of the gamma mixing of the Poisson mean (contagion within the population).',
      ),
      ...provenance,
    }),
  ])
  .describe(
    'How many members have eligible cost: binomial(insured, incidence) (the default), Poisson with mean insured × incidence, or negative binomial (Poisson–gamma mixing with the given CV).',
  );

/** A mean-one parameter shock drawn once per trial (random/shock.ts). */
const Shock = z.strictObject({
  cv: param(finite().min(0, 'must not be negative').max(2, 'must not exceed 2'), 'Coefficient of variation of the mean-one shock.'),
  distribution: z.enum(['lognormal', 'gamma']).optional().describe('lognormal (default) or gamma, mean 1.'),
});

export const ParameterRisk = z
  .strictObject({
    costLevel: Shock.optional().describe('Multiplies every amount of the year (medical inflation, a policy change, a bad year).'),
    utilisation: Shock.optional().describe('Multiplies the incidence (or the Poisson mean) of the year.'),
    shared: z
      .boolean()
      .default(true)
      .describe('true: one draw of each shock per trial for every population; false: independent draws per population.'),
    fitUncertainty: z
      .boolean()
      .optional()
      .describe(
        "Estimation risk of fitted severities: true (the default when any population's severity carries `uncertainty`) draws each such severity's parameters once per trial from Normal(estimate, covariance); false uses the estimates as written. Reported as the `fit` part of the payout's risk split.",
      ),
    ...provenance,
  })
  .describe(
    "Parameter risk: per-trial shocks to the cost level and utilisation, the same for every ruleset of a trial, and the per-trial draw of fitted severities' parameters (fitUncertainty).",
  );

export const Trend = z
  .strictObject({
    costGrowth: z.strictObject({
      mean: param(
        finite().min(-0.5, 'must be at least −0.5').max(1, 'must not exceed 1'),
        'Mean annual growth of the cost level (e.g. 0.06 for 6% a year).',
      ),
      sd: param(
        finite().min(0, 'must not be negative').max(1, 'must not exceed 1'),
        "Standard deviation of one year's growth (drawn each year, so uncertainty accumulates along a path).",
      ),
    }),
    fundingGrowth: param(finite().min(-0.5).max(1), 'Annual growth of the funding standards and budget lines.').optional(),
    insuredGrowth: param(finite().min(-0.5).max(1), "Annual growth of every population's insured count.").optional(),
    incomeGrowth: param(
      finite().min(-0.5, 'must be at least −0.5').max(1, 'must not exceed 1'),
      "Annual growth of per-capita income: year y's incomeIndex figures (and the deductibles indexed to them) × (1 + g)^(y−1), every income distribution's mu + (y−1)·ln(1 + g), and the poverty line × (1 + g)^(y−1).",
    ).optional(),
    ...provenance,
  })
  .describe(
    "Trend for multi-year runs (run --years N): year y's cost level is the product of y − 1 yearly growth factors (1 + g), g ~ Normal(mean, sd), one path per trial.",
  );

export const Population = z.strictObject({
  id,
  title: Bilingual.optional(),
  insured: param(
    finite()
      .int('must be a whole number')
      .min(0, 'must not be negative')
      .max(LIMITS.insuredPerPopulation, `must not exceed ${LIMITS.insuredPerPopulation}`),
    'Insured persons.',
  ),
  incidence: Ratio('Probability that a member has eligible medical cost in the year'),
  frequency: Frequency.optional(),
  amountBasis: z
    .enum(['selfBurden', 'policyCost'])
    .describe(
      "selfBurden: the severity is the annual in-policy self-burden (自负) itself; policyCost: total policy-range cost, turned into self-burden by the ruleset's basic layer.",
    ),
  severity: Severity,
  costLevel: param(
    finite().positive('must be > 0').max(100, 'must not exceed 100'),
    'Regional cost level: every amount of the severity is multiplied by this factor (1 = the severity as written). Lets a region borrow a calibrated shape and state its own level (docs/sources.md, "Regional cost levels").',
  ).optional(),
  selfPay: SelfPay,
  groups: z.array(Group).max(LIMITS.groups).default([]),
  income: Income.optional(),
  spending: Spending.optional(),
  episodes: z.strictObject({
    extraMean: param(
      finite().min(0, 'must not be negative').max(30, 'must not exceed 30'),
      'Mean of the extra records beyond the first (records = 1 + Poisson).',
    ),
    firstShare: Ratio(
      "Share of the year's amount in the first record (the index admission); the other records share the rest equally. Absent: all records equal",
    ).optional(),
  }),
});

export const Band = z
  .strictObject({
    to: amount().nullable().describe('Upper edge of the band on the eligible amount (yuan); null = open-ended.'),
    ratio: ratio().describe('Share paid of the eligible amount inside the band.'),
    ...provenance,
  })
  .describe('One band of segmented progressive payment (分段累进): from the previous edge (or the deductible) up to `to`.');

/** A name of an income figure of `incomeIndex` (e.g. "urban"). */
const incomeName = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a lower-case name such as "urban" (1–32 characters)');

/**
 * The per-capita income figures a ruleset may index its deductibles to (seed 004 三(一): 起付标准原则上按上年度城镇居民
 * 人均可支配收入、农村居民人均纯收入确定; the national guidance of 2015 the same), each declared once with its source.
 * `run --years` grows them by simulation.trend.incomeGrowth (engine/years.ts).
 */
export const IncomeIndex = z
  .record(
    incomeName,
    // The title is what a reader reads where the deductible is explained (the editor, `benefit`, the briefing):
    // "城镇居民人均可支配收入", not the file's key "urban"; optional, the key is shown where it is missing.
    z
      .strictObject({
        value: amount(),
        ...provenance,
        title: Bilingual.optional().describe(
          'The figure\'s name in both languages, e.g. {"zh": "城镇居民人均可支配收入", "en": "urban per-capita disposable income"}.',
        ),
      })
      .describe('A per-capita income figure of the previous year (e.g. 上年度城镇居民人均可支配收入), yuan per person a year (yuan).'),
  )
  .describe(
    'Named per-capita income figures (yuan per person a year) that deductibles are indexed to (deductible.indexedTo, modifiers[].deductibleIndexedTo), e.g. { "urban": {value, source}, "rural": {value, source} }.',
  );

/** A deductible set as a share of an income figure (scenario/income-index.ts: the value must equal share × figure, to the fen). */
export const IndexedTo = z
  .strictObject({
    share: param(
      finite().min(0, 'must not be negative').max(10, 'must not exceed 10 (ten times the income figure)'),
      'Share of the income figure the deductible equals (1 = the whole figure, 0.5 = half of it).',
    ),
    income: incomeName.describe("Name of the income figure in the scenario's incomeIndex."),
  })
  .describe(
    "The deductible as share × incomeIndex[income] (Jilin: 起付标准 = 上年度人均可支配收入, seed 004 三(一)). The deductible's value must equal it, rounded to the fen; run --years re-indexes it with simulation.trend.incomeGrowth.",
  );

export const TrackDeductible = z
  .strictObject({ value: amount(), ...provenance, indexedTo: IndexedTo.optional() })
  .describe('Deductible (起付标准) on the eligible base (yuan); with indexedTo, a share of a per-capita income figure.');

export const Track = z.strictObject({
  id,
  base: z.enum(['selfBurden', 'compliantSelfPay', 'combined']).describe('Eligible base: 自负, 合规自费, or their sum.'),
  deductible: TrackDeductible,
  bands: z.array(Band).min(1).max(LIMITS.bands),
  cap: Money('Maximum paid by this track per person per year').optional(),
});

export const Modifier = z.strictObject({
  group: tag,
  deductibleFactor: finite().min(0, 'must not be negative').max(10, 'must not exceed 10').optional(),
  deductible: amount().optional().describe('Deductible override (yuan), applied before deductibleFactor.'),
  deductibleIndexedTo: IndexedTo.optional().describe(
    "The deductible override as share × incomeIndex[income] (Jilin's rural members: 上年度农村居民人均纯收入, seed 004 三(一)); deductible must then be given and equal it, to the fen.",
  ),
  ratioAdd: finite().min(-1, 'must be between −1 and 1').max(1, 'must be between −1 and 1').optional(),
  cap: amount().optional().describe('Overall cap override (yuan).'),
  capFactor: finite().min(0, 'must not be negative').max(10, 'must not exceed 10').optional(),
  ...provenance,
});

export const BasicLayer = z
  .strictObject({
    deductible: Money('Basic insurance deductible on policy-range cost'),
    rate: Ratio('Basic insurance payment rate above its deductible'),
    cap: Money('Basic insurance annual payment cap').optional(),
  })
  .describe('Basic medical insurance layer (基本医疗保险): turns policy-range cost into self-burden.');

export const Tier = z.strictObject({
  from: finite().min(-1).max(1).nullable().describe('Lower edge of the profit/loss rate m (null = −∞).'),
  to: finite().min(-1).max(1).nullable().describe('Upper edge of m (null = +∞).'),
  insurerShare: ratio(),
  basis: z
    .enum(['marginal', 'whole'])
    .describe('marginal: only the part of the result inside the tier is shared at its rate; whole: once m is inside, the whole result is.'),
  ...provenance,
});

const tiers = z.array(Tier).min(1).max(LIMITS.tiers);

export const Corridor = z.strictObject({
  tiers,
  alternatives: z
    .array(z.strictObject({ id, title: Bilingual.optional(), tiers, ...provenance }))
    .max(4)
    .default([])
    .describe('Other readings of the same text (e.g. Jilin\'s "whole" reading), evaluated on the same sampled claims.'),
  insurerGainMax: Money('Largest surplus the insurer keeps (tender amount)').optional(),
  insurerLossMax: Money('Largest non-policy loss the insurer bears (tender amount)').optional(),
  policyLossShare: Ratio('Share of a loss caused by policy changes, made up by the basic fund').optional(),
  ...provenance,
});

const HoldbackScale = z
  .array(z.strictObject({ minScore: finite().min(0).max(100), payShare: ratio() }))
  .min(1)
  .max(10)
  .describe('Share of the holdback paid for a score at or above minScore (highest matching row applies).');

export const Transfers = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('quarterly'),
    quarterShare: Ratio("Share of the year's premium transferred in the first month of each quarter in force"),
    basis: z
      .enum(['annualStandard', 'contractPremium'])
      .optional()
      .describe(
        "What quarterShare is a share of: annualStandard (the default; seed 001 三(一) 按筹资标准划转: a full year's premium at the funding standard, so a year in force transfers 4 × 24% = 96% before settlement) or contractPremium (the premium of the months in force). The two differ only when fewer than 12 months are in force; the other reading's cash is reported beside.",
      ),
    assessmentScore: param(finite().min(0).max(100), 'Assessment score of the insurer (0–100)')
      .optional()
      .describe(
        "The insurer's assessment score, with holdbackScale: the balance left for settlement is paid by it (seed 001 三(一) 结合…承办机构的考核情况).",
      ),
    holdbackScale: HoldbackScale.optional(),
    ...provenance,
  }),
  z.strictObject({
    kind: z.literal('prepaid'),
    prepaidShare: Ratio("Share of the year's premium prepaid at the start of the year"),
    assessmentScore: param(finite().min(0).max(100), 'Assessment score of the insurer (0–100)'),
    holdbackScale: HoldbackScale,
    ...provenance,
  }),
]);

/**
 * Where the premium comes from (seed 000 项目资金来源: 基金划转 + 财政补贴; seed 001 二(二) and seed 004: carved from
 * the basic funds). The premium of a population is the sum of the channels that fund it.
 */
export const FUNDING_CHANNELS = ['fundTransfer', 'fiscalSubsidy', 'personalContribution', 'unspecified'] as const;
export type FundingChannelId = (typeof FUNDING_CHANNELS)[number];

export const FundingChannel = z
  .strictObject({
    channel: z
      .enum(FUNDING_CHANNELS)
      .describe(
        'fundTransfer: from the basic medical-insurance funds (基金划转); fiscalSubsidy: 财政补贴; personalContribution: 个人缴费; unspecified: a funding standard whose sources are not split (files migrated from schema 2).',
      ),
    title: Bilingual.optional(),
    population: id.optional().describe('The population this channel funds; absent: every population.'),
    perInsured: Money('Amount per insured person per year, prorated by the months in force').optional(),
    total: Money(
      'Amount for the contract year as a document gives it (not prorated); split over the populations by insured count when no population is named',
    ).optional(),
  })
  .describe('One source of the premium: give perInsured or total, not both.');

export const Funding = z.strictObject({
  channels: z.array(FundingChannel).min(1).max(LIMITS.fundingChannels),
  monthsInForce: param(
    finite().int().min(1, 'must be 1–12').max(12, 'must be 1–12'),
    "Months of the year the scheme runs (Jiangyin 2020: 6). Prorates per-insured funding and the claims: each member's annual amount accrues evenly, so the months in force see months/12 of it against the full annual deductible",
  ).optional(),
  operatingCostRate: Ratio("Insurer's operating cost as a share of premium").optional(),
  transfers: Transfers.optional(),
  lossRatioNote: OptionalBilingual.optional().describe(
    'Why the expected loss ratio lands where it does; required reading when it lies outside 80–115% (a proposal run on the current funding, a scheme a document says is in deficit).',
  ),
});

/**
 * A ceiling a document sets on the payment ratios (seed 004 三(三): 分段支付比例相应调整，最高不超过80%): a bound,
 * not a band's stated value. Whether it also bounds a group's lifted ratio (seed 004 三(四): 分段支付比例提高5%) is
 * a reading of the text the file must state; the validator warns while it does not.
 */
export const RatioCeiling = z
  .strictObject({
    value: ratio(),
    bindsModifiers: z
      .boolean()
      .optional()
      .describe(
        "true: a modifier's ratioAdd lifts a band at most to the ceiling; false: past it, as the modifier writes. Absent: lifted past it, with a warning.",
      ),
    ...provenance,
  })
  .describe('Highest payment ratio the document allows on this schedule (最高不超过…), a share between 0 and 1.');

/**
 * Medical assistance (医疗救助), the third layer after basic insurance and critical illness for its recipients
 * (国办发〔2021〕42号 三重制度综合保障; seed 001 四 一站式结算; seed 000 融合实时救助). It pays rate × (what remains of the
 * recipient's self-burden + compliant self-pay after critical illness − deductible), up to cap per year
 * (rules/assistance.ts). The seeds give no figures: a file's values are assumptions with their reasons.
 */
/** One band of the out-of-pocket ceiling (Assistance.ceiling). */
export const CeilingBand = z.strictObject({
  incomeBelow: Money('Income edge of the band: members with annual income per person below it (null: every income)').nullable(),
  share: Ratio('The ceiling as a share of the member’s annual income'),
  ...provenance,
});

export const Assistance = z
  .strictObject({
    groups: z
      .array(tag)
      .min(1)
      .max(LIMITS.groups)
      .describe('Tags (populations[].groups[].tag) of its recipients (特困、低保、返贫致贫人口 …).'),
    deductible: Money('Assistance deductible (起付标准) on the remaining in-policy burden after critical illness'),
    rate: Ratio('Share of the remaining burden above the deductible that assistance pays'),
    cap: Money('Annual assistance cap per recipient (年度救助限额)').optional(),
    ceiling: z
      .array(CeilingBand)
      .min(1)
      .max(LIMITS.bands)
      .optional()
      .describe(
        "Annual out-of-pocket ceiling by income band (年度个人自付封顶): a member of any group whose income is below a band's edge pays at most share × income of the in-policy burden left after the other layers; assistance pays the excess. Bands ascending; the first whose edge is above the income applies.",
      ),
    ...provenance,
  })
  .describe('Medical assistance (医疗救助) after critical illness for its recipients: deductible, rate and annual cap.');

/**
 * The person of the typical case (典型病例, report/typical-default.ts) that the briefing, the workbook, `run --out` and
 * the workbench start from, where the file chooses one rather than the default (the first assistance group of the
 * first population with an income, 100,000 yuan, the median income).
 */
const TypicalCase = z
  .strictObject({
    population: id.describe('The population the person belongs to (its id).'),
    group: tag.optional().describe("One of the population's group tags; absent: a general member."),
    amount: amount().describe("The person's annual amount (yuan) on the population's basis (policy-range cost or self-burden)."),
    income: amount().optional().describe("The person's annual income (yuan); absent: the median of the person's income distribution."),
    ...provenance,
  })
  .describe('The typical case shown in the briefing, the workbook and the workbench: one person through every layer.');

/** Household indicators' settings (engine/household.ts). */
export const Household = z
  .strictObject({
    povertyLine: Money(
      'Annual income per person below which a member is poor (e.g. the 低保 standard × 12); out-of-pocket that takes a member from above it to below counts as impoverishing (因病致贫)',
    ),
    members: z
      .number()
      .int('must be a whole number')
      .min(1000, 'must be at least 1000')
      .max(1_000_000, 'must not exceed 1000000')
      .optional()
      .describe('Members with cost drawn per population for the Monte Carlo household indicators (run); default 20000.'),
    note: OptionalBilingual.optional().describe('What the household indicators show for this file (shown beside them).'),
    typicalCase: TypicalCase.optional(),
    ...provenance,
  })
  .describe('The household layer: the poverty line of the impoverishment count and the sample behind its intervals.');

export const Ruleset = z.strictObject({
  id,
  title: Bilingual,
  region: text(100).optional(),
  basic: BasicLayer.optional(),
  tracks: z.array(Track).min(1).max(LIMITS.tracks),
  cap: Money('Overall maximum paid per person per year (最高支付限额)').optional(),
  modifiers: z.array(Modifier).max(LIMITS.modifiers).default([]),
  ratioCeiling: RatioCeiling.optional(),
  policyRangeDeduction: Money(
    "The per-person amount a document's 政策范围内报销比例 subtracts from each beneficiary's self-burden + compliant self-pay (seed 000 绩效目标: （自负医疗费用 + 合规自费医疗费用 − 35000）); gives the indicator policyRangeReimbursementRatio, absent: no value",
  ).optional(),
  funding: Funding,
  corridor: Corridor.optional(),
  assistance: Assistance.optional(),
});

export const Target = z.strictObject({
  metric: z.enum(TARGET_METRICS),
  population: id.optional(),
  ruleset: id.optional(),
  group: tag
    .optional()
    .describe(
      "A group's members only (populations[].groups[].tag), e.g. seed 000's 实时救助人员个人现金减负率: the rate over the members carrying the tag, in the named population or in every population that declares it. Only burdenReductionRate can be taken over a group.",
    ),
  // A target is a count, an amount in yuan or a rate: never negative, and within the amounts a scheme can hold
  // (a rate's own bound is semantics.ts's); 1e308 would print as Infinity% beside the modelled value.
  value: finite().min(0, 'must not be negative').max(1e14, 'must not exceed 1e14 (a scheme-wide amount in yuan)'),
  ...provenance,
  conflict: OptionalBilingual.optional().describe(
    'Why the model does not reach this target (it conflicts with the other figures under the stated cost model): reported beside the target, and `calibrate` does not fit to it.',
  ),
});

export const Simulation = z.strictObject({
  trials: z.number().int('must be a whole number').min(1, 'must be at least 1').max(LIMITS.trials, `must not exceed ${LIMITS.trials}`),
  seed: z.union([text(100), z.number().int()]),
  baseline: id.optional().describe('Ruleset the others are compared against (paired differences).'),
  parameterRisk: ParameterRisk.optional(),
  trend: Trend.optional(),
});

export const Scenario = z.strictObject({
  $schema: text(500).optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id,
  title: Bilingual,
  description: OptionalBilingual.optional(),
  year: z.number().int().min(2000).max(2100),
  populations: z.array(Population).min(1).max(LIMITS.populations),
  rulesets: z.array(Ruleset).min(1).max(LIMITS.rulesets),
  targets: z.array(Target).max(LIMITS.targets).default([]),
  incomeIndex: IncomeIndex.optional(),
  household: Household.optional(),
  simulation: Simulation,
});

export type Scenario = z.output<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
export type Population = z.output<typeof Population>;
export type Ruleset = z.output<typeof Ruleset>;
export type Track = z.output<typeof Track>;
export type Band = z.output<typeof Band>;
export type Modifier = z.output<typeof Modifier>;
export type FundingChannelSpec = z.output<typeof FundingChannel>;
export type FrequencySpec = z.output<typeof Frequency>;
export type ParameterRiskSpec = z.output<typeof ParameterRisk>;
export type SeveritySpec = z.output<typeof Severity>;
export type UncertaintySpec = z.output<typeof Uncertainty>;
export type CorridorSpec = z.output<typeof Corridor>;
export type TierSpec = z.output<typeof Tier>;
export type Target = z.output<typeof Target>;
export type IncomeSpec = z.output<typeof Income>;
export type IndexedToSpec = z.output<typeof IndexedTo>;
export type AssistanceSpec = z.output<typeof Assistance>;
export type Param = { value: number; source?: Said; assumption?: Said };
