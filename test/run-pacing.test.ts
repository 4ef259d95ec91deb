/** When the page repaints a running Monte Carlo and when a run asks first (ui/run-pacing.ts; no DOM needed). */
import { describe, expect, it } from 'vitest';
import { BROWSER_ASK_SECONDS, COUNT_REFRESH_MS, FIRST_REFRESH, RefreshPacer, tooLongHere } from '../src/ui/run-pacing.ts';

describe('refresh pacing', () => {
  it('repaints at once, marks the first refresh at FIRST_REFRESH trials, then spaces repaints by 250 ms or 4× the paint', () => {
    const p = new RefreshPacer();
    expect(p.due(10, 1000, 0)).toBe('again'); // the first progress shows at once
    p.painted(0, 'again', 5);
    expect(p.due(20, 1000, 100)).toBeNull();
    expect(p.due(FIRST_REFRESH, 1000, 120)).toBe('first'); // the measured first refresh comes when its trials are in
    p.painted(120, 'first', 220); // a slow paint: 100 ms
    expect(p.due(400, 1000, 500)).toBeNull(); // 380 ms later: not yet 4 × 100 ms
    expect(p.due(400, 1000, 521)).toBe('again');
  });
  it('redraws the count alone at most every COUNT_REFRESH_MS', () => {
    const p = new RefreshPacer();
    expect(p.countDue(0)).toBe(true);
    expect(p.countDue(COUNT_REFRESH_MS - 1)).toBe(false);
    expect(p.countDue(COUNT_REFRESH_MS)).toBe(true);
    expect(p.countDue(COUNT_REFRESH_MS + 50)).toBe(false);
    expect(COUNT_REFRESH_MS).toBe(100);
  });
  it('a run smaller than FIRST_REFRESH has its first refresh when it is complete', () => {
    const p = new RefreshPacer();
    expect(p.due(50, 50, 0)).toBe('first');
  });
});

describe('long runs ask first', () => {
  it('judged after two seconds from the pace so far (the start of the workers alone can take a second)', () => {
    expect(tooLongHere(0.5, 1, 100000)).toBeNull();
    expect(tooLongHere(1.8, 10, 1000)).toBeNull(); // the first chunk after a slow start: not judged yet
    expect(tooLongHere(2.5, 10, 1000)).toBe(250);
    expect(tooLongHere(2.5, 100, 1000)).toBeNull(); // 25 s
    expect(tooLongHere(2.5, 1000, 1000)).toBeNull(); // done
    expect(BROWSER_ASK_SECONDS).toBe(120);
  });
});
