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
