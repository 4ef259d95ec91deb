// `jingsuan fit` end to end against R fitdistrplus, on files as a bureau saves them: the R reference data of
// test/fixtures/fit/r/ re-saved (test/fixtures/fit/as-a-bureau-saves-it/) as a GBK table with Chinese headers and
// an open top band (iconv -f utf-8 -t gbk), an individual list in UTF-8 with a BOM and a Chinese header, and the
// amounts above a deductible of 12,000 (--truncate 12000). Expected values: results.json, made by
// `Rscript make-data.R && Rscript reference.R` in test/fixtures/fit/r/ (R 4.2.2, fitdistrplus 1.1-8, actuar 3.3-2;
// fitdist for amounts, fitdistcens for bands, custom truncated d/p for the left-truncated amounts; see
// test/fit-mle-r.test.ts for the cases where R's optimiser fails, which are left out here).
// The contract: parameters to 0.2%, log-likelihood to 0.05.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { command } from './helpers/cli.ts';

const R = JSON.parse(readFileSync(new URL('./fixtures/fit/r/results.json', import.meta.url), 'utf8'));
const DIR = 'test/fixtures/fit/as-a-bureau-saves-it';

const cases: [string, string[], string, string, string[]][] = [
  [
    'grouped bands, GBK, Chinese headers, open top band',
    ['--grouped'],
    'grouped',
    'gb18030',
    ['lognormal', 'weibull', 'loglogistic', 'lognormalPareto'],
  ],
  [
    'individual amounts, UTF-8 with a BOM, Chinese header',
    [],
    'individual',
    'utf-8-bom',
    ['lognormal', 'gamma', 'weibull', 'loglogistic', 'pareto'],
  ],
  [
    'amounts above a deductible of 12,000 (left-truncated)',
    ['--truncate', '12000'],
    'truncated',
    'utf-8',
    ['lognormal', 'weibull', 'loglogistic'],
  ],
];
const files: Record<string, string> = { grouped: 'grouped-gbk.csv', individual: 'individual-bom.csv', truncated: 'truncated.csv' };

describe('jingsuan fit --json agrees with R fitdistrplus on files as a bureau saves them', () => {
  for (const [label, flags, key, encoding, families] of cases)
    it(label, async () => {
      const r = await command('fit', `${DIR}/${files[key]}`, ...flags, ...families.flatMap((f) => ['--family', f]), '--json');
      expect(r.code, r.err).toBe(0);
      const out = JSON.parse(r.out);
      expect(out.data.encoding).toBe(encoding);
      expect(out.data.n).toBe(R[key].lognormal.n);
      for (const family of families) {
        const ours = out.fits.find((f: { family: string }) => f.family === family);
        const ref = R[key][family];
        expect(ref.error, `${key}/${family}: R failed`).toBeUndefined();
        for (const [name, value] of Object.entries(ref.estimate as Record<string, number>))
          expect(
            Math.abs(ours.parameters[name] / value - 1),
            `${key}/${family}.${name}: ${ours.parameters[name]} vs R ${value}`,
          ).toBeLessThan(0.002);
        expect(Math.abs(ours.logLikelihood - ref.loglik), `${key}/${family} log-likelihood`).toBeLessThan(0.05);
      }
    });
});
