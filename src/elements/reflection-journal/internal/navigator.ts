import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { JournalSnapshot } from '../../../sdk/store/journal.js';
import type { EntryRevision } from '../../../sdk/store/records.js';
import type { EditorSlot } from './editor-slot.js';
import type { ActionsPort } from './entry-actions.js';
import type { Formats } from './platform.js';
import { closeOnEscape, disclosureButton } from './disclosure.js';
import type { SingleEntryBinding } from './single-entry.js';
import { EN_JOURNAL_STRINGS } from './en-journal-strings.js';

export const JOURNAL_VIEWS = ['list', 'entry', 'deleted', 'share', 'backup', 'lock', 'print'] as const;
export type JournalView = (typeof JOURNAL_VIEWS)[number];

export interface NavigatorPort {
  readonly sdk: CompassionProgram | undefined;
  readonly snapshot: JournalSnapshot;
  readonly formats: Formats;
  readonly single: SingleEntryBinding;
  /** `entry-id`: the entry the full journal opens first. */
  readonly entryId: string | null;
  announce(text: string): void;
  /** The view is about to open (panels load, refresh or reset themselves). */
  opening(view: JournalView): void;
  /** The journal locked: opened text that is not in the editor leaves memory. */
  forget(): void;
  /** The rarely used actions' code (entry-actions.ts). */
  loadActions(): Promise<ActionsModule>;
}

type ActionsModule = typeof import('./entry-actions.js');

/**
 * Which view and entry are open, and moving between them: open, new, back, delete and undo,
 * restore, purge, History, print; follows journal changes (lock, other tabs) and moves focus to
 * the new view's heading once it has rendered.
 */
export class JournalNavigator implements ReactiveController {
  view: JournalView = 'list';
  damagedId: string | undefined;
  history: { entryId: string; revisions: EntryRevision[] } | undefined;
  printIds: readonly string[] | undefined;
  confirmPurge: string | undefined;
  actionError: string | undefined;
  undoId: string | undefined;
  /** Whether the "Sections" menu is open. */
  menuOpen = false;
  private focus: string | undefined;
  private openedEntryId = false;
  private reopenId: string | undefined;
  private readonly actions: ActionsPort;

  constructor(
    private readonly host: ReactiveElement,
    private readonly editor: EditorSlot,
    private readonly port: NavigatorPort,
  ) {
    host.addController(this);
    this.actions = { nav: this, editor, port, requestUpdate: () => host.requestUpdate() };
  }

  hostUpdated(): void {
    if (!this.focus) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(this.focus);
    // A lazy view shows "Opening…" first: keep the wish until its heading is there.
    if (!target && this.host.renderRoot.querySelector('.loading')) return;
    this.focus = undefined;
    target?.focus();
  }

  /** Follows a new journal snapshot (this tab, other widgets, other tabs). */
  journalChanged(s: JournalSnapshot, wasLocked: boolean): void {
    const editor = this.editor;
    if (s.lock === 'locked') {
      // Only text already stored is dropped; unsaved text stays until it can be saved.
      if (editor.draft && !editor.unsaved) {
        this.reopenId = editor.stored ? editor.draft.id : undefined;
        editor.discard();
      }
      this.history = undefined;
      this.port.forget();
      return;
    }
    if (wasLocked) editor.retry();
    editor.check(s);
    if (this.damagedId && !s.unreadable?.includes(this.damagedId)) {
      const healed = s.entries.find((e) => e.id === this.damagedId) ?? s.deleted.find((e) => e.id === this.damagedId);
      this.damagedId = undefined;
      if (healed) void editor.open(healed).catch(() => undefined);
    }
    if (this.port.single.active) {
      this.port.single.sync(s);
    } else if (s.loaded && !this.openedEntryId && this.port.entryId) {
      this.openedEntryId = true;
      void this.openEntry(this.port.entryId, false);
    } else if (wasLocked && this.reopenId && this.view === 'entry') {
      const id = this.reopenId;
      this.reopenId = undefined;
      void this.openEntry(id, false);
    }
  }

  go(view: JournalView, focus = '.view-title'): void {
    this.view = view;
    this.actionError = undefined;
    this.confirmPurge = undefined;
    this.focus = focus;
    this.port.opening(view);
    this.host.requestUpdate();
  }

  /** A section of the journal's navigation (an open entry is saved first, or stays open). */
  async nav(view: JournalView): Promise<void> {
    if (this.view === 'entry' && !(await this.editor.close())) {
      return this.staysOpen();
    }
    this.damagedId = undefined;
    this.history = undefined;
    this.go(view, view === 'list' ? '.list-title' : '.view-title');
  }

  async openEntry(id: string, focus = true): Promise<void> {
    if (!(await this.editor.close())) return;
    this.history = undefined;
    const { snapshot, sdk } = this.port;
    // An entry the pages have not read (a search result, `entry-id`) is read now, and kept in the snapshot while open.
    const entry = snapshot.entries.find((e) => e.id === id) ?? snapshot.deleted.find((e) => e.id === id) ?? (await sdk?.journal.open(id).catch(() => undefined));
    if (!entry) return this.fail(this.port.formats.t(EN_JOURNAL_STRINGS).entryGone);
    // Kept in the snapshot while open, even when other tabs' writes push it off the pages read.
    sdk?.journal.hold([entry]);
    if (!sdk?.journal.canRead(entry)) {
      this.damagedId = entry.id;
      return this.show(() => Promise.resolve(), focus ? '.view-title' : undefined);
    }
    this.damagedId = undefined;
    await this.show(() => this.editor.open(entry), focus ? '.view-title' : undefined);
  }

  async newEntry(templateId: string): Promise<void> {
    if (!(await this.editor.close())) return;
    this.history = undefined;
    this.damagedId = undefined;
    await this.show(() => this.editor.startNew({ templateId, title: '', fields: {}, tags: [] }), '.editor input, .editor textarea');
  }

  async backToList(): Promise<void> {
    if (!(await this.editor.close())) {
      return this.staysOpen();
    }
    this.damagedId = undefined;
    this.history = undefined;
    this.go('list', '.list-title');
  }

  closeHistory(): void {
    this.history = undefined;
    this.host.requestUpdate();
  }

  /**
   * Runs one of the rarely used actions (entry-actions.ts: delete and its undo, restore, purge,
   * History and restoring a version), loading their code first: `nav.act((m, a) => m.purge(a, id))`.
   */
  async act(run: (actions: ActionsModule, port: ActionsPort) => Promise<void>): Promise<void> {
    let actions: ActionsModule;
    try {
      actions = await this.port.loadActions();
    } catch {
      return this.fail(`${this.port.formats.t(EN_JOURNAL_STRINGS).partFailedTitle} ${this.port.formats.t(EN_JOURNAL_STRINGS).partFailedBody}`);
    }
    await run(actions, this.actions);
  }

  setMenu(open: boolean): void {
    this.menuOpen = open;
    this.host.requestUpdate();
  }

  /** Moves focus to `selector` once the next render is done. */
  focusAfterRender(selector: string): void {
    this.focus = selector;
  }

  fail(message: string): void {
    this.actionError = message;
    this.host.requestUpdate();
  }

  /** The open entry could not be saved, so it stays open: says so, with the save's own reason. */
  private staysOpen(): void {
    // An entry is open, so the editor's code (and its words) is here.
    this.fail(`${this.port.formats.t(this.editor.code!.EN_ENTRY_STRINGS).notSavedStaysOpen} ${this.editor.status.message ?? ''}`);
  }


  /** Shows the entry view at once ("Opening…" until the editor's code is here), then opens the entry in it. */
  private async show(open: () => Promise<void>, focus: string | undefined): Promise<void> {
    this.view = 'entry';
    if (focus) this.focus = focus;
    this.host.requestUpdate();
    try {
      await open();
    } catch {
      this.go('list', '.list-title');
      this.fail(`${this.port.formats.t(EN_JOURNAL_STRINGS).partFailedTitle} ${this.port.formats.t(EN_JOURNAL_STRINGS).partFailedBody}`);
    }
  }
}

/**
 * The full journal's sections as one "Sections" button and the list it shows, so the row never
 * wraps on a phone; an open entry and the print view count as "Entries".
 */
export function renderNav(nav: Pick<JournalNavigator, 'view' | 'menuOpen' | 'setMenu' | 'nav'>, deleted: number, t: typeof EN_JOURNAL_STRINGS = EN_JOURNAL_STRINGS): TemplateResult {
  const items: [JournalView, string][] = [
    ['list', t.navEntries],
    ['deleted', t.navDeleted(deleted)],
    ['share', t.navShare],
    ['backup', t.navBackup],
    ['lock', t.navLock],
  ];
  const view = nav.view;
  const current = view === 'entry' || view === 'print' ? 'list' : view;
  const set = (open: boolean) => nav.setMenu(open);
  return html`<nav part="nav" aria-label=${t.sectionsLabel}>
    ${disclosureButton('sections-button', 'journal-sections', nav.menuOpen, set, t.sections, 'button quiet nav-toggle')}
    <ul id="journal-sections" class="menu" ?hidden=${!nav.menuOpen} @keydown=${closeOnEscape('sections-button', set)}>
      ${items.map(
        ([item, label]) => html`<li>
          <button type="button" class="nav-item" aria-current=${current === item ? 'page' : 'false'} @click=${() => (set(false), void nav.nav(item))}>${label}</button>
        </li>`,
      )}
    </ul>
  </nav>`;
}
