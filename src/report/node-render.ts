/**
 * Chart rendering in Node (`run --out`): Plot on jsdom's document, PNG through resvg with Debian's Noto CJK font
 * (fonts-noto-cjk), so Chinese labels render in the exported files.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { JSDOM } from 'jsdom';
import subsetFont from 'subset-font';
import type { ChartSpec } from './charts/charts.ts';
import { standaloneSvg } from './charts/standalone.ts';
import { singleFace } from './font-face.ts';

const FONT_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'];
const FAMILY = 'Noto Sans CJK SC';
let dom: JSDOM | null = null;
let fontFiles: string[] | null = null;

export function nodeDocument(): Document {
  dom ??= new JSDOM('<!doctype html><html><body></body></html>');
  return dom.window.document;
}

export function svgOf(spec: ChartSpec): string {
  return standaloneSvg(spec, nodeDocument());
}

/**
 * PNGs at `scale`× (2× for slides) of several SVGs. resvg reads a font file again for every run of text it
 * lays out, and Noto Sans CJK's face is 16 MB: about 0.4 s a chart. So the faces are first cut down to the
 * characters these SVGs hold (harfbuzz's hb-subset, through subset-font), about 0.1 s once, and each chart then
 * takes tens of milliseconds; the pixels are the same (the glyphs are copied, not changed).
 */
export async function pngsOf(svgs: string[], scale = 2): Promise<Buffer[]> {
  fontFiles ??= FONT_FILES.filter((f) => existsSync(f)).map((f) => singleFace(f, FAMILY));
  const subset = fontFiles.length ? await subsetFaces(fontFiles, svgs) : null;
  try {
    const files = subset?.files ?? fontFiles;
    return svgs.map((svg) =>
      new Resvg(svg, {
        fitTo: { mode: 'zoom', value: scale },
        background: 'white',
        font: { fontFiles: files, loadSystemFonts: files.length === 0, defaultFontFamily: FAMILY },
      })
        .render()
        .asPng(),
    );
  } finally {
    if (subset) rmSync(subset.dir, { recursive: true, force: true });
  }
}

/** The faces cut down to the characters of `svgs` (and printable ASCII), in a temporary folder; null if that fails. */
async function subsetFaces(faces: string[], svgs: string[]): Promise<{ dir: string; files: string[] } | null> {
  const chars = new Set<string>();
  for (let c = 32; c < 127; c++) chars.add(String.fromCharCode(c));
  for (const svg of svgs) for (const ch of svg) chars.add(ch);
  const text = [...chars].join('');
  const dir = mkdtempSync(join(tmpdir(), 'jingsuan-font-'));
  try {
    const files = await Promise.all(
      faces.map(async (face, i) => {
        const file = join(dir, `face-${i}.otf`);
        writeFileSync(file, await subsetFont(readFileSync(face), text, { targetFormat: 'sfnt' }));
        return file;
      }),
    );
    return { dir, files };
  } catch {
    // The whole faces still draw every character, only slower.
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}
