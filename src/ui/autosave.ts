/**
 * Autosave of the working state in local storage: written on every edit (and flushed when the page is hidden
 * or left, so an edit followed by a quick reload is not lost), offered back ("restore" or "discard") after a
 * reload or a crash. Each tab saves under a key of its own (its id lives in session storage, which survives a
 * reload of that tab), so two tabs do not overwrite each other; a new tab is offered the newest save of any tab.
 *
 * Two ways that promise broke (issue #30): a window opened from the workbench gets a copy of its session storage,
 * so the same tab id, and the two overwrote each other's save (the copy is detected and given an id of its own:
 * tabId); and a full local storage refused the write silently, so a reload offered the older save as if it were
 * the latest (the other tabs' oldest saves make room now, then this tab's session storage keeps the draft, and
 * when nothing can, the page says so and the older save is never offered as the latest: writeAutosave).
 */
const PREFIX = 'jingsuan:autosave:v2:';
const TAB_KEY = 'jingsuan:tab';
/** This tab's draft when local storage is full (session storage has a quota of its own; it survives a reload). */
const TAB_DRAFT = 'jingsuan:autosave:tab-draft';
/**
 * When this tab's latest edit could be kept nowhere: the page keeps saying so after a reload. In session storage,
 * and in local storage beside the tab's key (where its removed save made room) in case the session's is full too.
 */
const LOST = 'jingsuan:autosave:lost';
const lostKey = (key: string) => `jingsuan:autosave-lost:${key}`;

export interface Autosave {
  savedAt: string;
  /** The draft as edited (possibly invalid). */
  draft: unknown;
  /** The file it was opened from, for the diff view. */
  original: unknown;
  label: string;
  /** The file this state was last saved as (保存为文件), when no edit came after: it is not unsaved work. */
  savedTo?: string;
}

/** Where this tab's latest edit is kept: with the others (local storage), in this tab only (a reload restores it, closing loses it), or nowhere. */
export type SaveState = 'saved' | 'tabOnly' | 'lost';

const newTabId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * This tab's id: the one its session storage holds (a reload keeps it), unless that is a copy, the id of the
 * window that opened this one (window.open copies session storage; the two would save under one key). A copy
 * also drops the opener's tab-only draft and lost mark, which are not this window's.
 */
export function tabId(session: Storage | undefined, openerSession?: Storage, copy = false): string {
  try {
    let id = session?.getItem(TAB_KEY);
    if (copy || (id && openerSession?.getItem(TAB_KEY) === id)) {
      id = null;
      session?.removeItem(TAB_DRAFT);
      session?.removeItem(LOST);
    }
    if (!id) {
      id = newTabId();
      session?.setItem(TAB_KEY, id);
    }
    return id;
  } catch {
    return 'default';
  }
}

/** This tab's autosave key. */
export function autosaveKey(session: Storage | undefined, openerSession?: Storage): string {
  return PREFIX + tabId(session, openerSession);
}

/**
 * A tab id held by two pages at once: what tabId cannot see from the opener, a copy without one (the browser's
 * "duplicate tab", a window opened with noopener, an opener since closed or navigated). On a broadcast channel a
 * page asks, when it starts, whether another page holds its id; one that does answers, and the newcomer takes a
 * new id before its first save (saves wait 150 ms for a burst of edits to end; an answer takes a few).
 */
export class TabClaim {
  private readonly channel: BroadcastChannel | null;
  private readonly page = newTabId();
  constructor(
    private id: () => string,
    /** Called on the newcomer when its id is another page's. */
    onCopy: () => void,
    channelName = 'jingsuan:tabs',
  ) {
    try {
      this.channel = new BroadcastChannel(channelName);
    } catch {
      this.channel = null; // no channel (an old browser): tabId's check of the opener stands alone
      return;
    }
    this.channel.onmessage = (e: MessageEvent<{ ask?: string; held?: string; from?: string; to?: string }>) => {
      const m = e.data ?? {};
      if (m.ask === this.id() && m.from !== this.page) this.channel!.postMessage({ held: m.ask, to: m.from });
      else if (m.held === this.id() && m.to === this.page) onCopy();
    };
    // Under Node (tests) an open channel would keep the process alive.
    (this.channel as { unref?: () => void }).unref?.();
    this.channel.postMessage({ ask: this.id(), from: this.page });
  }

  close() {
    this.channel?.close();
  }
}

/** A new id for this tab, kept in its session storage (the copy's draft and marks are not this tab's). */
export function renewTabId(session: Storage | undefined): string {
  try {
    session?.removeItem(TAB_KEY);
  } catch {
    /* tabId makes one anyway */
  }
  return tabId(session, undefined, true);
}

/** The session storage of the window that opened this one, when it is the workbench's (same origin). */
export function openerSession(): Storage | undefined {
  try {
    const opener = (globalThis as { opener?: Window | null }).opener;
    return opener && opener !== (globalThis as unknown) ? opener.sessionStorage : undefined;
  } catch {
    return undefined; // another origin's window
  }
}

function parse(text: string | null | undefined): Autosave | null {
  if (!text) return null;
  try {
    const a = JSON.parse(text) as Autosave;
    return a && typeof a === 'object' && typeof a.savedAt === 'string' && 'draft' in a ? a : null;
  } catch {
    return null;
  }
}

const trySet = (storage: Storage | undefined, key: string, text: string) => {
  try {
    storage?.setItem(key, text);
    return !!storage;
  } catch {
    return false; // QuotaExceededError, or storage disabled
  }
};
const tryRemove = (storage: Storage | undefined, key: string) => {
  try {
    storage?.removeItem(key);
  } catch {
    /* nothing to remove */
  }
};

/** Every tab's save in the store, the oldest first. */
export function savedDrafts(storage: Storage | undefined): { key: string; savedAt: string; text: string }[] {
  const out: { key: string; savedAt: string; text: string }[] = [];
  try {
    for (let i = 0; i < (storage?.length ?? 0); i++) {
      const k = storage!.key(i);
      if (!k?.startsWith(PREFIX)) continue;
      const text = storage!.getItem(k) ?? '';
      out.push({ key: k, savedAt: parse(text)?.savedAt ?? '', text });
    }
  } catch {
    /* a store that cannot be listed has nothing to evict */
  }
  return out.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
}

/**
 * Saves this tab's state under its key. When local storage is full, the other tabs' saves make room, the oldest
 * first (this tab's is the work being done now; a tab still open writes its own again at its next edit); if even
 * then it does not fit, they are put back and this tab's older save goes (it must not come back after a reload
 * as if it were the latest): the draft is kept in this tab's session storage, or, if that is full too, the
 * edit is marked lost. `evicted`: the keys of the saves that made room.
 */
export function writeAutosave(
  storage: Storage | undefined,
  key: string,
  a: Autosave,
  session?: Storage,
): { state: SaveState; evicted: string[] } {
  const text = JSON.stringify(a);
  const saved = () => {
    tryRemove(session, TAB_DRAFT);
    tryRemove(session, LOST);
    tryRemove(storage, lostKey(key));
  };
  if (trySet(storage, key, text)) {
    saved();
    return { state: 'saved', evicted: [] };
  }
  const removed: { key: string; text: string }[] = [];
  for (const d of savedDrafts(storage)) {
    if (d.key === key) continue;
    tryRemove(storage, d.key);
    removed.push(d);
    if (trySet(storage, key, text)) {
      saved();
      return { state: 'saved', evicted: removed.map((d) => d.key) };
    }
  }
  for (const d of removed) trySet(storage, d.key, d.text);
  tryRemove(storage, key);
  if (trySet(session, TAB_DRAFT, text)) {
    tryRemove(session, LOST);
    tryRemove(storage, lostKey(key));
    return { state: 'tabOnly', evicted: [] };
  }
  tryRemove(session, TAB_DRAFT);
  trySet(session, LOST, a.savedAt);
  trySet(storage, lostKey(key), a.savedAt);
  return { state: 'lost', evicted: [] };
}

/**
 * This tab's save (in local storage, or the newer one kept in its session storage when local storage was
 * full), or else the newest save of any tab (a tab that crashed or was closed).
 */
export function readAutosave(storage: Storage | undefined, key: string, session?: Storage): (Autosave & { key: string }) | null {
  try {
    const own = parse(storage?.getItem(key));
    const tabOnly = parse(session?.getItem(TAB_DRAFT));
    if (tabOnly && (!own || tabOnly.savedAt >= own.savedAt)) return { ...tabOnly, key };
    if (own) return { ...own, key };
    let best: (Autosave & { key: string }) | null = null;
    for (const d of savedDrafts(storage)) {
      const a = parse(d.text);
      if (a && (!best || a.savedAt > best.savedAt)) best = { ...a, key: d.key };
    }
    return best;
  } catch {
    return null;
  }
}

/** When this tab's latest edit could not be kept (a reload still says so), or null. */
export function lostSince(session: Storage | undefined, storage?: Storage, key = ''): string | null {
  try {
    return session?.getItem(LOST) ?? storage?.getItem(lostKey(key)) ?? null;
  } catch {
    return null;
  }
}

export function clearAutosave(storage: Storage | undefined, key: string, session?: Storage) {
  tryRemove(storage, key);
  tryRemove(session, TAB_DRAFT);
}

/** Writes the latest state a moment after the last edit (one write for a burst of edits), or at once on `flush`. */
export class AutosaveWriter {
  private pending: Autosave | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  constructor(
    private readonly storage: Storage | undefined,
    public key: string,
    private readonly delayMs = 150,
    private readonly session?: Storage,
    private readonly onWrite: (state: SaveState, a: Autosave) => void = () => undefined,
  ) {}

  schedule(a: Autosave) {
    if (this.timer) clearTimeout(this.timer);
    this.pending = a;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const a = this.pending;
    this.pending = null;
    if (a) this.onWrite(writeAutosave(this.storage, this.key, a, this.session).state, a);
  }
}

const local = () => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled: the page works without autosave
  }
};
const sessionStore = () => {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
};

/**
 * This tab's unsaved work: kept a moment after each edit (and at once when the page is hidden or left), and work
 * an earlier page left behind, offered back until it is restored or discarded. `state` says where the latest
 * edit is kept (the page shows a notice unless it is 'saved'); `onState` is told when that changes.
 */
export class UnsavedWork {
  private readonly session = sessionStore();
  private ownKey = autosaveKey(this.session, openerSession());
  /** This tab's key: another when the page finds its id is another page's (TabClaim). */
  get key() {
    return this.ownKey;
  }
  /** When the latest edit that could not be kept was made (after a reload too, until an edit is saved again). */
  lostAt: string | null = lostSince(this.session, local(), this.key);
  /** Where the latest edit is kept. */
  state: SaveState = this.lostAt ? 'lost' : 'saved';
  onState: () => void = () => undefined;
  private readonly writer = new AutosaveWriter(local(), this.key, 150, this.session, (state, a) => {
    const changed = state !== this.state;
    this.state = state;
    this.lostAt = state === 'lost' ? a.savedAt : null;
    if (changed) this.onState();
  });
  /** Work found from an earlier page (this tab's, or another's), until restored or discarded. */
  offer: (Autosave & { key?: string }) | null = null;
  private readonly claim = new TabClaim(
    () => this.ownKey.slice(PREFIX.length),
    () => {
      this.ownKey = PREFIX + renewTabId(this.session);
      this.writer.key = this.ownKey;
      // A lost mark read from the copy was the other page's (the answer comes before this page's first save).
      if (this.state !== 'lost') return;
      this.lostAt = null;
      this.state = 'saved';
      this.onState();
    },
  );

  /** Stops answering other pages (the page is gone). */
  close() {
    this.claim.close();
  }

  find() {
    this.offer = readAutosave(local(), this.key, this.session);
  }

  keep(draft: unknown, original: unknown) {
    this.writer.schedule({ savedAt: new Date().toISOString(), draft, original, label: (draft as { id?: string })?.id ?? '' });
  }

  readonly flush = () => this.writer.flush();

  /** The state on screen was saved as a file: kept at once, marked so (a reload offers it as saved, not unsaved). */
  keepSaved(draft: unknown, original: unknown, file: string) {
    this.writer.schedule({
      savedAt: new Date().toISOString(),
      draft,
      original,
      label: (draft as { id?: string })?.id ?? '',
      savedTo: file,
    });
    this.writer.flush();
  }

  /** Takes the offer; `drop`: it goes from the store (damaged), else it does only when it was another tab's (it continues under this tab's key). */
  take(drop = false): (Autosave & { key?: string }) | null {
    const a = this.offer;
    this.offer = null;
    if (a && (drop || (a.key && a.key !== this.key))) clearAutosave(local(), a.key ?? this.key, drop ? this.session : undefined);
    return a;
  }

  discard() {
    const key = this.offer?.key ?? this.key;
    clearAutosave(local(), key, key === this.key ? this.session : undefined);
    this.offer = null;
  }
}
