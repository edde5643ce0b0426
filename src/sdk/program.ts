import { ProgramContent } from './content/content.js';
import { loadProgram, type LoadProgramOptions } from './content/load.js';
import { CompassionKitError, ProgramError } from './errors.js';
import {
  CompassionErrorEvent,
  EntrySavedEvent,
  PracticeLoggedEvent,
  ProgramCompleteEvent,
  StepCompleteEvent,
  StorageStatusEvent,
  WeekCompleteEvent,
  type CompassionEventMap,
} from './events.js';
import { Observable } from './observable.js';
import type { KeptRecordings } from './offline/kept-recordings.js';
import type { BackupApi } from './store/backup.js';
import type { StorageMode } from './store/backend.js';
import { Database, type StorageStatus } from './store/database.js';
import type { DraftStore } from './store/drafts.js';
import type { JournalRepository } from './store/journal.js';
import { hasDraftCopies, journalParts, type JournalParts } from './store/journal-slot.js';
import { Sealing, type TextSealer } from './store/sealing.js';
import { PlaybackRepository, PracticeRepository, SettingsRepository } from './store/practice.js';
import { ProgressRepository } from './store/progress.js';

export interface OpenProgramOptions {
  /** A program object (validated before use). Give this or `url`. */
  program?: unknown;
  /** Where to fetch the program JSON. Relative URLs inside it resolve against this. */
  url?: string | URL;
  /**
   * The program as JSON text, e.g. from a `<script type="application/json">` on the page, for
   * hosts that cannot serve a JSON file. A syntax error names its line and column. With `url`
   * as well, relative URLs inside resolve against `url` and nothing is fetched.
   */
  text?: string;
  /** `indexeddb` (default) keeps data on this device; `memory` keeps it only for this page. */
  storage?: StorageMode;
  /** Fall back to memory if IndexedDB has not opened after this many ms (default 5000). */
  openTimeoutMs?: number;
  /** Limits for fetching `url`. */
  load?: LoadProgramOptions;
}

/** The storage status, observable, plus the actions a participant may take on it. */
export class StorageApi extends Observable<StorageStatus> {
  constructor(private readonly db: Database) {
    super(db.status);
  }

  get mode(): StorageMode {
    return this.snapshot.mode;
  }

  /** Asks the browser to keep this site's data even when space runs low (D5). Resolves to whether it will. */
  async requestPersistence(): Promise<boolean> {
    if (this.snapshot.mode !== 'indexeddb' || !navigator.storage?.persist) return false;
    const persisted = await navigator.storage.persist().catch(() => false);
    this.db.setStatus({ persisted });
    return persisted;
  }

  /** Bytes used and available for this site, when the browser tells. */
  async estimate(): Promise<{ usage: number; quota: number } | undefined> {
    const e = await navigator.storage?.estimate?.().catch(() => undefined);
    return e ? { usage: e.usage ?? 0, quota: e.quota ?? 0 } : undefined;
  }

  /** @internal */
  update(status: StorageStatus): void {
    this.set(status);
  }
}

/**
 * One participant's view of one program: its content and everything they have stored for it.
 * Dispatches the typed `ck-*` events (see events.ts); listen with `addEventListener`.
 */
// The interface below only narrows EventTarget's own listener methods to the ck-* event types.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CompassionProgram extends EventTarget {
  readonly content: ProgramContent;
  readonly progress: ProgressRepository;
  readonly practice: PracticeRepository;
  readonly playback: PlaybackRepository;
  readonly settings: SettingsRepository;
  readonly storage: StorageApi;
  /** The passphrase lock's one sealing path: its state (read by the time `ready` resolves) and sealing of any value. */
  readonly sealing: TextSealer;
  private readonly db: Database;
  private readonly sealer: Sealing;
  private closed = false;
  private journalRepo: JournalRepository | undefined;
  private draftStore: DraftStore | undefined;
  private backupApi: BackupApi | undefined;

  /** Use `openProgram()`, which loads and validates the program and waits for storage. */
  constructor(content: ProgramContent, options: Pick<OpenProgramOptions, 'storage' | 'openTimeoutMs'> = {}) {
    super();
    this.content = content;
    const programId = content.id;
    this.db = new Database(programId, {
      storage: options.storage,
      openTimeoutMs: options.openTimeoutMs,
      onStatus: (status) => {
        this.storage?.update(status);
        this.dispatchEvent(new StorageStatusEvent({ ...status, programId }));
      },
      onRemoteChange: (stores) => void this.refresh(stores),
    });
    this.storage = new StorageApi(this.db);
    const sealing = new Sealing(this.db);
    this.sealer = sealing;
    this.sealing = sealing;
    this.progress = new ProgressRepository(this.db, content, sealing, (r) => {
      const completedSteps = this.progress.snapshot.completed.size;
      this.dispatchEvent(new StepCompleteEvent({ programId, weekId: r.week.id, stepId: r.progress.stepId, completedSteps, totalSteps: content.totalSteps }));
      if (r.weekCompleted) this.dispatchEvent(new WeekCompleteEvent({ programId, weekId: r.week.id, weekNumber: r.week.number }));
      if (r.programCompleted) this.dispatchEvent(new ProgramCompleteEvent({ programId, weeks: content.program.weeks.length }));
    });
    // Notes open when the journal is unlocked and hide again when it locks.
    sealing.onChange(() => {
      if (this.progress.snapshot.loaded) void this.progress.load().catch((error: unknown) => this.reportError(error, 'storage'));
    });
    this.practice = new PracticeRepository(this.db, (s) => {
      this.dispatchEvent(new PracticeLoggedEvent({ programId, sessionId: s.id, mode: s.mode, minutes: Math.max(1, Math.round(s.seconds / 60)), ...(s.meditationId ? { meditationId: s.meditationId } : {}) }));
    });
    this.playback = new PlaybackRepository(this.db);
    this.settings = new SettingsRepository(this.db);
  }

  /**
   * The participant's journal entries. Its code loads with whatever writes entries (the journal
   * element, a course week, the player's check-in, or `import 'compassion-kit/sdk'`); elsewhere
   * `await program.loadJournal()` first.
   */
  get journal(): JournalRepository {
    if (!this.journalRepo) {
      const programId = this.id;
      this.journalRepo = new (this.parts().JournalRepository)(this.db, ({ entry, created }) => {
        const detail = { programId, entryId: entry.id, templateId: entry.templateId, revision: entry.revision, created, ...(entry.weekId ? { weekId: entry.weekId } : {}), ...(entry.stepId ? { stepId: entry.stepId } : {}) };
        this.dispatchEvent(new EntrySavedEvent(detail));
        // D5: ask to persist once there is something worth keeping.
        if (created && this.storage.snapshot.persisted !== true) void this.storage.requestPersistence();
      }, this.sealer);
    }
    return this.journalRepo;
  }

  /** Write-ahead copies of unsaved text, recovered after a page closed mid-save (see docs/reflection-journal.md). Loads with `journal`. */
  get drafts(): DraftStore {
    this.draftStore ??= new (this.parts().DraftStore)(this.id, { enabled: () => this.storage.mode !== 'memory', sealer: this.sealing, journal: this.journal, progress: this.progress });
    return this.draftStore;
  }

  /** Export, import and erase of everything stored for the program. Loads with `journal`. */
  get backup(): BackupApi {
    this.backupApi ??= new (this.parts().BackupApi)(this.db, this.id, this.sealer, () => this.refresh(['entries', 'progress', 'practice', 'settings']));
    return this.backupApi;
  }

  /** Loads the journal's code if this page has not yet, and resolves with `journal` (`drafts` is then ready too). */
  async loadJournal(): Promise<JournalRepository> {
    if (!journalParts()) await import('./store/journal-parts.js');
    return this.journal;
  }

  get id(): string {
    return this.content.id;
  }

  /** Recordings kept on this device for offline practice (Cache Storage). Its code loads on the first call. */
  offline(): Promise<KeptRecordings> {
    return import('./offline/kept-recordings.js').then((m) => m.keptRecordings(this.content));
  }

  /** Resolves once storage is open (or has fallen back to memory) and progress and practice are loaded. D3: nothing is written before this. */
  get ready(): Promise<void> {
    return this.db.ready.then(async () => {
      // Three reads side by side: no key exists before `ready`, so progress reads sealed notes as
      // locked whether or not the lock's state is known yet.
      await Promise.all([
        this.sealing.state === 'unknown' ? this.sealer.refresh() : undefined,
        this.progress.snapshot.loaded ? undefined : this.progress.load(),
        this.progress.snapshot.loaded ? undefined : this.practice.load(),
      ]);
    });
  }

  /**
   * @internal Text a page typed and could not save before it closed is saved now (D2). The
   * journal's code loads for this only when the device holds copies for this program, or it is
   * already here.
   */
  recoverDrafts(): void {
    if (this.closed || (!journalParts() && !hasDraftCopies(this.id))) return;
    void this.loadJournal()
      .then(() => this.drafts.recover())
      .catch((error: unknown) => this.reportError(error, 'storage'));
  }

  /** Reports an error to listeners as a `ck-error` event. */
  reportError(error: unknown, source: string): void {
    const code = error instanceof CompassionKitError ? error.code : ((error as { name?: string })?.name ?? 'unknown');
    const message = error instanceof Error ? error.message : String(error);
    this.dispatchEvent(new CompassionErrorEvent({ code, message, source }));
  }

  /** Closes the storage connection. The object must not be used afterwards. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.draftStore?.close();
    this.db.close();
  }

  private parts(): JournalParts {
    const parts = journalParts();
    if (!parts) throw new CompassionKitError('not-loaded', "The journal's code is not loaded on this page: `await program.loadJournal()` first (it brings program.journal, program.drafts and program.backup), or import 'compassion-kit/sdk', which includes it.");
    return parts;
  }

  private async refresh(stores: readonly string[]): Promise<void> {
    try {
      if (stores.includes('settings')) await this.sealer.refresh();
      if (stores.includes('entries')) await this.journalRepo?.reload();
      if (stores.includes('progress') || stores.includes('settings')) await this.progress.load();
      if (stores.includes('practice')) await this.practice.load();
    } catch (error) {
      this.reportError(error, 'storage');
    }
  }
}

// Typed addEventListener for the SDK object.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface CompassionProgram {
  addEventListener<K extends keyof CompassionEventMap>(type: K, listener: (event: CompassionEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CompassionEventMap>(type: K, listener: (event: CompassionEventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/**
 * Loads (or takes) a program, validates it, opens the participant's storage for it, and resolves
 * with the SDK object. Rejects with a `ProgramError` listing every problem with its path.
 *
 * ```ts
 * const program = await openProgram({ url: '/programs/self-compassion.json' });
 * await program.progress.complete('w1-read');
 * ```
 */
export async function openProgram(options: OpenProgramOptions): Promise<CompassionProgram> {
  let content: ProgramContent;
  const base = options.url !== undefined ? new URL(options.url, globalThis.location?.href).href : undefined;
  if (options.text !== undefined) {
    const { parseProgram, logWarnings } = await import('./content/parse.js');
    const { program, warnings } = parseProgram(options.text, base ?? 'the inline program');
    content = new ProgramContent(program, base ?? globalThis.location?.href, warnings);
    logWarnings(content);
  } else if (options.program !== undefined) {
    // The validator is a lazy chunk (see content/load.ts); it still runs before anything renders.
    const { validateProgram, logWarnings } = await import('./content/parse.js');
    const { program, warnings } = validateProgram(options.program);
    content = new ProgramContent(program, base, warnings);
    logWarnings(content);
  } else if (options.url !== undefined) {
    const loaded = await loadProgram(options.url, options.load);
    content = new ProgramContent(loaded.program, loaded.url, loaded.warnings);
  } else {
    throw new ProgramError('invalid-program', 'openProgram needs a `program` object, its JSON `text`, or a `url` to load it from.');
  }
  const session = new CompassionProgram(content, options);
  await session.ready;
  // Looked at after the caller's first render: the first read of localStorage costs a few ms.
  setTimeout(() => session.recoverDrafts());
  return session;
}

const shared = new Map<string, Promise<CompassionProgram>>();

/**
 * The one shared SDK object for a program URL on this page: elements outside any
 * `<compassion-program>` use it, so two widgets on one page always see one store.
 */
export function sharedProgram(url: string | URL, storage?: StorageMode): Promise<CompassionProgram> {
  const key = `${new URL(url, globalThis.location?.href).href}#${storage ?? 'indexeddb'}`;
  let session = shared.get(key);
  if (!session) {
    session = openProgram({ url, storage });
    shared.set(key, session);
    // A failed load may be retried later (e.g. after going back online).
    session.catch(() => shared.delete(key));
  }
  return session;
}
