/**
 * The briefing's two layouts (report/briefing.ts). `gongwen` follows GB/T 9704-2012 《党政机关公文格式》: A4,
 * margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (§5.2.1, text block 156 × 225 mm); body 3号 (16 pt)
 * 仿宋 at a fixed 28 pt line (22 lines of 28 characters, §5.2.2); title 2号 小标宋 (§7.3.1); first-level
 * headings 黑体, second-level 楷体 (§7.3.3); page numbers 4号 (14 pt) half-width 宋体 "— 1 —", odd pages right,
 * even pages left, one character in from the edge (§7.5). Fonts are named by the names Word and WPS install them
 * under (the eastAsia attribute of w:rFonts picks the Chinese face; the ascii one the figures): 仿宋, 黑体, 楷体 and
 * 宋体 come with Windows and WPS; 方正小标宋简体 is the face government machines install for titles (Word
 * substitutes a serif face where it is missing). `plain` is the workbench's earlier look: A4 with Word's default
 * margins, 雅黑 at 10.5 pt.
 */
export type BriefingStyleName = 'gongwen' | 'plain';

interface Face {
  /** w:rFonts: eastAsia for Chinese characters, ascii/hAnsi for Latin letters and figures. */
  font: { ascii: string; eastAsia: string; hAnsi: string };
  /** Half-points (docx's unit): 32 = 16 pt. */
  size: number;
  bold?: boolean;
}

export interface BriefingStyle {
  name: BriefingStyleName;
  /** Twips (1/20 pt; 1 mm = 56.7 twips). */
  margin: { top: number; bottom: number; left: number; right: number };
  title: Face;
  subtitle: Face;
  h1: Face;
  h2: Face;
  body: Face;
  /** The appendix's long list and the notes under headings read smaller (公文: 小四), at their own line pitch. */
  small: Face;
  smallLine: number | null;
  table: Face;
  tableHead: Face;
  pageNumber: Face | null;
  /** A fixed line pitch in twips (公文: 28 pt), or null for single spacing. */
  line: number | null;
  /** First-line indent of body paragraphs in twips (two characters). */
  indent: number;
}

export const A4 = { width: 11906, height: 16838 };
const mm = (x: number) => Math.round((x * 1440) / 25.4);
const face = (eastAsia: string, pt: number, latin = 'Times New Roman', bold = false): Face => ({
  font: { ascii: latin, eastAsia, hAnsi: latin },
  size: pt * 2,
  bold,
});

export const STYLES: Record<BriefingStyleName, BriefingStyle> = {
  gongwen: {
    name: 'gongwen',
    margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
    title: face('方正小标宋简体', 22),
    subtitle: face('楷体', 16),
    h1: face('黑体', 16),
    h2: face('楷体', 16),
    body: face('仿宋', 16),
    small: face('仿宋', 12),
    smallLine: 400,
    table: face('仿宋', 10.5),
    tableHead: face('黑体', 10.5),
    pageNumber: face('宋体', 14, '宋体'),
    line: 560,
    indent: 640,
  },
  plain: {
    name: 'plain',
    margin: { top: mm(25.4), bottom: mm(25.4), left: mm(25), right: mm(25) },
    title: face('Microsoft YaHei', 18, 'Calibri', true),
    subtitle: face('Microsoft YaHei', 10.5, 'Calibri'),
    h1: face('Microsoft YaHei', 13, 'Calibri', true),
    h2: face('Microsoft YaHei', 11, 'Calibri', true),
    body: face('Microsoft YaHei', 10.5, 'Calibri'),
    small: face('Microsoft YaHei', 9, 'Calibri'),
    smallLine: null,
    table: face('Microsoft YaHei', 9, 'Calibri'),
    tableHead: face('Microsoft YaHei', 9, 'Calibri', true),
    pageNumber: face('Microsoft YaHei', 9, 'Calibri'),
    line: null,
    indent: 0,
  },
};

/** The default layout: Chinese briefings go upward in the official style; English ones are working papers. */
export const defaultStyle = (lang: 'zh' | 'en'): BriefingStyleName => (lang === 'zh' ? 'gongwen' : 'plain');

/** Width of the text block in twips. */
export const textWidth = (s: BriefingStyle) => A4.width - s.margin.left - s.margin.right;
