import { ConflictError, StorageError } from '../errors.js';
import { Observable } from '../observable.js';
import type { Tx } from './backend.js';
import type { Database } from './database.js';
import { REVISION_LABELS, type EntryDraft, type EntryRevision, type FieldValue, type JournalEntry, type RevisionLabel, type Sealed } from './records.js';
import { LOCK_SETTING_KEY, Sealing, lockChangedError, lockKeyId, lockedError } from './sealing.js';
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
    const now = Date.now();
    const id = draft.id ?? crypto.randomUUID();
    const cipher = this.cipher;
    // Crypto cannot run inside an IndexedDB transaction (it would auto-commit), so seal first,
    // through the one sealing path: every field that is not bookkeeping is sealed.
    let content: SealedContent | undefined;
    let sealedDraft: JournalEntry | undefined;
    if (cipher) {
      const base = draft.title === undefined || draft.tags === undefined ? await this.getReadable(id, cipher) : undefined;
      content = { title: draft.title ?? base?.title ?? '', fields: { ...draft.fields }, tags: normaliseTags(draft.tags ?? base?.tags ?? []) };
      const { sealed: _stale, ...plainDraft } = draft as EntryDraft & { sealed?: Sealed };
      sealedDraft = await (await import('./sealed-records.js')).sealRecord(cipher, 'entries', clean({ ...plainDraft, ...content, id }) as JournalEntry);
    }
    const sealed = sealedDraft?.sealed;
    const result = await this.db.write(['entries', 'revisions', 'settings'], async (tx) => {
      await this.checkLock(tx, cipher);
      const stored = await tx.get('entries', id);
      if (stored && options.expectedRevision !== undefined && !options.force && stored.revision !== options.expectedRevision) {
        throw new ConflictError(id, options.expectedRevision, stored.revision);
      }
      const revisions = await tx.getAll('revisions', 'entryId', id);
      const entry: JournalEntry = clean({
        ...stored,
        ...(sealedDraft ?? draft),
        id,
        title: sealed ? '' : (draft.title ?? stored?.title ?? ''),
        tags: sealed ? [] : normaliseTags(draft.tags ?? stored?.tags ?? []),
        fields: sealed ? {} : { ...draft.fields },
        sealed,
        createdAt: stored?.createdAt ?? now,
        updatedAt: Math.max(now, (stored?.updatedAt ?? 0) + 1),
        // Above every kept revision too (copies and imports add some): a save never writes over one.
        revision: nextRevision(stored, revisions),
      });
      const problem = recordProblem('entries', entry);
      if (problem) throw new StorageError('invalid-record', `Entry "${id}" cannot be saved: ${problem}.`);
      await tx.put('entries', entry);
      const added = revisionOf(entry);
      await tx.put('revisions', added);
      for (const old of prunable([...revisions, added])) await tx.delete('revisions', old.key);
      return { entry, created: !stored };
    }, 'saving your entry');
    const shown = content ? this.markOpened({ ...result.entry, ...content }) : result.entry;
    this.upsert(shown);
    this.onSaved({ entry: shown, created: result.created });
    return shown;
  }

  /** Moves an entry to "recently deleted"; `restore` brings it back. */
  async delete(id: string): Promise<void> {
    await this.patch(id, { deletedAt: Date.now() });
  }

  async restore(id: string): Promise<void> {
    await this.patch(id, { deletedAt: undefined });
  }

  /** Removes an entry and all its revisions for good. */
  async purge(id: string): Promise<void> {
    await this.db.write(['entries', 'revisions'], async (tx) => {
      await tx.delete('entries', id);
      for (const r of await tx.getAll('revisions', 'entryId', id)) await tx.delete('revisions', r.key);
    }, 'deleting an entry');
    this.remove(id);
  }

  /** The kept revisions of an entry, newest first. */
  async revisions(id: string): Promise<EntryRevision[]> {
    const list = await this.db.read(['revisions'], (tx) => tx.getAll('revisions', 'entryId', id));
    const cipher = this.cipher;
    const shown = await Promise.all(
      list.map(async (r) => {
        const content = r.sealed && cipher ? await this.openContent(r.entryId, r.sealed, cipher) : undefined;
        return content ? this.markOpened({ ...r, ...content }) : r;
      }),
    );
    return shown.sort((a, b) => b.revision - a.revision);
  }

  /** Makes an old revision the current text again, as a new revision (nothing is lost). */
  async restoreRevision(id: string, revision: number): Promise<JournalEntry> {
    const old = await this.db.read(['revisions'], (tx) => tx.get('revisions', `${id}:${revision}`));
    const current = await this.get(id);
    if (!old || !current) throw new StorageError('not-found', `Revision ${revision} of entry "${id}" is not kept any more.`);
    let content: SealedContent = { title: old.title, fields: old.fields, tags: old.tags };
    if (old.sealed) {
      if (!this.cipher) throw lockedError();
      content = flat(await this.cipher.open(id, old.sealed));
    }
    const { sealed: _sealed, ...rest } = current;
    return this.save({ ...rest, ...content }, { force: true });
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
    if (!(REVISION_LABELS as readonly string[]).includes(label)) throw new StorageError('invalid-record', `A kept copy of entry "${entryId}" needs a label (${REVISION_LABELS.join(', ')}), not "${String(label)}".`);
    const cipher = this.cipher;
    const plain: SealedContent = { title: content.title, fields: { ...content.fields }, tags: normaliseTags(content.tags) };
    const sealed = cipher ? await cipher.seal(entryId, plain) : undefined;
    const stored = sealed ? { title: '', fields: {}, tags: [] as string[], sealed } : plain;
    const result = await this.db.write(['entries', 'revisions', 'settings'], async (tx) => {
      await this.checkLock(tx, cipher);
      const entry = await tx.get('entries', entryId);
      const revisions = await tx.getAll('revisions', 'entryId', entryId);
      const revision = nextRevision(entry, revisions);
      const copy: EntryRevision = clean({ key: `${entryId}:${revision}`, entryId, revision, savedAt, ...stored, label });
      const problem = recordProblem('revisions', copy);
      if (problem) throw new StorageError('invalid-record', `The copy of entry "${entryId}" cannot be kept: ${problem}.`);
      await tx.put('revisions', copy);
      let created: JournalEntry | undefined;
      if (!entry) {
        created = clean({
          id: entryId,
          templateId: content.templateId ?? 'free-reflection',
          weekId: content.weekId,
          stepId: content.stepId,
          prompt: content.prompt,
          ...stored,
          createdAt: savedAt,
          updatedAt: Math.max(savedAt, Date.now()),
          revision,
        });
        const bad = recordProblem('entries', created);
        if (bad) throw new StorageError('invalid-record', `Entry "${entryId}" cannot be recreated from its copy: ${bad}.`);
        await tx.put('entries', created);
      }
      return { copy, created };
    }, 'keeping a copy of your text');
    if (result.created) {
      const shown = sealed ? this.markOpened({ ...result.created, ...plain }) : result.created;
      this.upsert(shown);
      this.onSaved({ entry: shown, created: true });
    }
    return sealed ? this.markOpened({ ...result.copy, ...plain }) : result.copy;
  }

  /** Entries using an index: by template, week or tag (reads storage, not the snapshot). */
  async find(by: { templateId: string } | { weekId: string } | { tag: string }): Promise<JournalEntry[]> {
    if ('tag' in by && this.lockState !== 'off') {
      // Tags are sealed with the text, so the tag index is empty: search the opened snapshot instead.
      if (this.lockState === 'locked') throw lockedError();
      return this.snapshot.entries.filter((e) => e.tags.includes(by.tag));
    }
    const [index, value] = 'templateId' in by ? ['templateId', by.templateId] : 'weekId' in by ? ['weekId', by.weekId] : ['tags', by.tag];
    const rows = await this.db.read(['entries'], (tx) => tx.getAll('entries', index, value));
    const cipher = this.cipher;
    const live = await Promise.all(rows.filter((e) => !e.deletedAt).map(async (e) => (await this.openEntry(e, cipher)).entry));
    return live.sort(newestFirst);
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

  private async patch(id: string, change: Partial<JournalEntry>): Promise<void> {
    const entry = await this.db.write(['entries'], async (tx) => {
      const stored = await tx.get('entries', id);
      if (!stored) throw new StorageError('not-found', `Entry "${id}" does not exist.`);
      const next = clean({ ...stored, ...change });
      await tx.put('entries', next);
      return next;
    }, 'updating an entry');
    // Keep the opened text in the snapshot: storage holds only the sealed form.
    const known = [...this.snapshot.entries, ...this.snapshot.deleted].find((e) => e.id === id);
    const shown = entry.sealed && known && this.opened.has(known) ? this.markOpened({ ...entry, title: known.title, fields: known.fields, tags: known.tags }) : entry;
    this.upsert(shown);
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
  async relock(change: { record: unknown; expectKeyId: string | null; seal?: EntryCipher; open?: EntryCipher }): Promise<void> {
    // Rewriting every store runs only when the lock is turned on, off or unlocked: a lazy chunk.
    const { rewriteForLock } = await import('./relock.js');
    const wrote = await rewriteForLock(this.db, this.sealing, change);
    // An unlock with everything already sealed changes nothing: the journal was just read with this key.
    const unchanged = !wrote && this.cipher === change.seal;
    this.sealing.use(change.seal, change.record === null ? null : lockKeyId(change.record) ?? null);
    if (unchanged && this.snapshot.loaded) return;
    if (this.snapshot.loaded) await this.reload();
    else await this.load();
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
    await this.db.write(['settings'], async (tx) => {
      const lock = await tx.get('settings', LOCK_SETTING_KEY);
      if (lockKeyId(lock?.value) !== expectKeyId || record.keyId !== expectKeyId) throw lockChangedError();
      await tx.put('settings', { key: LOCK_SETTING_KEY, value: record });
    }, 'saving the journal lock');
  }

  /** Reads an entry for a merge; a sealed one must open, or the merge would write over it blind. */
  private async getReadable(id: string, cipher: EntryCipher): Promise<JournalEntry | undefined> {
    const row = await this.db.read(['entries'], (tx) => tx.get('entries', id));
    if (!row) return undefined;
    if (!row.sealed) return row;
    return { ...row, ...flat(await cipher.open(id, row.sealed)) };
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

  /** With the lock on, only a cipher for the stored key may write; with it off, only plaintext. */
  private async checkLock(tx: Tx, cipher: EntryCipher | undefined): Promise<void> {
    const keyId = lockKeyId((await tx.get('settings', LOCK_SETTING_KEY))?.value);
    if (cipher ? keyId !== cipher.keyId : keyId !== undefined) throw cipher ? lockChangedError() : lockedError();
  }

  private upsert(entry: JournalEntry): void {
    if (!this.snapshot.loaded) return;
    const others = (list: readonly JournalEntry[]) => list.filter((e) => e.id !== entry.id);
    const { entries, deleted, unreadable } = this.snapshot;
    const next: JournalSnapshot = {
      ...this.snapshot,
      entries: entry.deletedAt ? others(entries) : insertSorted(others(entries), entry),
      deleted: entry.deletedAt ? [entry, ...others(deleted)] : others(deleted),
    };
    if (unreadable?.includes(entry.id) && this.canRead(entry)) next.unreadable = unreadable.filter((id) => id !== entry.id);
    this.set(next);
  }

  private remove(id: string): void {
    if (!this.snapshot.loaded) return;
    this.set({ ...this.snapshot, entries: this.snapshot.entries.filter((e) => e.id !== id), deleted: this.snapshot.deleted.filter((e) => e.id !== id) });
  }
}

/** The revision number for the next version of an entry: above the entry's counter and every kept revision. */
export function nextRevision(entry: JournalEntry | undefined, revisions: readonly EntryRevision[]): number {
  return Math.max(entry?.revision ?? 0, ...revisions.map((r) => r.revision)) + 1;
}

/**
 * The revisions to drop so that REVISIONS_KEPT ordinary ones remain. Labelled copies (a conflict's
 * or an import's other text) are never pruned: they go only with their entry.
 */
export function prunable(revisions: readonly EntryRevision[]): EntryRevision[] {
  const ordinary = revisions.filter((r) => !r.label).sort((a, b) => a.revision - b.revision);
  return ordinary.slice(0, Math.max(0, ordinary.length - REVISIONS_KEPT));
}

function revisionOf(entry: JournalEntry): EntryRevision {
  const r: EntryRevision = { key: `${entry.id}:${entry.revision}`, entryId: entry.id, revision: entry.revision, savedAt: entry.updatedAt, title: entry.title, fields: entry.fields, tags: entry.tags };
  if (entry.sealed) r.sealed = entry.sealed;
  return r;
}

function newestFirst(a: JournalEntry, b: JournalEntry): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);
}

/** Puts `entry` into a newest-first list in place (binary search), instead of sorting 10,000 entries per save. */
function insertSorted(list: JournalEntry[], entry: JournalEntry): JournalEntry[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newestFirst(list[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, entry);
  return list;
}

function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

/** Opened content with any other sealed fields back in their places (not nested under `more`). */
function flat(content: SealedContent): SealedContent {
  const { more, ...rest } = content;
  return more ? { ...more, ...rest } : rest;
}

/** Drops keys whose value is undefined, so records stay plain JSON. */
function clean<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
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
