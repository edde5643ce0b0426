import { Observable } from '../observable.js';
import type { Database } from './database.js';
import type { EntryDraft, EntryRevision, FieldValue, JournalEntry, RevisionLabel, Sealed } from './records.js';
import { LOCK_SETTING_KEY, Sealing, lockKeyId, lockedError } from './sealing.js';
import { journalRecordProblem as recordProblem } from './validate-entries.js';

export { LOCK_SETTING_KEY, lockKeyId };

/** How many past versions of an entry are kept (D4). */
export const REVISIONS_KEPT = 20;

/** What the passphrase lock encrypts: everything the participant wrote in an entry. */
export interface SealedContent {
  title: string;
  fields: Readonly<Record<string, FieldValue>>;
  tags: readonly string[];
  /** Any other field of the record that is not plain bookkeeping (sealed by default, see sealing.ts). */
  more?: Record<string, unknown>;
}

/** Encrypts and decrypts entry content; implemented by the passphrase lock (src/sdk/crypto). */
export interface EntryCipher {
  /** Id of the data key; the stored lock record names the same id. */
  readonly keyId: string;
  seal(entryId: string, content: SealedContent): Promise<Sealed>;
  /** Throws a StorageError `decrypt-failed` when the ciphertext does not authenticate. */
  open(entryId: string, sealed: Sealed): Promise<SealedContent>;
  /** Seals any JSON value bound to `purpose` and `id` (step notes, drafts, quarantined records). */
  sealValue(purpose: string, id: string, value: unknown): Promise<Sealed>;
  openValue<T>(purpose: string, id: string, sealed: Sealed): Promise<T>;
}

export const LOCK_STATES = ['off', 'locked', 'unlocked'] as const;
/** `off`: entries are stored as written. `locked`: the lock is on and no key is in memory. `unlocked`: the key is in memory. */
export type LockState = (typeof LOCK_STATES)[number];

export interface JournalSnapshot {
  /** False until `load()` has read the journal. */
  loaded: boolean;
  /** Live entries, newest (last updated) first. */
  entries: readonly JournalEntry[];
  /** Entries in "recently deleted", most recently deleted first. */
  deleted: readonly JournalEntry[];
  /** Records that could not be read and were skipped (they stay in storage). */
  corrupt: number;
  /**
   * Set only while the passphrase lock is on. When `locked`, sealed entries show an empty title
   * and no fields (their text is encrypted); when `unlocked`, entries hold their opened text.
   */
  lock?: Exclude<LockState, 'off'>;
  /** Set only while the lock is on: ids of entries whose ciphertext failed to open (damaged or changed). */
  unreadable?: readonly string[];
}

export interface SaveOptions {
  /**
   * The revision this edit is based on. When the stored entry has moved on (another tab saved),
   * the save is refused with a ConflictError instead of overwriting it.
   */
  expectedRevision?: number;
  /** Save even if the stored entry is newer ("keep mine"). */
  force?: boolean;
}

export interface JournalFilter {
  templateId?: string;
  weekId?: string;
  tag?: string;
  /** Case- and accent-insensitive words to find in the title, fields and tags. */
  query?: string;
}

export interface SaveResult {
  entry: JournalEntry;
  created: boolean;
}

/** What the write code (journal-write.ts) reaches inside the repository it works for. */
export interface JournalInside {
  readonly repo: JournalRepository;
  readonly db: Database;
  /** The data key while unlocked, now. */
  cipher(): EntryCipher | undefined;
  /** The snapshot now. */
  snapshot(): JournalSnapshot;
  set(next: JournalSnapshot): void;
  /** The record now holds its opened text (see `canRead`). */
  markOpened<T extends object>(record: T): T;
  isOpened(record: object): boolean;
  openEntry(row: JournalEntry, cipher: EntryCipher | undefined): Promise<{ entry: JournalEntry; ok: boolean }>;
  openContent(entryId: string, sealed: Sealed, cipher: EntryCipher): Promise<SealedContent | undefined>;
  /** An entry was written (for the program's `ck-entry-saved`). */
  saved(result: SaveResult): void;
}

let writeCode: Promise<typeof import('./journal-write.js')> | undefined;
/**
 * The code that writes (journal-write.ts), loaded once, on the first write or the first keystroke
 * (drafts.ts); a failed download (offline) is tried again on the next call, and meanwhile the
 * write-ahead copy keeps the text.
 */
export function loadWriteCode(): Promise<typeof import('./journal-write.js')> {
  writeCode ??= import('./journal-write.js').catch((error: unknown) => {
    writeCode = undefined;
    throw error;
  });
  return writeCode;
}

/** The participant's journal entries, their revisions and "recently deleted". */
export class JournalRepository extends Observable<JournalSnapshot> {
  private loading: Promise<JournalSnapshot> | undefined;
  /** Entries and revisions whose sealed text has been opened into their title, fields and tags. */
  private readonly opened = new WeakSet<object>();

  constructor(
    private readonly db: Database,
    private readonly onSaved: (result: SaveResult) => void,
    /** The program's one sealing path (shared with progress, backup and drafts). */
    readonly sealing: Sealing = new Sealing(db),
  ) {
    super({ loaded: false, entries: [], deleted: [], corrupt: 0 });
  }

  /** The data key while unlocked; never persisted. */
  private get cipher(): EntryCipher | undefined {
    return this.sealing.cipher;
  }

  /** This repository's inside, for the write code. */
  private get inside(): JournalInside {
    return {
      repo: this,
      db: this.db,
      cipher: () => this.cipher,
      snapshot: () => this.snapshot,
      set: (next) => this.set(next),
      markOpened: (record) => this.markOpened(record),
      isOpened: (record) => this.opened.has(record),
      openEntry: (row, cipher) => this.openEntry(row, cipher),
      openContent: (id, sealed, cipher) => this.openContent(id, sealed, cipher),
      saved: (result) => this.onSaved(result),
    };
  }

  /** Reads the whole journal into the snapshot (once; later calls return the same). */
  load(): Promise<JournalSnapshot> {
    this.loading ??= this.read();
    return this.loading;
  }

  /** Re-reads after another tab changed the journal. */
  async reload(): Promise<void> {
    if (!this.snapshot.loaded) return;
    this.loading = this.read();
    await this.loading;
  }

  /** The stored entry; with the lock unlocked, its sealed text opened (a damaged one stays sealed: see `canRead`). */
  async get(id: string): Promise<JournalEntry | undefined> {
    const row = await this.db.read(['entries'], (tx) => tx.get('entries', id));
    return row && (await this.openEntry(row, this.cipher)).entry;
  }

  /** The lock's state as this repository last read it (`off` until loaded). */
  get lockState(): LockState {
    return this.snapshot.lock ?? 'off';
  }

  /** False for an entry or revision whose text is sealed and not opened (locked, or damaged). */
  canRead(record: JournalEntry | EntryRevision): boolean {
    return !record.sealed || this.opened.has(record);
  }

  /**
   * Saves an entry durably (strict durability) and keeps a revision of it. Resolves only once
   * the write has committed: only then may a UI say "Saved".
   */
  async save(draft: EntryDraft, options: SaveOptions = {}): Promise<JournalEntry> {
    return (await loadWriteCode()).save(this.inside, draft, options);
  }

  /** Moves an entry to "recently deleted"; `restore` brings it back. */
  async delete(id: string): Promise<void> {
    await (await loadWriteCode()).patch(this.inside, id, { deletedAt: Date.now() });
  }

  async restore(id: string): Promise<void> {
    await (await loadWriteCode()).patch(this.inside, id, { deletedAt: undefined });
  }

  /** Removes an entry and all its revisions for good. */
  async purge(id: string): Promise<void> {
    await (await loadWriteCode()).purge(this.inside, id);
  }

  /** The kept revisions of an entry, newest first. */
  async revisions(id: string): Promise<EntryRevision[]> {
    return (await loadWriteCode()).revisions(this.inside, id);
  }

  /** Makes an old revision the current text again, as a new revision (nothing is lost). */
  async restoreRevision(id: string, revision: number): Promise<JournalEntry> {
    return (await loadWriteCode()).restoreRevision(this.inside, id, revision);
  }

  /**
   * Adds a revision beside the stored ones (never over them), labelled, without changing the
   * current entry. Seals when the lock is on. Creates the entry from the copy if it no longer
   * exists (a conflict copy of an entry deleted for good elsewhere, say).
   */
  async keepCopy(
    entryId: string,
    content: { title: string; fields: Record<string, FieldValue>; tags: readonly string[]; templateId?: string; weekId?: string; stepId?: string; prompt?: string },
    label: RevisionLabel,
    savedAt = Date.now(),
  ): Promise<EntryRevision> {
    return (await loadWriteCode()).keepCopy(this.inside, entryId, content, label, savedAt);
  }

  /** Entries using an index: by template, week or tag (reads storage, not the snapshot). */
  async find(by: { templateId: string } | { weekId: string } | { tag: string }): Promise<JournalEntry[]> {
    return (await loadWriteCode()).find(this.inside, by);
  }

  /** Filters the loaded snapshot; the query matches case- and accent-insensitively. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const words = fold(filter.query ?? '').split(/\s+/).filter(Boolean);
    return this.snapshot.entries.filter((e) => {
      if (filter.templateId && e.templateId !== filter.templateId) return false;
      if (filter.weekId && e.weekId !== filter.weekId) return false;
      if (filter.tag && !e.tags.includes(filter.tag)) return false;
      if (words.length) {
        const text = searchText(e);
        return words.every((w) => text.includes(w));
      }
      return true;
    });
  }

  private async read(): Promise<JournalSnapshot> {
    const { rows, lock } = await this.db.read(['entries', 'settings'], async (tx) => ({ rows: await tx.getAll('entries'), lock: await tx.get('settings', LOCK_SETTING_KEY) }));
    const good = rows.filter((r) => recordProblem('entries', r) === null);
    const keyId = lockKeyId(lock?.value);
    // A key for another lock (turned off or replaced in another tab) must not be used any more.
    this.sealing.observe(keyId);
    const cipher = this.cipher;
    const unreadable: string[] = [];
    const shown = await Promise.all(
      good.map(async (row) => {
        const { entry, ok } = await this.openEntry(row, cipher);
        if (!ok && cipher) unreadable.push(row.id);
        return entry;
      }),
    );
    const next: JournalSnapshot = {
      loaded: true,
      entries: shown.filter((e) => !e.deletedAt).sort(newestFirst),
      deleted: shown.filter((e) => e.deletedAt).sort((a, b) => b.deletedAt! - a.deletedAt!),
      corrupt: rows.length - good.length,
    };
    if (keyId !== undefined) {
      next.lock = cipher ? 'unlocked' : 'locked';
      next.unreadable = unreadable;
    }
    this.set(next);
    return next;
  }

  // ---- The passphrase lock's storage side (used by src/sdk/crypto/journal-lock.ts) ----

  /** The stored lock record, or undefined when the lock is off. */
  async lockRecord(): Promise<unknown> {
    return (await this.db.read(['settings'], (tx) => tx.get('settings', LOCK_SETTING_KEY)))?.value;
  }

  /**
   * Uses `cipher` (unlocked) or none (locked) from now on and re-reads the journal: unlocking
   * opens every sealed entry into the snapshot; locking drops the opened text from it.
   */
  async useCipher(cipher: EntryCipher | undefined): Promise<void> {
    this.sealing.use(cipher);
    if (this.snapshot.loaded) await this.reload();
  }

  /**
   * Rewrites every store in one atomic transaction: seals every record that holds participant text
   * in the clear with `seal` (entries, revisions, step notes, quarantined records: whatever
   * sealing.ts does not list as bookkeeping), or opens every sealed one with `open` (turning the
   * lock off), and writes `record` as the lock record (null deletes it). Refuses with `locked` when
   * the stored lock no longer has the id `expectKeyId` (null: no lock), so two tabs cannot race.
   */
  async relock(change: { record: unknown; expectKeyId: string | null; seal?: EntryCipher; open?: EntryCipher }, onProgress?: (done: number, total: number) => void): Promise<void> {
    await (await loadWriteCode()).relock(this.inside, change, onProgress);
  }

  /** The id of the key in memory (unlocked), else undefined. */
  get unlockedKeyId(): string | undefined {
    return this.cipher?.keyId;
  }

  /**
   * Seals content with the key in memory, for records about to be written another way (an import
   * into a journal whose lock is on). Throws `locked` while locked.
   */
  async sealContent(entryId: string, content: SealedContent): Promise<Sealed> {
    if (!this.cipher) throw lockedError();
    return this.cipher.seal(entryId, content);
  }

  /** Replaces the lock record (new passphrase or auto-lock time) if it still has key id `expectKeyId`. */
  async replaceLockRecord<R extends { keyId: string }>(record: R, expectKeyId: string): Promise<void> {
    await (await loadWriteCode()).replaceLockRecord(this.inside, record, expectKeyId);
  }

  private async openEntry(row: JournalEntry, cipher: EntryCipher | undefined): Promise<{ entry: JournalEntry; ok: boolean }> {
    if (!row.sealed || !cipher) return { entry: row, ok: !row.sealed };
    const content = await this.openContent(row.id, row.sealed, cipher);
    return content ? { entry: this.markOpened({ ...row, ...content }), ok: true } : { entry: row, ok: false };
  }

  private async openContent(entryId: string, sealed: Sealed, cipher: EntryCipher): Promise<SealedContent | undefined> {
    try {
      return flat(await cipher.open(entryId, sealed));
    } catch {
      return undefined;
    }
  }

  private markOpened<T extends object>(record: T): T {
    this.opened.add(record);
    return record;
  }
}

export function newestFirst(a: JournalEntry, b: JournalEntry): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);
}

/** Opened content with any other sealed fields back in their places (not nested under `more`). */
export function flat(content: SealedContent): SealedContent {
  const { more, ...rest } = content;
  return more ? { ...more, ...rest } : rest;
}

/** Lower-cases and strips accents, so "Zoë" matches "zoe". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const searchCache = new WeakMap<JournalEntry, string>();
function searchText(e: JournalEntry): string {
  let text = searchCache.get(e);
  if (text === undefined) {
    const values = Object.values(e.fields).flatMap((v: FieldValue) => (v === null ? [] : Array.isArray(v) ? v : [String(v)]));
    text = fold([e.title, ...e.tags, ...values].join('\n'));
    searchCache.set(e, text);
  }
  return text;
}
