/**
 * The briefing's own words (report/briefing.ts), in its own table beside strings.ts: headings, labels and notes
 * of a document a bureau puts in front of its leadership (issue #31).
 */
import type { Lang } from './strings.ts';

const B = {
  runLine: {
    // The seed is the analyst's to reproduce the run (the appendix names it), not the reader's.
    zh: (trials: string, _seed: string, year: number) => `（${year}年度 · 蒙特卡洛模拟${trials}次）`,
    en: (trials: string, seed: string, year: number) => `(year ${year} · ${trials} Monte Carlo trials · seed ${seed})`,
  },
  overview: { zh: '基本情况', en: 'Overview' },
  fileSays: { zh: '情景文件说明：', en: 'The file describes itself as: ' },
  fileSaidBeforeEdits: {
    zh: '原文件说明（本次测算已修改文件，以下为修改前文件的原话，其中数字不代表本次结果）：',
    en: "The file's own words before the edits (its figures are not this run's results): ",
  },
  editsLead: { zh: '与打开的文件相比，本次测算修改了：', en: 'Against the file as opened, this run changes: ' },
  resultsLead: { zh: '测算结果如下。', en: 'The results:' },
  proposals: { zh: '方案比较', en: 'The proposals' },
  proposalsLead: {
    zh: (base: string) => `以下各方案均与基准方案「${base}」在同一批模拟人群上比较（配对差值，区间为95%置信区间）。`,
    en: (base: string) => `Each proposal against the baseline “${base}” on the same simulated members (paired differences, 95% intervals).`,
  },
  changes: { zh: '调整内容：', en: 'What changes: ' },
  noRuleChange: { zh: '支付规则与基准方案相同（仅筹资或其他设置不同）', en: 'the same benefit rules as the baseline' },
  cost: { zh: '测算结果：', en: 'Cost: ' },
  lossRatioChange: { zh: (pts: string) => `赔付率变化${pts}`, en: (pts: string) => `loss ratio ${pts}` },
  gains: { zh: '受益变化：', en: 'Who gains: ' },
  indicators: { zh: '主要指标', en: 'Key indicators' },
  unitsNote: {
    zh: '金额单位：万元；赔付率等比率为模拟均值；比较栏为与基准方案的差值（百分点）。',
    en: 'Amounts in 10k yuan; rates are simulation means; differences against the baseline in percentage points.',
  },
  indicator: { zh: '指标', en: 'Indicator' },
  funding: { zh: '保费来源', en: 'Premium by funding channel' },
  comparison: { zh: '与基准方案的比较', en: 'Against the baseline' },
  corridor: { zh: '风险调节', en: 'Risk corridor' },
  corridorNote: {
    zh: '承办机构结果为保费减赔付（未扣运营成本），正数为盈余；返还基金与基金补足为风险调节后的期望值。',
    en: "The insurer's result is premium less claims (before operating cost), positive a surplus; returned and topped-up amounts are expectations after the corridor.",
  },
  years: { zh: '逐年预测', en: 'Year by year' },
  yearsNote: {
    zh: '按情景文件的费用增长、筹资增长和参保人数增长假设逐年测算；金额单位：万元。',
    en: "Each year along the scenario's cost, funding and insured growth; amounts in 10k yuan.",
  },
  charts: { zh: '图表', en: 'Charts' },
  appendix: { zh: '附录', en: 'Appendix' },
  assumptions: {
    zh: (n: number) => `测算所依据的假设（共${n}项）`,
    en: (n: number) => `Assumptions the figures rest on (${n})`,
  },
  assumptionsLead: {
    zh: '以下数值为文件未作规定、由测算人员设定的假设，逐项列明理由；其余参数均注明出处。',
    en: 'These values are not given by the documents; each states why it was chosen. Every other parameter cites its source.',
  },
  edited: {
    zh: (was: string) => `在工作台中修改（原值 ${was}）`,
    en: (was: string) => `edited in the workbench (was ${was})`,
  },
  added: { zh: '在工作台中新增', en: 'added in the workbench' },
  originalBasis: { zh: '原依据：', en: 'originally: ' },
  note: { zh: '备注：', en: 'note: ' },
  reproduce: {
    // The seed is often the scenario's id: a Chinese briefing names no id (it stays in result.json).
    zh: (trials: string, _seed: string) => `复算信息：蒙特卡洛模拟${trials}次；同一情景文件、同一随机种子得出相同结果。`,
    en: (trials: string, seed: string) => `To reproduce: ${trials} trials, seed “${seed}”; the same file and seed give the same figures.`,
  },
  yearCol: { zh: '年度', en: 'Year' },
  premiumCol: { zh: '保费', en: 'Premium' },
  payoutCol: { zh: '期望赔付', en: 'Expected payout' },
  lossRatioCol: { zh: '赔付率', en: 'Loss ratio' },
  probLossCol: { zh: '亏损概率', en: 'Probability of loss' },
  fundCol: { zh: '累计结余（风险调节后）', en: 'Cumulative result (after corridor)' },
  rulesetCol: { zh: '方案', en: 'Ruleset' },
  channelCol: { zh: '筹资渠道', en: 'Channel' },
  populationCol: { zh: '参保人群', en: 'Population' },
  amountCol: { zh: '金额', en: 'Amount' },
  shareCol: { zh: '占比', en: 'Share' },
  allPopulations: { zh: '全体', en: 'all' },
  premiumTotal: { zh: '保费合计', en: 'Premium, total' },
  baselineRow: { zh: '基准方案', en: 'Baseline' },
  layout: { zh: '简报版式', en: 'Briefing layout' },
  layoutGongwen: { zh: '公文格式', en: 'Official (公文)' },
  layoutPlain: { zh: '普通格式', en: 'Plain' },
  layoutHint: {
    zh: '公文格式按 GB/T 9704-2012：A4，仿宋三号正文，黑体、楷体标题，页码“— 1 —”',
    en: 'Official layout per GB/T 9704-2012: A4, 仿宋 16 pt body, 黑体/楷体 headings, page numbers "— 1 —"',
  },
  // — the household section (issue #33): appended here —
  household: { zh: '家庭负担与因病致贫', en: 'Household burden and impoverishment' },
  householdFigures: { zh: '各方案的家庭负担', en: 'Each ruleset' },
  householdDiffs: { zh: '方案与基准之差', en: 'Proposals against the baseline' },
  householdAgainst: {
    zh: (name: string) => `「${name}」与基准方案相比（同一批成员配对）：`,
    en: (name: string) => `“${name}” against the baseline (paired on the same members): `,
  },
  interval95: { zh: '95%区间', en: '95% interval' },
  typicalHeading: { zh: '典型病例', en: 'A typical case' },
  typicalLead: {
    zh: '以下为一名典型患者在各层保障下的逐层支付（精确到分）：',
    en: 'One typical patient through every layer (to the fen): ',
  },
  typicalOop: { zh: (y: string) => `个人自付${y}元，`, en: (y: string) => `out-of-pocket ${y} yuan, ` },
} as const;

type Key = keyof typeof B;
type Args<K extends Key> = (typeof B)[K]['zh'] extends (...a: infer A) => string ? A : [];

/** The briefing's text of `key` in `lang`. */
export function bt<K extends Key>(key: K, lang: Lang, ...args: Args<K>): string {
  const v = B[key][lang] as string | ((...a: unknown[]) => string);
  return typeof v === 'function' ? v(...args) : v;
}

/** 一、二、… for the briefing's first-level headings (GB/T 9704: 一级标题 "一、"). */
export function chineseOrdinal(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : digits[n];
  if (n < 20) return `十${digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}
