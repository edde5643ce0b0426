import type { Database } from './database.js';
import { fold, newestFirst, type JournalFilter } from './journal.js';
import type { FieldValue, JournalEntry } from './records.js';
import { journalRecordProblem as recordProblem } from './validate-entries.js';

// The journal's search index, loaded with the first search (JournalRepository.query). It lives in
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
