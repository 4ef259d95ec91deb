// Autosave between tabs (issue #30), the pure parts with storage of a stated size: a full local storage makes room
// by the other tabs' oldest saves, then keeps the draft in the tab, and otherwise says the edit is lost and never
// offers the older save as the latest; a window opened from the workbench (a copy of its session storage) gets
// a tab id of its own.
import { describe, expect, it } from 'vitest';
import { autosaveKey, lostSince, readAutosave, tabId, writeAutosave, type Autosave } from '../src/ui/autosave.ts';

/** Web storage with a quota in characters (keys and values), throwing as browsers do when it is exceeded. */
class SizedStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  private used() {
    let n = 0;
    for (const [k, v] of this.items) n += k.length + v.length;
    return n;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const old = this.items.has(k) ? k.length + this.items.get(k)!.length : 0;
    if (this.used() - old + k.length + v.length > this.quota) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  clear() {
    this.items.clear();
  }
}

const PREFIX = 'jingsuan:autosave:v2:';
const save = (savedAt: string, label: string, size = 0): Autosave => ({
  savedAt,
  draft: { id: label, pad: 'x'.repeat(size) },
  original: null,
  label,
});

describe('autosave when local storage is full', () => {
  it("an old tab's large save makes room, the oldest first; the new edit is what a reload offers", () => {
    const local = new SizedStorage(10_000);
    local.setItem(`${PREFIX}older`, JSON.stringify(save('2026-01-01T00:00:00Z', 'older', 4000)));
    local.setItem(`${PREFIX}old`, JSON.stringify(save('2026-02-01T00:00:00Z', 'old', 4000)));
    const key = `${PREFIX}mine`;
    const r = writeAutosave(local, key, save('2026-03-01T00:00:00Z', 'mine', 3000), new SizedStorage());
    // 3,000 more characters fit once one 4,000-character save goes: only the oldest.
    expect(r).toEqual({ state: 'saved', evicted: [`${PREFIX}older`] });
    expect(readAutosave(local, key)?.label).toBe('mine');
    expect(local.getItem(`${PREFIX}old`)).not.toBeNull();
  });

  it('storage full of something else: the other saves stay, the draft is kept in the tab, a reload offers it and not the older save', () => {
    const local = new SizedStorage(10_000);
    const session = new SizedStorage(10_000);
    const key = `${PREFIX}mine`;
    expect(writeAutosave(local, key, save('2026-03-01T00:00:00Z', 'first edit', 100), session).state).toBe('saved');
    local.setItem(`${PREFIX}other`, JSON.stringify(save('2026-02-01T00:00:00Z', 'other', 100)));
    local.setItem('filler', 'x'.repeat(10_000 - local.getItem(key)!.length - key.length - local.getItem(`${PREFIX}other`)!.length - 200));
    const r = writeAutosave(local, key, save('2026-03-02T00:00:00Z', 'second edit', 3000), session);
    expect(r).toEqual({ state: 'tabOnly', evicted: [] });
    expect(local.getItem(`${PREFIX}other`)).not.toBeNull(); // put back: evicting it did not make room
    expect(local.getItem(key)).toBeNull(); // the first edit's save is gone: it is not the latest
    expect(readAutosave(local, key, session)?.label).toBe('second edit');
    // Room again: the save returns to local storage and the tab's copy goes.
    local.removeItem('filler');
    expect(writeAutosave(local, key, save('2026-03-03T00:00:00Z', 'third edit', 3000), session).state).toBe('saved');
    expect(session.length).toBe(0);
    expect(readAutosave(local, key, session)?.label).toBe('third edit');
  });

  it('nowhere to keep it: the edit is marked lost, and the older save of this tab is never offered after a reload', () => {
    const local = new SizedStorage(5000);
    const session = new SizedStorage(1000);
    const key = `${PREFIX}mine`;
    writeAutosave(local, key, save('2026-03-01T00:00:00Z', 'first edit', 100), session);
    local.setItem('filler', 'x'.repeat(4000));
    const r = writeAutosave(local, key, save('2026-03-02T10:00:00Z', 'second edit', 3000), session);
    expect(r.state).toBe('lost');
    expect(lostSince(session)).toBe('2026-03-02T10:00:00Z');
    // Also beside the tab's key in local storage (where its removed save made room): the session's may be full too.
    expect(lostSince(undefined, local, key)).toBe('2026-03-02T10:00:00Z');
    expect(readAutosave(local, key, session)).toBeNull();
    // The next edit that fits clears the mark.
    expect(writeAutosave(local, key, save('2026-03-02T11:00:00Z', 'small edit', 10), session).state).toBe('saved');
    expect(lostSince(session, local, key)).toBeNull();
  });
});

describe('tab ids', () => {
  it('a window opened from the workbench (a copy of its session storage) gets an id of its own, and keeps it across its reloads', () => {
    const opener = new SizedStorage();
    const openerKey = autosaveKey(opener);
    expect(autosaveKey(opener)).toBe(openerKey); // a reload of the same tab: the same key
    // window.open copies session storage, its tab-only draft included.
    const copy = new SizedStorage();
    copy.setItem('jingsuan:tab', opener.getItem('jingsuan:tab')!);
    copy.setItem('jingsuan:autosave:tab-draft', JSON.stringify(save('2026-03-01T00:00:00Z', "the opener's", 0)));
    const id = tabId(copy, opener);
    expect(PREFIX + id).not.toBe(openerKey);
    expect(copy.getItem('jingsuan:autosave:tab-draft')).toBeNull();
    expect(tabId(copy, opener)).toBe(id); // the opened window reloaded: its own id, the opener still there
    expect(autosaveKey(opener)).toBe(openerKey);
  });
});

describe('a tab id held by two pages (TabClaim, over a real BroadcastChannel)', () => {
  it('a copy without an opener (duplicate tab) learns its id is taken and renews it; the page that held it keeps it', async () => {
    const { TabClaim, renewTabId } = await import('../src/ui/autosave.ts');
    const first = new SizedStorage();
    const id = tabId(first);
    const copy = new SizedStorage();
    copy.setItem('jingsuan:tab', id);
    copy.setItem('jingsuan:autosave:lost', '2026-03-01T00:00:00Z');
    const firstId = id;
    let copyId = tabId(copy); // no opener to compare with: the same id
    expect(copyId).toBe(id);
    const copied: string[] = [];
    const a = new TabClaim(
      () => firstId,
      () => copied.push('first'),
      'test-tabs',
    );
    const renewed = new Promise<void>((resolve) => {
      const b = new TabClaim(
        () => copyId,
        () => {
          copied.push('copy');
          copyId = renewTabId(copy);
          b.close();
          resolve();
        },
        'test-tabs',
      );
    });
    await renewed;
    a.close();
    expect(copied).toEqual(['copy']);
    expect(copyId).not.toBe(id);
    expect(copy.getItem('jingsuan:tab')).toBe(copyId);
    expect(copy.getItem('jingsuan:autosave:lost')).toBeNull();
    expect(firstId).toBe(id);
  });
  it('pages with ids of their own are left alone', async () => {
    const { TabClaim } = await import('../src/ui/autosave.ts');
    const copied: string[] = [];
    const a = new TabClaim(
      () => 'one',
      () => copied.push('one'),
      'test-tabs-2',
    );
    const b = new TabClaim(
      () => 'two',
      () => copied.push('two'),
      'test-tabs-2',
    );
    // A third page with the first's id hears back; by then the other two have answered whatever they were asked.
    await new Promise<void>((resolve) => {
      const c = new TabClaim(
        () => 'one',
        () => {
          c.close();
          resolve();
        },
        'test-tabs-2',
      );
    });
    a.close();
    b.close();
    expect(copied).toEqual([]);
  });
});
