/**
 * Chart rendering in Node (`run --out`): Plot on jsdom's document, PNG through resvg with Debian's Noto CJK font
 * (fonts-noto-cjk), so Chinese labels render in the exported files.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { JSDOM } from 'jsdom';
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

/** PNG at `scale`× (2× for slides). */
export function pngOf(svg: string, scale = 2): Buffer {
  fontFiles ??= FONT_FILES.filter((f) => existsSync(f)).map((f) => singleFace(f, FAMILY));
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: FAMILY },
  });
  return r.render().asPng();
}
