import type { ReactiveControllerHost } from 'lit';
import type { DraftStore } from '../../../sdk/store/drafts.js';
import type { JournalRepository, JournalSnapshot } from '../../../sdk/store/journal.js';
import type { JournalEntry } from '../../../sdk/store/records.js';
import type { Draft, EntryEditor } from './entry-editor.js';
import type { saveEvents } from './save-events.js';
import type { showStepEntry } from './step-entry.js';
import type { SaveStatus } from './save-status.js';
import type { EN_ENTRY_STRINGS } from './en-entry-strings.js';
import type { Program } from '../../../sdk/content/types.js';

/** What the editor's code brings (the entry view's module). */
export interface EditorCode {
  EntryEditor: typeof EntryEditor;
  saveEvents: typeof saveEvents;
  showStepEntry: typeof showStepEntry;
  EN_ENTRY_STRINGS: typeof EN_ENTRY_STRINGS;
}

const IDLE: SaveStatus = { state: 'idle' };

/**
 * Where the open entry's editor lives. Its code (entry-editor.ts) arrives with the entry view, the
 * first time an entry opens: until then nothing is open, so there is nothing to save, flush or
 * check, and each call here is a calm no-op. Opening or starting an entry waits for the code.
 */
export class EditorSlot {
  private editor: EntryEditor | undefined;
  private module: EditorCode | undefined;
  private loading: Promise<EntryEditor> | undefined;
  private events: ReturnType<typeof saveEvents> | undefined;
  private stores: { journal: JournalRepository | undefined; drafts: DraftStore | undefined } = { journal: undefined, drafts: undefined };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The program's id, for the events each save fires. */
    private readonly programId: () => string,
    private readonly loadCode: () => Promise<EditorCode>,
    /** The program, for the check of the participant's words on each save. */
    private readonly program: () => Program | undefined = () => undefined,
    /** The editor's English words with the journal's translations over them. */
    private readonly translate: <T extends object>(en: T) => T = (en) => en,
  ) {}


  /** The editor's code, once it has arrived. */
  get code(): EditorCode | undefined {
    return this.module;
  }

  /** The editor, once its code has arrived (undefined before the first entry opens). */
  get loaded(): EntryEditor | undefined {
    return this.editor;
  }

  get draft(): Draft | undefined {
    return this.editor?.draft;
  }

  get status(): SaveStatus {
    return this.editor?.status ?? IDLE;
  }

  get stored(): boolean {
    return this.editor?.stored ?? false;
  }

  get unsaved(): boolean {
    return this.editor?.unsaved ?? false;
  }

  /** Whether this entry's saved words offered the support card (on this page). */
  supportOffered(entryId: string): boolean {
    return this.events?.offered(entryId) ?? false;
  }

  /** The editor, loading its code first. */
  load(): Promise<EntryEditor> {
    if (this.editor) return Promise.resolve(this.editor);
    this.loading ??= this.loadCode().then(
      (code) => {
        const { EntryEditor, saveEvents } = code;
        this.module = code;
        // A controller added now joins the connected host at once (Lit calls its hostConnected).
        this.events ??= saveEvents(this.host, this.programId, this.program);
        const editor = (this.editor ??= new EntryEditor(this.host, this.events));
        editor.attach(this.stores.journal, this.stores.drafts);
        return editor;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  attach(journal: JournalRepository | undefined, drafts?: DraftStore): void {
    this.stores = { journal, drafts };
    this.editor?.attach(journal, drafts);
  }

  async open(entry: JournalEntry): Promise<void> {
    (await this.load()).open(entry);
  }

  async startNew(draft: Omit<Draft, 'id'>): Promise<void> {
    (await this.load()).startNew(draft);
  }

  close(): Promise<boolean> {
    return this.editor ? this.editor.close() : Promise.resolve(true);
  }

  discard(force = false): void {
    this.editor?.discard(force);
  }

  flush(): Promise<void> {
    return this.editor ? this.editor.flush() : Promise.resolve();
  }

  /** Saves the open text before the journal locks; rejects, in the journal's language, when it cannot be saved. */
  flushOrThrow(): Promise<void> {
    const { editor, module } = this;
    return editor && module ? editor.flushOrThrow(this.translate(module.EN_ENTRY_STRINGS).notSavedNotLocked) : Promise.resolve();
  }

  check(snapshot: JournalSnapshot): void {
    this.editor?.check(snapshot);
  }

  retry(): void {
    this.editor?.retry();
  }
}
