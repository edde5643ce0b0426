import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { JournalLock, LockStatus } from '../../../sdk/crypto/journal-lock.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { StorageStatus } from '../../../sdk/store/database.js';
import type { RecoveredDraft } from '../../../sdk/store/drafts.js';
import type { JournalSnapshot } from '../../../sdk/store/journal.js';
import type { EditorSlot } from './editor-slot.js';

const EMPTY_SNAPSHOT: JournalSnapshot = { loaded: false, entries: [], deleted: [], total: 0, counted: false, deletedCount: 0, hasMore: false, corrupt: 0 };

/** The passphrase lock's module (src/sdk/crypto/journal-lock.ts), loaded on first use. */
export type LockModule = Pick<typeof import('../../../sdk/crypto/journal-lock.js'), 'journalLock'>;

/**
 * Follows the program the journal works on: its journal snapshot, storage status, lock status and
 * the text recovered from a page that closed before saving. Binds when the program arrives or
 * changes, unbinds on disconnect; reads the journal before anything is written (D3).
 *
 * The lock's state comes from the journal snapshot. The lock's code (its settings, unlocking, the
 * save-before-locking hook) loads only once a lock record exists or the participant uses the lock.
 */
export class JournalBinding implements ReactiveController {
  snapshot: JournalSnapshot = EMPTY_SNAPSHOT;
  storage: StorageStatus | undefined;
  /** Text recovered from a page that closed before saving (shown once, in one calm line). */
  recovered: readonly RecoveredDraft[] = [];
  /** Why the journal could not be read (the storage's error), worded by the journal when it renders. */
  readError: Error | undefined;
  private bound: CompassionProgram | undefined;
  private unbind: (() => void) | undefined;
  private stops: (() => void)[] = [];
  /** The program's lock, once its code has loaded and this binding follows it. */
  private followed: { lock: JournalLock; status: LockStatus } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly editor: EditorSlot,
    /** A new journal snapshot arrived; `wasLocked` tells whether the one before was locked. */
    private readonly changed: (s: JournalSnapshot, wasLocked: boolean) => void,
    private readonly loadLockModule: () => Promise<LockModule>,
  ) {
    host.addController(this);
  }

  /** Whether a program is bound. */
  get ready(): boolean {
    return !!this.bound;
  }

  /** The lock's state (from the journal snapshot) and, once its code has loaded, its auto-lock time. */
  get lock(): LockStatus {
    const s = this.snapshot;
    return { state: s.loaded ? (s.lock ?? 'off') : 'unknown', autoLockMinutes: this.followed?.status.autoLockMinutes ?? null };
  }

  /** The program's lock if its code has loaded (it has whenever a lock record exists). */
  get journalLock(): JournalLock | undefined {
    return this.followed?.lock;
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
    this.readError = undefined;
    this.editor.attach(sdk?.journal, sdk?.drafts);
    if (!sdk) return;
    this.stops = [
      sdk.journal.subscribe((s) => this.onJournal(s)),
      sdk.storage.subscribe((s) => this.set({ storage: s })),
      sdk.drafts.subscribe((s) => this.set({ recovered: s.recovered.filter((r) => r.kind === 'entry') })),
    ];
    this.unbind = () => {
      this.stops.forEach((stop) => stop());
      this.stops = [];
      this.followed = undefined;
    };
    this.set({ storage: sdk.storage.snapshot });
    if (sdk.journal.snapshot.loaded) this.onJournal(sdk.journal.snapshot);
    sdk.journal.load().catch((error: unknown) => this.set({ readError: error instanceof Error ? error : new Error(String(error)) }));
  }

  /**
   * The program's lock, loading its code first, and followed from then on: its auto-lock time, and
   * the open text saved before it locks. Undefined when no program is bound.
   */
  async loadLock(): Promise<JournalLock | undefined> {
    const sdk = this.bound;
    if (!sdk) return undefined;
    const { journalLock } = await this.loadLockModule();
    const lock = journalLock(sdk);
    if (this.bound === sdk && this.unbind && this.followed?.lock !== lock) {
      this.followed = { lock, status: lock.snapshot };
      this.stops.push(
        lock.subscribe((status) => this.set({ followed: { lock, status } })),
        lock.onBeforeLock(() => this.editor.flushOrThrow()),
      );
      this.host.requestUpdate();
    }
    return lock;
  }

  /** The participant read these recovery lines ("OK"). */
  dismiss(list: readonly RecoveredDraft[]): void {
    this.set({ recovered: this.recovered.filter((r) => !list.includes(r)) });
  }

  private onJournal(s: JournalSnapshot): void {
    const wasLocked = this.snapshot.lock === 'locked';
    this.snapshot = s;
    // A lock record exists: its code is needed to unlock, to lock itself when idle, and to save first.
    if (s.lock === 'locked' || s.lock === 'unlocked') this.loadLock().catch(() => undefined);
    this.changed(s, wasLocked);
    this.host.requestUpdate();
  }

  private set(patch: Partial<Pick<JournalBinding, 'storage' | 'recovered' | 'readError'>> & { followed?: JournalBinding['followed'] }): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
}
