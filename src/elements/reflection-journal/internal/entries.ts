import type { JournalTemplate } from '../../../sdk/content/types.js';
import type { ProgramContent } from '../../../sdk/content/content.js';
import type { FieldValue, JournalEntry } from '../../../sdk/store/records.js';
import type { Formats, Grouping } from './platform.js';

export interface ListFilter {
  query: string;
  templateId: string;
  weekId: string;
  tag: string;
}

export const EMPTY_FILTER: ListFilter = { query: '', templateId: '', weekId: '', tag: '' };

export interface EntryGroup {
  key: string;
  label: string;
  entries: JournalEntry[];
}

/** The entry's title, or its template's title, or a plain fallback. */
export function entryHeading(entry: JournalEntry, template: JournalTemplate | undefined): string {
  return entry.title.trim() || template?.title || 'Untitled entry';
}

/** The start of the first written text, for the list. */
export function excerpt(entry: JournalEntry, template: JournalTemplate | undefined, max = 160): string {
  const order = template ? template.fields.map((f) => f.id) : Object.keys(entry.fields);
  const values = [...order, ...Object.keys(entry.fields).filter((id) => !order.includes(id))].map((id) => entry.fields[id]);
  const text = values.map(asText).find((t) => t.trim() !== '') ?? '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

function asText(v: FieldValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return '';
  return typeof v === 'string' ? v : v.join(', ');
}

/**
 * Groups the first `limit` entries (already newest first) by week or by day. Groups come in the
 * order of their newest entry, so the list still reads newest first.
 */
export function groupEntries(entries: readonly JournalEntry[], grouping: Grouping, content: ProgramContent | undefined, formats: Formats): EntryGroup[] {
  const groups = new Map<string, EntryGroup>();
  for (const e of entries) {
    let key: string;
    let label: string;
    if (grouping === 'week') {
      const week = e.weekId ? content?.week(e.weekId) : undefined;
      key = week ? week.id : 'none';
      label = week ? `Week ${week.number}: ${week.title}` : 'Not linked to a week';
    } else {
      const d = new Date(e.createdAt);
      key = `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
      label = formats.day.format(d);
    }
    let g = groups.get(key);
    if (!g) {
      g = { key, label, entries: [] };
      groups.set(key, g);
    }
    g.entries.push(e);
  }
  return [...groups.values()];
}

const tagCache = new WeakMap<readonly JournalEntry[], string[]>();
const collator = new Intl.Collator();

/** Every tag in use, sorted for the filter (remembered per snapshot list: lists are replaced, never mutated). */
export function tagsIn(entries: readonly JournalEntry[]): string[] {
  let sorted = tagCache.get(entries);
  if (!sorted) {
    const tags = new Set<string>();
    for (const e of entries) for (const t of e.tags) tags.add(t);
    sorted = [...tags].sort(collator.compare);
    tagCache.set(entries, sorted);
  }
  return sorted;
}
