import { StorageError } from '../errors.js';
import { Observable } from '../observable.js';
import type { JournalRepository, JournalSnapshot, LockState } from '../store/journal.js';
import { asLockRecord, MIN_PASSPHRASE_LENGTH, type LockRecord } from './lock-record.js';

/**
 * The key handling (PBKDF2, AES-GCM) is a lazy chunk: requested as soon as a lock record is seen or
 * the lock is used, so a journal without a lock never downloads it.
 */
let cryptoModule: Promise<typeof import('./lock-crypto.js')> | undefined;
const lockCrypto = () => (cryptoModule ??= import('./lock-crypto.js').catch((error: unknown) => {
  cryptoModule = undefined;
  throw error;
}));

export interface LockStatus {
  /** `unknown` until the journal has been read. */
  state: LockState | 'unknown';
  /** Minutes without activity before locking itself; null for never (known once on or unlocked). */
  autoLockMinutes: number | null;
  /**
   * While the lock is being turned on or off: records encrypted or opened so far, of how many, and
   * when it began (epoch ms), so a view can show a progress bar once the work takes more than a moment.
   */
  work?: { what: 'encrypting' | 'opening'; done: number; total: number; startedAt: number };
}

/** Auto-lock choices offered by the element, in minutes (null: never). */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, null] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 15;

/**
 * The journal's optional passphrase lock (S1). While it is on, every entry's title, fields and
 * tags are stored only as AES-GCM-256 ciphertext under a random data key; that key is stored only
 * wrapped by a key derived from the passphrase (PBKDF2-SHA-256, 600,000 rounds), and lives
 * unwrapped in memory only while unlocked. The passphrase is never stored.
 *
 * ```ts
 * const lock = journalLock(program);
 * await lock.enable('three unrelated words');
 * lock.lock();                   // the text leaves memory
 * await lock.unlock('three unrelated words');
 * ```
 */
export class JournalLock extends Observable<LockStatus> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastActivity = Date.now();
  private readonly flushers = new Set<() => Promise<void>>();

  constructor(private readonly journal: JournalRepository) {
    super({ state: journal.snapshot.loaded ? (journal.snapshot.lock ?? 'off') : 'unknown', autoLockMinutes: null });
    journal.subscribe((s) => this.follow(s));
    if (this.snapshot.state !== 'off' && this.snapshot.state !== 'unknown') preloadCrypto();
    void this.readSettings();
  }

  get state(): LockStatus['state'] {
    return this.snapshot.state;
  }

  /**
   * Turns the lock on: creates a data key, wraps it under `passphrase`, and seals every entry and
   * revision in one transaction. Entries written before stay readable only with the passphrase.
   */
  async enable(passphrase: string, options: { autoLockMinutes?: number | null } = {}): Promise<void> {
    await this.journal.load();
    if (this.journal.lockState !== 'off') throw new StorageError('locked', 'The journal lock is already on.');
    checkLength(passphrase);
    const autoLockMinutes = options.autoLockMinutes === undefined ? DEFAULT_AUTO_LOCK_MINUTES : options.autoLockMinutes;
    const { createLock, AesGcmEntryCipher } = await lockCrypto();
    const { record, key } = await createLock(passphrase, { autoLockMinutes });
    try {
      await this.journal.relock({ record, expectKeyId: null, seal: new AesGcmEntryCipher(key, record.keyId) }, this.progress('encrypting'));
    } finally {
      this.endWork();
    }
    this.update({ state: 'unlocked', autoLockMinutes });
    this.noteActivity();
  }

  /** Opens the journal. A wrong passphrase throws `wrong-passphrase` and changes nothing. */
  async unlock(passphrase: string): Promise<void> {
    const [record, { unwrap, AesGcmEntryCipher }] = await Promise.all([this.record(), lockCrypto()]);
    const key = await unwrap(record, passphrase);
    const cipher = new AesGcmEntryCipher(key, record.keyId);
    await this.journal.useCipher(cipher);
    if (!this.journal.snapshot.loaded) await this.journal.load();
    // Anything that arrived in the clear (an import of an unlocked backup, an older tab), in any store, is sealed now.
    await this.journal.relock({ record, expectKeyId: record.keyId, seal: cipher });
    this.update({ state: 'unlocked', autoLockMinutes: record.autoLockMinutes });
    this.noteActivity();
  }

  /**
   * Forgets the key and the opened text. Registered flushers (an editor's unsaved text) run
   * first; if one fails the journal stays unlocked and the error is thrown, so no text is lost.
   */
  async lock(): Promise<void> {
    if (this.journal.lockState !== 'unlocked') return;
    for (const flush of [...this.flushers]) await flush();
    clearTimeout(this.timer);
    await this.journal.useCipher(undefined);
    this.update({ ...this.snapshot, state: this.journal.lockState });
  }

  /** Reports a rewrite's progress in `work`, from its first record on. */
  private progress(what: 'encrypting' | 'opening'): (done: number, total: number) => void {
    const startedAt = Date.now();
    return (done, total) => this.update({ ...this.snapshot, work: { what, done, total, startedAt } });
  }

  private endWork(): void {
    if (!this.snapshot.work) return;
    const { work: _done, ...rest } = this.snapshot;
    this.update(rest);
  }

  /** Re-wraps the data key under a new passphrase; no entry is re-encrypted. A wrong current passphrase changes nothing. */
  async changePassphrase(current: string, next: string): Promise<void> {
    checkLength(next);
    const [record, { rewrap }] = await Promise.all([this.record(), lockCrypto()]);
    const updated = await rewrap(record, current, next);
    await this.journal.replaceLockRecord(updated, record.keyId);
    this.noteActivity();
  }

  /** Turns the lock off: opens every entry and stores it as plain text again, in one transaction. */
  async disable(passphrase: string): Promise<void> {
    const [record, { unwrap, AesGcmEntryCipher }] = await Promise.all([this.record(), lockCrypto()]);
    const cipher = new AesGcmEntryCipher(await unwrap(record, passphrase), record.keyId);
    try {
      await this.journal.relock({ record: null, expectKeyId: record.keyId, open: cipher }, this.progress('opening'));
    } catch (error) {
      this.endWork();
      if (error instanceof StorageError && error.code === 'decrypt-failed') {
        throw new StorageError('decrypt-failed', `${error.message} The lock stays on so that nothing is lost: restore or delete that entry first.`, { cause: error });
      }
      throw error;
    }
    clearTimeout(this.timer);
    this.update({ state: 'off', autoLockMinutes: null });
  }

  /** Minutes of inactivity before locking (null: never). */
  async setAutoLock(minutes: number | null): Promise<void> {
    const record = await this.record();
    await this.journal.replaceLockRecord({ ...record, autoLockMinutes: minutes, changedAt: Date.now() }, record.keyId);
    this.update({ ...this.snapshot, autoLockMinutes: minutes });
    this.noteActivity();
  }

  /** Call on the participant's activity (typing, clicking): restarts the idle countdown. */
  noteActivity(): void {
    this.lastActivity = Date.now();
    this.arm();
  }

  /** Locks now if the idle time has passed (timers sleep in background tabs: call on return). */
  async checkIdle(): Promise<void> {
    const minutes = this.snapshot.autoLockMinutes;
    if (this.journal.lockState !== 'unlocked' || minutes === null) return;
    if (Date.now() - this.lastActivity >= minutes * 60_000) {
      try {
        await this.lock();
      } catch {
        // Unsaved text could not be written: stay unlocked and try again in a minute.
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.checkIdle(), 60_000);
      }
    } else {
      this.arm();
    }
  }

  /** Registers work to finish before locking (e.g. saving an open draft); returns the unregister function. */
  onBeforeLock(flush: () => Promise<void>): () => void {
    this.flushers.add(flush);
    return () => this.flushers.delete(flush);
  }

  private arm(): void {
    clearTimeout(this.timer);
    const minutes = this.snapshot.autoLockMinutes;
    if (this.journal.lockState !== 'unlocked' || minutes === null) return;
    const remaining = Math.max(0, this.lastActivity + minutes * 60_000 - Date.now());
    this.timer = setTimeout(() => void this.checkIdle(), remaining);
  }

  private async record(): Promise<LockRecord> {
    const value = await this.journal.lockRecord();
    if (value === undefined) throw new StorageError('not-found', 'The journal lock is off: there is nothing to unlock.');
    return asLockRecord(value);
  }

  private follow(s: JournalSnapshot): void {
    const state = s.loaded ? (s.lock ?? 'off') : 'unknown';
    if (state === this.snapshot.state) return;
    if (state !== 'unlocked') clearTimeout(this.timer);
    this.update({ ...this.snapshot, state });
    if (state === 'locked' || state === 'unlocked') preloadCrypto();
    if (state !== 'off') void this.readSettings();
  }

  private async readSettings(): Promise<void> {
    try {
      const value = await this.journal.lockRecord();
      const minutes = value === undefined ? null : asLockRecord(value).autoLockMinutes;
      if (minutes !== this.snapshot.autoLockMinutes) this.update({ ...this.snapshot, autoLockMinutes: minutes });
    } catch {
      // A damaged record is reported when unlocking; the status just stays as it is.
    }
  }

  private update(next: LockStatus): void {
    this.set(next);
  }
}

/** Starts downloading the key handling now (a lock record exists, or its settings opened), so unlocking does not wait for it. */
export function preloadCrypto(): void {
  lockCrypto().catch(() => undefined);
  // The journal's rewrite of every store (store/relock.ts) runs right after the key is ready.
  import('../store/relock.js').catch(() => undefined);
}

function checkLength(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new StorageError('wrong-passphrase', `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
}

const locks = new WeakMap<JournalRepository, JournalLock>();

/** The one lock for a program's journal on this page (every element on the page shares it). */
export function journalLock(program: { journal: JournalRepository }): JournalLock {
  let lock = locks.get(program.journal);
  if (!lock) {
    lock = new JournalLock(program.journal);
    locks.set(program.journal, lock);
  }
  return lock;
}
