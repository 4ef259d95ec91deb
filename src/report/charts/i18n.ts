/** Chart labels in both languages (the workbench and exports are bilingual; zh-CN is the default). */
export type Lang = 'zh' | 'en';

const LABELS = {
  benefitTitle: { zh: '补偿曲线：年度自负费用与补偿金额', en: 'Benefit curve: annual self-burden and benefit' },
  ratioTitle: { zh: '实际报销比例：补偿 ÷ 自负费用', en: 'Effective reimbursement ratio: benefit ÷ self-burden' },
  burden: { zh: '年度自负费用', en: 'Annual self-burden' },
  benefit: { zh: '补偿金额', en: 'Benefit' },
  ratio: { zh: '报销比例', en: 'Ratio' },
  payoutTitle: { zh: '年度赔付总额的分布', en: 'Distribution of the year\'s aggregate payout' },
  payout: { zh: '赔付总额', en: 'Aggregate payout' },
  trials: { zh: '试验次数', en: 'Trials' },
  lossRatioTitle: { zh: '赔付率的分布', en: 'Distribution of the loss ratio' },
  lossRatio: { zh: '赔付率（赔付 ÷ 保费）', en: 'Loss ratio (claims ÷ premium)' },
  corridorTitle: { zh: '风险调节：承办机构与基金的分担（期望值）', en: 'Risk corridor: insurer and fund (expected)' },
  insurer: { zh: '承办机构盈亏', en: 'Insurer result' },
  fundReturn: { zh: '返还基金', en: 'Returned to fund' },
  fundTopUp: { zh: '基金补亏', en: 'Fund top-up' },
  sensitivityTitle: { zh: '敏感性：期望赔付与赔付率', en: 'Sensitivity: expected payout and loss ratio' },
  breakdownTitle: { zh: '按人群与分组的期望赔付', en: 'Expected payout by population and group' },
  general: { zh: '普通参保人', en: 'general members' },
  multiple: { zh: '多重身份', en: 'several groups' },
  amount: { zh: '金额', en: 'Amount' },
  ruleset: { zh: '方案', en: 'Ruleset' },
  reading: { zh: '口径', en: 'Reading' },
  densityTitle: { zh: '年度金额分布（对数刻度）', en: 'Annual amount (log scale)' },
} as const;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}
