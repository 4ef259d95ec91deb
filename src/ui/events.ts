/** Events up from the editors to the app, which owns the scenario. */
export type Path = (string | number)[];

export interface ItemChange {
  path: Path;
  field: string;
  value: unknown;
}

export function emit<T>(el: HTMLElement, name: string, detail: T) {
  el.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
}

/** Validation messages for one field: problems whose path is exactly it (or its `.value`). */
export function errorAt(problems: { path: string; message: string }[], path: string): string {
  return problems
    .filter((p) => p.path === path || p.path === `${path}.value`)
    .map((p) => p.message)
    .join('; ');
}

export function pathString(path: Path): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');
}
