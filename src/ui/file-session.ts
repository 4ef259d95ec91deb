/**
 * Files in and out of the workbench: the shipped scenarios, a file picked or dropped, a share link; the autosave
 * of the working state (and its offer back after a reload); saving the draft and making a share link. Every
 * file is untrusted: validated (and migrated) before anything on screen changes, its problems listed otherwise.
 */
import { fundedTemplate } from '../analysis/template.ts';
import { copyOfScenario } from '../scenario/new-scenario.ts';
import { checkEvaluable } from '../engine/validate-model.ts';
import { t, type Lang } from '../report/strings.ts';
import { diffScenarios } from '../scenario/diff.ts';
import type { FundScenario } from '../scenario/fund-schema.ts';
import type { Problem } from '../scenario/problems.ts';
import type { Scenario } from '../scenario/schema.ts';
import { editableShape } from '../scenario/shape.ts';
import { parseJsonText } from '../scenario/untrusted.ts';
import { validateData, validateText } from '../scenario/validate.ts';
import { autosaveKey, clearAutosave, readAutosave, writeAutosave, type Autosave } from './autosave.ts';
import { download } from './download.ts';
import { readFileText } from './read-file.ts';
import { decodeShare, encodeShare, readSharedEdits, shareCodeFromHash, sharedEdits } from './share.ts';
import type { Workbench } from './workbench-state.ts';

const SHIPPED = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;
/** The shipped scenario files by id (file name without .json). */
export const scenarioFiles: Record<string, unknown> = Object.fromEntries(
  Object.entries(SHIPPED).map(([k, v]) => [
    k
      .split('/')
      .pop()!
      .replace(/\.json$/, ''),
    v,
  ]),
);
export const DEFAULT_SCENARIO = 'compare-regions';

export interface OpenProblems {
  file: string;
  problems: Problem[];
  /** The file's data when it parsed: the problems then name its fields by its own titles. */
  data?: unknown;
}

export class FileSession extends EventTarget {
  /** The shipped scenario on screen, or '' for a file opened otherwise. */
  scenarioId = DEFAULT_SCENARIO;
  /** A fund-level file on screen instead of the insurance scenario (read-only). */
  fund: FundScenario | null = null;
  openProblems: OpenProblems | null = null;
  /** The name of the file last opened (and any migration notes). */
  notice = '';
  restorable: (Autosave & { key?: string }) | null = null;
  shareUrl = '';
  lang: Lang = 'zh';
  /** A shipped scenario the analyst picked while the draft has edits: asked first (editor-panel.ts). */
  pendingSwitch: string | null = null;

  private readonly key = autosaveKey(globalThis.sessionStorage);
  private pendingSave: Autosave | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly wb: Workbench) {
    super();
    wb.addEventListener('edit', () => this.scheduleAutosave());
  }

  private changed() {
    this.dispatchEvent(new Event('change'));
  }

  /** At page load: the scenario named in the URL (or the default), any unsaved work, a share link. */
  start() {
    const wanted = new URLSearchParams(globalThis.location?.search ?? '').get('scenario');
    this.loadShipped(wanted && scenarioFiles[wanted] ? wanted : DEFAULT_SCENARIO, 'replace');
    globalThis.addEventListener?.('popstate', this.onPopState);
    const saved = readAutosave(globalThis.localStorage, this.key);
    if (saved) this.restorable = saved;
    globalThis.addEventListener?.('pagehide', this.flushAutosave);
    globalThis.document?.addEventListener('visibilitychange', this.flushAutosave);
    const code = shareCodeFromHash(globalThis.location?.hash ?? '');
    if (code) void this.openShared(code);
    this.changed();
  }

  /** Back and forward move between the scenarios picked, asking first when there are edits. */
  private readonly onPopState = () => {
    const id = new URLSearchParams(globalThis.location?.search ?? '').get('scenario');
    if (id && scenarioFiles[id] && id !== this.scenarioId) this.pick(id, 'none');
  };

  /** The analyst picked a shipped scenario: switched at once, or asked first when the draft has edits. */
  pick(id: string, url: 'push' | 'none' = 'push') {
    if (this.changeList().length) {
      this.pendingSwitch = id;
      this.pendingUrl = url;
      this.changed();
    } else this.loadShipped(id, url);
  }
  private pendingUrl: 'push' | 'none' = 'push';

  /** The answer to the question: switch (dropping the edits; the autosave still holds them) or stay. */
  answerSwitch(go: boolean) {
    const id = this.pendingSwitch;
    this.pendingSwitch = null;
    if (go && id) this.loadShipped(id, this.pendingUrl);
    else {
      // Staying: the address goes back to the scenario on screen (back/forward may have moved it).
      if (this.scenarioId) globalThis.history?.replaceState(null, '', this.urlFor(this.scenarioId));
      this.changed();
    }
  }

  private urlFor(id: string | null): string {
    const u = new URL(globalThis.location.href);
    u.hash = '';
    if (id) u.searchParams.set('scenario', id);
    else u.searchParams.delete('scenario');
    return u.toString();
  }

  stop() {
    globalThis.removeEventListener?.('popstate', this.onPopState);
    globalThis.removeEventListener?.('pagehide', this.flushAutosave);
    globalThis.document?.removeEventListener('visibilitychange', this.flushAutosave);
  }

  /** Opens a shipped scenario; `url`: add it to the history (a pick), replace the address (page load) or leave it (back/forward). */
  loadShipped(id: string, url: 'push' | 'replace' | 'none' = 'none') {
    if (url === 'push' && globalThis.location) globalThis.history.pushState(null, '', this.urlFor(id));
    else if (url === 'replace' && globalThis.location && !globalThis.location.hash)
      globalThis.history.replaceState(null, '', this.urlFor(id));
    this.pendingSwitch = null;
    this.scenarioId = id;
    this.notice = '';
    const data = structuredClone(scenarioFiles[id]);
    if ((data as { kind?: string }).kind !== undefined) {
      const v = validateData(data);
      if (v.ok && v.fund) this.showFund(v.fund);
    } else {
      this.fund = null;
      this.wb.load(data);
    }
    this.changed();
  }

  /** A fund-level file replaces the insurance scenario on screen (read-only); any run in progress stops. */
  private showFund(fund: FundScenario) {
    this.wb.cancelRun();
    this.fund = fund;
  }

  private refuse(file: string, message: string) {
    this.openProblems = { file, problems: [{ path: '(root)', message }] };
    this.changed();
  }

  /** Opens a file's text: validated (and migrated) first; a file with problems opens nothing. */
  openText(name: string, text: string): boolean {
    const v = checkEvaluable(validateText(text));
    if (v.ok && v.fund) {
      this.openProblems = null;
      this.scenarioId = '';
      this.showFund(v.fund);
      this.notice = name;
      this.changed();
      return true;
    }
    if (!v.ok || !v.scenario) {
      this.openProblems = { file: name, problems: v.problems, data: parseJsonText(text).data };
      this.changed();
      return false;
    }
    this.openProblems = null;
    this.fund = null;
    this.scenarioId = '';
    // Unmigrated, the text's data is what was just validated: no second validation and compile.
    if (v.notes.length) this.wb.load(JSON.parse(JSON.stringify(v.scenario)));
    else this.wb.load(parseJsonText(text).data, v);
    this.notice = `${name}${v.notes.length ? ` (${v.notes.join('; ')})` : ''}`;
    // Opened work is kept at once, not only after its first edit.
    this.scheduleAutosave();
    this.changed();
    return true;
  }

  async openFile(file: File) {
    const r = await readFileText(file);
    if ('error' in r) this.refuse(file.name, r.error);
    else this.openText(file.name, r.text);
  }

  /** A picked file (file-bar.ts): its text, or why it was not read. */
  openPicked(d: { name: string; text?: string; error?: string }) {
    if (d.error !== undefined || d.text === undefined) this.refuse(d.name, d.error ?? 'not read');
    else this.openText(d.name, d.text);
  }

  async openShared(code: string) {
    const name = t('shareLink', this.lang);
    try {
      const text = await decodeShare(code);
      const shared = readSharedEdits(text, scenarioFiles);
      if (!shared) return void this.openText(name, text); // a link that carries the whole file
      if ('error' in shared) return this.refuse(name, shared.error);
      // The base as the file opened and the edits on top: the recipient's 修改对照 lists what the sender's did.
      const base = checkEvaluable(validateData(shared.original));
      const draft = checkEvaluable(validateData(shared.draft));
      if (!base.ok || !draft.ok) {
        this.openProblems = base.ok
          ? { file: name, problems: draft.problems, data: shared.draft }
          : { file: name, problems: base.problems, data: shared.original };
        return this.changed();
      }
      this.openProblems = null;
      this.fund = null;
      this.scenarioId = shared.base ?? '';
      this.wb.load(shared.original, base);
      if (shared.patch.length) this.wb.edit(shared.draft);
      this.notice = name;
      this.scheduleAutosave();
      this.changed();
    } catch (err) {
      this.refuse(name, (err as Error).message);
    }
  }

  /** A new file: the template (its cost distribution from Jiangyin's calibrated file) or a copy of a shipped region. */
  newScenario(from: 'template' | string, name: string) {
    const source = from === 'template' ? null : scenarioFiles[from];
    const data = source
      ? copyOfScenario(source as Scenario, name)
      : fundedTemplate(name, scenarioFiles['jiangyin-2020'] as { populations: Record<string, unknown>[] });
    const v = checkEvaluable(validateData(data));
    if (!v.ok) return this.refuse(name, v.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.openProblems = null;
    this.fund = null;
    this.scenarioId = '';
    globalThis.history?.replaceState(null, '', this.urlFor(null));
    this.wb.load(data, v);
    this.notice = name;
    this.scheduleAutosave();
    this.changed();
  }

  closeProblems() {
    this.openProblems = null;
    this.changed();
  }

  scheduleAutosave() {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    const draft = this.wb.draft;
    this.pendingSave = { savedAt: new Date().toISOString(), draft, original: this.wb.original, label: (draft as Scenario)?.id ?? '' };
    this.saveTimer = setTimeout(this.flushAutosave, 150);
  }

  /** Writes a pending save now: on the debounce, and when the page is hidden or left (a quick reload). */
  readonly flushAutosave = () => {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.pendingSave) writeAutosave(globalThis.localStorage, this.key, this.pendingSave);
    this.pendingSave = null;
  };

  restore() {
    const a = this.restorable;
    this.restorable = null;
    if (!a) return this.changed();
    // A stored draft is untrusted like any file (another version of the page, a damaged store): it is restored
    // only if the editor can show it; otherwise nothing changes and its problems are listed.
    const shape = editableShape(a.draft);
    if (shape.length) {
      this.openProblems = { file: t('unsavedWork', this.lang), problems: shape, data: a.draft };
      clearAutosave(globalThis.localStorage, a.key ?? this.key);
      return this.changed();
    }
    this.scenarioId = '';
    this.fund = null;
    if (checkEvaluable(validateData(a.original)).ok) this.wb.load(a.original);
    this.wb.history.clear();
    this.wb.edit(a.draft, true);
    // Another tab's save, now this tab's work: it continues under this tab's key.
    if (a.key && a.key !== this.key) clearAutosave(globalThis.localStorage, a.key);
    this.changed();
  }

  discard() {
    clearAutosave(globalThis.localStorage, this.restorable?.key ?? this.key);
    this.restorable = null;
    this.changed();
  }

  save() {
    const d = this.wb.draft as Scenario;
    download(`${d?.id ?? 'scenario'}.json`, JSON.stringify(this.wb.draft, null, 2) + '\n', 'application/json');
  }

  /** A link with the edits since the file was opened: the shipped file by name (short), another file in full. */
  async share() {
    const shipped = this.scenarioId && JSON.stringify(scenarioFiles[this.scenarioId]) === JSON.stringify(this.wb.original);
    const code = await encodeShare(sharedEdits(this.wb.original, this.wb.draft, shipped ? this.scenarioId : null));
    this.shareUrl = `${location.origin}${location.pathname}${location.search}#s=${code}`;
    this.changed();
    try {
      await navigator.clipboard.writeText(this.shareUrl);
    } catch {
      /* the link is shown for copying by hand */
    }
  }

  /** What the draft changed against the file as opened (the diff view). */
  changeList() {
    return this.wb.original && this.wb.draft ? diffScenarios(this.wb.original, this.wb.draft) : [];
  }
}
