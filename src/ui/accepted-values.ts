/**
 * What the editors show beside a field while the validator rejects the value in it: the last value it accepted
 * there. A rejected value stays in the draft (its field keeps the text, its message says why), but the band
 * labels and derived amounts built from it follow accepted values only (track-editor.ts).
 */
export type Msg = { path: string; message: string };

/** Whether any problem is about `path` or something inside it (a deductible's `.value`, its indexed share). */
export function rejectedAt(problems: readonly Msg[], path: string): boolean {
  return problems.some((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
}

/** Values last accepted, by path; forgotten when a new file opens (`epoch` changes). */
export class AcceptedValues {
  private values = new Map<string, number | null>();
  private epoch = NaN;

  /** `value` at `path` when accepted (and remembered), else the last accepted there (undefined if none was). */
  shown(epoch: number, problems: readonly Msg[], path: string, value: number | null): number | null | undefined {
    if (epoch !== this.epoch) {
      this.values.clear();
      this.epoch = epoch;
    }
    if (!rejectedAt(problems, path)) {
      this.values.set(path, value);
      return value;
    }
    return this.values.get(path);
  }
}
