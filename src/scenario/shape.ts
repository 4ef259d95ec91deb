/**
 * Whether a draft has the shape the workbench's editor walks (lists where it expects lists, objects where it
 * expects objects), so that a draft with wrong values can still be shown beside its messages while one with a
 * wrong structure (a damaged autosave, `populations: "x"`) is refused with the path instead of breaking the page.
 */
import { problem, type PathSegment, type Problem } from './problems.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function editableShape(draft: unknown): Problem[] {
  const out: Problem[] = [];
  const list = (v: unknown, path: PathSegment[], each?: (item: Obj, path: PathSegment[]) => void, optional = false) => {
    if (v === undefined && optional) return;
    if (!Array.isArray(v)) return void out.push(problem(path, 'must be a list'));
    v.forEach((item, i) => (isObj(item) ? each?.(item, [...path, i]) : out.push(problem([...path, i], 'must be an object'))));
  };
  const obj = (v: unknown, path: PathSegment[], optional = false): v is Obj => {
    if (v === undefined && optional) return false;
    if (!isObj(v)) {
      out.push(problem(path, 'must be an object'));
      return false;
    }
    return true;
  };
  if (!obj(draft, [])) return out;
  obj(draft.title, ['title']);
  list(draft.populations, ['populations'], (p, path) => {
    obj(p.severity, [...path, 'severity']);
    obj(p.selfPay, [...path, 'selfPay']);
    obj(p.episodes, [...path, 'episodes']);
    list(p.groups, [...path, 'groups'], undefined, true);
  });
  list(draft.rulesets, ['rulesets'], (r, path) => {
    obj(r.title, [...path, 'title']);
    list(r.tracks, [...path, 'tracks'], (t, tp) => list(t.bands, [...tp, 'bands']));
    list(r.modifiers, [...path, 'modifiers'], undefined, true);
    if (obj(r.funding, [...path, 'funding'])) list(r.funding.channels, [...path, 'funding', 'channels']);
    if (obj(r.corridor, [...path, 'corridor'], true)) {
      list(r.corridor.tiers, [...path, 'corridor', 'tiers']);
      list(r.corridor.alternatives, [...path, 'corridor', 'alternatives'], (a, ap) => list(a.tiers, [...ap, 'tiers']), true);
    }
  });
  list(draft.targets, ['targets'], undefined, true);
  obj(draft.simulation, ['simulation']);
  return out;
}
