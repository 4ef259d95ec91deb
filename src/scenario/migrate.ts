/**
 * Version migrations. Schema 1 (the first drafts planners exchanged) wrote parameters as bare numbers, bands as
 * `[to, ratio]` pairs and corridor tiers as `[from, to, insurerShare]` with one `reading` for all tiers.
 * Schema 2 gave one funding standard per insured (`funding.perInsured`, overridden per population by
 * `funding.byPopulation`); schema 3 splits the premium into channels (基金划转, 财政补贴, …), and a schema-2
 * standard becomes one `unspecified` channel per population, since the file never said where the money came from.
 * Migrating never invents provenance: a carried-over number is labelled as such. Provenance texts may be a string
 * (every file before the bilingual texts) or { zh, en }: both stay valid, so no step rewrites them.
 */
import { SCHEMA_VERSION } from './schema.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** In both languages (schema.ts provenance), so that a Chinese briefing of a migrated file says it in Chinese. */
export const MIGRATED_ASSUMPTION = {
  zh: '沿用第 1 版文件的数值，该版文件未注明出处：请对照原文件核对',
  en: 'carried over from a schema-1 file, which had no provenance: check against the source',
};

const wrap = (v: unknown) => (typeof v === 'number' ? { value: v, assumption: MIGRATED_ASSUMPTION } : v);
const wrapKeys = (o: unknown, keys: string[]) => {
  if (!isObj(o)) return;
  for (const k of keys) if (k in o) o[k] = wrap(o[k]);
};

function v1to2(d: Obj): Obj {
  for (const p of Array.isArray(d.populations) ? d.populations : []) {
    if (!isObj(p)) continue;
    wrapKeys(p, ['insured', 'incidence']);
    if (isObj(p.severity)) wrapKeys(p.severity, ['mu', 'sigma', 'shape', 'scale', 'alpha', 'theta', 'splice', 'bodyWeight']);
    wrapKeys(p.selfPay, ['ratio', 'compliantShare']);
    wrapKeys(p.episodes, ['extraMean']);
    for (const g of Array.isArray(p.groups) ? p.groups : []) wrapKeys(g, ['share']);
  }
  for (const r of Array.isArray(d.rulesets) ? d.rulesets : []) {
    if (!isObj(r)) continue;
    wrapKeys(r, ['cap']);
    wrapKeys(r.basic, ['deductible', 'rate', 'cap']);
    wrapKeys(r.funding, ['perInsured', 'monthsInForce', 'operatingCostRate']);
    for (const t of Array.isArray(r.tracks) ? r.tracks : []) {
      if (!isObj(t)) continue;
      wrapKeys(t, ['deductible', 'cap']);
      if (Array.isArray(t.bands)) {
        t.bands = t.bands.map((b) => (Array.isArray(b) ? { to: b[0], ratio: b[1], assumption: MIGRATED_ASSUMPTION } : b));
      }
    }
    for (const m of Array.isArray(r.modifiers) ? r.modifiers : []) {
      if (isObj(m) && m.source === undefined && m.assumption === undefined) m.assumption = MIGRATED_ASSUMPTION;
    }
    if (isObj(r.corridor) && Array.isArray(r.corridor.tiers)) {
      const reading = r.corridor.reading === 'whole' ? 'whole' : 'marginal';
      delete r.corridor.reading;
      r.corridor.tiers = r.corridor.tiers.map((t) =>
        Array.isArray(t) ? { from: t[0], to: t[1], insurerShare: t[2], basis: reading, assumption: MIGRATED_ASSUMPTION } : t,
      );
      wrapKeys(r.corridor, ['insurerGainMax', 'insurerLossMax', 'policyLossShare']);
    }
  }
  d.schemaVersion = 2;
  return d;
}

function v2to3(d: Obj): Obj {
  const popIds = (Array.isArray(d.populations) ? d.populations : [])
    .map((p) => (isObj(p) ? p.id : undefined))
    .filter((x) => typeof x === 'string');
  for (const r of Array.isArray(d.rulesets) ? d.rulesets : []) {
    if (!isObj(r) || !isObj(r.funding)) continue;
    const f = r.funding;
    const own = Array.isArray(f.byPopulation) ? f.byPopulation.filter(isObj) : [];
    if (!('perInsured' in f) && !own.length) continue;
    const channel = (perInsured: unknown, population?: unknown) => ({
      channel: 'unspecified',
      ...(population === undefined ? {} : { population }),
      perInsured,
    });
    const channels = own.length
      ? popIds.map((pid) => channel(own.find((b) => b.population === pid)?.perInsured ?? f.perInsured, pid))
      : [channel(f.perInsured)];
    delete f.perInsured;
    delete f.byPopulation;
    r.funding = { channels, ...f };
  }
  d.schemaVersion = 3;
  return d;
}

const STEPS: Record<number, (d: Obj) => Obj> = { 1: v1to2, 2: v2to3 };

/** Brings a parsed file up to the current schema version; returns the notes of what was done. */
export function migrate(data: unknown): { data: unknown; notes: string[] } {
  if (!isObj(data) || typeof data.schemaVersion !== 'number') return { data, notes: [] };
  // Fund-level files (subsidy budget, pooling) version on their own (fund-schema.ts).
  if (data.kind !== undefined && data.kind !== 'insurance') return { data, notes: [] };
  const notes: string[] = [];
  let d: Obj = structuredClone(data);
  while (typeof d.schemaVersion === 'number' && d.schemaVersion < SCHEMA_VERSION && STEPS[d.schemaVersion]) {
    const from = d.schemaVersion;
    d = STEPS[from](d);
    notes.push(`migrated from schema version ${from} to ${d.schemaVersion}`);
  }
  return { data: d, notes };
}
