/**
 * `jingsuan fit DATA`: maximum-likelihood severity fits from a bureau's claims file (docs/model.md "Command line"),
 * ranked by AIC; --out writes the diagnostic charts, --into writes the chosen fit into a scenario.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { FIT_FAMILIES, fitSeverities } from '../fit/fit.ts';
import { fittedSeverity, type FitOrigin } from '../fit/into-scenario.ts';
import { CLAIMS_LIMITS, readClaimsFile, type ClaimsFile } from '../fit/read.ts';
import type { FamilyFit } from '../fit/types.ts';
import { checkEvaluable } from '../engine/validate-model.ts';
import { formatProblem } from '../scenario/problems.ts';
import { parseJsonText } from '../scenario/untrusted.ts';
import { validateData, validateText } from '../scenario/validate.ts';
import { LIMITS } from '../scenario/limits.ts';
import type { Command } from './command.ts';
import { parseAmount, prepareOutDir, readBounded, readBoundedBytes, UsageError, writeTextAtomic } from './io.ts';

export const fitCommand: Command = {
  help: `usage: jingsuan fit DATA [--family F]... [--grouped] [--truncate YUAN] [--sheet NAME] [--json] [--out DIR]
                    [--into SCENARIO --population ID [--with-uncertainty]]

Maximum-likelihood severity fits to a bureau's claims, ranked by AIC (lowest first).
DATA is CSV or TSV (UTF-8 with or without BOM, or GBK/GB18030 as Excel saves it on Chinese Windows) or .xlsx,
at most ${CLAIMS_LIMITS.bytes / 2 ** 20} MB and ${CLAIMS_LIMITS.rows.toLocaleString('en')} rows; a header row is optional.
  individual data: the first column of numbers is the amount (yuan; "12,000", "¥1.2万" read), a next column of numbers the count
  --grouped        bands: columns lower, upper, count; an empty upper (or "200000以上", "20万以上") is the open top band
  --family F       fit only F (repeatable); families: ${FIT_FAMILIES.join(', ')}
  --truncate YUAN  every record passed this deductible (left truncation: the likelihood is f(x)/S(d))
  --sheet NAME     the .xlsx sheet to read (default: the first)
  --json           print { data: {rows, n, grouped, truncate, encoding}, fits: [...] }
  --out DIR        write diagnostic charts (histogram with fitted densities, Q–Q, P–P, cdf) as SVG, PNG and CSV
  --into SCENARIO --population ID
                   write the best fit by AIC (or the one --family names) into that population's severity, each
                   parameter with its source (file, SHA-256, n, log-likelihood, AIC); the file is validated first
  --with-uncertainty
                   also write severity.uncertainty: the estimates' covariance (inverse observed information)`,
  options: {
    family: { type: 'string', multiple: true },
    grouped: { type: 'boolean' },
    truncate: { type: 'string' },
    sheet: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    into: { type: 'string' },
    population: { type: 'string' },
    'with-uncertainty': { type: 'boolean' },
  },
  async run(values, positionals) {
    // Every flag is checked before the file is read or anything is fitted.
    const [file, ...extra] = positionals;
    if (!file) throw new UsageError('missing DATA: the claims file to fit (CSV, TSV or .xlsx)');
    if (extra.length) throw new UsageError(`one DATA file only (also given: ${extra.join(' ')})`);
    const asked = values.family as string[] | undefined;
    const families = asked && [...new Set(asked)];
    for (const f of families ?? [])
      if (!FIT_FAMILIES.includes(f)) throw new UsageError(`--family: unknown family "${f}" (families: ${FIT_FAMILIES.join(', ')})`, 1);
    const truncate = Number(parseAmount('--truncate', values.truncate as string | undefined, { required: false }) ?? 0);
    if (truncate > LIMITS.maxAmount) throw new UsageError(`--truncate: ${truncate} exceeds ${LIMITS.maxAmount} yuan`);
    const into = values.into as string | undefined;
    const population = values.population as string | undefined;
    if (population !== undefined && into === undefined) throw new UsageError('--population goes with --into SCENARIO');
    if (into !== undefined && population === undefined)
      throw new UsageError('--into needs --population ID: the population whose severity to write');
    if (values['with-uncertainty'] && into === undefined)
      throw new UsageError('--with-uncertainty goes with --into SCENARIO --population ID');
    const target = into !== undefined ? intoTarget(into, population!) : undefined;
    const outDir = values.out !== undefined ? prepareOutDir('--out', values.out) : undefined;

    const r = readBoundedBytes(file, CLAIMS_LIMITS.bytes, 'a claims file');
    if ('error' in r) throw new UsageError(r.error, 1);
    let claims: ClaimsFile;
    let fits: FamilyFit[];
    try {
      claims = await readClaimsFile(r.bytes, basename(file), {
        grouped: Boolean(values.grouped),
        truncate,
        sheet: values.sheet as string | undefined,
      });
    } catch (err) {
      throw new UsageError(`${file}: ${(err as Error).message}`, 1);
    }
    try {
      fits = fitSeverities(claims.data, { families });
    } catch (err) {
      throw new UsageError(`${file}: ${(err as Error).message}`, 1);
    }
    const sha256 = createHash('sha256').update(r.bytes).digest('hex');
    const origin: FitOrigin = {
      file: basename(file),
      sha256,
      date: new Date().toISOString().slice(0, 10),
      n: claims.description.n,
      grouped: claims.description.grouped,
      truncate,
    };

    if (outDir) {
      const { writeFitCharts } = await import('./fit-charts.ts');
      await writeFitCharts(outDir, claims, fits, origin);
    }
    if (values.json) {
      console.log(JSON.stringify(fitJson(claims, fits, origin), null, 2));
    } else {
      console.log(fitTable(claims, fits, file));
    }
    if (outDir) console.error(`charts written to ${outDir}`);
    // After the fits are shown: a scenario the fit cannot go into (it would not validate) still leaves the table.
    if (target) console.error(writeInto(target, fits[0], origin, Boolean(values['with-uncertainty'])));
    return 0;
  },
};

/** The --json object: the contract's keys first, in its order, then the extras. */
export function fitJson(claims: ClaimsFile, fits: FamilyFit[], origin: FitOrigin) {
  const { rows, n, grouped, truncate, encoding, ...more } = claims.description;
  return {
    data: { rows, n, grouped, truncate, encoding, ...more, file: origin.file, sha256: origin.sha256 },
    fits: fits.map(({ family, parameters, logLikelihood, aic, bic, standardErrors, ci95, gof, ...rest }) => ({
      family,
      parameters,
      logLikelihood,
      aic,
      bic,
      standardErrors,
      ci95,
      gof,
      ...rest,
    })),
  };
}

const sig = (x: number | null | undefined, digits = 4) =>
  x === null || x === undefined || !Number.isFinite(x)
    ? '–'
    : Number(x.toPrecision(digits)).toLocaleString('en', { maximumFractionDigits: 6 });
const fixed = (x: number, digits = 2) => x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function gofText(fit: FamilyFit): string {
  const p = (v: number | null) => (v === null ? '' : v < 0.001 ? ' p<0.001' : ` p=${v.toFixed(3)}`);
  const g = fit.gof;
  const parts: string[] = [];
  if (g.ks) parts.push(`KS ${g.ks.statistic.toFixed(4)}${p(g.ks.pValue)}`);
  if (g.ad) parts.push(`AD ${g.ad.statistic.toFixed(3)}${p(g.ad.pValue)}`);
  if (g.chiSquare) parts.push(`χ² ${g.chiSquare.statistic.toFixed(2)} df=${g.chiSquare.df}${p(g.chiSquare.pValue)}`);
  return parts.join('  ');
}

/** The readable table: families by AIC with their parameters (± standard error), ℓ, AIC, ΔAIC, BIC and fit. */
export function fitTable(claims: ClaimsFile, fits: FamilyFit[], file: string): string {
  const d = claims.description;
  const what = d.grouped ? `${d.rows} bands` : `${d.rows.toLocaleString('en')} rows`;
  const lines = [
    `${file}: ${what}, n = ${d.n.toLocaleString('en')} claims${d.truncate > 0 ? `, left-truncated at ${d.truncate.toLocaleString('en')} yuan` : ''} (${d.encoding}${d.sheet ? `, sheet ${d.sheet}` : ''})`,
    ...(d.titleRows.length
      ? [
          `(row${d.titleRows.length > 1 ? 's' : ''} ${d.titleRows.join(', ')} above the header read as title${d.titleRows.length > 1 ? 's' : ''} and skipped)`,
        ]
      : []),
    '',
  ];
  const head = [
    '#',
    'family',
    'parameters (± s.e.)',
    'log-lik',
    'AIC',
    'ΔAIC',
    'BIC',
    d.grouped ? 'goodness of fit (bands)' : 'goodness of fit',
  ];
  const rows = fits.map((f, i) => [
    String(i + 1),
    f.family,
    Object.entries(f.parameters)
      .map(([k, v]) => `${k}=${sig(v)}${f.standardErrors[k] != null ? ` ±${sig(f.standardErrors[k], 2)}` : ''}`)
      .join(' '),
    fixed(f.logLikelihood),
    fixed(f.aic),
    fixed(f.aic - fits[0].aic),
    fixed(f.bic),
    gofText(f),
  ]);
  const width = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const right = new Set([0, 3, 4, 5, 6]);
  const line = (r: string[]) =>
    r
      .map((s, c) => (right.has(c) ? s.padStart(width[c]) : s.padEnd(width[c])))
      .join('  ')
      .trimEnd();
  lines.push(line(head), ...rows.map(line));
  const notes = fits.flatMap((f) => [
    ...(f.converged ? [] : [`${f.family}: the optimiser did not settle`]),
    ...f.warnings.map((w) => (w.startsWith(`${f.family}:`) ? w : `${f.family}: ${w}`)),
  ]);
  if (notes.length) lines.push('', ...notes.map((n) => `note: ${n}`));
  return lines.join('\n');
}

interface IntoTarget {
  file: string;
  raw: Record<string, unknown>;
  index: number;
}

/** The scenario --into names, read and checked (valid, has the population) before any work. */
function intoTarget(file: string, population: string): IntoTarget {
  const r = readBounded(file, LIMITS.fileBytes);
  if ('error' in r) throw new UsageError(`--into: ${r.error}`, 1);
  const v = checkEvaluable(validateText(r.text));
  const parsed = parseJsonText(r.text);
  if (!v.ok || !v.scenario || parsed.data === undefined)
    throw new UsageError(
      v.fund
        ? `--into: ${file} is a fund-level file, not an insurance scenario`
        : `--into: ${file} is not a valid scenario:\n${v.problems.map(formatProblem).join('\n')}`,
      1,
    );
  const raw = parsed.data as { populations: { id: string }[] };
  const index = raw.populations.findIndex((p) => p.id === population);
  if (index < 0)
    throw new UsageError(
      `--population: ${file} has no population "${population}" (its populations: ${raw.populations.map((p) => p.id).join(', ')})`,
      1,
    );
  return { file, raw: raw as unknown as Record<string, unknown>, index };
}

/**
 * Writes the fit into the population's severity: validated as a whole scenario first (a file that would not
 * validate is never written), then written to a temporary file beside it and renamed over it (atomic on POSIX).
 * With --with-uncertainty the validator's checks of the covariance (symmetric, positive semi-definite, small
 * enough to draw from) apply like any other.
 */
function writeInto(target: IntoTarget, fit: FamilyFit, origin: FitOrigin, withUncertainty: boolean): string {
  if (!fit.converged)
    throw new UsageError(
      `--into: the ${fit.family} fit did not converge (its optimiser did not settle), so ${target.file} is left as it was`,
      1,
    );
  let severity;
  try {
    severity = fittedSeverity(fit, origin, withUncertainty);
  } catch (err) {
    throw new UsageError(`--into: ${(err as Error).message}`, 1);
  }
  const populations = (target.raw.populations as Record<string, unknown>[]).map((p, i) => (i === target.index ? { ...p, severity } : p));
  const next = { ...target.raw, populations };
  const v = checkEvaluable(validateData(next));
  if (!v.ok)
    throw new UsageError(
      `--into: the scenario with the ${fit.family} fit would not validate, so ${target.file} is left as it was:\n${v.problems.map(formatProblem).join('\n')}`,
      1,
    );
  const text = JSON.stringify(next, null, 2) + '\n';
  try {
    writeTextAtomic(target.file, text);
  } catch (err) {
    throw new UsageError(`--into: cannot write ${target.file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 1);
  }
  const population = populations[target.index] as { id: string; amountBasis?: string; costLevel?: { value: number } };
  const notes = [
    ...(population.costLevel && population.costLevel.value !== 1
      ? [
          `note: population ${population.id} has costLevel ${population.costLevel.value}: the engine multiplies the fitted amounts by it (set it to 1 if the data are this region's own costs)`,
        ]
      : []),
    `note: the fitted amounts are read as the population's amountBasis (${population.amountBasis ?? 'selfBurden'}): the data must be the same kind of amount`,
  ];
  return [
    `wrote the ${fit.family} fit into ${target.file}, population ${population.id}${withUncertainty ? ' (with its covariance)' : ''}`,
    ...notes,
  ].join('\n');
}
