/**
 * The scenario files shipped with the workbench, the page's address that names one (`?scenario=`), and the
 * data of a new scenario made from the template or from a shipped region.
 */
import { fundedTemplate } from '../analysis/template.ts';
import { copyOfScenario } from '../scenario/new-scenario.ts';
import type { Scenario } from '../scenario/schema.ts';

const SHIPPED = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;
/** The shipped scenario files by id (file name without .json). */
export const scenarioFiles: Record<string, unknown> = Object.fromEntries(
  Object.entries(SHIPPED).map(([k, v]) => [
    k
      .split('/')
      .pop()!
      .replace(/\.json$/, ''),
    v,
  ]),
);
export const DEFAULT_SCENARIO = 'compare-regions';

/** The shipped scenario the address names (`?scenario=`), if it is one. */
export function addressedScenario(): string | null {
  const id = new URLSearchParams(globalThis.location?.search ?? '').get('scenario');
  return id && scenarioFiles[id] ? id : null;
}

/**
 * Points the address at a shipped scenario (or at none, for a file opened otherwise), dropping a share link's
 * hash: `push` adds a history entry (a pick: back returns), `replace` does not (page load, a new file).
 */
export function setAddress(id: string | null, how: 'push' | 'replace') {
  if (!globalThis.location) return;
  const u = new URL(globalThis.location.href);
  u.hash = '';
  if (id) u.searchParams.set('scenario', id);
  else u.searchParams.delete('scenario');
  if (how === 'push') globalThis.history.pushState(null, '', u.toString());
  else globalThis.history.replaceState(null, '', u.toString());
}

/** A new file: the template (its cost distribution from Jiangyin's calibrated file) or a copy of a shipped region. */
export function newScenarioData(from: 'template' | string, name: string): unknown {
  const source = from === 'template' ? null : scenarioFiles[from];
  return source
    ? copyOfScenario(source as Scenario, name)
    : fundedTemplate(name, scenarioFiles['jiangyin-2020'] as { populations: Record<string, unknown>[] });
}
