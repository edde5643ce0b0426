import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { journalLock, type LockStatus } from '../../../sdk/crypto/journal-lock.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { StorageStatus } from '../../../sdk/store/database.js';
import type { RecoveredDraft } from '../../../sdk/store/drafts.js';
import type { JournalSnapshot } from '../../../sdk/store/journal.js';
import type { EntryEditor } from './entry-editor.js';

const EMPTY_SNAPSHOT: JournalSnapshot = { loaded: false, entries: [], deleted: [], corrupt: 0 };

/**
 * Follows the program the journal works on: its journal snapshot, storage status, lock status and
 * the text recovered from a page that closed before saving. Binds when the program arrives or
 * changes, unbinds on disconnect; reads the journal before anything is written (D3).
 */
export class JournalBinding implements ReactiveController {
  snapshot: JournalSnapshot = EMPTY_SNAPSHOT;
  storage: StorageStatus | undefined;
  lock: LockStatus = { state: 'unknown', autoLockMinutes: null };
  /** Text recovered from a page that closed before saving (shown once, in one calm line). */
  recovered: readonly RecoveredDraft[] = [];
  private bound: CompassionProgram | undefined;
  private unbind: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly editor: EntryEditor,
    /** A new journal snapshot arrived; `wasLocked` tells whether the one before was locked. */
    private readonly changed: (s: JournalSnapshot, wasLocked: boolean) => void,
    private readonly failed: (message: string) => void,
  ) {
    host.addController(this);
  }

  /** Whether a program is bound. */
  get ready(): boolean {
    return !!this.bound;
  }

  hostDisconnected(): void {
    this.unbind?.();
    this.unbind = undefined;
    this.bound = undefined;
  }

  /** Follows `sdk` (called before each update; does nothing when it is already bound). */
  bind(sdk: CompassionProgram | undefined): void {
    if (sdk === this.bound && (sdk === undefined || this.unbind)) return;
    this.unbind?.();
    this.bound = sdk;
    this.unbind = undefined;
    this.editor.attach(sdk?.journal, sdk?.drafts);
    if (!sdk) return;
    const lock = journalLock(sdk);
    const stops = [
      sdk.journal.subscribe((s) => this.onJournal(s)),
      sdk.storage.subscribe((s) => this.set({ storage: s })),
      lock.subscribe((s) => this.set({ lock: s })),
      lock.onBeforeLock(() => this.editor.flushOrThrow()),
      sdk.drafts.subscribe((s) => this.set({ recovered: s.recovered.filter((r) => r.kind === 'entry') })),
    ];
    this.unbind = () => stops.forEach((stop) => stop());
    this.set({ storage: sdk.storage.snapshot, lock: lock.snapshot });
    if (sdk.journal.snapshot.loaded) this.onJournal(sdk.journal.snapshot);
    sdk.journal.load().catch((error: unknown) => this.failed(`Your journal could not be read: ${(error as Error).message}`));
  }

  /** The participant read these recovery lines ("OK"). */
  dismiss(list: readonly RecoveredDraft[]): void {
    this.set({ recovered: this.recovered.filter((r) => !list.includes(r)) });
  }

  private onJournal(s: JournalSnapshot): void {
    const wasLocked = this.snapshot.lock === 'locked';
    this.snapshot = s;
    this.changed(s, wasLocked);
    this.host.requestUpdate();
  }

  private set(patch: Partial<Pick<JournalBinding, 'storage' | 'lock' | 'recovered'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
}
