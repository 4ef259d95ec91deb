/**
 * Rules of the format that a JSON Schema cannot say: increasing band edges, tiers that do not overlap, ids that
 * must be unique or must exist, provenance on every parameter. Written against the raw (possibly broken) data
 * with type guards, so these problems are reported together with the structural ones.
 */
import { normalCdf, normalPdfOverCdf } from '../math/normal.ts';
import { LIMITS } from './limits.ts';
import { problem, type PathSegment, type Problem } from './problems.ts';
import { uncertaintyProblems } from './uncertainty-checks.ts';
import { incomeIndexProblems, indexedDeductibles } from './income-index.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const getIn = (v: unknown, path: PathSegment[]): unknown =>
  path.reduce<unknown>((o, k) => (isObj(o) || Array.isArray(o) ? (o as Obj)[k as string] : undefined), v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A provenance text given (a string, or both sides of a { zh, en } text), not blank. */
const said = (v: unknown): boolean =>
  isObj(v) ? (str(v.zh) ?? '').trim() !== '' && (str(v.en) ?? '').trim() !== '' : (str(v) ?? '').trim() !== '';

export interface SemanticResult {
  problems: Problem[];
  warnings: Problem[];
}

export function checkSemantics(data: unknown): SemanticResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  if (!isObj(data)) return { problems, warnings };
  const err = (path: PathSegment[], msg: string) => problems.push(problem(path, msg));
  const warn = (path: PathSegment[], msg: string) => warnings.push(problem(path, msg));

  const hasProvenance = (o: Obj) => said(o.source) || said(o.assumption);
  const needProvenance = (o: unknown, path: PathSegment[]) => {
    if (isObj(o) && !hasProvenance(o)) err(path, 'needs a "source" (document and section) or an "assumption" (why this value)');
  };
  /** Every `{ value }` parameter below `node` must carry provenance. */
  const paramsNeedProvenance = (node: unknown, path: PathSegment[]) => {
    if (!isObj(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (isObj(v) && 'value' in v) needProvenance(v, [...path, k]);
    }
  };
  const uniqueIds = (items: unknown[], key: string, path: PathSegment[], what: string) => {
    const seen = new Map<string, number>();
    items.forEach((it, i) => {
      const v = isObj(it) ? str(it[key]) : undefined;
      if (v === undefined) return;
      if (seen.has(v)) err([...path, i, key], `duplicate ${what} "${v}" (also at index ${seen.get(v)})`);
      else seen.set(v, i);
    });
    return seen;
  };

  const populations = arr(data.populations);
  const rulesets = arr(data.rulesets);
  const popIds = uniqueIds(populations, 'id', ['populations'], 'population id');
  const rulesetIds = uniqueIds(rulesets, 'id', ['rulesets'], 'ruleset id');
  const tags = new Set<string>();
  let insuredTotal = 0;
  let needsBasic: string | undefined;

  populations.forEach((p, i) => {
    if (!isObj(p)) return;
    const path: PathSegment[] = ['populations', i];
    paramsNeedProvenance(p, path);
    insuredTotal += isObj(p.insured) ? (num(p.insured.value) ?? 0) : 0;
    if (p.amountBasis === 'policyCost') needsBasic ??= str(p.id);
    if (isObj(p.severity)) {
      paramsNeedProvenance(p.severity, [...path, 'severity']);
      problems.push(...uncertaintyProblems(p.severity, [...path, 'severity']));
      if (p.severity.family === 'empirical') {
        needProvenance(p.severity, [...path, 'severity']);
        const a = arr(p.severity.amounts);
        const w = arr(p.severity.weights);
        if (a.length !== w.length) err([...path, 'severity', 'weights'], `has ${w.length} entries but amounts has ${a.length}`);
        if (!w.some((x) => (num(x) ?? 0) > 0)) err([...path, 'severity', 'weights'], 'must contain a positive weight');
      }
      const limit = isObj(p.severity.limit) ? num(p.severity.limit.value) : undefined;
      const splice = isObj(p.severity.splice) ? num(p.severity.splice.value) : undefined;
      if (limit !== undefined && splice !== undefined && limit <= splice)
        err([...path, 'severity', 'limit', 'value'], `must be above the splice point (${splice}): the tail lies between them`);
      if (p.severity.family === 'spliced') {
        const jump = splicedJump(p.severity);
        if (jump !== null && (jump > 1.5 || jump < 1 / 1.5))
          warn(
            [...path, 'severity', 'family'],
            `the spliced density jumps ×${jump >= 1 ? jump.toPrecision(3) : `1/${(1 / jump).toPrecision(3)}`} at the splice point: a deductible near it answers from that cliff, not from policy. The family "lognormalPareto" keeps the density continuous (its body weight follows from the splice)`,
          );
      }
      if (p.severity.family === 'pareto' && isObj(p.severity.alpha) && (num(p.severity.alpha.value) ?? 2) <= 1) {
        warn([...path, 'severity', 'alpha', 'value'], 'α ≤ 1: the mean is infinite, so expected payouts are driven by the cap alone');
      }
    }
    if (isObj(p.selfPay)) {
      paramsNeedProvenance(p.selfPay, [...path, 'selfPay']);
      const hasRatio = p.selfPay.ratio !== undefined;
      const hasBeta = p.selfPay.beta !== undefined;
      if (hasRatio === hasBeta) err([...path, 'selfPay'], 'give exactly one of "ratio" (fixed) or "beta" (random per person)');
      if (hasBeta) needProvenance(p.selfPay.beta, [...path, 'selfPay', 'beta']);
      if (p.selfPay.compliantBeta !== undefined) needProvenance(p.selfPay.compliantBeta, [...path, 'selfPay', 'compliantBeta']);
    }
    if (isObj(p.episodes)) paramsNeedProvenance(p.episodes, [...path, 'episodes']);
    if (isObj(p.frequency)) paramsNeedProvenance(p.frequency, [...path, 'frequency']);
    if (isObj(p.income)) paramsNeedProvenance(p.income, [...path, 'income']);
    if (isObj(p.spending)) paramsNeedProvenance(p.spending, [...path, 'spending']);
    const groups = arr(p.groups);
    uniqueIds(groups, 'tag', [...path, 'groups'], 'group tag');
    groups.forEach((g, j) => {
      if (!isObj(g)) return;
      paramsNeedProvenance(g, [...path, 'groups', j]);
      if (isObj(g.income)) paramsNeedProvenance(g.income, [...path, 'groups', j, 'income']);
      const t = str(g.tag);
      if (t) tags.add(t);
    });
  });
  if (insuredTotal > LIMITS.insuredTotal)
    err(['populations'], `insured persons add up to ${insuredTotal}; the limit is ${LIMITS.insuredTotal}`);

  rulesets.forEach((r, i) => {
    if (!isObj(r)) return;
    const path: PathSegment[] = ['rulesets', i];
    paramsNeedProvenance(r, path);
    if (isObj(r.basic)) paramsNeedProvenance(r.basic, [...path, 'basic']);
    else if (needsBasic)
      err(
        [...path, 'basic'],
        `required: population "${needsBasic}" gives policy-range cost (amountBasis "policyCost"), which needs a basic-insurance layer`,
      );
    const tracks = arr(r.tracks);
    uniqueIds(tracks, 'id', [...path, 'tracks'], 'track id');
    tracks.forEach((t, j) => {
      if (!isObj(t)) return;
      const tp: PathSegment[] = [...path, 'tracks', j];
      paramsNeedProvenance(t, tp);
      checkBands(arr(t.bands), isObj(t.deductible) ? num(t.deductible.value) : undefined, [...tp, 'bands']);
    });
    checkCeiling(r, path);
    if (isObj(r.assistance)) {
      paramsNeedProvenance(r.assistance, [...path, 'assistance']);
      checkCeilingBands(arr(r.assistance.ceiling), [...path, 'assistance', 'ceiling']);
      arr(r.assistance.groups).forEach((g, j) => {
        const t = str(g);
        // A warning, not an error: the layer then pays nobody, and a file whose groups were taken out still opens.
        if (t && !tags.has(t))
          warn(
            [...path, 'assistance', 'groups', j],
            `no population declares group "${t}": nobody receives assistance through it (known: ${[...tags].join(', ') || 'none'})`,
          );
      });
    }
    arr(r.modifiers).forEach((m, j) => {
      if (!isObj(m)) return;
      const mp: PathSegment[] = [...path, 'modifiers', j];
      needProvenance(m, mp);
      const g = str(m.group);
      if (g && !tags.has(g))
        err([...mp, 'group'], `unknown group "${g}": no population declares it (known: ${[...tags].join(', ') || 'none'})`);
      if (['deductibleFactor', 'deductible', 'ratioAdd', 'cap', 'capFactor'].every((k) => m[k] === undefined)) {
        warn(mp, 'changes nothing: give deductibleFactor, deductible, ratioAdd, cap or capFactor');
      }
    });
    if (isObj(r.funding)) {
      paramsNeedProvenance(r.funding, [...path, 'funding']);
      const funded = new Set<string>();
      const channels = arr(r.funding.channels);
      channels.forEach((c, j) => {
        if (!isObj(c)) return;
        const cp: PathSegment[] = [...path, 'funding', 'channels', j];
        paramsNeedProvenance(c, cp);
        const pid = str(c.population);
        if (pid && !popIds.has(pid)) err([...cp, 'population'], `unknown population "${pid}"`);
        if (pid) funded.add(pid);
        else popIds.forEach((_, q) => funded.add(q));
        const given = ['perInsured', 'total'].filter((k) => c[k] !== undefined);
        if (given.length !== 1)
          err(
            cp,
            given.length
              ? 'give perInsured or total, not both'
              : 'give perInsured (yuan per insured per year) or total (yuan for the year)',
          );
      });
      if (channels.length) {
        for (const q of popIds.keys())
          if (!funded.has(q)) warn([...path, 'funding', 'channels'], `no channel funds population "${q}": its premium is 0`);
      }
      if (isObj(r.funding.transfers)) {
        needProvenance(r.funding.transfers, [...path, 'funding', 'transfers']);
        paramsNeedProvenance(r.funding.transfers, [...path, 'funding', 'transfers']);
      }
    }
    if (isObj(r.corridor)) {
      const cp: PathSegment[] = [...path, 'corridor'];
      paramsNeedProvenance(r.corridor, cp);
      checkTiers(arr(r.corridor.tiers), [...cp, 'tiers']);
      const alts = arr(r.corridor.alternatives);
      uniqueIds(alts, 'id', [...cp, 'alternatives'], 'alternative id');
      alts.forEach((a, j) => {
        if (isObj(a)) checkTiers(arr(a.tiers), [...cp, 'alternatives', j, 'tiers']);
      });
    }
  });

  arr(data.targets).forEach((t, i) => {
    if (!isObj(t)) return;
    needProvenance(t, ['targets', i]);
    const pid = str(t.population);
    if (pid && !popIds.has(pid)) err(['targets', i, 'population'], `unknown population "${pid}"`);
    const rid = str(t.ruleset);
    if (rid && !rulesetIds.has(rid)) err(['targets', i, 'ruleset'], `unknown ruleset "${rid}"`);
    const g = str(t.group);
    if (g) {
      const holders = populations.filter((q) => isObj(q) && arr(q.groups).some((x) => isObj(x) && x.tag === g));
      if (!holders.length)
        err(['targets', i, 'group'], `unknown group "${g}": no population declares it (known: ${[...tags].join(', ') || 'none'})`);
      else if (pid && !holders.some((q) => isObj(q) && q.id === pid))
        err(['targets', i, 'group'], `population "${pid}" does not declare group "${g}"`);
      if (!GROUP_METRICS.has(String(t.metric)))
        err(
          ['targets', i, 'group'],
          `a target over a group can only be burdenReductionRate (the rate over the group's members), not ${String(t.metric)}`,
        );
    }
    const v = num(t.value);
    if (RATE_TARGETS.has(String(t.metric)) && v !== undefined && v > 100)
      err(['targets', i, 'value'], `a rate, written as a fraction (0.6 for 60%): ${v} is ${v * 100}%; it must not exceed 100 (10,000%)`);
  });
  if (isObj(data.household)) paramsNeedProvenance(data.household, ['household']);
  if (isObj(data.household) && isObj(data.household.typicalCase)) {
    // The typical case's person names a population of this file, and a group of that population.
    const tc = data.household.typicalCase;
    const at: PathSegment[] = ['household', 'typicalCase'];
    const pid = str(tc.population);
    const pop = populations.find((p) => isObj(p) && p.id === pid);
    if (pid !== undefined && !isObj(pop))
      err([...at, 'population'], `unknown population "${pid}" (known: ${[...popIds.keys()].join(', ') || 'none'})`);
    const g = str(tc.group);
    if (g && isObj(pop)) {
      const own = arr(pop.groups).flatMap((x) => (isObj(x) && str(x.tag) ? [str(x.tag)!] : []));
      if (!own.includes(g)) err([...at, 'group'], `population "${pid}" has no group "${g}" (its groups: ${own.join(', ') || 'none'})`);
    }
  }
  if (isObj(data.incomeIndex)) paramsNeedProvenance(data.incomeIndex, ['incomeIndex']);
  for (const d of indexedDeductibles(data)) needProvenance(getIn(data, [...d.indexPath, 'share']), [...d.indexPath, 'share']);
  incomeIndexProblems(data, err);
  if (isObj(data.simulation)) {
    const risk = data.simulation.parameterRisk;
    if (isObj(risk))
      for (const k of ['costLevel', 'utilisation']) if (isObj(risk[k])) paramsNeedProvenance(risk[k], ['simulation', 'parameterRisk', k]);
    if (
      isObj(risk) &&
      risk.fitUncertainty === true &&
      !populations.some((p) => isObj(p) && isObj(p.severity) && p.severity.uncertainty !== undefined)
    )
      warn(
        ['simulation', 'parameterRisk', 'fitUncertainty'],
        'is on, but no population\'s severity carries "uncertainty": nothing is drawn',
      );
    const trend = data.simulation.trend;
    if (isObj(trend)) {
      paramsNeedProvenance(trend, ['simulation', 'trend']);
      if (isObj(trend.costGrowth)) paramsNeedProvenance(trend.costGrowth, ['simulation', 'trend', 'costGrowth']);
    }
    const b = str(data.simulation.baseline);
    if (b && !rulesetIds.has(b)) err(['simulation', 'baseline'], `unknown ruleset "${b}"`);
  }
  return { problems, warnings };

  /**
   * The out-of-pocket ceiling's income bands (issue #33): edges strictly ascending, only the last open (null), each
   * band's parameters with provenance (the band may carry it for both).
   */
  function checkCeilingBands(bands: unknown[], path: PathSegment[]) {
    let prev = -Infinity;
    bands.forEach((b, k) => {
      if (!isObj(b)) return;
      if (!hasProvenance(b)) paramsNeedProvenance(b, [...path, k]);
      if (b.incomeBelow === null) {
        if (k !== bands.length - 1)
          err([...path, k, 'incomeBelow'], 'only the last band may be open (null): later bands would never apply');
        return;
      }
      const edge = isObj(b.incomeBelow) ? num(b.incomeBelow.value) : undefined;
      if (edge === undefined) return;
      if (!(edge > prev))
        err([...path, k, 'incomeBelow', 'value'], `must be above the previous band's edge ${prev} (bands ascending by income)`);
      prev = edge;
    });
  }

  /**
   * A ceiling the document sets (ratioCeiling, e.g. seed 004 三(三) 最高不超过80%): a stated band above it contradicts
   * the file's own source; a modifier that lifts a band past it, while the file does not say the ceiling binds the
   * lift, pays a ratio the document caps, so the planner is told (seed 004 三(四)'s +5 points on an 80% band).
   */
  function checkCeiling(r: Obj, path: PathSegment[]) {
    const c = r.ratioCeiling;
    if (!isObj(c)) return;
    needProvenance(c, [...path, 'ratioCeiling']);
    const ceiling = num(c.value);
    if (ceiling === undefined) return;
    const pct = (x: number) => `${+(x * 100).toFixed(4)}%`;
    const ratios: { at: PathSegment[]; ratio: number }[] = [];
    arr(r.tracks).forEach((t, j) => {
      if (!isObj(t)) return;
      arr(t.bands).forEach((b, k) => {
        const ratio = isObj(b) ? num(b.ratio) : undefined;
        if (ratio === undefined) return;
        ratios.push({ at: [...path, 'tracks', j, 'bands', k, 'ratio'], ratio });
        if (ratio > ceiling)
          warn(
            [...path, 'tracks', j, 'bands', k, 'ratio'],
            `${pct(ratio)} is above the ruleset's ratio ceiling ${pct(ceiling)} (ratioCeiling)`,
          );
      });
    });
    if (c.bindsModifiers === true) return;
    arr(r.modifiers).forEach((m, j) => {
      const add = isObj(m) ? num(m.ratioAdd) : undefined;
      if (add === undefined || add <= 0) return;
      const past = ratios.filter((x) => x.ratio <= ceiling && Math.min(1, x.ratio + add) > ceiling + 1e-12);
      if (!past.length) return;
      const top = Math.min(1, Math.max(...past.map((x) => x.ratio)) + add);
      warn(
        [...path, 'modifiers', j, 'ratioAdd'],
        `lifts ${past.length} band${past.length > 1 ? 's' : ''} past the ratio ceiling ${pct(ceiling)} the document sets (ratioCeiling), up to ${pct(top)}; ` +
          (c.bindsModifiers === false
            ? 'applied as written (ratioCeiling.bindsModifiers is false)'
            : 'applied as written: set ratioCeiling.bindsModifiers to true to stop the lift at the ceiling, or to false to keep it'),
      );
    });
  }

  function checkBands(bands: unknown[], deductible: number | undefined, path: PathSegment[]) {
    let prevTo = -Infinity;
    let prevRatio = -Infinity;
    bands.forEach((b, k) => {
      if (!isObj(b)) return;
      needProvenance(b, [...path, k]);
      const to = b.to === null ? Infinity : num(b.to);
      if (b.to === null && k < bands.length - 1) err([...path, k, 'to'], 'only the last band may be open-ended (null)');
      if (to !== undefined) {
        if (to <= prevTo) err([...path, k, 'to'], `bands not increasing: ${to} is not above the previous edge ${prevTo}`);
        if (k === 0 && deductible !== undefined && to <= deductible)
          warn(
            [...path, k, 'to'],
            `the first band ends at ${to}, not above the deductible ${deductible}: it pays only members with a lowered deductible`,
          );
        prevTo = to;
      }
      const ratio = num(b.ratio);
      if (ratio !== undefined) {
        if (ratio < prevRatio)
          warn(
            [...path, k, 'ratio'],
            `ratio ${ratio} is below the previous band's ${prevRatio}: segmented progressive payment (分段累进) expects higher bands to pay higher ratios`,
          );
        prevRatio = ratio;
      }
    });
  }

  function checkTiers(tiers: unknown[], path: PathSegment[]) {
    let prevTo: number | undefined;
    let coversZero = false;
    tiers.forEach((t, k) => {
      if (!isObj(t)) return;
      const from = t.from === null ? -Infinity : num(t.from);
      const to = t.to === null ? Infinity : num(t.to);
      if (from === undefined || to === undefined) return;
      if (from >= to) err([...path, k], `tier is empty: from ${from} is not below to ${to}`);
      if (prevTo !== undefined && from < prevTo)
        err([...path, k, 'from'], `tiers overlap or are not in increasing order: ${from} is below the previous tier's end ${prevTo}`);
      if (prevTo !== undefined && from > prevTo)
        warn([...path, k, 'from'], `gap between ${prevTo} and ${from}: results there are kept wholly by the insurer`);
      if (from <= 0 && 0 <= to) coversZero = true;
      prevTo = to;
    });
    if (tiers.length && !coversZero) err(path, 'no tier contains m = 0 (break-even)');
  }
}

/** Fund-level files: unique ids and provenance on every parameter. */
export function checkFundSemantics(data: unknown): Problem[] {
  const problems: Problem[] = [];
  if (!isObj(data)) return problems;
  const walk = (node: unknown, path: PathSegment[]) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, [...path, i]));
    if (!isObj(node)) return;
    if ('value' in node && typeof node.value === 'number' && !said(node.source) && !said(node.assumption)) {
      problems.push(problem(path, 'needs a "source" (document and section) or an "assumption" (why this value)'));
    }
    for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(data, []);
  // The trend projection's years: a year given twice is two counts for one year (and three points on one year
  // leave the regression's slope 0 ÷ 0).
  const years = new Map<number, number>();
  arr(data.history).forEach((h, i) => {
    const y = isObj(h) ? num(h.year) : undefined;
    if (y === undefined) return;
    if (years.has(y)) problems.push(problem(['history', i, 'year'], `year ${y} appears twice (also at index ${years.get(y)})`));
    else years.set(y, i);
  });
  // A pool paid up from the balances (上解) cannot be more than they held.
  if (data.cityPoolFromBalances === true && isObj(data.cityPool)) {
    const pool = num(data.cityPool.value);
    const held = arr(data.regions).reduce((a: number, g) => a + ((isObj(g) && isObj(g.balance) ? num(g.balance.value) : 0) ?? 0), 0);
    if (pool !== undefined && pool > held)
      problems.push(
        problem(['cityPool', 'value'], `paid up from the regions' balances (cityPoolFromBalances), it cannot exceed their sum ${held}`),
      );
  }
  const groupIds = new Set(arr(data.groups).map((g) => (isObj(g) ? str(g.id) : undefined)));
  arr(data.targets).forEach((t, i) => {
    if (!isObj(t)) return;
    arr(t.groups).forEach((g, j) => {
      const id = str(g);
      if (id && !groupIds.has(id)) problems.push(problem(['targets', i, 'groups', j], `unknown group "${id}"`));
    });
  });
  for (const key of ['groups', 'regions', 'statedTotals', 'targets']) {
    const seen = new Map<string, number>();
    arr(data[key]).forEach((it, i) => {
      const id = isObj(it) ? str(it.id) : undefined;
      if (!id) return;
      if (seen.has(id)) problems.push(problem([key, i, 'id'], `duplicate id "${id}" (also at index ${seen.get(id)})`));
      else seen.set(id, i);
    });
  }
  return problems;
}

/**
 * Density above ÷ below the splice of a spliced severity: ((1 − w)α/s) ÷ (w f_LN(s)/F_LN(s)), null when a field
 * is missing or the body's cdf underflows there (numerics.ts reports that case).
 */
function splicedJump(sev: Record<string, unknown>): number | null {
  const v = (k: string) => (isObj(sev[k]) ? num((sev[k] as Record<string, unknown>).value) : undefined);
  const [mu, sigma, s, alpha, w] = ['mu', 'sigma', 'splice', 'alpha', 'bodyWeight'].map(v);
  if (mu === undefined || sigma === undefined || s === undefined || alpha === undefined || w === undefined) return null;
  if (!(sigma > 0 && s > 0 && w > 0 && w < 1)) return null;
  const z = (Math.log(s) - mu) / sigma;
  if (normalCdf(z) === 0) return null;
  // Tail density at s⁺ ÷ body density at s⁻ = ((1 − w)α/s) ÷ (w·φ(z)/(σ s Φ(z))): the continuity condition of
  // random/severity/lognormal-pareto.ts, unmet.
  const jump = ((1 - w) * alpha * sigma) / (w * normalPdfOverCdf(z));
  return Number.isFinite(jump) && jump > 0 ? jump : null;
}

/** Targets that can be taken over a group's members (engine/group-rates.ts). */
const GROUP_METRICS = new Set(['burdenReductionRate']);

/** Targets whose value is a rate, written as a fraction of 1 (targets[].metric). */
const RATE_TARGETS = new Set(['lossRatio', 'reimbursementRatio', 'burdenReductionRate']);
