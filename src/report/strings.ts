/**
 * Every word the workbench, the charts and the reports show, in zh-CN (the default) and English: one table, so a
 * string is translated once and no component chooses a language inline. An entry is a pair of strings, or a
 * pair of functions when the text carries numbers or names.
 */
export type Lang = 'zh' | 'en';

type Text = string | ((...args: never[]) => string);

const S = {
  // — the workbench —
  appTitle: { zh: '精算 · 大病保险政策模拟', en: 'jingsuan · critical-illness insurance workbench' },
  scenario: { zh: '情景', en: 'Scenario' },
  language: { zh: 'English', en: '中文' },
  languageLabel: { zh: '切换语言', en: 'Switch language' },
  notebooks: { zh: '笔记本', en: 'Notebooks' },
  notebooksHint: { zh: '可修改输入、重新计算的分析笔记本（npm run build 一并生成）', en: 'Analyses you can change and rerun (built with npm run build)' },
  unit: { zh: '金额单位', en: 'Amounts in' },
  wan: { zh: '万元', en: '万元 (10k yuan)' },
  yuan: { zh: '元', en: '元 (yuan)' },
  populations: { zh: '参保人群', en: 'Populations' },
  rulesets: { zh: '大病保险方案', en: 'Rulesets' },
  insured: { zh: '参保人数', en: 'Insured' },
  incidence: { zh: '发生费用比例', en: 'Incidence' },
  severity: { zh: '严重程度分布', en: 'Severity' },
  costLevel: { zh: '地区费用水平（倍数）', en: 'Regional cost level (×)' },
  groups: { zh: '分组', en: 'Groups' },
  share: { zh: '占比', en: 'share' },
  deductible: { zh: '起付标准', en: 'Deductible' },
  bands: { zh: '分段支付比例', en: 'Bands' },
  bandTo: { zh: '段上限（元）', en: 'Up to (yuan)' },
  bandRatio: { zh: '支付比例', en: 'Ratio' },
  open: { zh: '以上', en: 'and above' },
  addBand: { zh: '增加分段', en: 'Add band' },
  removeBand: { zh: '删除分段', en: 'Remove band' },
  addTier: { zh: '增加分档', en: 'Add tier' },
  removeTier: { zh: '删除分档', en: 'Remove tier' },
  reading: { zh: '另一种理解', en: 'Alternative reading' },
  addReading: { zh: '增加一种理解（复制当前分档）', en: 'Add a reading (copy of the tiers)' },
  removeReading: { zh: '删除这种理解', en: 'Remove reading' },
  cap: { zh: '封顶线', en: 'Cap' },
  noCap: { zh: '无封顶', en: 'no cap' },
  trackCap: { zh: '本项封顶', en: 'Track cap' },
  modifiers: { zh: '分组优惠', en: 'Group modifiers' },
  deductibleFactor: { zh: '起付线系数', en: 'Deductible ×' },
  ratioAdd: { zh: '比例提高', en: 'Ratio +' },
  funding: { zh: '筹资标准（元/人·年）', en: 'Funding standard (yuan per insured per year)' },
  fundingChannels: { zh: '筹资（保费来源）', en: 'Funding (where the premium comes from)' },
  monthsInForce: { zh: '运行月数', en: 'months in force' },
  perInsuredUnit: { zh: '元/人·年', en: 'yuan per insured per year' },
  totalUnit: { zh: '全年（元）', en: 'year total (yuan)' },
  corridor: { zh: '风险调节', en: 'Risk corridor' },
  insurerShare: { zh: '承办机构分担', en: 'insurer share' },
  base: { zh: '计算基数', en: 'Base' },
  selfBurden: { zh: '自负费用', en: 'self-burden 自负' },
  compliantSelfPay: { zh: '合规自费', en: 'compliant self-pay 合规自费' },
  combined: { zh: '自负+合规自费', en: 'self-burden + compliant self-pay' },
  results: { zh: '结果', en: 'Results' },
  baseline: { zh: '比较基准', en: 'Baseline' },
  running: { zh: '模拟中', en: 'Simulating' },
  done: { zh: '模拟完成', en: 'Simulation done' },
  cancel: { zh: '取消', en: 'Cancel' },
  rerun: { zh: '重新模拟', en: 'Run again' },
  runAnyway: { zh: '仍然运行', en: 'Run anyway' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  trialsWord: { zh: '次试验', en: 'trials' },
  assumed: { zh: '假设', en: 'assumed' },
  edited: { zh: '已修改', en: 'edited' },
  notApplied: { zh: '有输入未通过校验，尚未生效：', en: 'Some input is invalid and not applied: ' },
  targets: { zh: '2021年绩效目标与模型值', en: '2021 targets and modelled values' },
  charts: { zh: '图表', en: 'Charts' },
  sensitivityParam: { zh: '敏感性参数', en: 'Sensitivity parameter' },
  analyticNote: { zh: '解析值在每次修改后立即更新；蒙特卡洛结果随试验完成逐步细化。', en: 'Analytic values update on every change; Monte Carlo results refine as trials complete.' },
  source: { zh: '来源', en: 'Source' },
  fileOpen: { zh: '打开情景文件…', en: 'Open scenario file…' },
  fileSave: { zh: '保存为文件', en: 'Save as file' },
  fileShare: { zh: '分享链接', en: 'Share link' },
  fileUndo: { zh: '撤销', en: 'Undo' },
  fileRedo: { zh: '重做', en: 'Redo' },
  fileChanges: { zh: '修改对照', en: 'Changes' },
  fileCopied: { zh: '链接已生成（已尝试复制到剪贴板）', en: 'Link ready (copied to the clipboard if allowed)' },
  fileDrop: { zh: '也可将 JSON 文件拖放到页面上', en: 'or drop a JSON file on the page' },
  // — charts —
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
  densityTitle: { zh: '年度金额分布（对数刻度）', en: 'Annual amount (log scale)' },
  shareLink: { zh: '分享链接', en: 'share link' },
  fundSuffix: { zh: '（基金）', en: ' (fund)' },
  openedFile: { zh: '（打开的文件）', en: '(opened file)' },
  openedNotice: { zh: '已打开：', en: 'Opened: ' },
  notOpened: { zh: (file: string, n: number) => `文件“${file}”未打开，共 ${n} 个问题：`, en: (file: string, n: number) => `"${file}" was not opened: ${n} problem(s):` },
  close: { zh: '关闭', en: 'Close' },
  unsavedFound: { zh: (when: string, label: string) => `发现未保存的工作（${when}，${label}）`, en: (when: string, label: string) => `Unsaved work found (${when}, ${label})` },
  restore: { zh: '恢复', en: 'Restore' },
  discard: { zh: '放弃', en: 'Discard' },
  analyticMs: { zh: (ms: string) => `解析计算 ${ms} ms`, en: (ms: string) => `analytic ${ms} ms` },
  metric: { zh: '指标', en: 'Metric' },
  sensitivityMetric: { zh: '敏感性指标', en: 'Sensitivity metric' },
  unsavedWork: { zh: '未保存的工作', en: 'unsaved work' },
  // — runs —
  runCapped: {
    zh: (mb: number, trials: number, asked: number) => `浏览器中最多保留 ${mb} MB 逐次结果：本情景运行 ${trials.toLocaleString('zh-CN')} 次（文件为 ${asked.toLocaleString('zh-CN')} 次）；完整运行请用命令行 jingsuan run`,
    en: (mb: number, trials: number, asked: number) => `The page keeps at most ${mb} MB of per-trial results: ${trials.toLocaleString('en')} of the file's ${asked.toLocaleString('en')} trials run here; the command line (jingsuan run) runs them all`,
  },
  runAsk: {
    zh: (minutes: number, trials: number) => `本次模拟在浏览器中约需 ${minutes} 分钟（${trials.toLocaleString('zh-CN')} 次）。可减少 simulation.trials，或用命令行 jingsuan run。`,
    en: (minutes: number, trials: number) => `This run would take about ${minutes} min here (${trials.toLocaleString('en')} trials). Reduce simulation.trials, or use the command line (jingsuan run).`,
  },
  // — words shared by tables and panels —
  indicator: { zh: '指标', en: 'Indicator' },
  unitColumn: { zh: '单位', en: 'unit' },
  baselineWord: { zh: '基准', en: 'baseline' },
  cannotCompute: { zh: (why: string) => `无法计算：${why}`, en: (why: string) => `cannot compute: ${why}` },
  monteCarloOnly: { zh: '仅蒙特卡洛（个人自费比例随机）', en: 'Monte Carlo only (shares drawn per person)' },
} as const satisfies Record<string, { zh: Text; en: Text }>;

export type StringKey = keyof typeof S;
type ArgsOf<K extends StringKey> = (typeof S)[K]['zh'] extends (...args: infer A) => string ? A : [];

/** The text of `key` in `lang`, with its arguments when the entry takes some. */
export function t<K extends StringKey>(key: K, lang: Lang, ...args: ArgsOf<K>): string {
  const v = S[key][lang] as Text;
  return typeof v === 'function' ? (v as (...a: unknown[]) => string)(...args) : v;
}

/** Both languages of an entry without arguments (for bilingual headers and files). */
export const both = (key: StringKey): { zh: string; en: string } => ({ zh: S[key].zh as string, en: S[key].en as string });
