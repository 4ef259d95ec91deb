/**
 * Autosave of the working state in local storage: written on every edit (and flushed when the page is hidden
 * or left, so an edit followed by a quick reload is not lost), offered back ("restore" or "discard") after a
 * reload or a crash. Each tab saves under a key of its own (its id lives in session storage, which survives a
 * reload of that tab), so two tabs do not overwrite each other; a new tab is offered the newest save of any tab.
 */
const PREFIX = 'jingsuan:autosave:v2:';
const TAB_KEY = 'jingsuan:tab';

export interface Autosave {
  savedAt: string;
  /** The draft as edited (possibly invalid). */
  draft: unknown;
  /** The file it was opened from, for the diff view. */
  original: unknown;
  label: string;
}

/** This tab's autosave key. */
export function autosaveKey(session: Storage | undefined): string {
  try {
    let id = session?.getItem(TAB_KEY);
    if (!id) {
      id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      session?.setItem(TAB_KEY, id);
    }
    return PREFIX + id;
  } catch {
    return `${PREFIX}default`;
  }
}

export function writeAutosave(storage: Storage | undefined, key: string, a: Autosave): boolean {
  try {
    storage?.setItem(key, JSON.stringify(a));
    return true;
  } catch {
    return false; // storage full or disabled: the page keeps working
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

/** This tab's save, or else the newest save of any tab (a tab that crashed or was closed). */
export function readAutosave(storage: Storage | undefined, key: string): (Autosave & { key: string }) | null {
  try {
    const own = parse(storage?.getItem(key));
    if (own) return { ...own, key };
    let best: (Autosave & { key: string }) | null = null;
    for (let i = 0; i < (storage?.length ?? 0); i++) {
      const k = storage!.key(i);
      if (!k?.startsWith(PREFIX)) continue;
      const a = parse(storage!.getItem(k));
      if (a && (!best || a.savedAt > best.savedAt)) best = { ...a, key: k };
    }
    return best;
  } catch {
    return null;
  }
}

export function clearAutosave(storage: Storage | undefined, key: string) {
  try {
    storage?.removeItem(key);
  } catch {
    /* nothing to clear */
  }
}

/** Writes the latest state a moment after the last edit (one write for a burst of edits), or at once on `flush`. */
export class AutosaveWriter {
  private pending: Autosave | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  constructor(
    private readonly storage: Storage | undefined,
    private readonly key: string,
    private readonly delayMs = 150,
  ) {}

  schedule(a: Autosave) {
    if (this.timer) clearTimeout(this.timer);
    this.pending = a;
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending) writeAutosave(this.storage, this.key, this.pending);
    this.pending = null;
  }
}

/**
 * This tab's unsaved work: kept a moment after each edit (and at once when the page is hidden or left), and work
 * an earlier page left behind, offered back until it is restored or discarded.
 */
export class UnsavedWork {
  readonly key = autosaveKey(globalThis.sessionStorage);
  private readonly writer = new AutosaveWriter(globalThis.localStorage, this.key);
  /** Work found from an earlier page (this tab's, or another's), until restored or discarded. */
  offer: (Autosave & { key?: string }) | null = null;

  find() {
    this.offer = readAutosave(globalThis.localStorage, this.key);
  }

  keep(draft: unknown, original: unknown) {
    this.writer.schedule({ savedAt: new Date().toISOString(), draft, original, label: (draft as { id?: string })?.id ?? '' });
  }

  readonly flush = () => this.writer.flush();

  /** Takes the offer; `drop`: it goes from the store (damaged), else it does only when it was another tab's (it continues under this tab's key). */
  take(drop = false): (Autosave & { key?: string }) | null {
    const a = this.offer;
    this.offer = null;
    if (a && (drop || (a.key && a.key !== this.key))) clearAutosave(globalThis.localStorage, a.key ?? this.key);
    return a;
  }

  discard() {
    clearAutosave(globalThis.localStorage, this.offer?.key ?? this.key);
    this.offer = null;
  }
}
