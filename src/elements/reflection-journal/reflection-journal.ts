import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { ProgramController } from '../../controllers/program-controller.js';
import type { JournalTemplate } from '../../sdk/content/types.js';
import { journalLock, type JournalLock, type LockStatus } from '../../sdk/crypto/journal-lock.js';
import { CompassionKitError } from '../../sdk/errors.js';
import { CompassionErrorEvent, EntrySavedEvent } from '../../sdk/events.js';
import { entriesToMarkdown, valueText } from '../../sdk/export/markdown.js';
import { exportFileName, FILE_TYPES, saveTextFile } from '../../sdk/export/file.js';
import type { CompassionProgram } from '../../sdk/program.js';
import type { StorageMode } from '../../sdk/store/backend.js';
import type { StorageStatus } from '../../sdk/store/database.js';
import type { RecoveredDraft } from '../../sdk/store/drafts.js';
import type { JournalSnapshot } from '../../sdk/store/journal.js';
import type { EntryRevision, JournalEntry, RevisionLabel } from '../../sdk/store/records.js';
import { base } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { renderMarkdown } from '../shared/markdown.js';
import { SupportDialogController, supportStyles } from '../shared/support-dialog.js';
import { BackupPanel } from './backup-panel.js';
import { EntryEditor, type Draft, type SaveStatus } from './entry-editor.js';
import { extraFields, renderField, renderFields } from './fields.js';
import { EMPTY_FILTER, entryHeading, excerpt, groupEntries, tagsIn, type ListFilter } from './list.js';
import { LockPanel } from './lock-panel.js';
import { Formats, isWebKitWithStorageCap, type Grouping, type SafariWarning } from './platform.js';
import { styles } from './reflection-journal.styles.js';
import { SharePanel } from './share-panel.js';

export const JOURNAL_VIEWS = ['list', 'entry', 'deleted', 'share', 'backup', 'lock', 'print'] as const;
export type JournalView = (typeof JOURNAL_VIEWS)[number];

const EMPTY_SNAPSHOT: JournalSnapshot = { loaded: false, entries: [], deleted: [], corrupt: 0 };

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
 * @csspart save-state - The live "Saving… / Saved at 12:03" line.
 * @csspart conflict - The "edited in another tab" message.
 * @csspart history - Earlier versions of an entry.
 * @csspart entry-list - The list of entries.
 * @csspart entry-card - One entry in the list.
 * @csspart empty - The empty-journal message.
 * @csspart unlock-form - The passphrase form of a locked journal.
 * @csspart lock-warning - "A lost passphrase means lost entries".
 * @csspart export-button - "Save a backup file".
 * @csspart import-file - The backup file chooser.
 * @csspart import-preview - What a chosen backup holds, before importing.
 * @csspart import-confirm - The "Import" button.
 * @csspart share-preview - The exact text of the file for the clinician.
 * @csspart share-save - "Save the file" for the clinician.
 * @csspart storage-status - Whether the browser keeps the journal.
 * @csspart print-view - The printable document.
 * @csspart announcement - The polite status line for actions (deleted, restored, imported…).
 *
 * @cssprop --reflection-journal-max-width - Widest the journal grows (default 48rem).
 * @cssprop --reflection-journal-padding - Space inside the journal's frame.
 * @cssprop --reflection-journal-background - The frame's background (default the surface colour).
 * @cssprop --reflection-journal-radius - Corner radius of the frame.
 * @cssprop --reflection-journal-textarea-min-height - Starting height of long-text fields.
 *
 * @fires {EntrySavedEvent} ck-entry-saved - The participant's text was durably saved. `detail: { programId, entryId, templateId, revision, created, weekId?, stepId? }` (never the text).
 * @fires {JournalLockEvent} ck-journal-lock - The participant turned the lock on or off, locked or unlocked it. `detail: { programId, state, action }`.
 * @fires {CompassionErrorEvent} ck-error - Saving failed (storage full, lost connection, another tab). `detail: { code, message, source: 'journal' }`.
 */
/** How History names a revision kept beside the others rather than saved over them. */
const COPY_LABELS: Record<RevisionLabel, string> = {
  'conflict-copy': 'Copy kept from another tab',
  'imported-copy': 'Copy kept from an imported backup',
};

export class ReflectionJournal extends LitElement {
  static override styles = [tokens, base, supportStyles, styles];

  private readonly programCtl = new ProgramController(this);
  private readonly support = new SupportDialogController(this);
  private readonly editor = new EntryEditor(this, {
    onSaved: (entry, created) => this.onSaved(entry, created),
    onError: (error) => this.onSaveError(error),
  });
  private readonly lockPanel = new LockPanel(this);
  private readonly backupPanel = new BackupPanel(this);
  private readonly sharePanel = new SharePanel(this);

  @state() private view: JournalView = 'list';
  @state() private snapshot: JournalSnapshot = EMPTY_SNAPSHOT;
  @state() private storageStatus: StorageStatus | undefined;
  @state() private lockStatus: LockStatus = { state: 'unknown', autoLockMinutes: null };
  @state() private filter: ListFilter = EMPTY_FILTER;
  @state() private shown = 0;
  @state() private selected: ReadonlySet<string> = new Set();
  @state() private announcement = '';
  @state() private undoId: string | undefined;
  @state() private history: { entryId: string; revisions: EntryRevision[] } | undefined;
  @state() private damagedId: string | undefined;
  @state() private printIds: readonly string[] | undefined;
  @state() private confirmPurge: string | undefined;
  @state() private actionError: string | undefined;
  @state() private newTemplateId = '';
  @state() private tagText = '';
  /** Text recovered from a page that closed before saving (shown once, in one calm line). */
  @state() private recovered: readonly RecoveredDraft[] = [];

  /** URL of the program JSON, when the journal stands alone (inside `<compassion-program>` it is not needed). */
  @property({ reflect: true }) src: string | null = null;

  /** `indexeddb` (default) keeps entries on this device; `memory` only while the page is open. Standalone use only. */
  @property({ reflect: true }) storage: StorageMode = 'indexeddb';

  /** Colour scheme: `light`, `dark`, or unset to follow the system. */
  @property({ reflect: true }) theme: 'light' | 'dark' | null = null;

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

  private bound: CompassionProgram | undefined;
  private unbind: (() => void) | undefined;
  private formatsFor: { locale: string | undefined; formats: Formats } | undefined;
  private listCache: { snapshot: JournalSnapshot; filter: ListFilter; list: JournalEntry[] } | undefined;
  private focusAfterRender: string | undefined;
  private openedEntryId = false;
  private reopenId: string | undefined;
  private lastErrorCode: string | undefined;
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.journalLock?.checkIdle();
  };

  /** The SDK object once the program is ready. */
  get sdk(): CompassionProgram | undefined {
    return this.programCtl.program;
  }

  get programId(): string | undefined {
    return this.sdk?.id;
  }

  /** The program's passphrase lock (shared by every element on the page). */
  get journalLock(): JournalLock | undefined {
    const sdk = this.sdk;
    return sdk ? journalLock(sdk) : undefined;
  }

  /** Date formats in the program's language. */
  get formats(): Formats {
    const locale = this.sdk?.content.program.locale;
    if (!this.formatsFor || this.formatsFor.locale !== locale) this.formatsFor = { locale, formats: new Formats(locale) };
    return this.formatsFor.formats;
  }

  /** True when showing one entry for a template or step rather than the whole journal. */
  get singleEntry(): boolean {
    return !!(this.template || this.stepId);
  }

  /** One entry inside a host widget: no header row of its own, headings from h5. */
  private get inHost(): boolean {
    return this.embedded && this.singleEntry;
  }

  /** The first embedded journal in its host speaks for all of them about the page's storage. */
  private get leadsHost(): boolean {
    const root = this.getRootNode() as Document | ShadowRoot;
    return root.querySelector(`${this.localName}[embedded]`) === this;
  }

  /** What the save-state line says now, e.g. "Saved at 12:03". */
  get saveStateText(): string {
    return this.describe(this.editor.status);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisible);
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    // The editor flushes unsaved text first (its own hostDisconnected); then stop listening.
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisible);
    this.unbind?.();
    this.unbind = undefined;
    this.bound = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('storage')) this.programCtl.srcChanged();
    this.bind(this.programCtl.program);
    if (this.bound && (changed.has('template') || changed.has('stepId') || changed.has('weekId') || changed.has('prompt')) && changed.size && this.snapshot.loaded) {
      void this.switchSingleEntry();
    }
    if (changed.has('pageSize') && (!Number.isFinite(this.pageSize) || this.pageSize < 1)) this.pageSize = 50;
  }

  protected override updated(): void {
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      this.focusAfterRender = undefined;
      target?.focus();
    }
  }

  private bind(sdk: CompassionProgram | undefined): void {
    if (sdk === this.bound && (sdk === undefined || this.unbind)) return;
    this.unbind?.();
    this.bound = sdk;
    this.unbind = undefined;
    this.editor.attach(sdk?.journal, sdk?.drafts);
    if (!sdk) return;
    const lock = journalLock(sdk);
    const stops = [
      sdk.journal.subscribe((s) => this.onJournal(s)),
      sdk.storage.subscribe((s) => (this.storageStatus = s)),
      lock.subscribe((s) => (this.lockStatus = s)),
      lock.onBeforeLock(() => this.editor.flushOrThrow()),
      sdk.drafts.subscribe((s) => (this.recovered = s.recovered.filter((r) => r.kind === 'entry'))),
    ];
    this.unbind = () => stops.forEach((stop) => stop());
    this.storageStatus = sdk.storage.snapshot;
    this.lockStatus = lock.snapshot;
    if (sdk.journal.snapshot.loaded) this.onJournal(sdk.journal.snapshot);
    // D3: nothing is written until the journal has been read.
    sdk.journal.load().catch((error: unknown) => (this.actionError = `Your journal could not be read: ${(error as Error).message}`));
  }

  // ---- Journal changes (this tab, other widgets, other tabs) ----

  private onJournal(s: JournalSnapshot): void {
    const wasLocked = this.snapshot.lock === 'locked';
    this.snapshot = s;
    if (s.lock === 'locked') {
      // Only text already stored is dropped; unsaved text stays until it can be saved.
      if (this.editor.draft && !this.editor.unsaved) {
        this.reopenId = this.editor.stored ? this.editor.draft.id : undefined;
        this.editor.discard();
      }
      this.history = undefined;
      this.sharePanel.forget();
      return;
    }
    if (wasLocked) this.editor.retry();
    this.editor.check(s);
    if (this.damagedId && !s.unreadable?.includes(this.damagedId)) {
      const healed = s.entries.find((e) => e.id === this.damagedId);
      this.damagedId = undefined;
      if (healed) this.editor.open(healed);
    }
    if (this.singleEntry) {
      this.syncSingleEntry();
    } else if (s.loaded && !this.openedEntryId && this.entryId) {
      this.openedEntryId = true;
      void this.openEntry(this.entryId, false);
    } else if (wasLocked && this.reopenId && this.view === 'entry') {
      const id = this.reopenId;
      this.reopenId = undefined;
      void this.openEntry(id, false);
    }
  }

  /** The template, prompt, week and step an embedded journal writes to. */
  private singleEntryDraft(): Omit<Draft, 'id'> | undefined {
    const sdk = this.sdk;
    if (!sdk || !this.singleEntry) return undefined;
    const loc = this.stepId ? sdk.content.step(this.stepId) : undefined;
    const step = loc?.step.kind === 'reflect' ? loc.step : undefined;
    const templateId = this.template ?? step?.template;
    if (!templateId || !sdk.content.template(templateId)) return undefined;
    const prompt = this.prompt ?? step?.prompt;
    const weekId = this.weekId ?? loc?.week.id;
    return {
      templateId,
      title: '',
      fields: {},
      tags: [],
      ...(weekId ? { weekId } : {}),
      ...(this.stepId ? { stepId: this.stepId } : {}),
      ...(prompt ? { prompt } : {}),
    };
  }

  /** Shows the step's entry (the newest, if several), or a new one created on the first keystroke. */
  private syncSingleEntry(): void {
    const s = this.snapshot;
    const spec = this.singleEntryDraft();
    if (!spec || !s.loaded || s.lock === 'locked') return;
    const d = this.editor.draft;
    if (d && (this.editor.stored || this.editor.unsaved)) return;
    const match = spec.stepId ? s.entries.find((e) => e.stepId === spec.stepId && e.templateId === spec.templateId) : undefined;
    if (match) {
      if (this.sdk?.journal.canRead(match)) {
        this.damagedId = undefined;
        if (d?.id !== match.id) this.editor.open(match);
      } else {
        this.damagedId = match.id;
      }
    } else if (!d) {
      this.editor.startNew(spec);
    }
  }

  private async switchSingleEntry(): Promise<void> {
    if (!(await this.editor.close())) return;
    this.damagedId = undefined;
    this.syncSingleEntry();
  }

  // ---- Event handlers ----

  private onSaved(entry: JournalEntry, created: boolean): void {
    this.lastErrorCode = undefined;
    this.dispatchEvent(
      new EntrySavedEvent({
        programId: this.sdk?.id ?? '',
        entryId: entry.id,
        templateId: entry.templateId,
        revision: entry.revision,
        created,
        ...(entry.weekId ? { weekId: entry.weekId } : {}),
        ...(entry.stepId ? { stepId: entry.stepId } : {}),
      }),
    );
  }

  private onSaveError(error: unknown): void {
    const code = error instanceof CompassionKitError ? error.code : ((error as { name?: string })?.name ?? 'unknown');
    if (code === this.lastErrorCode) return;
    this.lastErrorCode = code;
    this.dispatchEvent(new CompassionErrorEvent({ code, message: error instanceof Error ? error.message : String(error), source: 'journal' }));
  }

  private readonly onActivity = () => this.journalLock?.noteActivity();

  private readonly onEditorKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void this.save();
    }
  };

  private readonly onTitle = (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    this.editor.edit((d) => (d.title = value));
  };

  private readonly onTagKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      this.addTag();
    }
  };

  private addTag(): void {
    const tags = this.tagText.split(',').map((t) => t.trim()).filter(Boolean);
    if (!tags.length) return;
    this.editor.edit((d) => (d.tags = [...new Set([...d.tags, ...tags])]));
    this.tagText = '';
    this.announce(tags.length === 1 ? `Tag “${tags[0]}” added.` : `${tags.length} tags added.`);
  }

  private removeTag(tag: string): void {
    this.editor.edit((d) => (d.tags = d.tags.filter((t) => t !== tag)));
    this.announce(`Tag “${tag}” removed.`);
    this.focusAfterRender = '#tag-input';
  }

  private setFilter(patch: Partial<ListFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.shown = 0;
  }

  private toggleSelected(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private go(view: JournalView, focus = '.view-title'): void {
    this.view = view;
    this.actionError = undefined;
    this.confirmPurge = undefined;
    this.focusAfterRender = focus;
    if (view === 'backup') void this.backupPanel.refreshEstimate();
  }

  private async openEntry(id: string, focus = true): Promise<void> {
    if (!(await this.editor.close())) return;
    this.history = undefined;
    const entry = this.snapshot.entries.find((e) => e.id === id) ?? this.snapshot.deleted.find((e) => e.id === id);
    if (!entry) {
      this.actionError = 'That entry is not in this journal any more.';
      return;
    }
    if (this.sdk?.journal.canRead(entry)) {
      this.damagedId = undefined;
      this.editor.open(entry);
    } else {
      this.damagedId = entry.id;
    }
    this.view = 'entry';
    if (focus) this.focusAfterRender = '.view-title';
  }

  private async newEntry(templateId: string): Promise<void> {
    if (!(await this.editor.close())) return;
    this.history = undefined;
    this.damagedId = undefined;
    this.editor.startNew({ templateId, title: '', fields: {}, tags: [] });
    this.view = 'entry';
    this.focusAfterRender = '.editor input, .editor textarea';
  }

  private async backToList(): Promise<void> {
    if (!(await this.editor.close())) {
      this.actionError = 'Your latest text is not saved yet, so it stays open here. ' + (this.editor.status.message ?? '');
      return;
    }
    this.damagedId = undefined;
    this.history = undefined;
    this.go('list', '.list-title');
  }

  private async deleteEntry(): Promise<void> {
    const d = this.editor.draft;
    const journal = this.sdk?.journal;
    if (!d || !journal || !this.editor.stored) return;
    await this.editor.flush();
    try {
      await journal.delete(d.id);
    } catch (error) {
      this.actionError = `The entry could not be deleted: ${(error as Error).message}`;
      return;
    }
    this.undoId = d.id;
    this.announce('Entry moved to Recently deleted.');
    this.editor.discard(true);
    this.history = undefined;
    if (this.singleEntry) this.syncSingleEntry();
    else this.go('list', '.list-title');
  }

  private async undoDelete(): Promise<void> {
    const id = this.undoId;
    this.undoId = undefined;
    if (!id) return;
    await this.restoreDeleted(id);
    if (!this.singleEntry) await this.openEntry(id);
  }

  private async restoreDeleted(id: string): Promise<void> {
    try {
      await this.sdk?.journal.restore(id);
      this.announce('Entry restored.');
    } catch (error) {
      this.actionError = `The entry could not be restored: ${(error as Error).message}`;
    }
  }

  private async purge(id: string): Promise<void> {
    if (this.confirmPurge !== id) {
      this.confirmPurge = id;
      return;
    }
    this.confirmPurge = undefined;
    try {
      await this.sdk?.journal.purge(id);
      this.announce('Entry deleted for good.');
      this.focusAfterRender = '.view-title';
    } catch (error) {
      this.actionError = `The entry could not be deleted: ${(error as Error).message}`;
    }
  }

  private async openHistory(entryId: string): Promise<void> {
    await this.editor.flush();
    try {
      const revisions = (await this.sdk?.journal.revisions(entryId)) ?? [];
      this.history = { entryId, revisions };
      this.focusAfterRender = '#history-title';
    } catch (error) {
      this.actionError = `Earlier versions could not be read: ${(error as Error).message}`;
    }
  }

  private async restoreRevision(r: EntryRevision): Promise<void> {
    const journal = this.sdk?.journal;
    if (!journal) return;
    await this.editor.flush();
    if (this.editor.unsaved) {
      this.actionError = 'Your latest text is not saved yet; restore an earlier version once it is.';
      return;
    }
    try {
      const restored = await journal.restoreRevision(r.entryId, r.revision);
      this.damagedId = undefined;
      this.editor.open(restored);
      this.history = { entryId: r.entryId, revisions: await journal.revisions(r.entryId) };
      this.announce(`Restored the version from ${this.formats.dateTime.format(r.savedAt)}.`);
      this.focusAfterRender = '.view-title';
    } catch (error) {
      this.actionError = `That version could not be restored: ${(error as Error).message}`;
    }
  }

  // ---- Public methods ----

  /** Saves the open entry now (as Ctrl/Cmd+S does). Resolves once stored or failed; see `saveStateText`. */
  async save(): Promise<void> {
    if (this.editor.status.state === 'full' || this.editor.status.state === 'retrying' || this.editor.status.state === 'locked') this.editor.retry();
    await this.editor.flush();
  }

  /** Locks the journal now (when the passphrase lock is on). */
  async lock(): Promise<void> {
    await this.lockPanel.lockNow();
  }

  /** Downloads the JSON backup of everything stored for this program. */
  async exportBackup(): Promise<void> {
    await this.backupPanel.exportBackup();
  }

  /** Saves entries (default: all) as a Markdown file on the device. */
  exportMarkdown(entries: readonly JournalEntry[] = this.snapshot.entries): void {
    const sdk = this.sdk;
    if (!sdk || this.snapshot.lock === 'locked') return;
    const readable = entries.filter((e) => sdk.journal.canRead(e));
    const text = entriesToMarkdown(readable, sdk.content, { title: `${this.heading ?? 'My journal'}: ${sdk.content.program.title}`, locale: sdk.content.program.locale });
    saveTextFile(text, exportFileName('journal', 'md'), FILE_TYPES.markdown, this.renderRoot);
    this.announce(`Saved ${readable.length} ${readable.length === 1 ? 'entry' : 'entries'} as Markdown to your device.`);
  }

  /** Shows the printable view of the given entries (default: all). */
  openPrint(ids?: readonly string[]): void {
    this.printIds = ids ?? this.snapshot.entries.map((e) => e.id);
    this.go('print');
  }

  /** Says something politely to screen readers and on screen. */
  announce(text: string): void {
    // Re-announce identical text too: clear first, then set on the next frame.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  // ---- Rendering ----

  private describe(status: SaveStatus): string {
    switch (status.state) {
      case 'idle':
        return '';
      case 'pending':
      case 'saving':
        return 'Saving…';
      case 'saved':
        // "Saved" promises a durable commit (D1); memory-only mode cannot keep that promise.
        return this.storageStatus?.mode === 'memory'
          ? `Kept until this page closes (not saved on this device) · ${this.formats.time.format(status.savedAt ?? Date.now())}`
          : `Saved at ${this.formats.time.format(status.savedAt ?? Date.now())}`;
      case 'retrying':
        return 'Not saved — retrying';
      case 'full':
        return 'Storage full — export your entries';
      case 'locked':
        return 'Not saved — the journal is locked';
      case 'conflict':
        return 'Not saved — edited in another tab';
    }
  }

  private filtered(): JournalEntry[] {
    const c = this.listCache;
    if (c && c.snapshot === this.snapshot && c.filter === this.filter) return c.list;
    const f = this.filter;
    const list = this.sdk?.journal.list({
      ...(f.templateId ? { templateId: f.templateId } : {}),
      ...(f.weekId ? { weekId: f.weekId } : {}),
      ...(f.tag ? { tag: f.tag } : {}),
      ...(f.query.trim() ? { query: f.query } : {}),
    }) ?? [];
    this.listCache = { snapshot: this.snapshot, filter: f, list };
    return list;
  }

  protected override render(): TemplateResult {
    const state = this.programCtl.value;
    const sdk = this.sdk;
    const template = this.singleEntry && sdk ? this.singleEntryTemplate() : undefined;
    const title = this.heading ?? template?.title ?? 'My journal';
    return html`<div class="journal" @keydown=${this.onActivity} @pointerdown=${this.onActivity}>
      ${this.inHost
        ? nothing
        : html`<div class="header" part="header">
            <h2 class="title">${title}</h2>
            <div class="header-actions">
              ${this.renderLockButton()}
              ${this.embedded ? nothing : this.support.renderButton()}
            </div>
          </div>`}
      ${state.status === 'loading' ? html`<p class="loading" role="status">Opening your journal…</p>` : nothing}
      ${state.status === 'error' ? html`<div class="error" role="alert"><p><strong>The journal could not open.</strong> ${state.error.message}</p></div>` : nothing}
      ${sdk ? this.renderBody(sdk) : nothing}
      <p class="announce" part="announcement" role="status">${this.announcement}</p>
      ${this.undoId ? html`<div class="undo"><button type="button" class="button" @click=${() => this.undoDelete()}>Undo delete</button></div>` : nothing}
      ${this.embedded ? nothing : this.support.renderDialog(sdk?.content.support, sdk?.content.url)}
    </div>`;
  }

  /** The tag for a heading of `level` in the journal's own outline; in a host, under a course step's h4, two levels deeper. */
  private headingTag(level: 3 | 4): StaticValue {
    if (!this.inHost) return level === 3 ? literal`h3` : literal`h4`;
    return level === 3 ? literal`h5` : literal`h6`;
  }

  private renderLockButton(): TemplateResult | typeof nothing {
    return this.lockStatus.state === 'unlocked' ? html`<button type="button" class="button quiet" part="lock-button" @click=${() => this.lock()}>Lock</button>` : nothing;
  }

  private singleEntryTemplate(): JournalTemplate | undefined {
    const spec = this.singleEntryDraft();
    return spec ? this.sdk?.content.template(spec.templateId) : undefined;
  }

  private renderBody(sdk: CompassionProgram): TemplateResult {
    const s = this.snapshot;
    return html`${this.renderBanners()}
      ${this.actionError ? html`<p class="error" role="alert">${this.actionError}</p>` : nothing}
      ${!s.loaded
        ? html`<p class="loading" role="status">Opening your journal…</p>`
        : s.lock === 'locked'
          ? html`${this.singleEntry ? nothing : this.renderNav()}${this.view === 'backup' && !this.singleEntry ? this.backupPanel.render('locked') : this.lockPanel.renderUnlock(this.headingTag(3))}`
          : this.singleEntry
            ? this.renderSingleEntry(sdk)
            : html`${this.renderNav()}${this.view === 'list' ? this.renderRecovered() : nothing}${this.renderView(sdk)}${this.renderStorageLine()}`}`;
  }

  private renderBanners(): TemplateResult | typeof nothing {
    const s = this.storageStatus;
    if (!s) return nothing;
    // Embedded, the host shows the storage mode and "newer version" (as the course does); the first
    // embedded journal speaks for the rest of the page; "storage full" shows where it stopped a save.
    const host = this.embedded;
    const lead = !host || this.leadsHost;
    const full = host ? this.editor.status.state === 'full' : s.full;
    const backup = html`<button type="button" class="button" @click=${() => this.exportBackup()}>Save a backup</button>`;
    const safari =
      lead && s.mode === 'indexeddb' && s.persisted !== true && (this.safariWarning === 'always' || (this.safariWarning === 'auto' && isWebKitWithStorageCap(navigator.userAgent)));
    return html`${s.mode === 'memory' && !host
      ? html`<div class="notice banner" part="banner">
          <p><strong>Entries are not being kept on this device.</strong> ${s.reason ?? 'They last only until this page closes.'}</p>
          ${backup}
        </div>`
      : nothing}
    ${full
      ? html`<div class="error banner" part="banner" role="alert">
          <p><strong>Storage on this device is full.</strong> Your text is still on screen, but it is not saved. Save a backup of your entries, then free some space (for example by clearing other sites’ data); saving is retried automatically.</p>
          ${backup}
        </div>`
      : nothing}
    ${s.blocked && lead ? html`<div class="notice banner" part="banner" role="alert"><p><strong>Close other tabs with this program open.</strong> An update is waiting for them before your journal can be saved here.</p></div>` : nothing}
    ${s.outdated && !host
      ? html`<div class="notice banner" part="banner" role="alert">
          <p><strong>A newer version is open in another tab.</strong> Reload this page to keep writing; your text is still here until you do.</p>
          <button type="button" class="button" @click=${() => location.reload()}>Reload</button>
        </div>`
      : nothing}
    ${safari
      ? html`<div class="notice banner" part="banner">
          <p><strong>Safari may erase this journal</strong> if you do not visit this site for seven days. Save a backup now and then, or add this site to your Home Screen.</p>
          ${backup}
        </div>`
      : nothing}`;
  }

  private renderNav(): TemplateResult {
    const items: [JournalView, string][] = [
      ['list', 'Entries'],
      ['deleted', `Recently deleted (${this.snapshot.deleted.length})`],
      ['share', 'Share with my clinician'],
      ['backup', 'Backup and import'],
      ['lock', 'Privacy lock'],
    ];
    const current = this.view === 'entry' || this.view === 'print' ? 'list' : this.view;
    return html`<nav part="nav" aria-label="Journal sections">
      <ul>
        ${items.map(
          ([view, label]) => html`<li>
            <button type="button" class="nav-item" aria-current=${current === view ? 'page' : 'false'} @click=${() => this.onNav(view)}>${label}</button>
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  private async onNav(view: JournalView): Promise<void> {
    if (this.view === 'entry' && !(await this.editor.close())) {
      this.actionError = 'Your latest text is not saved yet, so it stays open here. ' + (this.editor.status.message ?? '');
      return;
    }
    this.damagedId = undefined;
    this.history = undefined;
    if (view === 'share') this.sharePanel.start(this.selected);
    this.go(view, view === 'list' ? '.list-title' : '.view-title');
  }

  private renderView(sdk: CompassionProgram): TemplateResult {
    switch (this.view) {
      case 'list':
        return this.renderList(sdk);
      case 'entry':
        return this.renderEntryView(sdk);
      case 'deleted':
        return this.renderDeleted(sdk);
      case 'share':
        return this.sharePanel.render(this.snapshot.entries.filter((e) => sdk.journal.canRead(e)));
      case 'backup':
        return this.backupPanel.render(this.lockStatus.state === 'unknown' ? 'off' : this.lockStatus.state);
      case 'lock':
        return this.lockPanel.renderSettings(this.lockStatus.state, this.lockStatus.autoLockMinutes);
      case 'print':
        return this.renderPrint(sdk);
    }
  }

  private renderStorageLine(): TemplateResult | typeof nothing {
    const s = this.storageStatus;
    if (!s || s.mode === 'memory' || this.view === 'print') return nothing;
    return html`<p class="storage-line help" part="storage-status">
      Stored privately in this browser on this device${s.persisted === true ? '; your browser has agreed to keep it' : s.persisted === false ? '; your browser may clear it if space runs low' : ''}.
      ${this.view !== 'backup' ? html`<button type="button" class="link" @click=${() => this.onNav('backup')}>Backup and import</button>` : nothing}
    </p>`;
  }

  // ---- List ----

  private renderList(sdk: CompassionProgram): TemplateResult {
    const all = this.snapshot.entries;
    const templates = sdk.content.program.templates;
    const newId = this.newTemplateId || templates[0]?.id || '';
    const newEntry = html`<div class="new-entry">
      <label for="new-template">New entry</label>
      <select id="new-template" @change=${(e: Event) => (this.newTemplateId = (e.target as HTMLSelectElement).value)}>
        ${templates.map((t) => html`<option value=${t.id} ?selected=${t.id === newId}>${t.title}</option>`)}
      </select>
      <button type="button" class="button primary" @click=${() => this.newEntry(newId)}>Start writing</button>
    </div>`;
    if (!all.length) {
      return html`<h3 class="list-title view-title" tabindex="-1">Entries</h3>
        <div class="empty" part="empty">
          <p>Your journal is empty. What you write here stays private on this device.</p>
          <p>Start with one of these:</p>
          <ul class="starts">
            ${templates.map((t) => html`<li><button type="button" class="button" @click=${() => this.newEntry(t.id)}>${t.title}</button></li>`)}
          </ul>
        </div>
        ${this.snapshot.corrupt ? html`<p class="notice">${this.snapshot.corrupt} stored ${this.snapshot.corrupt === 1 ? 'record' : 'records'} could not be read and ${this.snapshot.corrupt === 1 ? 'is' : 'are'} kept aside.</p>` : nothing}`;
    }
    const list = this.filtered();
    const page = this.shown || this.pageSize;
    const visible = list.slice(0, page);
    const groups = groupEntries(visible, this.groupBy, sdk.content, this.formats);
    const f = this.filter;
    const filtering = !!(f.query.trim() || f.templateId || f.weekId || f.tag);
    const weeks = sdk.content.program.weeks;
    const tags = tagsIn(all);
    const chosen = [...this.selected].filter((id) => list.some((e) => e.id === id));
    const target = chosen.length ? list.filter((e) => this.selected.has(e.id)) : list;
    return html`<h3 class="list-title view-title" tabindex="-1">Entries</h3>
      ${newEntry}
      <form class="filters" role="search" aria-label="Find entries" @submit=${(e: Event) => e.preventDefault()}>
        <div class="field search">
          <label for="search">Search</label>
          <input id="search" type="search" dir="auto" .value=${live(f.query)} @input=${(e: Event) => this.setFilter({ query: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for="filter-template">Template</label>
          <select id="filter-template" @change=${(e: Event) => this.setFilter({ templateId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!f.templateId}>All templates</option>
            ${templates.map((t) => html`<option value=${t.id} ?selected=${t.id === f.templateId}>${t.title}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-week">Week</label>
          <select id="filter-week" @change=${(e: Event) => this.setFilter({ weekId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!f.weekId}>All weeks</option>
            ${weeks.map((w) => html`<option value=${w.id} ?selected=${w.id === f.weekId}>Week ${w.number}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="filter-tag">Tag</label>
          <select id="filter-tag" @change=${(e: Event) => this.setFilter({ tag: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!f.tag}>All tags</option>
            ${tags.map((t) => html`<option value=${t} ?selected=${t === f.tag}>${t}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="group-by">Group by</label>
          <select id="group-by" @change=${(e: Event) => (this.groupBy = (e.target as HTMLSelectElement).value as Grouping)}>
            <option value="week" ?selected=${this.groupBy === 'week'}>Week</option>
            <option value="date" ?selected=${this.groupBy === 'date'}>Date</option>
          </select>
        </div>
      </form>
      <p class="result-count" role="status">
        ${filtering ? `${list.length} of ${all.length} entries match` : `${all.length} ${all.length === 1 ? 'entry' : 'entries'}`}${list.length > visible.length ? `, showing ${visible.length}` : ''}
      </p>
      <div class="selection actions">
        <span class="help">${chosen.length ? `${chosen.length} selected:` : filtering ? 'All matching entries:' : 'All entries:'}</span>
        <button type="button" class="button" ?disabled=${!target.length} @click=${() => this.exportMarkdown(target)}>Save as Markdown</button>
        <button type="button" class="button" ?disabled=${!target.length} @click=${() => this.openPrint(target.map((e) => e.id))}>Print</button>
        <button type="button" class="button" @click=${() => this.onNav('share')}>Share with my clinician</button>
        ${chosen.length ? html`<button type="button" class="button quiet" @click=${() => (this.selected = new Set())}>Clear selection</button>` : nothing}
      </div>
      ${list.length
        ? html`<div class="groups" part="entry-list">
            ${groups.map(
              (g) => html`<section class="group" aria-labelledby=${`group-${g.key}`}>
                <h4 class="group-title" id=${`group-${g.key}`}>${g.label}</h4>
                <ul class="cards">
                  ${g.entries.map((e) => this.renderCard(sdk, e))}
                </ul>
              </section>`,
            )}
          </div>`
        : html`<div class="empty" part="empty">
            <p>No entries match.</p>
            <button type="button" class="button" @click=${() => this.setFilter(EMPTY_FILTER)}>Clear search and filters</button>
          </div>`}
      ${list.length > visible.length
        ? html`<div class="actions"><button type="button" class="button" @click=${() => (this.shown = page + this.pageSize)}>Show ${Math.min(this.pageSize, list.length - visible.length)} more</button></div>`
        : nothing}`;
  }

  private renderCard(sdk: CompassionProgram, e: JournalEntry): TemplateResult {
    const template = sdk.content.template(e.templateId);
    const readable = sdk.journal.canRead(e);
    const heading = readable ? entryHeading(e, template) : `${template?.title ?? 'Entry'} (could not be opened)`;
    const week = e.weekId ? sdk.content.week(e.weekId) : undefined;
    const meta = [template && e.title.trim() ? template.title : undefined, this.formats.dateTime.format(e.createdAt), week ? `Week ${week.number}` : undefined].filter(Boolean).join(' · ');
    const text = readable ? excerpt(e, template) : '';
    return html`<li class="card" part="entry-card">
      <input type="checkbox" id=${`select-${e.id}`} .checked=${live(this.selected.has(e.id))} @change=${(ev: Event) => this.toggleSelected(e.id, (ev.target as HTMLInputElement).checked)} />
      <label class="visually-hidden" for=${`select-${e.id}`}>Select ${heading}</label>
      <div class="card-body">
        <h5 class="card-title"><button type="button" class="link" dir="auto" @click=${() => this.openEntry(e.id)}>${heading}</button></h5>
        <p class="meta">${meta}</p>
        ${text ? html`<p class="excerpt" dir="auto">${text}</p>` : nothing}
        ${e.tags.length ? html`<ul class="tags" aria-label="Tags">${e.tags.map((t) => html`<li class="tag" dir="auto">${t}</li>`)}</ul>` : nothing}
      </div>
    </li>`;
  }

  // ---- One entry ----

  private renderEntryView(sdk: CompassionProgram): TemplateResult {
    return html`<div class="entry-bar">
        <button type="button" class="button quiet" @click=${() => this.backToList()}>Back to all entries</button>
      </div>
      ${this.renderEntry(sdk)}`;
  }

  private renderSingleEntry(sdk: CompassionProgram): TemplateResult {
    if (!this.singleEntryDraft()) {
      const which = this.template ?? this.stepId;
      return html`<div class="error" role="alert">
        <p>
          <strong>This journal cannot be shown.</strong>
          ${this.template ? `The program has no journal template “${which}”.` : `The program has no reflection step “${which}”; give a template attribute too.`}
        </p>
      </div>`;
    }
    return this.renderEntry(sdk);
  }

  /** The editor (or the damaged-entry message) for the open entry. */
  private renderEntry(sdk: CompassionProgram): TemplateResult {
    if (this.damagedId) return this.renderDamaged(sdk, this.damagedId);
    const d = this.editor.draft;
    if (!d) return html`<p class="loading" role="status">Opening the entry…</p>`;
    const template = sdk.content.template(d.templateId);
    const status = this.editor.status;
    const week = d.weekId ? sdk.content.week(d.weekId) : undefined;
    const step = d.stepId ? sdk.content.step(d.stepId)?.step : undefined;
    const inHost = this.inHost;
    // In a host, the step around the entry already names its week and step.
    const context = inHost
      ? [d.title.trim() ? (template?.title ?? d.templateId) : undefined].filter(Boolean).join(' · ')
      : [template?.title ?? d.templateId, week ? `Week ${week.number}: ${week.title}` : undefined, step?.title].filter(Boolean).join(' · ');
    const heading = inHost ? d.title.trim() || this.heading || template?.title || 'Your entry' : this.singleEntry ? d.title.trim() || 'Your entry' : d.title.trim() || template?.title || 'New entry';
    const deleted = this.editor.deletedElsewhere ? 'in Recently deleted' : '';
    const locked = status.state === 'locked';
    const title = staticHtml`<${this.headingTag(3)} class="view-title" tabindex="-1" dir="auto">${heading}</${this.headingTag(3)}>`;
    return html`<div class="entry">
      ${inHost ? html`<div class="entry-head">${title}${this.renderLockButton()}</div>` : title}
      ${context || deleted ? html`<p class="context meta">${[context, deleted].filter(Boolean).join(' · ')}</p>` : nothing}
      ${status.state === 'conflict' ? this.renderConflict(status) : nothing}
      ${this.renderRecovered(d.id)}
      <form class="editor" part="editor" aria-label=${ifDefined(inHost ? undefined : `Entry: ${heading}`)} @submit=${(e: Event) => e.preventDefault()} @keydown=${this.onEditorKey}>
        ${d.prompt ? html`<blockquote class="prompt" part="prompt" dir="auto">${d.prompt}</blockquote>` : nothing}
        ${template?.guidance ? html`<div class="guidance">${renderMarkdown(template.guidance, { headingLevel: inHost ? 6 : 4, baseUrl: sdk.content.url })}</div>` : nothing}
        <div class="field">
          <label for="entry-title">Title (optional)</label>
          <input id="entry-title" part="input" type="text" dir="auto" autocomplete="off" .value=${live(d.title)} @input=${this.onTitle} />
        </div>
        ${template ? renderFields(template, d, this.editor, false) : nothing}
        ${extraFields(template, d).map((f) => renderField(f, d.fields[f.id] ?? null, this.editor, false))}
        ${this.renderTags(d)}
        <div class="save-row">
          <p class="save-state" part="save-state" role="status" data-state=${status.state}>${this.describe(status)}</p>
          ${status.state === 'full' || status.state === 'retrying' || locked ? html`<p class="help">${status.message ?? ''}</p>` : nothing}
        </div>
        <div class="actions">
          <button type="button" class="button primary" aria-keyshortcuts="Control+S Meta+S" @click=${() => this.save()}>Save now</button>
          ${status.state === 'full' ? html`<button type="button" class="button" @click=${() => this.exportBackup()}>Save a backup</button>` : nothing}
          <button type="button" class="button" ?disabled=${!this.editor.stored} @click=${() => this.openHistory(d.id)}>History</button>
          <button type="button" class="button danger" ?disabled=${!this.editor.stored} @click=${() => this.deleteEntry()}>Delete</button>
        </div>
        <p class="help">Your writing is saved as you type. Press Ctrl+S (⌘S on a Mac) to save at once.</p>
      </form>
      ${this.history?.entryId === d.id ? this.renderHistory(this.history.revisions) : nothing}
    </div>`;
  }

  /** One calm line per text recovered from a page that closed before saving; `entryId` limits it to one entry. */
  private renderRecovered(entryId?: string): TemplateResult | typeof nothing {
    const list = this.recovered.filter((r) => entryId === undefined || r.id === entryId);
    if (!list.length) return nothing;
    return html`<div class="recovered" part="recovered" role="status">
      ${list.map((r) => {
        const at = this.formats.time.format(r.writtenAt);
        const title = entryId === undefined ? this.snapshot.entries.find((e) => e.id === r.id)?.title.trim() : undefined;
        const where = title ? ` in “${title}”` : '';
        return html`<p>
          ${r.outcome === 'copy'
            ? `Recovered text you wrote at ${at}${where}. This entry had changed since, so your text is kept as a copy in its History.`
            : `Recovered text you wrote at ${at}${where}.`}
        </p>`;
      })}
      <button type="button" class="button quiet" @click=${() => this.dismissRecovered(list)}>OK</button>
    </div>`;
  }

  private dismissRecovered(list: readonly RecoveredDraft[]): void {
    this.recovered = this.recovered.filter((r) => !list.includes(r));
  }

  private renderConflict(status: SaveStatus): TemplateResult {
    const theirs = status.theirs;
    return html`<div class="error conflict" part="conflict" role="alert">
      <p>
        <strong>This entry was edited in another tab.</strong> Your changes here are not saved yet.
        ${theirs ? `The other version was saved at ${this.formats.time.format(theirs.updatedAt)}.` : ''} Choose which one to keep; the other stays in the entry’s history.
      </p>
      <div class="actions">
        <button type="button" class="button" @click=${() => this.editor.useTheirs()}>Reload the other version</button>
        <button type="button" class="button primary" @click=${() => this.editor.keepMine()}>Keep mine</button>
      </div>
    </div>`;
  }

  private renderTags(d: Draft): TemplateResult {
    const suggestions = tagsIn(this.snapshot.entries).filter((t) => !d.tags.includes(t));
    return html`<div class="field tags-field">
      <label for="tag-input">Tags</label>
      ${d.tags.length
        ? html`<ul class="tags editable" aria-label="Tags on this entry">
            ${d.tags.map(
              (t) => html`<li class="tag" dir="auto">
                <span>${t}</span>
                <button type="button" class="tag-remove" aria-label=${`Remove tag ${t}`} @click=${() => this.removeTag(t)}><span aria-hidden="true">×</span></button>
              </li>`,
            )}
          </ul>`
        : nothing}
      <div class="tag-add">
        <input id="tag-input" type="text" dir="auto" autocomplete="off" list="tag-suggestions" aria-describedby="tag-help" .value=${live(this.tagText)} @input=${(e: Event) => (this.tagText = (e.target as HTMLInputElement).value)} @keydown=${this.onTagKey} />
        <button type="button" class="button" @click=${() => this.addTag()}>Add tag</button>
      </div>
      <datalist id="tag-suggestions">${suggestions.map((t) => html`<option value=${t}></option>`)}</datalist>
      <p class="help" id="tag-help">Press Enter to add a tag, for example “sleep” or “work”.</p>
    </div>`;
  }

  private renderHistory(revisions: readonly EntryRevision[]): TemplateResult {
    const journal = this.sdk?.journal;
    const current = this.editor.baseRevision;
    const template = this.editor.draft ? this.sdk?.content.template(this.editor.draft.templateId) : undefined;
    // In a host, a group rather than a region: several entries' histories must not become look-alike landmarks.
    const tag = this.inHost ? literal`div` : literal`section`;
    return staticHtml`<${tag} class="history" part="history" role=${ifDefined(this.inHost ? 'group' : undefined)} aria-labelledby="history-title">
      <${this.headingTag(4)} id="history-title" tabindex="-1">Earlier versions</${this.headingTag(4)}>
      <p class="help">The last 20 versions are kept. Restoring one makes it the current text again; the version you have now stays in this list.</p>
      <ol class="revisions">
        ${revisions.map((r) => {
          const readable = journal?.canRead(r) ?? false;
          const preview = readable ? excerpt({ ...r, id: r.entryId, templateId: '', createdAt: r.savedAt, updatedAt: r.savedAt }, template, 120) : '';
          return html`<li>
            <p><strong>Version ${r.revision}</strong> · ${this.formats.dateTime.format(r.savedAt)}${r.revision === current ? ' (current)' : ''}${r.label ? html` · <span class="copy-label">${COPY_LABELS[r.label]}</span>` : nothing}</p>
            ${readable ? html`<p class="excerpt" dir="auto">${r.title ? `${r.title}: ` : ''}${preview || '(empty)'}</p>` : html`<p class="error">This version could not be opened: it failed the integrity check.</p>`}
            <button type="button" class="button" ?disabled=${r.revision === current || !readable} @click=${() => this.restoreRevision(r)}>
              Restore this version<span class="visually-hidden"> (version ${r.revision})</span>
            </button>
          </li>`;
        })}
      </ol>
      <button type="button" class="button quiet" @click=${() => (this.history = undefined)}>Close history</button>
    </${tag}>`;
  }

  private renderDamaged(sdk: CompassionProgram, id: string): TemplateResult {
    const entry = this.snapshot.entries.find((e) => e.id === id) ?? this.snapshot.deleted.find((e) => e.id === id);
    const template = entry ? sdk.content.template(entry.templateId) : undefined;
    const title = staticHtml`<${this.headingTag(3)} class="view-title" tabindex="-1">${template?.title ?? 'Entry'}</${this.headingTag(3)}>`;
    return html`<div class="entry">
      ${this.inHost ? html`<div class="entry-head">${title}${this.renderLockButton()}</div>` : title}
      <div class="error" role="alert">
        <p><strong>This entry could not be opened.</strong> Its stored text failed the integrity check: it was damaged or changed on this device. Your other entries are not affected.</p>
        <p>An earlier version may still open: look in its history. A backup made before the damage will also restore it.</p>
      </div>
      <div class="actions"><button type="button" class="button" @click=${() => this.openHistory(id)}>History</button></div>
      ${this.history?.entryId === id ? this.renderHistory(this.history.revisions) : nothing}
    </div>`;
  }

  // ---- Recently deleted, print ----

  private renderDeleted(sdk: CompassionProgram): TemplateResult {
    const deleted = this.snapshot.deleted;
    return html`<section class="panel" aria-labelledby="deleted-title">
      <h3 id="deleted-title" class="view-title" tabindex="-1">Recently deleted</h3>
      <p>Deleted entries stay here, with their history, until you delete them for good.</p>
      ${deleted.length
        ? html`<ul class="cards deleted">
            ${deleted.map((e) => {
              const template = sdk.content.template(e.templateId);
              const heading = sdk.journal.canRead(e) ? entryHeading(e, template) : (template?.title ?? 'Entry');
              return html`<li class="card">
                <div class="card-body">
                  <p class="card-title" dir="auto">${heading}</p>
                  <p class="meta">Deleted ${this.formats.dateTime.format(e.deletedAt ?? e.updatedAt)}</p>
                  <div class="actions">
                    <button type="button" class="button" @click=${() => this.restoreDeleted(e.id)}>Restore<span class="visually-hidden"> ${heading}</span></button>
                    <button type="button" class="button danger" @click=${() => this.purge(e.id)}>
                      ${this.confirmPurge === e.id ? 'Confirm: delete for good' : 'Delete for good'}<span class="visually-hidden"> ${heading}</span>
                    </button>
                  </div>
                </div>
              </li>`;
            })}
          </ul>`
        : html`<p class="empty" part="empty">Nothing here.</p>`}
    </section>`;
  }

  private renderPrint(sdk: CompassionProgram): TemplateResult {
    const ids = new Set(this.printIds ?? []);
    const entries = this.snapshot.entries.filter((e) => ids.has(e.id) && sdk.journal.canRead(e));
    return html`<section class="print-view" part="print-view" aria-labelledby="print-title">
      <div class="actions no-print">
        <button type="button" class="button" @click=${() => this.go('list', '.list-title')}>Back to all entries</button>
        <button type="button" class="button primary" @click=${() => window.print()}>Print or save as PDF</button>
      </div>
      <h3 id="print-title" class="view-title" tabindex="-1">${sdk.content.program.title}: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}</h3>
      ${entries.map((e) => {
        const template = sdk.content.template(e.templateId);
        const week = e.weekId ? sdk.content.week(e.weekId) : undefined;
        return html`<article class="print-entry">
          <h4 dir="auto">${entryHeading(e, template)}</h4>
          <p class="meta">${[template?.title, week ? `Week ${week.number}: ${week.title}` : undefined, this.formats.dateTime.format(e.createdAt)].filter(Boolean).join(' · ')}</p>
          ${e.prompt ? html`<blockquote class="prompt" dir="auto">${e.prompt}</blockquote>` : nothing}
          ${(template?.fields ?? []).map((f) => {
            const text = valueText(f, e.fields[f.id]);
            return text === undefined ? nothing : html`<h5>${f.label}</h5><p class="value" dir="auto">${text}</p>`;
          })}
          ${e.tags.length ? html`<p class="meta">Tags: ${e.tags.join(', ')}</p>` : nothing}
        </article>`;
      })}
    </section>`;
  }
}
