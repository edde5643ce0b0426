import type { Database } from './database.js';
import { fold, newestFirst, type JournalFilter, type JournalPage, type QueryPort } from './journal.js';
import type { FieldValue, JournalEntry } from './records.js';
import { journalRecordProblem as recordProblem } from './validate-entries.js';

// The journal's filters and search (JournalRepository.query and tags), loaded with the first of
// them. Template, week and tag alone are answered from their indexes' keys; a text query (or a tag
// while the lock is on) from the search index below. That index lives in
// memory only, for this page: with the lock on it holds opened text, and none of it is ever
// written to storage. Built by one pass over the journal in batches; this tab's writes keep it up
// to date, and the repository drops it when the lock changes or another tab writes.

/** How many records one read transaction of the build takes. */
const BATCH = 500;

interface Doc {
  id: string;
  updatedAt: number;
  deleted: boolean;
  templateId: string;
  weekId: string | undefined;
  tags: readonly string[];
  /** Ids of the distinct folded words of its title, tags and field values (its text if readable). */
  terms: Uint32Array;
}

/**
 * Folded words and, per entry, the ids of the words it holds. A query word matches an entry when
 * it is part of one of the entry's words: the same as finding it in the whole folded text, since a
 * query word holds no space. Words are folded once each (most repeat across entries).
 */
export class SearchIndex {
  private readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  private readonly docs = new Map<string, Doc>();
  private folded = new Map<string, string>();

  /** Reads every entry, `open`ing sealed ones (unlocked), in batches by key. */
  static async build(db: Database, open: (row: JournalEntry) => Promise<{ entry: JournalEntry; ok: boolean }>, readable: (e: JournalEntry) => boolean): Promise<SearchIndex> {
    const index = new SearchIndex();
    let after: string | undefined;
    for (;;) {
      const from = after;
      const rows = await db.read(['entries'], (tx) => tx.batch('entries', from, BATCH));
      for (const row of rows) {
        if (recordProblem('entries', row) !== null) continue;
        const entry = row.sealed ? (await open(row)).entry : row;
        index.put(entry, readable(entry));
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]!.id;
    }
    // The raw-to-folded cache served the build; later writes fold their few words again.
    index.folded = new Map();
    return index;
  }

  /** Adds or replaces an entry (its text only when `readable`: a sealed one that did not open has none). */
  put(entry: JournalEntry, readable: boolean): void {
    const terms = new Set<number>();
    if (readable) {
      const values = Object.values(entry.fields).flatMap((v: FieldValue) => (v === null ? [] : Array.isArray(v) ? v : [String(v)]));
      for (const text of [entry.title, ...entry.tags, ...values]) {
        for (const raw of text.split(/\s+/)) if (raw) terms.add(this.wordId(raw));
      }
    }
    this.docs.set(entry.id, {
      id: entry.id,
      updatedAt: entry.updatedAt,
      deleted: !!entry.deletedAt,
      templateId: entry.templateId,
      weekId: entry.weekId,
      tags: readable ? entry.tags : [],
      terms: Uint32Array.from(terms),
    });
  }

  remove(id: string): void {
    this.docs.delete(id);
  }

  /** Ids of the live entries holding every word (already folded) and passing the filter, newest first. */
  match(words: readonly string[], filter: JournalFilter): string[] {
    const marks = words.map((w) => {
      const m = new Uint8Array(this.words.length);
      this.words.forEach((word, i) => {
        if (word.includes(w)) m[i] = 1;
      });
      return m;
    });
    const found: Doc[] = [];
    for (const d of this.docs.values()) {
      if (d.deleted) continue;
      if (filter.templateId && d.templateId !== filter.templateId) continue;
      if (filter.weekId && d.weekId !== filter.weekId) continue;
      if (filter.tag && !d.tags.includes(filter.tag)) continue;
      if (marks.every((m) => d.terms.some((t) => m[t] === 1))) found.push(d);
    }
    return found.sort((a, b) => newestFirst(a as never, b as never)).map((d) => d.id);
  }

  /** Every tag on a live entry. */
  tags(): string[] {
    const tags = new Set<string>();
    for (const d of this.docs.values()) if (!d.deleted) for (const t of d.tags) tags.add(t);
    return [...tags];
  }

  private wordId(raw: string): number {
    let word = this.folded.get(raw);
    if (word === undefined) {
      word = fold(raw);
      this.folded.set(raw, word);
    }
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.wordIds.set(word, id);
    }
    return id;
  }
}

/** The first `limit` live entries matching, newest first, and how many match (see JournalRepository.query). */
export async function query(q: QueryPort, words: readonly string[], filter: JournalFilter, limit: number): Promise<JournalPage> {
  const ids = words.length || (filter.tag && q.lockState !== 'off') ? (await q.index()).match(words, filter) : await byIndexes(q, filter);
  return { entries: await entriesOf(q, ids.slice(0, limit)), total: ids.length };
}

/** Every tag in use, sorted: from the tag index, or while the lock is on (tags are sealed), from the search index. */
export async function tags(q: QueryPort): Promise<string[]> {
  if (q.lockState === 'locked') return [];
  const list = q.lockState === 'unlocked' ? (await q.index()).tags() : ((await q.db.read(['entries'], (tx) => tx.indexKeys('entries', 'tags'))) as string[]);
  return [...list].sort(new Intl.Collator().compare);
}

/**
 * Ids of the live entries matching template, week and tag, newest first, from index keys alone:
 * the `updatedAt` index's primary keys give the order, the others the sets.
 */
async function byIndexes(q: QueryPort, filter: JournalFilter): Promise<string[]> {
  return q.db.read(['entries'], async (tx) => {
    const [order, deleted, ...sets] = await Promise.all([
      tx.getAllKeys('entries', 'updatedAt'),
      tx.getAllKeys('entries', 'deletedAt'),
      ...(filter.templateId ? [tx.getAllKeys('entries', 'templateId', filter.templateId)] : []),
      ...(filter.weekId ? [tx.getAllKeys('entries', 'weekId', filter.weekId)] : []),
      ...(filter.tag ? [tx.getAllKeys('entries', 'tags', filter.tag)] : []),
    ]);
    const gone = new Set(deleted.map(String));
    const wanted = sets.map((keys) => new Set(keys.map(String)));
    const found: string[] = [];
    for (let i = order.length - 1; i >= 0; i--) {
      const id = String(order[i]);
      if (!gone.has(id) && wanted.every((w) => w.has(id))) found.push(id);
    }
    return found;
  });
}

/** The entries with these ids, in this order: from those read, else from storage (opened when unlocked). */
async function entriesOf(q: QueryPort, ids: readonly string[]): Promise<JournalEntry[]> {
  const missing = ids.filter((id) => !q.known.has(id));
  const rows = missing.length ? await q.db.read(['entries'], (tx) => Promise.all(missing.map((id) => tx.get('entries', id)))) : [];
  const read = new Map<string, JournalEntry>();
  await Promise.all(
    rows.map(async (row) => {
      if (row && recordProblem('entries', row) === null) read.set(row.id, (await q.open(row)).entry);
    }),
  );
  return ids.map((id) => q.known.get(id) ?? read.get(id)).filter((e): e is JournalEntry => !!e && !e.deletedAt);
}
