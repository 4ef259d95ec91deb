import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIT_FAMILIES } from '../fit/fit.ts';
import type { FitOrigin } from '../fit/into-scenario.ts';
import type { ClaimsFile } from '../fit/read.ts';
import type { FamilyFit } from '../fit/types.ts';
import { fitCharts, fitFootnote } from '../report/charts/fit-charts.ts';
import { fitDiagnostics, fittedCurve } from '../report/charts/fit-data.ts';
import { chartCsv } from '../report/charts/standalone.ts';
import { pngsOf, svgOf } from '../report/node-render.ts';

/** Families drawn in the charts: the best few by AIC (more lines than this cannot be told apart). */
const DRAWN = 4;

/** `fit --out`: the diagnostic charts as SVG, PNG (2×) and CSV, like `run --out` writes its charts. */
export async function writeFitCharts(dir: string, claims: ClaimsFile, fits: FamilyFit[], origin: FitOrigin): Promise<string[]> {
  const drawn = fits.slice(0, DRAWN);
  const diagnostics = fitDiagnostics(
    claims.data,
    drawn.map((f) => fittedCurve(f, claims.data.truncate)),
  );
  const ctx = {
    lang: 'zh' as const,
    families: FIT_FAMILIES,
    width: 640,
    footnote: fitFootnote('zh', { ...origin, families: drawn.length }),
  };
  const specs = fitCharts(diagnostics, ctx);
  const svgs = specs.map(svgOf);
  const pngs = await pngsOf(svgs, 2);
  const files: string[] = [];
  specs.forEach((spec, i) => {
    writeFileSync(join(dir, `${spec.id}.svg`), svgs[i]);
    writeFileSync(join(dir, `${spec.id}.png`), pngs[i]);
    writeFileSync(join(dir, `${spec.id}.csv`), chartCsv(spec));
    files.push(`${spec.id}.svg`, `${spec.id}.png`, `${spec.id}.csv`);
  });
  return files;
}
