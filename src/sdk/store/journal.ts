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

/** How many entries `load()` reads at open, and `loadMore()` adds. */
export const PAGE_SIZE = 20;

export interface JournalSnapshot {
  /** False until `load()` has read the journal. */
  loaded: boolean;
  /**
   * Live entries read so far, newest (last updated) first: the first page at open, the next with
   * each `loadMore()`, and any entry opened (`open`, `forStep`), saved or restored since. Not the
   * whole journal: `total` says how many there are, `hasMore` whether some are not read yet.
   */
  entries: readonly JournalEntry[];
  /** Deleted entries read so far ("recently deleted"; all of them after `loadDeleted()`), most recently deleted first. */
  deleted: readonly JournalEntry[];
  /** How many live entries the journal holds (from index counts, not from `entries`), once `counted`. */
  total: number;
  /**
   * False for a moment after open: the live entries are counted after the first page is read
   * (counting an index walks it). Until then `total` is the number of entries read.
   */
  counted: boolean;
  /** How many entries are in "recently deleted" (an index count). */
  deletedCount: number;
  /** Some live entries are stored that `entries` does not hold yet: `loadMore()` reads the next page. */
  hasMore: boolean;
  /** Records that could not be read and were skipped (they stay in storage); counted among the records read. */
  corrupt: number;
  /**
   * Set only while the passphrase lock is on. When `locked`, sealed entries show an empty title
   * and no fields (their text is encrypted); when `unlocked`, entries hold their opened text.
   */
  lock?: Exclude<LockState, 'off'>;
  /** Set only while the lock is on: ids of entries read whose ciphertext failed to open (damaged or changed). */
  unreadable?: readonly string[];
}

/** A page of entries matching a filter (`JournalRepository.query`). */
export interface JournalPage {
  /** The first `limit` matching live entries, newest first. */
  entries: JournalEntry[];
  /** How many live entries match in all. */
  total: number;
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
  /**
   * An entry was written (`entry`, as shown: opened when the lock is on) or removed for good
   * (`entry` undefined); `before` is the stored record the write replaced, for the counts.
   */
  changed(id: string, entry: JournalEntry | undefined, before: JournalEntry | undefined): void;
  /** The record now holds its opened text (see `canRead`). */
  markOpened<T extends object>(record: T): T;
  isOpened(record: object): boolean;
  openEntry(row: JournalEntry, cipher: EntryCipher | undefined): Promise<{ entry: JournalEntry; ok: boolean }>;
  openContent(entryId: string, sealed: Sealed, cipher: EntryCipher): Promise<SealedContent | undefined>;
  /** An entry was written (for the program's `ck-entry-saved`). */
  saved(result: SaveResult): void;
  /**
   * What this tab knows of entries' kept revisions (numbers, labelled or not), by entry id, so a
   * save need not read their keys again: filled by the first save of an entry, emptied whenever
   * the journal is read again (another tab wrote, an import, the lock).
   */
  readonly revisionKeys: Map<string, { revision: number; labelled: boolean }[]>;
}

/** What the query code (journal-search.ts) reads through. */
export interface QueryPort {
  readonly db: Database;
  readonly lockState: LockState;
  /** The entries read, by id. */
  readonly known: ReadonlyMap<string, JournalEntry>;
  index(): Promise<import('./journal-search.js').SearchIndex>;
  open(row: JournalEntry): Promise<{ entry: JournalEntry; ok: boolean }>;
}

/** The query code (journal-search.ts): filters, search and its index, loaded with the first of them. */
let searchCode: Promise<typeof import('./journal-search.js')> | undefined;
function loadSearchCode(): Promise<typeof import('./journal-search.js')> {
  searchCode ??= import('./journal-search.js').catch((error: unknown) => {
    searchCode = undefined;
    throw error;
  });
  return searchCode;
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

/**
 * The participant's journal entries, their revisions and "recently deleted".
 *
 * The journal opens on a page: `load()` reads the 20 newest live entries with a cursor over the
 * `updatedAt` index and counts the rest from indexes; `loadMore()`, `loadDeleted()`, `open()`,
 * `forStep()` and `query()` read more only when asked. With the lock unlocked, only entries read
 * are decrypted. Search builds an in-memory index on first use (see journal-search.ts).
 */
export class JournalRepository extends Observable<JournalSnapshot> {
  private loading: Promise<JournalSnapshot> | undefined;
  /** Entries and revisions whose sealed text has been opened into their title, fields and tags. */
  private readonly opened = new WeakSet<object>();
  /** The entries read (live and deleted), by id: what the snapshot lists. */
  private known = new Map<string, JournalEntry>();
  /** Ids read outside the pages (opened, a step's, held for printing): read again on reload. */
  private readonly held = new Set<string>();
  /** How many live entries the pages have read, and where the cursor stopped (the last record it visited). */
  private paged = 0;
  private cursorAt: { updatedAt: number; id: string } | undefined;
  /** The cursor over `updatedAt` ran out: every live entry has been read. */
  private exhausted = false;
  private deletedLoaded = false;
  private counts = { total: 0, deleted: 0, corrupt: 0 };
  /** `counts.total` comes from the index count (taken after the first page), and which count is the latest. */
  private counted = false;
  private counting = 0;
  private countDone: Promise<void> = Promise.resolve();
  private readonly revisionKeys = new Map<string, { revision: number; labelled: boolean }[]>();
  private unreadable = new Set<string>();
  private lockSeen: Exclude<LockState, 'off'> | undefined;
  /** One page read at a time (loadMore and reload must not interleave their cursors). */
  private queue: Promise<unknown> = Promise.resolve();
  /** The search index, once a search has asked for it; dropped on lock changes and other tabs' writes. */
  private searching: Promise<import('./journal-search.js').SearchIndex> | undefined;

  constructor(
    private readonly db: Database,
    private readonly onSaved: (result: SaveResult) => void,
    /** The program's one sealing path (shared with progress, backup and drafts). */
    readonly sealing: Sealing = new Sealing(db),
  ) {
    super({ loaded: false, entries: [], deleted: [], total: 0, counted: false, deletedCount: 0, hasMore: false, corrupt: 0 });
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
      changed: (id, entry, before) => this.changed(id, entry, before),
      markOpened: (record) => this.markOpened(record),
      isOpened: (record) => this.opened.has(record),
      openEntry: (row, cipher) => this.openEntry(row, cipher),
      openContent: (id, sealed, cipher) => this.openContent(id, sealed, cipher),
      saved: (result) => this.onSaved(result),
      revisionKeys: this.revisionKeys,
    };
  }

  /** Reads the first page of the journal and its counts into the snapshot (once; later calls return the same). */
  load(): Promise<JournalSnapshot> {
    this.loading ??= this.serial(() => this.read());
    return this.loading;
  }

  /** Re-reads after another tab changed the journal: as many entries as were read, and those held. */
  async reload(): Promise<void> {
    this.revisionKeys.clear();
    if (!this.snapshot.loaded) return;
    this.dropSearch();
    this.loading = this.serial(() => this.read());
    await this.loading;
  }

  /** Reads the next `count` live entries (newest first after those read) into the snapshot. */
  async loadMore(count = PAGE_SIZE): Promise<JournalSnapshot> {
    await this.load();
    return this.serial(async () => {
      if (this.exhausted) return this.snapshot;
      const from = this.cursorAt;
      const rows: JournalEntry[] = [];
      let last = from;
      const ran = await this.db.read(['entries'], (tx) =>
        tx.walk('entries', 'updatedAt', 'prev', from?.updatedAt, (row) => {
          // Among equal times the cursor goes down by id: skip what it visited before.
          if (from && row.updatedAt === from.updatedAt && row.id >= from.id) return true;
          last = { updatedAt: row.updatedAt, id: row.id };
          if (!row.deletedAt && !this.known.has(row.id)) rows.push(row);
          return rows.length < count;
        }),
      );
      this.cursorAt = last;
      if (ran) this.exhausted = true;
      this.paged += await this.take(rows);
      return this.publish();
    });
  }

  /** Reads every entry in "recently deleted" into the snapshot (when its view opens). */
  async loadDeleted(): Promise<JournalSnapshot> {
    await this.load();
    return this.serial(async () => {
      const rows: JournalEntry[] = [];
      await this.db.read(['entries'], (tx) => tx.walk('entries', 'deletedAt', 'prev', undefined, (row) => (rows.push(row), true)));
      await this.take(rows);
      this.deletedLoaded = true;
      return this.publish();
    });
  }

  /** Reads one entry into the snapshot (to open it) and keeps it there: opened when unlocked. */
  async open(id: string): Promise<JournalEntry | undefined> {
    await this.load();
    const row = await this.db.read(['entries'], (tx) => tx.get('entries', id));
    if (!row) return undefined;
    this.held.add(id);
    await this.take([row]);
    this.publish();
    return this.known.get(id);
  }

  /** Keeps entries already read (a search's results to print, say) in the snapshot. */
  hold(entries: readonly JournalEntry[]): void {
    let added = false;
    for (const e of entries) {
      this.held.add(e.id);
      if (this.known.has(e.id)) continue;
      this.known.set(e.id, e);
      added = true;
    }
    if (added) this.publish();
  }

  /** The entries written for a course step (from the `stepId` index), newest first, kept in the snapshot. */
  async forStep(stepId: string): Promise<JournalEntry[]> {
    await this.load();
    const rows = await this.db.read(['entries'], (tx) => tx.getAll('entries', 'stepId', stepId));
    for (const r of rows) this.held.add(r.id);
    await this.take(rows);
    this.publish();
    return rows.map((r) => this.known.get(r.id)).filter((e): e is JournalEntry => !!e && !e.deletedAt).sort(newestFirst);
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

  /** Every live entry using an index: by template, week or tag, newest first (reads storage, not the snapshot). */
  async find(by: { templateId: string } | { weekId: string } | { tag: string }): Promise<JournalEntry[]> {
    return (await this.query(by, Infinity)).entries;
  }

  /**
   * The entries `entries` holds (those read so far), filtered; the query matches case- and
   * accent-insensitively. For the whole journal use `query()`.
   */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const words = queryWords(filter.query);
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

  /**
   * The first `limit` live entries of the whole journal matching `filter`, newest first, and how
   * many match. Without a filter: the pages (read as needed). Template, week and tag alone: from
   * their indexes' keys, reading only the entries returned. A query (or a tag while the lock is on,
   * since tags are sealed then): from the search index, built in memory on the first search by one
   * pass over the journal and kept up to date by this tab's writes. It never reaches storage.
   */
  async query(filter: JournalFilter = {}, limit = PAGE_SIZE): Promise<JournalPage> {
    await this.load();
    const words = queryWords(filter.query);
    if (!words.length && !filter.templateId && !filter.weekId && !filter.tag) {
      while (this.snapshot.hasMore && this.snapshot.entries.length < limit) await this.loadMore(Math.min(limit - this.snapshot.entries.length, 500));
      if (!this.snapshot.counted) await this.countDone;
      return { entries: this.snapshot.entries.slice(0, limit), total: this.snapshot.total };
    }
    if (this.lockState === 'locked' && filter.tag && !words.length) throw lockedError();
    return (await loadSearchCode()).query(this.queryPort, words, filter, limit);
  }

  /** Every tag in use on live entries, sorted (from the tag index; while the lock is on, from the search index). */
  async tags(): Promise<string[]> {
    await this.load();
    return (await loadSearchCode()).tags(this.queryPort);
  }

  /** What the query code (journal-search.ts) reads through. */
  private get queryPort(): QueryPort {
    return {
      db: this.db,
      lockState: this.lockState,
      known: this.known,
      index: () => this.searchIndex(),
      open: (row) => this.openEntry(row, this.cipher),
    };
  }

  /**
   * Starts building the search index (one pass over the journal) without waiting for it: a list
   * calls this when the participant opens Search, so the first query finds it ready.
   */
  prepareSearch(): void {
    void this.searchIndex().catch(() => undefined);
  }

  private searchIndex(): Promise<import('./journal-search.js').SearchIndex> {
    if (!this.searching) {
      const building = (async () => {
        const { SearchIndex } = await loadSearchCode();
        const index = await SearchIndex.build(this.db, (row) => this.openEntry(row, this.cipher), (e) => this.canRead(e));
        return index;
      })();
      this.searching = building;
      building.catch(() => {
        if (this.searching === building) this.searching = undefined;
      });
    }
    return this.searching;
  }

  /** Forgets the search index (its text): the lock changed, or another tab wrote. */
  private dropSearch(): void {
    this.searching = undefined;
  }

  private async read(): Promise<JournalSnapshot> {
    const wanted = Math.max(PAGE_SIZE, this.paged);
    const held = [...this.held];
    const deletedToo = this.deletedLoaded;
    const result = await this.db.read(['entries', 'settings'], async (tx) => {
      const rows: JournalEntry[] = [];
      let live = 0;
      let last: { updatedAt: number; id: string } | undefined;
      const [lock, deleted, ran, heldRows, deletedRows] = await Promise.all([
        tx.get('settings', LOCK_SETTING_KEY),
        // The small deleted index is counted now; the live entries after the first page (see recount).
        tx.count('entries', 'deletedAt'),
        tx.walk('entries', 'updatedAt', 'prev', undefined, (row) => {
          last = { updatedAt: row.updatedAt, id: row.id };
          if (row.deletedAt) return true;
          rows.push(row);
          return ++live < wanted;
        }),
        Promise.all(held.map((id) => tx.get('entries', id))),
        deletedToo ? tx.getAll('entries', 'deletedAt') : Promise.resolve([]),
      ]);
      return { lock, deleted, ran, last, rows, heldRows, deletedRows };
    });
    this.revisionKeys.clear();
    const keyId = lockKeyId(result.lock?.value);
    // A key for another lock (turned off or replaced in another tab) must not be used any more.
    this.sealing.observe(keyId);
    this.known = new Map();
    this.unreadable = new Set();
    this.counts = { total: this.counted ? this.counts.total : 0, deleted: result.deleted, corrupt: 0 };
    this.held.clear();
    for (const r of result.heldRows) if (r) this.held.add(r.id);
    this.cursorAt = result.last;
    this.exhausted = result.ran;
    this.lockSeen = keyId === undefined ? undefined : this.cipher ? 'unlocked' : 'locked';
    const rows = [...result.rows, ...result.heldRows.filter((r): r is JournalEntry => !!r), ...result.deletedRows];
    await this.take(rows);
    this.paged = result.rows.length;
    const shown = this.publish(true);
    this.countDone = this.recount();
    return shown;
  }

  /**
   * Counts the live entries after the first page is out: Chromium counts an index by walking it,
   * which at 10,000 entries takes longer than reading the page, so the page does not wait for it.
   */
  private async recount(): Promise<void> {
    const generation = ++this.counting;
    try {
      const [all, deleted] = await this.db.read(['entries'], (tx) => Promise.all([tx.count('entries', 'updatedAt'), tx.count('entries', 'deletedAt')]));
      if (generation !== this.counting) return;
      this.counts.total = all - deleted;
      this.counts.deleted = deleted;
      this.counted = true;
      this.publish();
    } catch {
      // Left uncounted: the list shows what it has read, and "Show more" still reads on.
    }
  }

  /**
   * Validates and opens (when unlocked) records just read and adds them to those known. Returns
   * how many were new live entries.
   */
  private async take(rows: readonly JournalEntry[]): Promise<number> {
    const cipher = this.cipher;
    let added = 0;
    await Promise.all(
      rows.map(async (row) => {
        if (recordProblem('entries', row) !== null) {
          this.counts.corrupt++;
          return;
        }
        const { entry, ok } = await this.openEntry(row, cipher);
        if (!ok && cipher) this.unreadable.add(row.id);
        else this.unreadable.delete(row.id);
        if (!this.known.has(row.id) && !row.deletedAt) added++;
        this.known.set(row.id, entry);
      }),
    );
    return added;
  }

  /** Builds the snapshot from what is known and the counts. */
  private publish(loaded = this.snapshot.loaded): JournalSnapshot {
    const list = [...this.known.values()];
    const entries = list.filter((e) => !e.deletedAt).sort(newestFirst);
    const counted = this.counted || this.exhausted;
    const next: JournalSnapshot = {
      loaded,
      entries,
      deleted: list.filter((e) => e.deletedAt).sort((a, b) => b.deletedAt! - a.deletedAt!),
      total: counted ? Math.max(this.counts.total, entries.length) : entries.length,
      counted,
      deletedCount: this.counts.deleted,
      hasMore: !this.exhausted && (!this.counted || entries.length < this.counts.total),
      corrupt: this.counts.corrupt,
    };
    if (this.lockSeen) {
      next.lock = this.lockSeen;
      next.unreadable = [...this.unreadable];
    }
    this.set(next);
    return next;
  }

  /** Follows a write of this tab (see JournalInside.changed). */
  private changed(id: string, entry: JournalEntry | undefined, before: JournalEntry | undefined): void {
    if (before) this.counts[before.deletedAt ? 'deleted' : 'total']--;
    if (entry) this.counts[entry.deletedAt ? 'deleted' : 'total']++;
    if (entry) {
      // Written here: kept in the snapshot through reloads, so an open editor always finds it.
      this.held.add(id);
      this.known.set(id, entry);
      if (this.unreadable.has(id) && this.canRead(entry)) this.unreadable.delete(id);
    } else {
      this.known.delete(id);
      this.held.delete(id);
      this.unreadable.delete(id);
    }
    // Applied once the index is built, if it is being built: the latest write wins either way.
    void this.searching?.then((index) => (entry ? index.put(entry, this.canRead(entry)) : index.remove(id)), () => undefined);
    if (this.snapshot.loaded) this.publish();
  }

  /** Runs page reads one after another. */
  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
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

/** Newest (last updated) first; among equal times the higher id first, as a cursor over the `updatedAt` index going `prev` visits them. */
export function newestFirst(a: JournalEntry, b: JournalEntry): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The folded words of a search query. */
export function queryWords(query: string | undefined): string[] {
  return fold(query ?? '').split(/\s+/).filter(Boolean);
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
