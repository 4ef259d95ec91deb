/**
 * The source documents by their real names and numbers (docs/sources.md): scenario files cite them as "seed 000"
 * … "seed 004" followed by the section, which is the project's shorthand, not a reader's. What a person reads —
 * tooltips, the command line — names the document instead (issue #31).
 */
import type { Lang } from './strings.ts';

/** Each document's title and number as it is issued (docs/sources.md "The source documents"). */
export const SOURCE_DOCUMENTS: Readonly<Record<string, { zh: string; en: string }>> = {
  '000': {
    zh: '《苏州市级财政支出项目绩效目标申报表：大病保险（2021年度）》',
    en: 'Suzhou critical-illness insurance 2021 budget and performance targets (苏州市级财政支出项目绩效目标申报表：大病保险（2021年度）)',
  },
  '001': {
    zh: '《市政府办公室关于实施江阴市城乡居民大病保险制度的意见》澄政办发〔2020〕34号',
    en: "Jiangyin government office's opinion on critical-illness insurance, 澄政办发〔2020〕34号",
  },
  '002': {
    zh: '《苏州市级财政支出项目绩效目标申报表：居民医保财政补贴（2021年度）》',
    en: "Suzhou residents' medical insurance subsidy 2021 budget and performance targets (苏州市级财政支出项目绩效目标申报表：居民医保财政补贴（2021年度）)",
  },
  '003': {
    zh: '《苏州市基本医疗保险和生育保险市级统筹实施意见》苏府办〔2020〕62号',
    en: 'Suzhou city-level pooling of basic medical and maternity insurance, 苏府办〔2020〕62号',
  },
  '004': {
    zh: '《吉林省人民政府办公厅关于进一步完善城乡居民大病保险制度的实施意见》吉政办发〔2016〕57号',
    en: "Jilin provincial government office's opinion on critical-illness insurance, 吉政办发〔2016〕57号",
  },
};

/**
 * A citation as a reader reads it: every "seed NNN" replaced by the document's name and number, with the
 * English gloss some files put after it ("seed 001 (Jiangyin critical-illness insurance 2020)") dropped, as the
 * name says it. An unknown number stays as written.
 */
export function citeDocuments(text: string, lang: Lang): string {
  // "Seed 002" opens a sentence in some texts: the same citation.
  return text.replace(/\b[Ss]eed (\d{3})(?: \([^()]*\))?(?:'s)?/g, (whole, n: string) => {
    const doc = SOURCE_DOCUMENTS[n];
    if (!doc) return whole;
    return whole.endsWith("'s") ? `${doc[lang]}${lang === 'zh' ? '' : "'s"}` : doc[lang];
  });
}
