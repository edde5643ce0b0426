// The journal's repository and write-ahead drafts (program.journal, program.drafts) load with this element.
import { renderProgramError } from '../shared/program-error.js';
import '../../sdk/store/journal-parts.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { literal, type StaticValue } from 'lit/static-html.js';
import type { JournalLock } from '../../sdk/crypto/journal-lock.js';
import type { CompassionProgram } from '../../sdk/program.js';
import type { JournalSnapshot } from '../../sdk/store/journal.js';
import type { JournalEntry } from '../../sdk/store/records.js';
import { CompassionWidget } from '../shared/compassion-widget.js';
import { renderBanners, renderStorageLine } from './internal/banners.js';
import { EditorSlot } from './internal/editor-slot.js';
import type { EntryPort } from './internal/entry-view.js';
import type { SaveStatus } from './internal/save-status.js';
import { JournalBinding } from './internal/journal-binding.js';
import { LazyViews, type LazyModules } from './internal/lazy-views.js';
import { EntryList } from './internal/list-view.js';
import { JournalNavigator, renderNav, type JournalView } from './internal/navigator.js';
import { JournalPanels } from './internal/panels.js';
import { Formats, type Grouping, type SafariWarning } from './internal/platform.js';
import { livePort, type ViewPort } from './internal/port.js';
import { SingleEntryBinding } from './internal/single-entry.js';
import type { LockActions } from './internal/unlock-form.js';
import { styles } from './reflection-journal.styles.js';
import { EN_JOURNAL_STRINGS } from './internal/en-journal-strings.js';
import type { JournalStrings } from './strings.js';
import { ifDefined } from 'lit/directives/if-defined.js';

export { JOURNAL_VIEWS, type JournalView } from './internal/navigator.js';

/**
 * A private journal for Compassion Focused Therapy homework: free reflections, compassionate
 * letters, self-criticism logs, three-systems check-ins and the week's reflection prompts.
 * Entries stay in the participant's browser; nothing is sent anywhere. Text is autosaved with
 * strict durability, kept in revisions, and can be locked with a passphrase.
 *
 * Without `template` or `step-id` it shows the whole journal (list, search, editor, export,
 * import, lock). With them it shows one entry for that step or template, as a course embeds it.
 *
 * With `embedded` the journal is part of a larger widget (`<compassion-course>` sets it on the
 * entries of a week): it leaves out its own "Need support now?" button (the host has one in the
 * same place) and the storage banners the host shows; only the first embedded journal on a page
 * says that other tabs block saving or that Safari may erase data, and each entry still shows its
 * own save state, conflict and "storage full" message. One embedded entry has no header row and
 * no landmark: its heading is an `h5` (under the course's `h4` step titles), with the Lock button
 * beside it.
 *
 * @tag reflection-journal
 * @summary A private, autosaving CFT journal with templates, revisions, export and a passphrase lock.
 *
 * @csspart header - The title row with the lock and "Need support now?" buttons (an `embedded` entry has none).
 * @csspart support-button - The "Need support now?" button (not when `embedded`).
 * @csspart support-dialog - The crisis-resources dialog (not when `embedded`).
 * @csspart lock-button - "Lock" (shown while the passphrase lock is unlocked).
 * @csspart nav - The journal's sections (full view).
 * @csspart banner - Each storage banner (memory-only, storage full, Safari, other tabs).
 * @csspart editor - The entry form.
 * @csspart field - Each template field.
 * @csspart input - Single-line text inputs.
 * @csspart textarea - Long-text inputs.
 * @csspart prompt - The question an embedded entry answers.
 * @csspart save-state - The live "Saving… / Saved at 12:03" line (one entry: "Not saved yet — …" before anything is written).
 * @csspart more-button - One entry's "More" disclosure button (aria-expanded).
 * @csspart more - What "More" shows: the title, tags, Save now, History and Delete.
 * @csspart conflict - The "edited in another tab" message.
 * @csspart history - Earlier versions of an entry.
 * @csspart recovered - The calm line about text recovered from a page that closed before saving, with its OK button.
 * @csspart entry-list - The list of entries.
 * @csspart entry-card - One entry in the list.
 * @csspart empty - The empty-journal message.
 * @csspart unlock-form - The passphrase form of a locked journal.
 * @csspart lock-warning - "A lost passphrase means lost entries".
 * @csspart lock-progress - How far turning the lock on or off has come, once it takes more than a second.
 * @csspart export-button - "Save a backup file".
 * @csspart import-file - The backup file chooser.
 * @csspart import-preview - What a chosen backup holds, before importing.
 * @csspart import-confirm - The "Import" button.
 * @csspart import-progress - How far an import has come, once it takes more than a second.
 * @csspart share-preview - The exact text of the file for the clinician.
 * @csspart share-save - "Save the file" for the clinician.
 * @csspart storage-status - Whether the browser keeps the journal.
 * @csspart print-view - The printable document.
 * @csspart announcement - The polite status line for actions (deleted, restored, imported…).
 * @csspart error-details - The disclosure "Details for the site's developer" under a load error: the message, or the problems with their paths.
 * @csspart error-list - The list of problems in the program file, each with its JSON path.
 * @csspart retry-button - "Try again" after a failure.
 *
 * @cssprop --reflection-journal-max-width - Widest the journal grows (default 768px).
 * @cssprop --reflection-journal-padding - Space inside the journal's frame.
 * @cssprop --reflection-journal-background - The frame's background (default the surface colour).
 * @cssprop --reflection-journal-radius - Corner radius of the frame.
 * @cssprop --reflection-journal-textarea-min-height - Starting height of long-text fields.
 *
 * @fires {JournalEntrySavedEvent} ck-entry-saved - The participant's text was durably saved. `detail: { programId, entryId, templateId, revision, created, empty, weekId?, stepId? }` (never the text; `empty`: no field holds an answer).
 * @fires {JournalLockEvent} ck-journal-lock - The participant turned the lock on or off, locked or unlocked it. `detail: { programId, state, action }`.
 * @fires {CompassionErrorEvent} ck-error - Saving failed (storage full, lost connection, another tab). `detail: { code, message, source: 'journal' }`.
 * @fires {SupportOfferedEvent} ck-support-offered - A saved entry held words from the program's list and a support card was shown (once per entry). `detail: {}`: no text, no reason.
 */
export class ReflectionJournal extends CompassionWidget {
  static override styles = [...CompassionWidget.styles, styles];

  // The editor's code arrives with the entry view, when an entry first opens.
  private readonly editor = new EditorSlot(this, () => this.sdk?.id ?? '', () => this.lazy.load('entry'), () => this.sdk?.content.program, (en) => this.formats.t(en));
  private readonly single = new SingleEntryBinding(this, this.editor, () => this.sdk, (id) => (this.nav.damagedId = id));
  private readonly lazy = new LazyViews(this, () => this.t);
  private readonly nav: JournalNavigator;
  /** The unlock form and "Lock now", once their code has arrived (with the lock's, when a lock record exists). */
  private lockActs: LockActions | undefined;
  private readonly list: EntryList;
  private readonly panels: JournalPanels;
  private readonly binding: JournalBinding;
  private formatsFor: { lang: string; catalog: unknown; own: unknown; formats: Formats } | undefined;
  @state() private announcement = '';
  @state() private tagText = '';
  @state() private moreOpen = false;

  /** Show one entry from this template (e.g. `compassionate-letter`) instead of the whole journal. */
  @property({ reflect: true }) template: string | null = null;

  /** The question to answer, shown above the entry (defaults to the step's prompt). */
  @property() prompt: string | null = null;

  /** The week the entry belongs to (defaults to the step's week). */
  @property({ attribute: 'week-id', reflect: true }) weekId: string | null = null;

  /** The course step the entry belongs to: shows that step's entry, creating it on the first keystroke. */
  @property({ attribute: 'step-id', reflect: true }) stepId: string | null = null;

  /** In the full journal, open this entry first. */
  @property({ attribute: 'entry-id' }) entryId: string | null = null;

  /** Group the list by `week` (default) or by `date`. */
  @property({ attribute: 'group-by' }) groupBy: Grouping = 'week';

  /** How many entries the list shows at a time ("Show more" adds as many again). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 50;

  /**
   * The reminder that Safari erases site data after seven days without a visit: `auto` (Safari
   * and iOS only), `always`, or `never`.
   */
  @property({ attribute: 'safari-warning' }) safariWarning: SafariWarning = 'auto';

  /** The journal's heading (default "My journal", or the template's title when showing one entry). */
  @property() heading: string | null = null;

  /**
   * Part of a larger widget, such as a course's week: no "Need support now?" button of its own,
   * no storage banners the host already shows, no landmark, and headings that start at `h5`.
   */
  @property({ type: Boolean, reflect: true }) embedded = false;

  /** Replaces any of the words the journal writes itself (for another language); unset keys fall back to the catalog, then English. */
  @property({ attribute: false }) strings: Partial<JournalStrings> = {};

  constructor() {
    super();
    // The narrow ports: each part sees the few values and callbacks it needs, never the element.
    this.nav = new JournalNavigator(
      this,
      this.editor,
      livePort(() => ({ sdk: this.sdk, snapshot: this.snapshot, formats: this.formats, entryId: this.entryId }), {
        single: this.single,
        announce: (text: string) => this.announce(text),
        opening: (view: JournalView) => this.opening(view),
        forget: () => this.panels.forget(),
        loadActions: () => this.lazy.load('actions'),
      }),
    );
    this.binding = new JournalBinding(
      this,
      this.editor,
      (s, wasLocked) => this.nav.journalChanged(s, wasLocked),
      () => (this.lazy.get('unlock'), this.lazy.load('lockCore')),
    );
    this.panels = new JournalPanels(
      this.lazy,
      (code) => this.lockActions(code),
      livePort(() => ({ sdk: this.sdk, formats: this.formats, renderRoot: this.renderRoot, updateComplete: this.updateComplete, pageSize: this.pageSize }), {
        announce: (text: string) => this.announce(text),
        requestUpdate: () => this.requestUpdate(),
        exportMarkdown: (entries?: readonly JournalEntry[]) => void this.exportMarkdown(entries),
        openPrint: () => this.openPrint(),
      }),
    );
    this.list = new EntryList(
      livePort(() => ({ ...this.viewPort(), groupBy: this.groupBy, pageSize: this.pageSize }), {
        lazy: this.lazy,
        requestUpdate: () => this.requestUpdate(),
        setGroupBy: (grouping: Grouping) => (this.groupBy = grouping),
        newEntry: (id: string) => void this.nav.newEntry(id),
        openEntry: (id: string) => void this.nav.openEntry(id),
        exportMarkdown: (entries: readonly JournalEntry[]) => void this.exportMarkdown(entries),
        openPrint: (ids: readonly string[]) => this.openPrint(ids),
      }),
    );
  }

  /** The SDK object once the program is ready. */
  override get sdk(): CompassionProgram | undefined {
    return this.programCtl.program;
  }

  /**
   * The program's passphrase lock (shared by every element on the page), once its code has loaded:
   * at once when a lock record exists, otherwise when the participant opens "Privacy lock". Code
   * outside the element calls `journalLock(program)` from the SDK instead.
   */
  get journalLock(): JournalLock | undefined {
    return this.binding.journalLock;
  }

  /** True when showing one entry for a template or step rather than the whole journal. */
  get singleEntry(): boolean {
    return this.single.active;
  }

  /** What the save-state line says now, e.g. "Saved at 12:03" (nothing before an entry opens). */
  get saveStateText(): string {
    return this.editor.loaded ? this.describe(this.editor.loaded.status) : '';
  }

  private get snapshot(): JournalSnapshot {
    return this.binding.snapshot;
  }

  /** Dates and words in the journal's language (its `lang`, else the program's). */
  private get formats(): Formats {
    const lang = this.locale.lang;
    const catalog = this.locale.catalog.journal;
    const own = this.strings;
    const f = this.formatsFor;
    if (f && f.lang === lang && f.catalog === catalog && f.own === own) return f.formats;
    const formats = new Formats(lang, { ...catalog, ...own });
    this.formatsFor = { lang, catalog, own, formats };
    return formats;
  }

  private get t(): typeof EN_JOURNAL_STRINGS {
    return this.formats.t(EN_JOURNAL_STRINGS);
  }

  /** One entry inside a host widget: no header row of its own, headings from h5. */
  private get inHost(): boolean {
    return this.embedded && this.singleEntry;
  }

  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.journalLock?.checkIdle();
  };
  private readonly onActivity = () => {
    this.journalLock?.noteActivity();
    // A participant who starts to act will likely open an entry: fetch its view now.
    this.lazy.get('entry');
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisible);
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    // The editor flushes unsaved text first (its own hostDisconnected); then stop listening.
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.binding.bind(this.sdk);
    // The entry view is this journal's first screen (one entry), or opens at once (entry-id): fetch it with the program.
    const entryView = this.singleEntry || this.entryId ? this.lazy.get('entry') : undefined;
    // Its code arrived after a failed first try ("Try again"): open the step's entry in it now.
    if (entryView && this.singleEntry && !this.editor.loaded && this.snapshot.loaded) this.single.sync(this.snapshot);
    if (this.binding.ready && (changed.has('template') || changed.has('stepId') || changed.has('weekId') || changed.has('prompt')) && changed.size && this.snapshot.loaded) {
      void this.single.switch(() => this.snapshot).then(() => this.requestUpdate());
    }
    if (changed.has('pageSize') && (!Number.isFinite(this.pageSize) || this.pageSize < 1)) this.pageSize = 50;
  }

  /** The journal's one LockActions (its busy and error state are shared by every lock form). */
  private lockActions({ LockActions }: Pick<LazyModules['unlock'], 'LockActions'>): LockActions {
    return (this.lockActs ??= new LockActions(
      livePort(() => ({ ready: !!this.sdk, programId: this.sdk?.id ?? '', updateComplete: this.updateComplete, formats: this.formats }), {
        lock: () => this.binding.loadLock(),
        announce: (text: string) => this.announce(text),
        requestUpdate: () => this.requestUpdate(),
        fire: (event: Event) => this.dispatchEvent(event),
      }),
    ));
  }

  /** A view is opening: load it, and let its panel reset or refresh. */
  private opening(view: JournalView): void {
    // The share panel offers every entry, and "recently deleted" lists them all: read them as the view opens.
    if (view === 'share') void Promise.all([this.panels.share(), this.sdk?.journal.query({}, Infinity).catch(() => undefined)]).then(([panel]) => (panel.start(this.list.selected), this.requestUpdate()));
    if (view === 'deleted') void this.sdk?.journal.loadDeleted().catch(() => undefined);
    if (view === 'backup') void this.panels.backup().then((panel) => panel.refreshEstimate());
  }

  // ---- Public methods ----

  /** Saves the open entry now (as Ctrl/Cmd+S does). Resolves once stored or failed; see `saveStateText`. */
  async save(): Promise<void> {
    if (this.editor.status.state === 'full' || this.editor.status.state === 'retrying' || this.editor.status.state === 'locked') this.editor.retry();
    await this.editor.flush();
  }

  /**
   * Locks the journal now (when the passphrase lock is on). Open text that cannot be saved keeps
   * it unlocked, and says so where the participant is (as "Privacy lock" does).
   */
  async lock(): Promise<void> {
    const actions = this.lockActions(await this.lazy.load('unlock'));
    await actions.lockNow();
    const refused = actions.errorFor('lock');
    if (refused && this.nav.view !== 'lock') this.nav.fail(refused);
  }

  /** Downloads the JSON backup of everything stored for this program. */
  async exportBackup(): Promise<void> {
    await (await this.panels.backup()).exportBackup();
  }

  /** Saves entries (default: all) as a Markdown file on the device. */
  async exportMarkdown(entries?: readonly JournalEntry[]): Promise<void> {
    const sdk = this.sdk;
    if (!sdk || this.snapshot.lock === 'locked') return;
    entries ??= (await sdk.journal.query({}, Infinity)).entries;
    const { saveMarkdown } = await this.lazy.load('markdown');
    this.announce(saveMarkdown(sdk, entries, this.heading ?? this.t.title, this.renderRoot));
  }

  /** Shows the printable view of the given entries (default: all). */
  openPrint(ids?: readonly string[]): void {
    const sdk = this.sdk;
    if (!ids && sdk && this.snapshot.hasMore) {
      // "All" is more than has been read: read the rest first (the print view lists the snapshot's entries).
      void sdk.journal.query({}, Infinity).then(() => this.openPrint(), () => this.openPrint(this.snapshot.entries.map((e) => e.id)));
      return;
    }
    this.nav.printIds = ids ?? this.snapshot.entries.map((e) => e.id);
    this.nav.go('print');
  }

  /** Says something politely to screen readers and on screen. */
  announce(text: string): void {
    // Re-announce identical text too: clear first, then set on the next frame.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  // ---- Rendering ----

  /** The tag for a heading of `level` in the journal's own outline; in a host, under a course step's h4, two levels deeper. */
  private headingTag(level: 3 | 4): StaticValue {
    if (!this.inHost) return level === 3 ? literal`h3` : literal`h4`;
    return level === 3 ? literal`h5` : literal`h6`;
  }

  /** The save-state line's words (the editor's code, which brings them, is here whenever an entry is open). */
  private describe(status: SaveStatus): string {
    const idle = this.singleEntry ? (this.editor.stored ? 'stored' : 'new') : undefined;
    return this.lazy.get('entry')?.describeStatus(status, this.binding.storage?.mode === 'memory', this.formats.time, idle, this.formats.t(this.lazy.get('entry')!.EN_ENTRY_STRINGS)) ?? '';
  }

  private viewPort(): ViewPort {
    return { sdk: this.sdk!, snapshot: this.snapshot, formats: this.formats, inHost: this.inHost, headingTag: (level) => this.headingTag(level) };
  }

  private entryPort(): EntryPort {
    const nav = this.nav;
    return {
      ...this.viewPort(),
      editor: this.editor.loaded,
      heading: this.heading,
      singleEntry: this.singleEntry,
      damagedId: nav.damagedId,
      recovered: this.binding.recovered,
      tagText: this.tagText,
      moreOpen: this.moreOpen,
      describe: (status) => this.describe(status),
      lockButton: () => this.renderLockButton(),
      nav,
      lazy: this.lazy,
      save: () => void this.save(),
      exportBackup: () => void this.exportBackup(),
      dismissRecovered: (list) => this.binding.dismiss(list),
      setTagText: (text) => (this.tagText = text),
      setMoreOpen: (open) => (this.moreOpen = open),
      supportOffered: (id) => this.editor.supportOffered(id),
      supportCardWords: this.locale.catalog.measure,
      openSupport: this.embedded ? undefined : () => this.support.open(),
      announce: (text) => this.announce(text),
      requestUpdate: () => this.requestUpdate(),
    };
  }

  protected override render(): TemplateResult {
    const state = this.programCtl.value;
    const sdk = this.sdk;
    const spec = this.single.spec();
    const t = this.t;
    const title = this.heading ?? (spec ? sdk?.content.template(spec.templateId)?.title : undefined) ?? t.title;
    return html`<div class="journal" lang=${this.locale.lang} dir=${ifDefined(this.locale.dir)} @keydown=${this.onActivity} @pointerdown=${this.onActivity}>
      ${this.inHost
        ? nothing
        : html`<div class="header" part="header">
            <h2 class="title" dir="auto">${title}</h2>
            <div class="header-actions">
              ${this.renderLockButton()}
              ${this.embedded ? nothing : this.support.renderButton()}
            </div>
          </div>`}
      ${state.status === 'loading' ? html`<p class="loading" role="status">${t.opening}</p>` : nothing}
      ${state.status === 'error'
        ? html`<div class="error" role="alert">
            <p><strong>${t.loadErrorTitle}</strong></p>
            ${renderProgramError(state.error, this.locale.catalog.programError, () => this.programCtl.retry())}
          </div>`
        : nothing}
      ${sdk ? this.renderBody() : nothing}
      <p class="announce" part="announcement" role="status">${this.announcement}</p>
      ${this.nav.undoId ? this.lazy.quiet('actions', (m) => m.renderUndo(this.nav, this.formats.t(m.EN_ENTRY_STRINGS))) : nothing}
      ${this.embedded ? nothing : this.support.renderDialog(sdk?.content.support, sdk?.content.url)}
    </div>`;
  }

  private renderLockButton(): TemplateResult | typeof nothing {
    return this.binding.lock.state === 'unlocked' ? html`<button type="button" class="button quiet" part="lock-button" @click=${() => this.lock().catch((e: Error) => this.nav.fail(e.message))}>${this.t.lock}</button>` : nothing;
  }

  private renderBody(): TemplateResult {
    const s = this.snapshot;
    const root = this.getRootNode() as Document | ShadowRoot;
    const banners = renderBanners({
      status: this.binding.storage,
      embedded: this.embedded,
      leadsHost: root.querySelector(`${this.localName}[embedded]`) === this,
      entryFull: this.editor.status.state === 'full',
      safariWarning: this.safariWarning,
      exportBackup: () => void this.exportBackup(),
    }, (rare) => this.lazy.quiet('notices', (m) => m.renderRareBanners(rare, this.formats)));
    // Worded as it renders, so the message speaks the language even when its catalog arrived after the failure.
    const failed = this.nav.actionError ?? (this.binding.readError && this.t.readFailed(this.binding.readError.message));
    const error = failed ? html`<p class="error" role="alert">${failed}</p>` : nothing;
    if (!s.loaded) return html`${banners}${error}<p class="loading" role="status">${this.t.opening}</p>`;
    if (s.lock === 'locked') {
      const backup = this.nav.view === 'backup' && !this.singleEntry;
      return html`${banners}${error}${this.singleEntry ? nothing : renderNav(this.nav, this.snapshot.deletedCount, this.t)}${backup ? this.renderView() : this.lazy.render('unlock', (m) => this.lockActions(m).renderUnlock(this.headingTag(3)))}`;
    }
    if (this.singleEntry) return html`${banners}${error}${this.renderSingleEntry()}`;
    return html`${banners}${error}${renderNav(this.nav, this.snapshot.deletedCount, this.t)}${this.nav.view === 'list' && this.binding.recovered.length ? this.lazy.quiet('entry', (m) => m.renderRecovered(this.entryPort())) : nothing}${this.renderView()}${renderStorageLine(
      this.binding.storage,
      this.nav.view,
      () => void this.nav.nav('backup'),
      this.formats,
    )}`;
  }

  private renderSingleEntry(): TemplateResult {
    const known = !!this.single.spec();
    return this.lazy.render('entry', (m) => (known ? m.renderEntry(this.entryPort()) : m.renderUnknown(this.template, this.stepId, this.formats)));
  }

  private renderView(): TemplateResult {
    const nav = this.nav;
    const lockState = this.binding.lock.state === 'unknown' ? 'off' : this.binding.lock.state;
    switch (nav.view) {
      case 'list':
        return this.list.render();
      case 'entry':
        return html`<div class="entry-bar">
            <button type="button" class="button quiet" @click=${() => nav.backToList()}>${this.t.backToList}</button>
          </div>
          ${this.lazy.render('entry', (m) => m.renderEntry(this.entryPort()))}`;
      case 'deleted':
        return this.lazy.render('deleted', (m) =>
          m.renderDeleted({ ...this.viewPort(), nav }),
        );
      case 'share':
        return this.panels.renderShare(this.snapshot.entries.filter((e) => this.sdk?.journal.canRead(e)));
      case 'backup':
        return this.panels.renderBackup(this.snapshot.lock === 'locked' ? 'locked' : lockState);
      case 'lock':
        return this.panels.renderLock(this.binding.lock);
      case 'print':
        return this.lazy.render('print', (m) => m.renderPrint({ ...this.viewPort(), ids: nav.printIds ?? [], back: () => nav.go('list', '.list-title') }));
    }
  }
}
