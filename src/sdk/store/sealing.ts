import { StorageError } from '../errors.js';
import type { Tx } from './backend.js';
import type { Database } from './database.js';
import type { EntryCipher } from './journal.js';
import type { Sealed } from './records.js';
import { STORES, type StoreName, type StoreRecords } from './schema.js';

/** The settings key of the passphrase lock's record (see src/sdk/crypto). Its presence means "the lock is on". */
export const LOCK_SETTING_KEY = 'journal-lock';

/** What the passphrase lock offers to code that keeps participant text somewhere of its own (drafts, say). */
export interface TextSealer {
  /** 'unknown' only before program.ready resolves; after ready the lock record has been read. */
  readonly state: 'off' | 'locked' | 'unlocked' | 'unknown';
  /** Seals any JSON value; AAD binds `purpose` and `id` (e.g. purpose 'draft', id 'entry:abc'). Throws StorageError('locked') when locked. */
  sealValue(purpose: string, id: string, value: unknown): Promise<Sealed>;
  openValue<T>(purpose: string, id: string, sealed: Sealed): Promise<T>;
  /** Called with the new state whenever it changes (lock, unlock, turned on/off, another tab). Returns unsubscribe. */
  onChange(listener: (state: 'off' | 'locked' | 'unlocked') => void): () => void;
}

/**
 * The fields of each store that are bookkeeping (ids, times, counters, the program's own ids) and
 * so stay readable while the lock is on. Everything else in a record is the participant's and is
 * sealed: a field added later is sealed by default, never leaked because a list missed it.
 * Settings hold configuration only (the lock record itself, the last step visited), never text.
 */
export const PLAIN_FIELDS: { readonly [S in StoreName]: readonly string[] | 'all' } = {
  entries: ['id', 'templateId', 'weekId', 'stepId', 'prompt', 'createdAt', 'updatedAt', 'revision', 'deletedAt'],
  revisions: ['key', 'entryId', 'revision', 'savedAt', 'label'],
  progress: ['stepId', 'weekId', 'completedAt'],
  practice: ['id', 'mode', 'meditationId', 'startedAt', 'endedAt', 'seconds'],
  playback: ['meditationId', 'position', 'duration', 'updatedAt'],
  settings: 'all',
  quarantine: ['id', 'store', 'reason', 'quarantinedAt'],
};

/** Entries and revisions keep their text in the journal's own sealed layout (title, fields, tags), readable by older versions. */
export const JOURNAL_TEXT = ['title', 'fields', 'tags'];

export type AnyRecord = Record<string, unknown>;

export type SealState = 'off' | 'locked' | 'unlocked';

/**
 * The one sealing path every repository uses (S1): it knows whether the lock is on, holds the data
 * key while unlocked, and turns any record into what may be stored (sealed when the lock is on).
 */
export class Sealing implements TextSealer {
  /** Key id of the stored lock record; undefined when off; null until read. */
  private storedKeyId: string | undefined | null = null;
  private key: EntryCipher | undefined;
  private last: TextSealer['state'] = 'unknown';
  private readonly listeners = new Set<(state: SealState) => void>();
  /** Set only while the lock is being turned off: its one transaction writes opened text before the lock record goes. */
  private plainAllowed = 0;

  constructor(private readonly db: Database) {
    // The last line of defence: whatever path a write takes, no participant text lands in the clear while the lock is on.
    db.writeGuard = (store, value) => {
      if (this.plainAllowed || typeof this.storedKeyId !== 'string' || !needsSealing(store, value as AnyRecord)) return;
      const id = (value as AnyRecord)[STORES[store].keyPath];
      throw new StorageError('locked', `The journal lock is on, so the ${store} record "${String(id)}" may not be stored in the clear${this.key ? '' : ': unlock with your passphrase to save'}. Your text is still on screen.`);
    };
  }

  /** Runs `write` (turning the lock off) with the guard against clear text lifted. */
  async whileOpening<T>(write: () => Promise<T>): Promise<T> {
    this.plainAllowed++;
    try {
      return await write();
    } finally {
      this.plainAllowed--;
    }
  }

  get state(): TextSealer['state'] {
    if (this.storedKeyId === null) return 'unknown';
    if (this.storedKeyId === undefined) return 'off';
    return this.key ? 'unlocked' : 'locked';
  }

  /** The data key while unlocked. */
  get cipher(): EntryCipher | undefined {
    return this.key;
  }

  /** Reads the lock record (at start-up, and when another tab changed settings). */
  async refresh(): Promise<void> {
    const record = await this.db.read(['settings'], (tx) => tx.get('settings', LOCK_SETTING_KEY));
    this.observe(lockKeyId(record?.value));
  }

  /** Takes note of the lock record's key id as just read; a key for another lock is dropped. */
  observe(keyId: string | undefined): void {
    this.storedKeyId = keyId;
    if (this.key && this.key.keyId !== keyId) this.key = undefined;
    this.emit();
  }

  /** Uses `cipher` (unlocked) or none (locked) from now on. */
  use(cipher: EntryCipher | undefined, storedKeyId?: string | null): void {
    this.key = cipher;
    if (storedKeyId !== undefined) this.storedKeyId = storedKeyId ?? undefined;
    else if (cipher) this.storedKeyId = cipher.keyId;
    this.emit();
  }

  onChange(listener: (state: SealState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async sealValue(purpose: string, id: string, value: unknown): Promise<Sealed> {
    if (!this.key) throw this.state === 'off' ? new StorageError('unavailable', `The journal lock is off, so there is no key to seal the ${purpose} "${id}" with.`) : lockedError();
    return this.key.sealValue(purpose, id, value);
  }

  async openValue<T>(purpose: string, id: string, sealed: Sealed): Promise<T> {
    if (!this.key) throw lockedError();
    return this.key.openValue<T>(purpose, id, sealed);
  }

  /**
   * What may be stored for `record` right now: sealed while the lock is on, as is while it is off.
   * Throws `locked` when the lock is on, no key is in memory, and the record holds participant text.
   * Pair it with `verify` inside the write's transaction.
   */
  async prepare<S extends StoreName>(store: S, record: StoreRecords[S]): Promise<{ record: StoreRecords[S]; keyId: string | undefined }> {
    const state = this.state === 'unknown' ? (await this.refresh(), this.state) : this.state;
    if (state === 'off' || !needsSealing(store, record as unknown as AnyRecord)) return { record, keyId: state === 'off' ? undefined : this.storedKeyId ?? undefined };
    if (!this.key) throw lockedError();
    const { sealRecord } = await import('./sealed-records.js');
    return { record: await sealRecord(this.key, store, record), keyId: this.key.keyId };
  }

  /** Inside the write: refuses when the lock changed (another tab) since `prepare`, so nothing lands in the wrong form. */
  async verify(tx: Tx, keyId: string | undefined): Promise<void> {
    const stored = lockKeyId((await tx.get('settings', LOCK_SETTING_KEY))?.value);
    if (stored === keyId) return;
    throw keyId === undefined ? lockedError() : lockChangedError();
  }

  /** The record with its sealed text opened (unlocked), or undefined when it cannot be opened (locked, damaged). */
  async open<S extends StoreName>(store: S, record: StoreRecords[S]): Promise<StoreRecords[S] | undefined> {
    if (!(record as unknown as AnyRecord).sealed) return record;
    if (!this.key) return undefined;
    try {
      const { openRecord } = await import('./sealed-records.js');
      return await openRecord(this.key, store, record);
    } catch {
      return undefined;
    }
  }

  private emit(): void {
    const state = this.state;
    if (state === this.last) return;
    this.last = state;
    if (state === 'unknown') return;
    for (const listener of [...this.listeners]) {
      try {
        listener(state);
      } catch (error) {
        // One listener's failure must not stop the others from hearing of the lock.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

export function secretKeys(store: StoreName, record: AnyRecord): string[] {
  const plain = PLAIN_FIELDS[store];
  if (plain === 'all') return [];
  return Object.keys(record).filter((k) => k !== 'sealed' && !plain.includes(k) && record[k] !== undefined);
}

/** True when the record holds participant text in the clear. */
export function needsSealing(store: StoreName, record: AnyRecord): boolean {
  if (record.sealed) {
    // A sealed entry keeps empty placeholders for its text; anything else beside the seal is in the clear.
    return secretKeys(store, record).some((k) => !(JOURNAL_TEXT.includes(k) && (store === 'entries' || store === 'revisions') && isEmpty(record[k])));
  }
  return secretKeys(store, record).length > 0;
}

function isEmpty(v: unknown): boolean {
  return v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
}

/** The key id a stored lock record names, or undefined when `value` is not a lock record. */
export function lockKeyId(value: unknown): string | undefined {
  const id = (value as { keyId?: unknown } | null | undefined)?.keyId;
  return typeof id === 'string' ? id : undefined;
}

export function lockedError(): StorageError {
  return new StorageError('locked', 'The journal is locked: unlock it with your passphrase to save. Your text is still on screen.');
}

export function lockChangedError(): StorageError {
  return new StorageError('locked', 'The journal lock was changed in another tab: unlock again here to save. Your text is still on screen.');
}
