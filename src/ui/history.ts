/**
 * Undo and redo of edits: a bounded stack of scenario drafts (immutable values, so sharing is safe).
 *
 * A value being edited is not a step until it settles: a drag's steps, and values the validator rejects, are
 * held (`hold`) with the state before the first of them; the step is recorded when a value is applied (`settle`),
 * and none at all when the edit comes back to the value it started from (`release`). A rejected value is never a
 * step of its own: it was never applied, so undo and redo have nothing of it to bring back.
 */
export class EditHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  /** The state before a value edit still in progress, and the field it is about (null once several are). */
  private open: { before: T; key: string | null } | null = null;
  constructor(private readonly limit = 200) {}

  /** Records the state before an edit (before the held value edit, if one is in progress: that never applied). */
  push(before: T) {
    const from = this.open ? this.open.before : before;
    this.open = null;
    this.record(from);
  }

  private record(before: T) {
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
  }

  /** A value edit of `key` that is not a step yet (a drag's step, a rejected value): keeps the state before the first. */
  hold(before: T, key: string) {
    if (!this.open) this.open = { before, key };
    else if (this.open.key !== key) this.open.key = null;
  }

  /** The state before the value edit of `key` in progress, if one is (and only of that field). */
  heldFor(key: string): { before: T } | null {
    return this.open && this.open.key === key ? { before: this.open.before } : null;
  }

  /** The value edit in progress applied: one step, from the state before it. */
  settle() {
    if (!this.open) return;
    const { before } = this.open;
    this.open = null;
    this.record(before);
  }

  /** The value edit in progress came back to where it started: no step; returns the state to show again. */
  release(): T | undefined {
    const o = this.open;
    this.open = null;
    return o?.before;
  }

  /**
   * With a value edit in progress (a rejected value showing), undo discards it and returns the state before it:
   * the last thing done is taken back, not the last thing done as well as the one before. Otherwise the last step.
   */
  undo(current: T): T | undefined {
    if (this.open) return this.release();
    const prev = this.past.pop();
    if (prev !== undefined) this.future.push(current);
    return prev;
  }

  /** Redo over a rejected value: what is redone goes on from the state before it (the rejected value is dropped). */
  redo(current: T): T | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push(this.open ? this.open.before : current);
    this.open = null;
    return next;
  }

  clear() {
    this.past = [];
    this.future = [];
    this.open = null;
  }

  get canUndo() {
    return this.past.length > 0 || this.open !== null;
  }
  get canRedo() {
    return this.future.length > 0;
  }
}
