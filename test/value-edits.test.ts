// A parameter's value as the editors edit it (review of the workbench, items on rejected values, undo and drags):
// a rejected value is no undo step, a value set to what it already is records nothing and marks nothing, a drag
// let go where it started leaves the scenario as it was. The decisions are pure (edit-events.ts, history.ts);
// here they run in the workbench's own state on the shipped Jiangyin and Jilin files with the real validator.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getAt, isEdited, type Path } from '../src/scenario/edit.ts';
import { WorkerPool } from '../src/engine/run.ts';
import { EDITS, applyParamChange, type EditDetail } from '../src/ui/edit-events.ts';
import { performanceClock } from '../src/ui/page-run.ts';
import { Workbench } from '../src/ui/workbench-state.ts';

const file = (name: string) => JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')) as unknown;

/**
 * The workbench itself (workbench-state.ts) on engine and exact workers that never answer: its edit, undo and
 * redo are what the page runs; its Monte Carlo and exact runs start and wait, unseen.
 */
const silent = { post() {}, onMessage() {}, onFailure() {}, terminate() {} };
class Target extends Workbench {
  constructor(data: unknown) {
    super({ pool: new WorkerPool(() => silent, 1), exactWorker: () => silent, clock: performanceClock, frame: () => {} });
    this.load(data);
  }
}

const DED: Path = ['rulesets', 0, 'tracks', 0, 'deductible'];
const value = (t: Target, p: Path = DED) => (getAt(t.draft, p) as { value: number }).value;
const set = (t: Target, v: number, live = false, path: Path = DED) => applyParamChange(t, { path, value: v, live });

describe('a parameter value edited in the workbench', () => {
  it('Jiangyin: 20000, then −5 (rejected), then 20000 again is one undo step back to 18000', () => {
    const t = new Target(file('jiangyin-2020'));
    const opened = t.draft;
    expect(value(t)).toBe(18_000);
    set(t, 20_000);
    set(t, -5);
    expect(t.problems.length).toBeGreaterThan(0);
    expect(value(t)).toBe(-5);
    set(t, 20_000);
    expect(t.problems).toEqual([]);
    expect(value(t)).toBe(20_000);
    t.undo();
    expect(t.draft).toBe(opened);
    expect(t.history.canUndo).toBe(false);
    t.redo();
    expect(value(t)).toBe(20_000);
    expect(t.history.canRedo).toBe(false);
  });

  it('undo with a rejected value showing puts back the applied value and its page, and nothing more', () => {
    const t = new Target(file('jiangyin-2020'));
    set(t, 20_000);
    const applied = t.draft;
    set(t, -5);
    expect(t.history.canUndo).toBe(true);
    t.undo();
    expect(t.draft).toBe(applied);
    expect(t.problems).toEqual([]);
    // The applied edit is still there to undo, and the rejected value is nothing to redo.
    expect(t.history.canRedo).toBe(false);
    t.undo();
    expect(value(t)).toBe(18_000);
    t.redo();
    expect(t.draft).toBe(applied);
  });

  it('a value set to the one it has changes nothing: no step, no 已修改 mark', () => {
    const t = new Target(file('jiangyin-2020'));
    const opened = t.draft;
    set(t, 18_000);
    expect(t.draft).toBe(opened);
    expect(t.history.canUndo).toBe(false);
    expect(isEdited(getAt(t.draft, DED))).toBe(false);
  });

  it('a drag is one step; a drag let go where it started is none and leaves no mark (Jilin’s indexed share)', () => {
    const t = new Target(file('jilin-2017'));
    const opened = t.draft;
    const share: Path = [...DED, 'indexedTo', 'share'];
    for (const v of [0.6, 0.8, 1.2, 1]) set(t, v, true, share);
    expect(isEdited(getAt(t.draft, share))).toBe(true);
    set(t, 1, false, share);
    expect(t.draft).toBe(opened);
    expect(t.history.canUndo).toBe(false);
    expect(isEdited(getAt(t.draft, share))).toBe(false);

    for (const v of [0.6, 0.8]) set(t, v, true, share);
    set(t, 0.8, false, share);
    expect(value(t, share)).toBe(0.8);
    t.undo();
    expect(t.draft).toBe(opened);
  });

  it('a band field set to the value it has is no edit (item-change)', () => {
    const s = file('jiangyin-2020');
    const band: Path = ['rulesets', 0, 'tracks', 0, 'bands', 0];
    const to = (getAt(s, [...band, 'to']) as number) ?? 0;
    expect(EDITS['item-change'](s, { path: band, field: 'to', value: to } as EditDetail)).toBe(s);
    expect(EDITS['item-change'](s, { path: band, field: 'to', value: to + 1 } as EditDetail)).not.toBe(s);
  });
});
