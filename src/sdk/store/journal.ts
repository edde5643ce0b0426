import { ConflictError, StorageError } from '../errors.js';
import { Observable } from '../observable.js';
import type { Database } from './database.js';
import type { EntryDraft, EntryRevision, FieldValue, JournalEntry } from './records.js';
import { recordProblem } from './validate-records.js';

/** How many past versions of an entry are kept (D4). */
export const REVISIONS_KEPT = 20;

export interface JournalSnapshot {
  /** False until `load()` has read the journal. */
  loaded: boolean;
  /** Live entries, newest (last updated) first. */
  entries: readonly JournalEntry[];
  /** Entries in "recently deleted", most recently deleted first. */
  deleted: readonly JournalEntry[];
  /** Records that could not be read and were skipped (they stay in storage). */
  corrupt: number;
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

  constructor(
    private readonly db: Database,
    private readonly onSaved: (result: SaveResult) => void,
  ) {
    super({ loaded: false, entries: [], deleted: [], corrupt: 0 });
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

  async get(id: string): Promise<JournalEntry | undefined> {
    return this.db.read(['entries'], (tx) => tx.get('entries', id));
  }

  /**
   * Saves an entry durably (strict durability) and keeps a revision of it. Resolves only once
   * the write has committed: only then may a UI say "Saved".
   */
  async save(draft: EntryDraft, options: SaveOptions = {}): Promise<JournalEntry> {
    const now = Date.now();
    const id = draft.id ?? crypto.randomUUID();
    const result = await this.db.write(['entries', 'revisions'], async (tx) => {
      const stored = await tx.get('entries', id);
      if (stored && options.expectedRevision !== undefined && !options.force && stored.revision !== options.expectedRevision) {
        throw new ConflictError(id, options.expectedRevision, stored.revision);
      }
      const entry: JournalEntry = clean({
        ...stored,
        ...draft,
        id,
        title: draft.title ?? stored?.title ?? '',
        tags: normaliseTags(draft.tags ?? stored?.tags ?? []),
        fields: { ...draft.fields },
        createdAt: stored?.createdAt ?? now,
        updatedAt: Math.max(now, (stored?.updatedAt ?? 0) + 1),
        revision: (stored?.revision ?? 0) + 1,
      });
      const problem = recordProblem('entries', entry);
      if (problem) throw new StorageError('invalid-record', `Entry "${id}" cannot be saved: ${problem}.`);
      await tx.put('entries', entry);
      await tx.put('revisions', revisionOf(entry));
      const revisions = await tx.getAll('revisions', 'entryId', id);
      const excess = revisions.sort((a, b) => a.revision - b.revision).slice(0, Math.max(0, revisions.length - REVISIONS_KEPT));
      for (const old of excess) await tx.delete('revisions', old.key);
      return { entry, created: !stored };
    }, 'saving your entry');
    this.upsert(result.entry);
    this.onSaved(result);
    return result.entry;
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
    return list.sort((a, b) => b.revision - a.revision);
  }

  /** Makes an old revision the current text again, as a new revision (nothing is lost). */
  async restoreRevision(id: string, revision: number): Promise<JournalEntry> {
    const old = await this.db.read(['revisions'], (tx) => tx.get('revisions', `${id}:${revision}`));
    const current = await this.get(id);
    if (!old || !current) throw new StorageError('not-found', `Revision ${revision} of entry "${id}" is not kept any more.`);
    const draft: EntryDraft & { sealed?: JournalEntry['sealed'] } = { ...current, title: old.title, fields: old.fields, tags: old.tags };
    if (old.sealed) draft.sealed = old.sealed;
    else delete draft.sealed;
    return this.save(draft, { force: true });
  }

  /** Entries using an index: by template, week or tag (reads storage, not the snapshot). */
  async find(by: { templateId: string } | { weekId: string } | { tag: string }): Promise<JournalEntry[]> {
    const [index, value] = 'templateId' in by ? ['templateId', by.templateId] : 'weekId' in by ? ['weekId', by.weekId] : ['tags', by.tag];
    const rows = await this.db.read(['entries'], (tx) => tx.getAll('entries', index, value));
    return rows.filter((e) => !e.deletedAt).sort(newestFirst);
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
    this.upsert(entry);
  }

  private async read(): Promise<JournalSnapshot> {
    const rows = await this.db.read(['entries'], (tx) => tx.getAll('entries'));
    const good = rows.filter((r) => recordProblem('entries', r) === null);
    const next: JournalSnapshot = {
      loaded: true,
      entries: good.filter((e) => !e.deletedAt).sort(newestFirst),
      deleted: good.filter((e) => e.deletedAt).sort((a, b) => b.deletedAt! - a.deletedAt!),
      corrupt: rows.length - good.length,
    };
    this.set(next);
    return next;
  }

  private upsert(entry: JournalEntry): void {
    if (!this.snapshot.loaded) return;
    const others = (list: readonly JournalEntry[]) => list.filter((e) => e.id !== entry.id);
    const { entries, deleted } = this.snapshot;
    this.set({
      ...this.snapshot,
      entries: entry.deletedAt ? others(entries) : [entry, ...others(entries)].sort(newestFirst),
      deleted: entry.deletedAt ? [entry, ...others(deleted)] : others(deleted),
    });
  }

  private remove(id: string): void {
    if (!this.snapshot.loaded) return;
    this.set({ ...this.snapshot, entries: this.snapshot.entries.filter((e) => e.id !== id), deleted: this.snapshot.deleted.filter((e) => e.id !== id) });
  }
}

function revisionOf(entry: JournalEntry): EntryRevision {
  const r: EntryRevision = { key: `${entry.id}:${entry.revision}`, entryId: entry.id, revision: entry.revision, savedAt: entry.updatedAt, title: entry.title, fields: entry.fields, tags: entry.tags };
  if (entry.sealed) r.sealed = entry.sealed;
  return r;
}

function newestFirst(a: JournalEntry, b: JournalEntry): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);
}

function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
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
