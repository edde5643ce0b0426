import type { JournalTemplate, TextField } from '../../../sdk/content/types.js';
import type { ProgramContent } from '../../../sdk/content/content.js';
import type { FieldValue, JournalEntry } from '../../../sdk/store/records.js';
import type { Formats, Grouping } from './platform.js';
import { html, type TemplateResult } from 'lit';
import { EN_JOURNAL_STRINGS } from './en-journal-strings.js';

export interface ListFilter {
  query: string;
  templateId: string;
  weekId: string;
  tag: string;
}

export const EMPTY_FILTER: ListFilter = { query: '', templateId: '', weekId: '', tag: '' };

export interface EntryGroup {
  key: string;
  /** The heading: a day, or "Week 3: <the week's title>" (the title in a <bdi>, see shared/isolate.ts). */
  label: string | TemplateResult;
  entries: JournalEntry[];
}

/**
 * What names an entry in lists: its title; without one, the first words of its first line, so
 * two answers from one template read differently; then its template's title or a plain fallback.
 */
export function entryHeading(entry: JournalEntry, template: JournalTemplate | undefined, untitled = EN_JOURNAL_STRINGS.untitled): string {
  return entry.title.trim() || firstWords(written(entry, template).split('\n').find((l) => l.trim()) ?? '') || template?.title || untitled;
}

/** The start of the first written text, for the list. */
export function excerpt(entry: JournalEntry, template: JournalTemplate | undefined, max = 160): string {
  return clip(written(entry, template).replace(/\s+/g, ' ').trim(), max);
}

/**
 * A list item's words beside its heading: the excerpt, or for an entry named by its first words
 * the text that follows them, so the card never says the same words twice.
 */
export function cardText(entry: JournalEntry, template: JournalTemplate | undefined, heading: string): string {
  const text = excerpt(entry, template, 400);
  const cut = heading.endsWith('…');
  const shown = cut ? heading.slice(0, -1) : heading;
  if (entry.title.trim() || !text.startsWith(shown)) return clip(text, 160);
  const rest = text.slice(shown.length).trim();
  return rest ? clip(cut ? `…${rest}` : rest, 160) : '';
}

/** The first text written: in a text field (the template's, then older ones), else any answer (a choice, feelings). */
function written(entry: JournalEntry, template: JournalTemplate | undefined): string {
  const order = template ? template.fields.map((f) => f.id) : Object.keys(entry.fields);
  const ids = [...order, ...Object.keys(entry.fields).filter((id) => !order.includes(id))];
  const isText = (id: string) => !template?.fields.some((f) => f.id === id && f.type !== 'text' && f.type !== 'longtext');
  const first = (list: string[]) => list.map((id) => asText(entry.fields[id])).find((t) => t.trim() !== '');
  return first(ids.filter(isText)) ?? first(ids) ?? '';
}

/** Up to `max` characters, cut at a space when there is one. */
function firstWords(line: string, max = 60): string {
  const flat = line.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function clip(flat: string, max: number): string {
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Fields an entry has values for that its template no longer lists (an older template version): shown and printed too, never hidden. */
export function extraFields(template: JournalTemplate | undefined, entry: Pick<JournalEntry, 'fields'>): TextField[] {
  const known = new Set(template?.fields.map((f) => f.id));
  return Object.keys(entry.fields)
    .filter((id) => !known.has(id))
    .map((id) => ({ id, type: 'longtext', label: fieldLabel(id) }));
}

/** A label for such a field, from its id: "critic-words" reads "Critic words". */
function fieldLabel(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1) || id;
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
    let label: EntryGroup['label'];
    if (grouping === 'week') {
      const week = e.weekId ? content?.week(e.weekId) : undefined;
      key = week ? week.id : 'none';
      if (week) {
        // The week's title in a <bdi> inside the translated sentence, as src/elements/shared/isolate.ts
        // does for the course: written out here, since a module both use at first render would move
        // into the core that every page (the player's too) downloads.
        const [before, after] = formats.t(EN_JOURNAL_STRINGS).weekGroup(week.number, '\u0001').split('\u0001');
        label = html`${before}<bdi>${week.title}</bdi>${after}`;
      } else label = formats.t(EN_JOURNAL_STRINGS).noWeek;
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
