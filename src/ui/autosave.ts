/**
 * Autosave of the working state in local storage: written on every edit, offered back ("restore" or "discard")
 * after a reload or a crash, so nothing a planner typed is lost.
 */
export const AUTOSAVE_KEY = 'jingsuan:autosave:v1';

export interface Autosave {
  savedAt: string;
  /** The draft as edited (possibly invalid). */
  draft: unknown;
  /** The file it was opened from, for the diff view. */
  original: unknown;
  label: string;
}

export function writeAutosave(storage: Storage | undefined, a: Autosave): boolean {
  try {
    storage?.setItem(AUTOSAVE_KEY, JSON.stringify(a));
    return true;
  } catch {
    return false; // storage full or disabled: the page keeps working
  }
}

export function readAutosave(storage: Storage | undefined): Autosave | null {
  try {
    const text = storage?.getItem(AUTOSAVE_KEY);
    if (!text) return null;
    const a = JSON.parse(text) as Autosave;
    return a && typeof a.savedAt === 'string' && 'draft' in a ? a : null;
  } catch {
    return null;
  }
}

export function clearAutosave(storage: Storage | undefined) {
  try {
    storage?.removeItem(AUTOSAVE_KEY);
  } catch {
    /* nothing to clear */
  }
}
