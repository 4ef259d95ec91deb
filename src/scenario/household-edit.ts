/**
 * The household layer's edits in the workbench (issue #33): a population's or group's income, a ruleset's medical
 * assistance, the household poverty line — each added with values labelled "added in the workbench" and a reason
 * to replace them, each one pure edit of the draft (one undo step, ui/edit-events.ts). Validation (schema.ts) then
 * says by JSON path what the analyst still has to settle.
 */
import { incomeFromMeanGini } from '../math/income.ts';
import { ADDED, EDITED, getAt, setAt, type Path } from './edit.ts';

type Obj = Record<string, unknown>;

/**
 * A new income where none is given: a mean of 40,000 yuan and a Gini of 0.35 (the order of a Chinese city's
 * 人均可支配收入 around 2020 and of an urban or rural Gini computed apart), to be replaced by the yearbook's figures.
 */
export const NEW_INCOME = { mean: 40_000, gini: 0.35 } as const;

const round = (x: number, d: number) => Number(x.toFixed(d));

/** The income at `path` (a population's or a group's `income`); a group starts from its population's. */
export function addIncome<T>(root: T, path: Path): T {
  if (getAt(root, path)) return root;
  const owner = getAt(root, path.slice(0, -1)) as Obj | undefined;
  if (!owner) return root;
  // A group's `income` (populations[i].groups[j].income) starts from its population's when that has one.
  const population = path.length > 3 ? (getAt(root, path.slice(0, 2)) as Obj | undefined) : undefined;
  const from = population?.income as { mu: { value: number }; sigma: { value: number } } | undefined;
  if (from)
    return setAt(root, path, {
      family: 'lognormal',
      mu: { value: from.mu.value, assumption: `${ADDED} as a copy of the population's income` },
      sigma: { value: from.sigma.value, assumption: `${ADDED} as a copy of the population's income` },
    });
  const inc = incomeFromMeanGini(NEW_INCOME.mean, NEW_INCOME.gini);
  const why = `${ADDED}: a mean of ${NEW_INCOME.mean} yuan and a Gini of ${NEW_INCOME.gini} to replace with the yearbook's figures`;
  return setAt(root, path, {
    family: 'lognormal',
    mu: { value: round(inc.mu, 4), assumption: why },
    sigma: { value: round(inc.sigma, 4), assumption: why },
  });
}

/**
 * An income's mu and sigma from a published mean income and a Gini (math/income.ts), one edit: both parameters
 * say where they came from. A mean or Gini out of range leaves the draft as it is (the helper's fields say why).
 */
export function setIncomeFromMeanGini<T>(root: T, path: Path, mean: number, gini: number): T {
  if (!incomeOk(mean, gini) || !getAt(root, path)) return root;
  const inc = incomeFromMeanGini(mean, gini);
  const why = `${EDITED} from a mean income of ${mean} yuan and a Gini of ${gini} (σ = √2·Φ⁻¹((1 + G)/2), μ = ln mean − σ²/2)`;
  const income = getAt(root, path) as Obj;
  return setAt(root, path, {
    ...income,
    mu: { value: round(inc.mu, 4), assumption: why },
    sigma: { value: round(inc.sigma, 4), assumption: why },
  });
}

/** A mean income (yuan) and a Gini the helper takes: a mean above zero, a Gini strictly between 0 and 1. */
export const incomeOk = (mean: number, gini: number): boolean =>
  Number.isFinite(mean) && mean > 0 && mean <= 1e8 && Number.isFinite(gini) && gini > 0 && gini < 0.97;

/**
 * Medical assistance for a ruleset (rulesets[i].assistance): its recipients the groups whose tags name assistance
 * recipients in the populations (else the first group), no deductible, 70% of the rest, a cap of 50,000 yuan — a
 * common shape of the 医疗救助 rules (seed 001 四) whose figures the seeds leave open.
 */
export function addAssistance<T>(root: T, rulesetPath: Path): T {
  if (getAt(root, [...rulesetPath, 'assistance'])) return root;
  const tags = [
    ...new Set(
      ((getAt(root, ['populations']) ?? []) as { groups?: { tag: string }[] }[]).flatMap((p) => (p.groups ?? []).map((g) => g.tag)),
    ),
  ];
  const groups = tags.filter((g) => /assist|poor|dibao|tekun|救助/.test(g));
  const why = `${ADDED}: a common shape of the assistance rules, its figures to replace with the local 医疗救助 document's`;
  return setAt(root, [...rulesetPath, 'assistance'], {
    groups: groups.length ? groups : tags.slice(0, 1),
    deductible: { value: 0, assumption: why },
    rate: { value: 0.7, assumption: why },
    cap: { value: 50_000, assumption: why },
    assumption: ADDED,
  });
}

/** A recipient group of the assistance at `path` added or removed (its tag), the block relabelled as edited. */
export function setAssistanceGroup<T>(root: T, path: Path, tag: string, on: boolean): T {
  const a = getAt(root, path) as (Obj & { groups: string[] }) | undefined;
  if (!a) return root;
  const list = Array.isArray(a.groups) ? a.groups : [];
  const has = list.includes(tag);
  if (has === on) return root;
  const groups = on ? [...list, tag] : list.filter((g) => g !== tag);
  const already = typeof a.assumption === 'string' && a.assumption.startsWith(EDITED);
  return setAt(root, path, {
    ...a,
    groups,
    assumption: already ? a.assumption : `${EDITED} (was groups=${JSON.stringify(a.groups)})`,
  } as never);
}

/**
 * The household settings (household.povertyLine): 12,000 yuan a year, the order of a city's 低保 standard × 12
 * around 2020, to replace with the local standard.
 */
export function addHousehold<T>(root: T): T {
  if (getAt(root, ['household'])) return root;
  return setAt(root, ['household'], {
    povertyLine: { value: 12_000, assumption: `${ADDED}: the order of a city's 低保 standard × 12, to replace with the local standard` },
  });
}
