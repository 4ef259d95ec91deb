/**
 * Files in and out of the workbench: the shipped scenarios, a file picked or dropped, a share link; the autosave
 * of the working state (and its offer back after a reload); saving the draft and making a share link. Every
 * file is untrusted: validated (and migrated) before anything on screen changes, its problems listed otherwise.
 */
import { checkEvaluable } from '../engine/validate-model.ts';
import { t, type Lang } from '../report/strings.ts';
import { diffScenarios } from '../scenario/diff.ts';
import type { FundScenario } from '../scenario/fund-schema.ts';
import type { Problem } from '../scenario/problems.ts';
import type { Scenario } from '../scenario/schema.ts';
import { editableShape } from '../scenario/shape.ts';
import { parseJsonText } from '../scenario/untrusted.ts';
import { validateData, validateText, type Validation } from '../scenario/validate.ts';
import { UnsavedWork } from './autosave.ts';
import { download } from './download.ts';
import { readFileText } from './read-file.ts';
import {
  decodeShare,
  encodeShare,
  readSharedEdits,
  ShareDamage,
  shareCodeFromHash,
  shareDamageText,
  sharedEdits,
  type ShareWhy,
} from './share.ts';
import { ScenarioSwitch } from './scenario-switch.ts';
import { addressedScenario, DEFAULT_SCENARIO, newScenarioData, scenarioFiles, setAddress } from './shipped.ts';
import type { Workbench } from './workbench-state.ts';

export { DEFAULT_SCENARIO, scenarioFiles } from './shipped.ts';

export interface OpenProblems {
  file: string;
  problems: Problem[];
  /** The file's data when it parsed: the problems then name its fields by its own titles. */
  data?: unknown;
  /**
   * The page's own words (a share link's name and why it is damaged, 未保存的修改) in another language: written
   * once when opened, they stayed Chinese after a switch to English.
   */
  inLang?: (lang: Lang) => { file: string; problems: Problem[] };
}

export class FileSession extends EventTarget {
  /** The shipped scenario on screen, or '' for a file opened otherwise. */
  scenarioId = DEFAULT_SCENARIO;
  /** A fund-level file on screen instead of the insurance scenario (read-only). */
  fund: FundScenario | null = null;
  openProblems: OpenProblems | null = null;
  /** The name of the file last opened (and any migration notes). */
  notice = '';
  shareUrl = '';
  lang: Lang = 'zh';
  /** Which shipped scenario the address names; a pick of another asks first when there are edits. */
  readonly switcher: ScenarioSwitch = new ScenarioSwitch({
    scenarioId: () => this.scenarioId,
    hasEdits: () => this.changeList().length > 0,
    open: (id) => this.loadShipped(id),
    changed: () => this.changed(),
  });

  private readonly unsaved = new UnsavedWork();
  /** Unsaved work an earlier page left behind, offered back (editor-panel.ts). */
  get restorable() {
    return this.unsaved.offer;
  }

  /** Where the latest edit is kept (autosave.ts): the page says so unless it is 'saved'. */
  get saveState() {
    return this.unsaved.state;
  }
  /** When the edit that could not be kept was made. */
  get lostAt() {
    return this.unsaved.lostAt;
  }

  /**
   * Refused values the last save or share link left out (0: none): while the draft holds one, a file of it would
   * open nothing (the whole file is refused with the message), so the file and the link carry the scenario as last
   * applied and the page says how many edits stayed out. The next edit clears it.
   */
  withheld = 0;

  constructor(private readonly wb: Workbench) {
    super();
    wb.addEventListener('edit', () => {
      this.withheld = 0;
      this.scheduleAutosave();
    });
    this.unsaved.onState = () => this.changed();
  }

  private changed() {
    this.dispatchEvent(new Event('change'));
  }

  /** At page load: the scenario named in the URL (or the default), any unsaved work, a share link. */
  start() {
    this.switcher.go(addressedScenario() ?? DEFAULT_SCENARIO, 'replace');
    this.switcher.start();
    this.unsaved.find();
    globalThis.addEventListener?.('pagehide', this.flushAutosave);
    globalThis.document?.addEventListener('visibilitychange', this.flushAutosave);
    const code = shareCodeFromHash(globalThis.location?.hash ?? '');
    if (code) void this.openShared(code);
    this.changed();
  }

  stop() {
    this.switcher.stop();
    this.unsaved.close();
    globalThis.removeEventListener?.('pagehide', this.flushAutosave);
    globalThis.document?.removeEventListener('visibilitychange', this.flushAutosave);
  }

  /** Opens a shipped scenario (the address is the switcher's). */
  private loadShipped(id: string) {
    const data = structuredClone(scenarioFiles[id]);
    const fund = (data as { kind?: string }).kind !== undefined ? validateData(data).fund : undefined;
    if (fund) return this.showFund(fund, id, '');
    this.scenarioId = id;
    this.notice = '';
    this.fund = null;
    this.wb.load(data);
    this.changed();
  }

  /** A fund-level file replaces the insurance scenario on screen (read-only); any run in progress stops. */
  private showFund(fund: FundScenario, id: string, notice: string) {
    this.wb.run.cancel();
    this.openProblems = null;
    this.scenarioId = id;
    this.fund = fund;
    this.notice = notice;
    this.changed();
  }

  private refuse(file: string, message: string) {
    this.openProblems = { file, problems: [{ path: '(root)', message }] };
    this.changed();
  }

  /** A share link refused: its name and why, in the language shown (OpenProblems.inLang). */
  private refuseShare(why: ShareWhy) {
    const words = (L: Lang) => ({ file: t('shareLink', L), problems: [{ path: '(root)', message: shareDamageText(why, L) }] });
    this.openProblems = { ...words(this.lang), inLang: words };
    this.changed();
  }

  /**
   * Puts a validated scenario on screen, with the edits on top when a link carries them (its 修改对照 then lists
   * them); opened work is autosaved at once, not only after its first edit.
   */
  private show(original: unknown, v: Validation | undefined, from: { id?: string; notice: string; draft?: unknown; link?: boolean }) {
    this.openProblems = null;
    this.fund = null;
    this.scenarioId = from.id ?? '';
    // A file opened otherwise is not the shipped one the address named: a reload must not open that over it (the
    // opened file is autosaved at once and offered back). A share link keeps its address (a reload reads it again).
    if (!this.scenarioId && !from.link) setAddress(null, 'replace');
    this.wb.load(original, v);
    if (from.draft !== undefined) this.wb.edit(from.draft);
    this.notice = from.notice;
    this.scheduleAutosave();
    this.changed();
  }

  /** Opens a file's text: validated (and migrated) first; a file with problems opens nothing. */
  openText(name: string, text: string, link = false): boolean {
    const v = checkEvaluable(validateText(text));
    if (v.ok && v.fund) {
      if (!link) setAddress(null, 'replace');
      this.showFund(v.fund, '', name);
      return true;
    }
    if (!v.ok || !v.scenario) {
      this.openProblems = { file: name, problems: v.problems, data: parseJsonText(text).data };
      this.changed();
      return false;
    }
    // Unmigrated, the text's data is what was just validated: no second validation and compile. It goes on screen
    // in a task of its own: checking and drawing the largest valid file in one held the page for about 100 ms
    // (docs/model.md "Performance": no task over 100 ms).
    const notice = `${name}${v.notes.length ? ` (${v.notes.join('; ')})` : ''}`;
    setTimeout(() => {
      if (v.notes.length) this.show(JSON.parse(JSON.stringify(v.scenario)), undefined, { notice, link });
      else this.show(parseJsonText(text).data, v, { notice, link });
    }, 0);
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
      if (!shared) return void this.openText(name, text, true); // a link that carries the whole file
      if ('error' in shared) return this.refuseShare(shared.error);
      // The base as the file opened and the edits on top: the recipient's 修改对照 lists what the sender's did.
      const base = checkEvaluable(validateData(shared.original));
      const draft = checkEvaluable(validateData(shared.draft));
      if (!base.ok || !draft.ok) {
        const problems = base.ok ? draft.problems : base.problems;
        this.openProblems = {
          file: name,
          problems,
          data: base.ok ? shared.draft : shared.original,
          inLang: (L) => ({ file: t('shareLink', L), problems }),
        };
        return this.changed();
      }
      this.show(shared.original, base, {
        id: shared.base ?? '',
        notice: name,
        draft: shared.patch.length ? shared.draft : undefined,
        link: true,
      });
    } catch (err) {
      // Never the browser's own words: a damaged link says what is wrong with it, anything else that it cannot be read.
      this.refuseShare(err instanceof ShareDamage ? err.why : { kind: 'notText' });
    }
  }

  /** A new file: the template (its cost distribution from Jiangyin's calibrated file) or a copy of a shipped region. */
  newScenario(from: 'template' | string, name: string) {
    const data = newScenarioData(from, name);
    const v = checkEvaluable(validateData(data));
    if (!v.ok) return this.refuse(name, v.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    setAddress(null, 'replace');
    this.show(data, v, { notice: name });
  }

  closeProblems() {
    this.openProblems = null;
    this.changed();
  }

  scheduleAutosave() {
    this.unsaved.keep(this.wb.draft, this.wb.original);
  }

  /** Writes a pending save now: when the page is hidden or left (a quick reload). */
  readonly flushAutosave = () => this.unsaved.flush();

  restore() {
    // A stored draft is untrusted like any file (another version of the page, a damaged store): it is restored
    // only if the editor can show it; otherwise nothing changes and its problems are listed.
    const shape = this.unsaved.offer ? editableShape(this.unsaved.offer.draft) : [];
    const a = this.unsaved.take(shape.length > 0);
    if (!a) return this.changed();
    if (shape.length) {
      this.openProblems = {
        file: t('unsavedWork', this.lang),
        problems: shape,
        data: a.draft,
        inLang: (L) => ({ file: t('unsavedWork', L), problems: shape }),
      };
      return this.changed();
    }
    this.scenarioId = '';
    this.fund = null;
    setAddress(null, 'replace');
    if (checkEvaluable(validateData(a.original)).ok) this.wb.load(a.original);
    this.wb.history.clear();
    this.wb.edit(a.draft, true);
    this.changed();
  }

  discard() {
    this.unsaved.discard();
    this.changed();
  }

  /** What a file or a link can carry: the draft, or the draft as last applied while it holds a refused value. */
  private savable(): unknown {
    const wb = this.wb;
    this.withheld = wb.problems.length > 0 && wb.appliedDraft !== null ? wb.problems.length : 0;
    return this.withheld > 0 ? wb.appliedDraft : wb.draft;
  }

  save() {
    const data = this.savable();
    const file = `${(data as Scenario)?.id ?? 'scenario'}.json`;
    download(file, JSON.stringify(data, null, 2) + '\n', 'application/json');
    // The draft with its refused value is not in the file: it stays unsaved work (autosave), not marked saved.
    if (this.withheld === 0) this.unsaved.keepSaved(this.wb.draft, this.wb.original, file);
    this.changed();
  }

  /** A link with the edits since the file was opened: the shipped file by name (short), another file in full. */
  async share() {
    const shipped = this.scenarioId && JSON.stringify(scenarioFiles[this.scenarioId]) === JSON.stringify(this.wb.original);
    const code = await encodeShare(sharedEdits(this.wb.original, this.savable(), shipped ? this.scenarioId : null));
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
