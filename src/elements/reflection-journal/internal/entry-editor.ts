import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ConflictError, StorageError } from '../../../sdk/errors.js';
import type { DraftStore } from '../../../sdk/store/drafts.js';
import type { JournalRepository, JournalSnapshot } from '../../../sdk/store/journal.js';
import type { EntryDraft, FieldValue, JournalEntry } from '../../../sdk/store/records.js';
import type { SaveStatus } from './save-status.js';

export type { SaveState, SaveStatus } from './save-status.js';

/** The text being edited: what the participant sees, which may be ahead of what is stored. */
export interface Draft {
  id: string;
  templateId: string;
  title: string;
  fields: Record<string, FieldValue>;
  tags: string[];
  weekId?: string;
  stepId?: string;
  prompt?: string;
}

export interface EntryEditorOptions {
  /** Autosave delay after the last keystroke (D2: at most 500 ms). */
  debounceMs?: number;
  /** A save of the participant's text committed. */
  onSaved?(entry: JournalEntry, created: boolean): void;
  /** A save failed (any reason). */
  onError?(error: unknown): void;
}

export const AUTOSAVE_DEBOUNCE_MS = 400;
const MAX_RETRY_MS = 30_000;

/**
 * Keeps one entry's draft and saves it: debounced autosave, flush on `visibilitychange`,
 * `pagehide` and disconnect (D2), honest status (D1), retries (D6, D8), and conflict detection
 * against other tabs and widgets (D7). The draft is only replaced from outside on open, on a
 * restored revision, or by another tab's save while nothing here is unsaved: never while typing.
 */
export class EntryEditor implements ReactiveController {
  draft: Draft | undefined;
  status: SaveStatus = { state: 'idle' };
  /** Whether the entry exists in storage yet (new entries are created on the first keystroke). */
  stored = false;
  /** Set when the open entry was moved to "recently deleted" somewhere else. */
  deletedElsewhere = false;

  private journal: JournalRepository | undefined;
  private drafts: DraftStore | undefined;
  /** The write-ahead copy's number for the newest text (see DraftStore.keep). */
  private keptSeq = 0;
  /** The revision the save in flight will store, if it commits (recorded in the copy). */
  private savingRevision: number | undefined;
  private base: number | undefined;
  private dirty = false;
  private version = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = 1000;
  private inFlight: Promise<void> | undefined;
  private again = false;
  private readonly debounceMs: number;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: EntryEditorOptions = {},
  ) {
    this.debounceMs = Math.min(500, options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS);
    host.addController(this);
  }

  /** True while there is text on screen that is not yet stored. */
  get unsaved(): boolean {
    return this.dirty;
  }

  /** The revision this draft is based on (undefined before the first save). */
  get baseRevision(): number | undefined {
    return this.base;
  }

  hostConnected(): void {
    // D2: the last chance to write before a tab is discarded, closed or navigated away.
    document.addEventListener('visibilitychange', this.onHide);
    window.addEventListener('pagehide', this.onHide);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onHide);
    window.removeEventListener('pagehide', this.onHide);
    void this.flush();
  }

  private readonly onHide = () => {
    // The write-ahead copy first: it is synchronous, so it survives a tab that is closing.
    this.drafts?.flush();
    void this.flush();
  };

  /** Uses this journal (and its write-ahead drafts) from now on (when the program changes). */
  attach(journal: JournalRepository | undefined, drafts?: DraftStore): void {
    this.journal = journal;
    this.drafts = drafts;
  }

  /** Edits an existing entry. */
  open(entry: JournalEntry): void {
    this.reset();
    this.adopt(entry);
    this.status = { state: 'idle' };
  }

  /** Starts a new entry that is created in storage on the first change. */
  startNew(draft: Omit<Draft, 'id'>): void {
    this.reset();
    this.draft = { ...draft, id: crypto.randomUUID() };
    this.stored = false;
    this.base = undefined;
    this.status = { state: 'idle' };
    this.host.requestUpdate();
  }

  /** Closes the entry after saving what is unsaved. Returns false, and stays open, if that text could not be stored. */
  async close(): Promise<boolean> {
    await this.flush();
    if (this.dirty) return false;
    this.reset();
    this.status = { state: 'idle' };
    this.host.requestUpdate();
    return true;
  }

  /** Forgets the draft without saving (after it was stored, or deleted). Unsaved text is kept unless `force`. */
  discard(force = false): void {
    if (this.dirty && !force) return;
    if (this.draft) this.drafts?.discard('entry', this.draft.id);
    this.reset();
    this.status = { state: 'idle' };
    this.host.requestUpdate();
  }

  /** Applies the participant's change and schedules an autosave. */
  edit(change: (draft: Draft) => void): void {
    if (!this.draft) return;
    change(this.draft);
    this.dirty = true;
    this.version++;
    this.keepCopy();
    if (this.status.state !== 'conflict' && this.status.state !== 'locked') {
      if (this.status.state !== 'full' && this.status.state !== 'retrying') this.status = { state: 'pending' };
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.flush(), this.debounceMs);
    }
    this.host.requestUpdate();
  }

  /** Saves now what is unsaved (Ctrl/Cmd+S, hide, unload, lock). Resolves when stored or failed. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    if (!this.dirty || !this.draft || !this.journal || this.status.state === 'conflict') return Promise.resolve();
    this.inFlight = this.run().finally(() => {
      this.inFlight = undefined;
      if (this.journal) this.check(this.journal.snapshot);
    });
    return this.inFlight;
  }

  /** Like flush, but rejects if the text could not be stored (used before locking): `notLocked` and the save's own message. */
  async flushOrThrow(notLocked: string): Promise<void> {
    await this.flush();
    if (this.dirty) throw new StorageError('write-failed', `${notLocked} ${this.status.message ?? ''}`.trim());
  }

  /** Compares the stored entry with the draft after any journal change (another tab or widget). */
  check(snapshot: JournalSnapshot): void {
    const d = this.draft;
    if (!d || this.inFlight || !snapshot.loaded || !this.journal) return;
    const live = snapshot.entries.find((e) => e.id === d.id);
    const stored = live ?? snapshot.deleted.find((e) => e.id === d.id);
    const wasDeleted = this.deletedElsewhere;
    this.deletedElsewhere = !!stored && !live;
    if (!stored) {
      if (this.stored) {
        // Removed for good elsewhere: the text stays here, and typing creates it again.
        this.stored = false;
        this.base = undefined;
        this.host.requestUpdate();
      }
      return;
    }
    if (wasDeleted !== this.deletedElsewhere) this.host.requestUpdate();
    if (this.base !== undefined && stored.revision <= this.base) return;
    if (!this.journal.canRead(stored)) return;
    if (this.dirty || this.status.state === 'conflict') {
      this.status = { state: 'conflict', theirs: stored };
      clearTimeout(this.timer);
      this.host.requestUpdate();
    } else {
      this.adopt(stored);
    }
  }

  /** Conflict: store this version anyway, over the other tab's (theirs stays in the history). */
  async keepMine(): Promise<void> {
    if (!this.draft || !this.journal) return;
    this.status = { state: 'saving' };
    this.dirty = true;
    this.host.requestUpdate();
    await this.save(true);
  }

  /** Conflict: show the other tab's version; this version is kept in the history first, so nothing is lost. */
  async useTheirs(): Promise<void> {
    const theirs = this.status.theirs;
    if (!this.draft || !this.journal || !theirs) return;
    this.status = { state: 'saving' };
    this.host.requestUpdate();
    if (this.dirty && (await this.save(true))) {
      const restored = await this.journal.restoreRevision(theirs.id, theirs.revision).catch((error: unknown) => {
        this.fail(error);
        return undefined;
      });
      if (restored) this.open(restored);
    } else if (!this.dirty) {
      this.open(theirs);
    }
    this.host.requestUpdate();
  }

  /** Replaces the draft with a stored entry (open, reload, restore). */
  adopt(entry: JournalEntry): void {
    this.draft = {
      id: entry.id,
      templateId: entry.templateId,
      title: entry.title,
      fields: { ...entry.fields },
      tags: [...entry.tags],
      ...(entry.weekId ? { weekId: entry.weekId } : {}),
      ...(entry.stepId ? { stepId: entry.stepId } : {}),
      ...(entry.prompt ? { prompt: entry.prompt } : {}),
    };
    this.base = entry.revision;
    this.stored = true;
    this.dirty = false;
    this.deletedElsewhere = !!entry.deletedAt;
    if (this.status.state === 'conflict') this.status = { state: 'idle' };
    this.host.requestUpdate();
  }

  /** Retries after the lock was opened again, or storage was freed. */
  retry(): void {
    if (this.dirty && this.status.state !== 'conflict') {
      this.status = { state: 'pending' };
      void this.flush();
    }
  }

  /** Writes the write-ahead copy of the text on screen (D2: survives a tab closed mid-save). */
  private keepCopy(): void {
    const d = this.draft;
    if (!d || !this.drafts) return;
    this.keptSeq = this.drafts.keep('entry', d.id, {
      entry: { ...toEntryDraft(d), id: d.id },
      ...(this.base !== undefined ? { base: this.base } : {}),
      ...(this.savingRevision !== undefined ? { saving: this.savingRevision } : {}),
    });
  }

  private reset(): void {
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.draft = undefined;
    this.stored = false;
    this.base = undefined;
    this.dirty = false;
    this.deletedElsewhere = false;
    this.retryDelay = 1000;
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      if (!this.dirty || !this.draft || this.status.state === 'conflict') return;
      if (!(await this.save(false))) return;
    } while (this.again);
  }

  /** One save attempt; true if it committed. */
  private async save(force: boolean): Promise<boolean> {
    const draft = this.draft!;
    const version = this.version;
    const kept = this.keptSeq;
    const journal = this.journal!;
    clearTimeout(this.retryTimer);
    this.status = { ...this.status, state: 'saving' };
    this.host.requestUpdate();
    // A forced save lands wherever the stored entry is: the copy cannot claim its revision.
    this.savingRevision = force ? undefined : (this.base ?? 0) + 1;
    if (this.savingRevision !== undefined) this.drafts?.mark('entry', draft.id, { saving: this.savingRevision });
    try {
      const options = force ? { force: true } : this.base !== undefined ? { expectedRevision: this.base } : {};
      const entry = await journal.save(toEntryDraft(draft), options);
      this.savingRevision = undefined;
      const created = !this.stored;
      this.stored = true;
      this.base = entry.revision;
      this.retryDelay = 1000;
      if (this.draft?.id === draft.id && this.version === version) {
        this.dirty = false;
        this.status = { state: 'saved', savedAt: Date.now() };
        this.drafts?.settle('entry', draft.id, kept);
      } else if (this.draft?.id === draft.id) {
        this.status = { state: 'pending' };
        this.again = true;
        // Newer text is still unsaved: its copy now builds on the revision just stored.
        this.keepCopy();
      } else {
        this.drafts?.settle('entry', draft.id, kept);
      }
      this.options.onSaved?.(entry, created);
      return true;
    } catch (error) {
      this.savingRevision = undefined;
      this.fail(error);
      return false;
    } finally {
      this.host.requestUpdate();
    }
  }

  private fail(error: unknown): void {
    this.options.onError?.(error);
    if (error instanceof ConflictError) {
      const journal = this.journal;
      this.status = { state: 'conflict', theirs: journal?.snapshot.entries.find((e) => e.id === error.entryId) ?? journal?.snapshot.deleted.find((e) => e.id === error.entryId) };
      // The other tab's news may not have arrived yet: read its version directly.
      if (journal && (this.status.theirs?.revision ?? 0) < error.storedRevision) {
        void journal.get(error.entryId).then((theirs) => {
          if (theirs && this.status.state === 'conflict' && this.draft?.id === theirs.id) {
            this.status = { state: 'conflict', theirs };
            this.host.requestUpdate();
          }
        });
      }
      return;
    }
    const code = error instanceof StorageError ? error.code : 'write-failed';
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'locked') {
      this.status = { state: 'locked', message };
      return;
    }
    // D6/D8: keep the text, try again later; the next keystroke or Ctrl+S also retries at once.
    this.status = { state: code === 'quota-exceeded' ? 'full' : 'retrying', message };
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
    this.retryDelay = Math.min(MAX_RETRY_MS, this.retryDelay * 2);
  }
}

function toEntryDraft(d: Draft): EntryDraft {
  const draft: EntryDraft = { id: d.id, templateId: d.templateId, title: d.title, fields: { ...d.fields }, tags: [...d.tags] };
  if (d.weekId) draft.weekId = d.weekId;
  if (d.stepId) draft.stepId = d.stepId;
  if (d.prompt) draft.prompt = d.prompt;
  return draft;
}
