/**
 * Validation messages as an analyst reads them: the field named by what it is on screen ("江阴 2020 大病保险 ·
 * 第 1 段 · 支付比例") with the JSON path kept for hover and for the command line, and the common messages of the
 * validator in the page's language (scenario/schema.ts and semantics.ts word them in English).
 */
import { t, type Lang } from './strings.ts';
import { CHANNEL_NAMES } from './tables.ts';
import type { Problem } from '../scenario/problems.ts';
import { textFault } from '../scenario/characters.ts';
import { severityParamName } from './severity-names.ts';

/**
 * A title of the file as a problem's field name may show it: a problem is shown for files the validator refused,
 * so a title there may be anything; one that is not a text it would accept (not a string, or holding a control
 * or bidi character: text the page would show reordered) is not shown, and the id or tag stands in.
 */
const shown = (title: unknown): string | undefined => (typeof title === 'string' && title && !textFault(title) ? title : undefined);

type Json = Record<string, unknown> & { title?: Record<Lang, string> };

const FIELDS: Record<string, { zh: string; en: string }> = {
  deductible: { zh: '起付标准', en: 'deductible' },
  ratio: { zh: '支付比例', en: 'ratio' },
  to: { zh: '上限', en: 'up to' },
  from: { zh: '下限', en: 'from' },
  cap: { zh: '封顶线', en: 'cap' },
  corridor: { zh: '风险调节', en: 'risk corridor' },
  insurerShare: { zh: '承办机构分担', en: 'insurer share' },
  funding: { zh: '筹资', en: 'funding' },
  perInsured: { zh: '元/人·年', en: 'per insured' },
  total: { zh: '全年金额', en: 'year total' },
  insured: { zh: '参保人数', en: 'insured' },
  incidence: { zh: '发生费用比例', en: 'incidence' },
  share: { zh: '占比', en: 'share' },
  costLevel: { zh: '地区费用水平', en: 'cost level' },
  deductibleFactor: { zh: '起付线系数', en: 'deductible ×' },
  ratioAdd: { zh: '比例提高', en: 'ratio +' },
  capFactor: { zh: '封顶线系数', en: 'cap ×' },
  ratioCeiling: { zh: '最高支付比例', en: 'ratio ceiling' },
  tracks: { zh: '支付项', en: 'track' },
  groups: { zh: '分组', en: 'groups' },
  populations: { zh: '参保人群', en: 'populations' },
  base: { zh: '计算基数', en: 'base' },
  bands: { zh: '分段', en: 'bands' },
  group: { zh: '分组', en: 'group' },
  tag: { zh: '标签', en: 'tag' },
  basis: { zh: '分担方式', en: 'basis' },
  trials: { zh: '模拟次数', en: 'trials' },
  simulation: { zh: '模拟设置', en: 'simulation' },
  monthsInForce: { zh: '运行月数', en: 'months in force' },
  title: { zh: '名称', en: 'name' },
  id: { zh: '编号', en: 'id' },
  // The rest of the file's keys a briefing's assumption list names (issue #31: no key or JSON path in a Chinese briefing).
  selfPay: { zh: '自费费用', en: 'self-pay' },
  compliantShare: { zh: '合规自费占比', en: 'compliant share' },
  episodes: { zh: '结算记录', en: 'records' },
  extraMean: { zh: '首条以外的平均记录数', en: 'extra records (mean)' },
  firstShare: { zh: '首次住院费用占比', en: 'share of the first stay' },
  operatingCostRate: { zh: '运营成本率', en: 'operating cost rate' },
  transfers: { zh: '保费划转', en: 'transfers' },
  assessmentScore: { zh: '考核得分', en: 'assessment score' },
  holdbackScale: { zh: '考核款支付尺度', en: 'holdback scale' },
  prepaidShare: { zh: '预拨比例', en: 'prepaid share' },
  quarterShare: { zh: '每季度划转比例', en: 'quarterly share' },
  minScore: { zh: '最低考核得分', en: 'minimum score' },
  payShare: { zh: '支付比例', en: 'share paid' },
  insurerGainMax: { zh: '承办机构盈余上限', en: "insurer's gain limit" },
  insurerLossMax: { zh: '承办机构亏损上限', en: "insurer's loss limit" },
  policyLossShare: { zh: '政策性亏损占比', en: 'policy-loss share' },
  alternatives: { zh: '其他口径', en: 'other readings' },
  parameterRisk: { zh: '参数风险', en: 'parameter risk' },
  utilisation: { zh: '就医率', en: 'utilisation' },
  cv: { zh: '年际变异系数', en: 'coefficient of variation' },
  trend: { zh: '多年趋势', en: 'trend' },
  costGrowth: { zh: '费用年增长率', en: 'cost growth' },
  fundingGrowth: { zh: '筹资标准年增长率', en: 'funding growth' },
  insuredGrowth: { zh: '参保人数年增长率', en: 'insured growth' },
  mean: { zh: '均值', en: 'mean' },
  sd: { zh: '标准差', en: 'sd' },
  policyRangeDeduction: { zh: '政策范围扣除额', en: 'policy-range deduction' },
  amountBasis: { zh: '费用口径', en: 'amount basis' },
  bindsModifiers: { zh: '倾斜是否受上限约束', en: 'binds modifiers' },
  region: { zh: '地区', en: 'region' },
  revenue: { zh: '基金收入', en: 'revenue' },
  expenditure: { zh: '基金支出', en: 'expenditure' },
  balance: { zh: '累计结余', en: 'balance' },
  reserve: { zh: '风险储备金', en: 'reserve' },
  employees: { zh: '职工医保', en: 'employees' },
  residents: { zh: '居民医保', en: 'residents' },
  revenueShortfall: { zh: '收入未完成比例', en: 'revenue shortfall' },
  expenditureCv: { zh: '支出年际变异系数', en: 'expenditure cv' },
  revenueGrowth: { zh: '收入年增长率', en: 'revenue growth' },
  expenditureGrowth: { zh: '支出年增长率', en: 'expenditure growth' },
  expenditureGrowthSd: { zh: '支出增长率标准差', en: 'expenditure growth sd' },
  repayShare: { zh: '地区上缴比例', en: 'repay share' },
  alarmMonths: { zh: '备付预警月数', en: 'alarm months' },
  cityPool: { zh: '市级统筹基金', en: 'city pool' },
  cityPoolFromBalances: { zh: '期初市级统筹基金', en: 'city pool at start' },
  subsidyPerPerson: { zh: '人均财政补助', en: 'subsidy per person' },
  contribution: { zh: '个人缴费', en: 'contribution' },
  paymentRate: { zh: '基金结付率', en: 'payment rate' },
  rate: { zh: '比例', en: 'rate' },
  limit: { zh: '限额', en: 'limit' },
  count: { zh: '人数', en: 'count' },
  basic: { zh: '基本医保', en: 'basic insurance' },
  shared: { zh: '各人群同一冲击', en: 'shared by populations' },
  // The household layer (engine/household.ts, rules/assistance.ts; issue #33).
  assistance: { zh: '医疗救助', en: 'medical assistance' },
  household: { zh: '家庭负担测算', en: 'household' },
  povertyLine: { zh: '贫困线（元/人·年）', en: 'poverty line' },
  members: { zh: '家庭测算抽样人数', en: 'members sampled' },
  income: { zh: '收入', en: 'income' },
  note: { zh: '说明', en: 'note' },
  // Deductibles indexed to an income figure (scenario/income-index.ts; issue #33).
  incomeIndex: { zh: '收入指标', en: 'income figures' },
  indexedTo: { zh: '挂钩收入指标', en: 'indexed to income' },
  deductibleIndexedTo: { zh: '起付标准挂钩收入指标', en: 'deductible indexed to income' },
  incomeGrowth: { zh: '人均收入年增长率', en: 'income growth' },
  // Issue #33's further household measures: cost–income dependence, capacity to pay, the out-of-pocket ceiling.
  rankCorrelation: { zh: '费用与收入的秩相关系数', en: 'cost–income rank correlation' },
  spending: { zh: '消费支出', en: 'spending' },
  consumptionShare: { zh: '消费支出占可支配收入比例', en: 'consumption share of income' },
  foodShare: { zh: '恩格尔系数', en: 'food share (Engel)' },
  ceiling: { zh: '年度个人自付封顶', en: 'out-of-pocket ceiling' },
  incomeBelow: { zh: '收入低于', en: 'income below' },
};

/** A key whose meaning depends on its parent: selfPay.ratio is self-pay's share of the burden, not a benefit ratio. */
const IN_CONTEXT: Record<string, { zh: string; en: string }> = {
  'selfPay.ratio': { zh: '占自负费用比例', en: 'share of self-burden' },
  'indexedTo.share': { zh: '占收入指标比例', en: 'share of the income figure' },
  'indexedTo.income': { zh: '收入指标名称', en: 'income figure' },
  'deductibleIndexedTo.share': { zh: '占收入指标比例', en: 'share of the income figure' },
  'deductibleIndexedTo.income': { zh: '收入指标名称', en: 'income figure' },
  // The household layer in the editor and the briefing (issue #33): an income's and assistance's fields by name.
  'income.mu': { zh: '对数收入均值 μ', en: 'mean of ln income μ' },
  'income.sigma': { zh: '对数收入标准差 σ', en: 'sd of ln income σ' },
  'assistance.groups': { zh: '救助对象', en: 'recipients' },
  'assistance.deductible': { zh: '救助起付标准', en: 'assistance deductible' },
  'assistance.rate': { zh: '救助比例', en: 'assistance rate' },
  'assistance.cap': { zh: '年度救助限额', en: 'annual assistance cap' },
};

/** One key of the file in words ("deductible" → 起付标准), the key itself where there is none. */
export const fieldWord = (key: string, lang: Lang) => FIELDS[key]?.[lang] ?? key;

/**
 * A value added in the workbench as a person reads it: a parameter by its number, a list by its length, an item
 * by its fields in words ("起付标准 26530 · 分段 1 项"), provenance left out (the next column shows it).
 */
export function valueInWords(v: unknown, lang: Lang, key = '', depth = 0): string {
  // null is an open edge: a band's or tier's `to` (+∞), a tier's `from` (−∞).
  if (v === null) return key === 'from' ? '−∞' : key === 'to' ? '∞' : '—';
  if (Array.isArray(v)) return t('itemCount', lang, v.length);
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if ('value' in o && typeof o.value === 'number') return String(o.value);
  if (depth > 1) return '…';
  if (o.title && typeof o.title === 'object') return shown((o.title as Record<Lang, unknown>)[lang]) ?? '';
  return Object.entries(o)
    .filter(([k]) => k !== 'source' && k !== 'assumption' && k !== 'id')
    .map(([k, x]) => `${fieldWord(k, lang)} ${choiceInWords(k, x, lang) ?? valueInWords(x, lang, k, depth + 1)}`)
    .join(' · ');
}

/** A track's base or a tier's basis as the page names it (null for other keys). */
function choiceInWords(key: string, v: unknown, lang: Lang): string | null {
  if (key === 'base') return t(v as 'selfBurden', lang);
  if (key === 'basis') return t(v === 'whole' ? 'basisWhole' : 'basisMarginal', lang);
  return null;
}

/** A group tag as its title reads (the first population that declares it), else the tag. */
function groupTitle(scenario: unknown, tag: string, lang: Lang): string {
  const populations = ((scenario as { populations?: { groups?: Json[] }[] })?.populations ?? []) as { groups?: Json[] }[];
  for (const p of populations)
    for (const g of p.groups ?? []) {
      const named = g.tag === tag ? shown(g.title?.[lang]) : undefined;
      if (named) return named;
    }
  return tag;
}

/** "rulesets[1].tracks[0].bands[0].ratio" in words, from the scenario's own names. */
export function fieldName(path: string, scenario: unknown, lang: Lang): string {
  // A problem of the whole file (formatPath's "(root)") is about no one field.
  if (path === '' || path === '(root)') return '';
  const parts = [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
  const words: string[] = [];
  let node: unknown = scenario;
  let family = '';
  for (let i = 0; i < parts.length; i++) {
    const k = parts[i];
    const next = parts[i + 1];
    const child = (node as Record<string | number, unknown> | undefined)?.[k];
    if (typeof k === 'string' && typeof next === 'number') {
      const item = (child as Json[] | undefined)?.[next];
      const named = shown(item?.title?.[lang]);
      if (k === 'rulesets' || k === 'populations') words.push(named ?? String(item?.id ?? `${k}[${next}]`));
      else if (k === 'groups') words.push(named ?? String(item?.tag ?? next + 1));
      else if (k === 'tracks') {
        if (((child as unknown[]) ?? []).length > 1) words.push(t(String(item?.base ?? 'selfBurden') as 'selfBurden', lang));
      } else if (k === 'bands') words.push(t('ordinal', lang, next + 1, t('bandWord', lang)));
      else if (k === 'tiers') words.push(t('ordinal', lang, next + 1, t('tierWord', lang)));
      else if (k === 'modifiers') words.push(`${groupTitle(scenario, String(item?.group ?? next + 1), lang)} ${t('modifierWord', lang)}`);
      else if (k === 'channels') words.push(CHANNEL_NAMES[item?.channel as keyof typeof CHANNEL_NAMES]?.[lang] ?? `${k}[${next}]`);
      else if (k === 'alternatives') words.push(named ?? `${FIELDS.alternatives[lang]} ${next + 1}`);
      else words.push(`${k}[${next}]`);
      node = item;
      i++;
      continue;
    }
    if (k === 'severity') {
      family = String((child as Json | undefined)?.family ?? '');
      words.push(t('severity', lang));
    } else if (family && typeof k === 'string' && node && (node as Json).family === family) words.push(severityParamName(family, k, lang));
    else if (typeof k === 'string' && IN_CONTEXT[`${String(parts[i - 1])}.${k}`])
      words.push(IN_CONTEXT[`${String(parts[i - 1])}.${k}`][lang]);
    else if (typeof k === 'string' && k !== 'value' && FIELDS[k]) words.push(FIELDS[k][lang]);
    // An income figure by its title (城镇居民人均可支配收入), its key where the file gives none (scenario/schema.ts IncomeIndex).
    else if (typeof k === 'string' && parts[i - 1] === 'incomeIndex') words.push(shown((child as Json | undefined)?.title?.[lang]) ?? k);
    else if (typeof k === 'string' && k !== 'value') words.push(k);
    node = child;
  }
  return words.join(' · ') || path;
}

/** The validator's common messages in Chinese (the rest stay as worded). */
const MESSAGES_ZH: [RegExp, (...m: string[]) => string][] = [
  [/^must be > 0$/, () => '须大于 0'],
  [/^must not be negative$/, () => '不能为负数'],
  [/^must be between 0 and 1 \(0–100%\)$/, () => '须在 0 与 1 之间（0–100%）'],
  [/^must be between −1 and 1$/, () => '须在 −1 与 1 之间'],
  [/^must not exceed ([\d.,e+]+)$/, (_, n) => `不能超过 ${n}`],
  [/^must be between ([−\-\d.e+]+) and ([\d.e+]+)$/, (_, a, b) => `须在 ${a} 与 ${b} 之间`],
  [/^must not exceed ([\d.e+]+) yuan \(1万亿\)$/, (_, n) => `不能超过 ${n} 元（1万亿）`],
  [/^must be 0 or at least 0\.01 \(one fen\)$/, () => '须为 0 或不少于 0.01 元（一分钱）'],
  [/^year (\d+) appears twice \(also at index (\d+)\)$/, (_, y, i) => `${y} 年出现两次（另见第 ${Number(i) + 1} 项）`],
  [/^must be at least ([−\d.]+)$/, (_, n) => `不能小于 ${n}`],
  [/^must be a whole number$/, () => '须为整数'],
  [/^must be a number$/, () => '须为数字'],
  [/^must be a list$/, () => '须为列表'],
  [
    /^needs a "source" \(document and section\) or an "assumption" \(why this value\)$/,
    () => '需要注明来源（文件与条款）或假设（为何取此值）',
  ],
  [/^duplicate (.+) "(.*)" \(also at index (\d+)\)$/, (_, what, v, i) => `${what}“${v}”重复（第 ${Number(i) + 1} 项已有）`],
  [/^unknown group "(.*)": no population declares it/, (_, g) => `未知分组“${g}”：没有参保人群声明该分组`],
  [/^unknown population "(.*)"$/, (_, p) => `未知参保人群“${p}”`],
  [/^unknown ruleset "(.*)"$/, (_, r) => `未知方案“${r}”`],
  [/^no channel funds population "(.*)": its premium is 0$/, (_, p) => `没有筹资渠道为参保人群“${p}”筹资：其保费为 0`],
  [/^changes nothing: /, () => '不起作用：请给出起付线系数、起付标准、比例提高、封顶线或封顶线系数'],
  [
    /^bands not increasing: ([\d.e+]+) is not above the previous edge ([\d.e+]+)$/,
    (_, a, b) => `分段上限未递增：${a} 不高于上一段上限 ${b}`,
  ],
  [/^tier is empty: from (\S+) is not below to (\S+)$/, (_, a, b) => `该档为空：下限 ${a} 不低于上限 ${b}`],
  [/^tiers overlap or are not in increasing order/, () => '各档重叠或未按递增顺序排列'],
  [
    /^gap between (\S+) and (\S+): results there are kept wholly by the insurer$/,
    (_, a, b) => `${a} 与 ${b} 之间有空档：落在其中的盈亏全部由承办机构承担`,
  ],
  [/^no tier contains m = 0 \(break-even\)$/, () => '没有一档包含 m = 0（盈亏平衡点）'],
  [/^cannot be evaluated in double precision: (.*)$/, (_, why) => `参数超出双精度可计算范围（${why}）`],
  [/^unknown key$/, () => '不认识的字段（文件格式中没有）'],
  // The characters a text may not hold (scenario/characters.ts textFault).
  [
    /^contains the control character (U\+[0-9A-F]{4}) at character (\d+); remove it$/,
    (_, c, at) => `含控制字符 ${c}（第 ${at} 个字符）：请删去`,
  ],
  [
    /^contains (a line break|a tab) \((U\+[0-9A-F]{4})\) at character (\d+); this text is one line: remove it$/,
    (_, what, c, at) => `含${what === 'a tab' ? '制表符' : '换行'} ${c}（第 ${at} 个字符）：此项只能写一行，请删去`,
  ],
  [
    /^contains the bidirectional control (U\+[0-9A-F]{4}) \(([A-Z -]+)\) at character (\d+), which reorders what a reader sees; remove it$/,
    (_, c, name, at) => `含双向文字控制符 ${c}（${name}，第 ${at} 个字符），会改变文字的显示顺序：请删去`,
  ],
  [
    /^contains a lone surrogate (U\+[0-9A-F]{4}) at character (\d+) /,
    (_, c, at) => `含孤立的代理码元 ${c}（第 ${at} 个字符，半个字符，任何文件都无法保存）：请删去`,
  ],
  [/^is required \((\w+)\)$/, (_, kind) => `缺少此项（${kind}）`],
  [
    /^([\d.]+%) is above the ruleset's ratio ceiling ([\d.]+%) \(ratioCeiling\)$/,
    (_, a, b) => `${a} 高于本方案的最高支付比例 ${b}（ratioCeiling）`,
  ],
  [
    /^lifts (\d+) bands? past the ratio ceiling ([\d.]+%) the document sets \(ratioCeiling\), up to ([\d.]+%); (applied as written \(|applied as written:)/,
    (_, n, c, top, how) =>
      `使 ${n} 段支付比例超过文件规定的最高支付比例 ${c}（ratioCeiling），最高达 ${top}；` +
      (how.endsWith('(')
        ? '按所写执行（ratioCeiling.bindsModifiers 为 false）'
        : '按所写执行：将 ratioCeiling.bindsModifiers 设为 true 则提高至上限为止，设为 false 则保留'),
  ],
  [/^only the last band may be open-ended \(null\)$/, () => '只有最后一段可以不设上限'],
  [
    /^the first band ends at (\d+), not above the deductible (\d+): it pays only members with a lowered deductible$/,
    (_, a, b) => `第 1 段上限 ${a} 不高于起付标准 ${b}：只有起付线降低的分组才会得到补偿`,
  ],
  // Indexed deductibles (scenario/income-index.ts).
  [
    /^must equal \w+\.share × incomeIndex\.(\S+) = (\S+) × (\S+) = (\S+) yuan \(the deductible is indexed to that income figure; write (\S+), or change the share\)$/,
    (_, name, share, fig, v, w) =>
      `须等于 比例 × 收入指标 ${name} = ${share} × ${fig} = ${v} 元（起付标准挂钩该收入指标；应填 ${w}，或修改比例）`,
  ],
  [
    /^"(.*)" is not an income figure of incomeIndex \(declared: (.*)\)$/,
    (_, name, known) => `“${name}”不是收入指标（incomeIndex）中的名称（已有：${known}）`,
  ],
  [/^must not exceed 10 \(ten times the income figure\)$/, () => '不能超过 10（收入指标的 10 倍）'],
  [/^only the last band may be open \(null\): later bands would never apply$/, () => '只有最后一档可以不设收入上限：其后各档不会适用'],
  [
    /^must be above the previous band's edge (\S+) \(bands ascending by income\)$/,
    (_, e) => `须高于上一档的收入上限 ${e}（各档按收入从低到高）`,
  ],
];

export function messageIn(message: string, lang: Lang): string {
  if (lang !== 'zh') return message;
  for (const [re, f] of MESSAGES_ZH) {
    const m = re.exec(message);
    if (m) return f(...m);
  }
  return message;
}

/** A problem as the page shows it: the field in words, then the message; the JSON path goes in the title. */
export function describeProblem(p: Problem, scenario: unknown, lang: Lang): { field: string; message: string; path: string } {
  return { field: fieldName(p.path, scenario, lang), message: messageIn(p.message, lang), path: p.path };
}
