import type { JournalTemplate, TemplateField, Week } from '../content/types.js';
import type { FieldValue, JournalEntry } from '../store/records.js';

/** What the Markdown export needs from the program: template and week look-ups (a ProgramContent fits). */
export interface ExportContent {
  template(id: string): JournalTemplate | undefined;
  week(id: string): Week | undefined;
  step?(id: string): { step: { title: string } } | undefined;
}

export interface MarkdownExportOptions {
  /** The document's first heading. */
  title?: string;
  /** BCP 47 locale for dates (default: the browser's). */
  locale?: string;
  /** IANA time zone for dates (default: the device's). */
  timeZone?: string;
  /** The export time printed under the title (default: now). */
  exportedAt?: Date;
  /** Include each entry's tags (default true). */
  tags?: boolean;
  /** Include each entry's dates (default true). */
  dates?: boolean;
  /** A sentence printed under the title, e.g. who the file is for. */
  note?: string;
  /**
   * Questionnaire scores the participant chose to include, printed before the entries (see
   * `scoresToMarkdown`); omitted or empty, the file holds none.
   */
  scores?: readonly MarkdownScores[];
}

/** One questionnaire's scores for the export: its title, range and each week's score with its band. */
export interface MarkdownScores {
  title: string;
  low: number;
  high: number;
  weeks: readonly { week: number; score: number | null; band?: string }[];
}

/**
 * Makes Markdown of journal entries, in the order given. The participant's own text is kept as
 * written except that `\` and `<` are backslash-escaped, so no Markdown viewer can read it as
 * HTML, and so is the `]` of a link to a `javascript:`, `vbscript:` or `data:` URL, so it stays
 * text (see `escape`). The same string is what a preview shows and what the saved file contains.
 */
export function entriesToMarkdown(entries: readonly JournalEntry[], content: ExportContent | undefined, options: MarkdownExportOptions = {}): string {
  const dateFormat = new Intl.DateTimeFormat(options.locale, { dateStyle: 'long', timeStyle: 'short', ...(options.timeZone ? { timeZone: options.timeZone } : {}) });
  const lines: string[] = [];
  lines.push(`# ${inline(options.title ?? 'Journal entries')}`, '');
  const count = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`;
  lines.push(`Exported ${dateFormat.format(options.exportedAt ?? new Date())} · ${count}`, '');
  if (options.note) lines.push(inline(options.note), '');
  if (options.scores?.length) lines.push(...scoresToMarkdown(options.scores, options.locale));
  for (const entry of entries) {
    lines.push('---', '', ...entryToMarkdown(entry, content, options, dateFormat));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** "## Questionnaire scores", one line per week answered: "Week 1: 9 (Early days)". */
function scoresToMarkdown(scores: readonly MarkdownScores[], locale: string | undefined): string[] {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const out = ['---', '', '## Questionnaire scores', ''];
  for (const m of scores) {
    out.push(`### ${inline(m.title)}`, '', `*Range ${n.format(m.low)} to ${n.format(m.high)}*`, '');
    for (const w of m.weeks) out.push(`- Week ${w.week}: ${w.score === null ? 'not enough answers for a score' : n.format(w.score)}${w.band ? ` (${inline(w.band)})` : ''}`);
    out.push('');
  }
  return out;
}

function entryToMarkdown(entry: JournalEntry, content: ExportContent | undefined, options: MarkdownExportOptions, dateFormat: Intl.DateTimeFormat): string[] {
  const template = content?.template(entry.templateId);
  const out: string[] = [];
  const heading = entry.title.trim() || template?.title || 'Untitled entry';
  out.push(`## ${inline(heading)}`, '');
  const meta: string[] = [];
  if (template && entry.title.trim()) meta.push(template.title);
  const week = entry.weekId ? content?.week(entry.weekId) : undefined;
  if (week) meta.push(`Week ${week.number}: ${week.title}`);
  const step = entry.stepId ? content?.step?.(entry.stepId) : undefined;
  if (step) meta.push(step.step.title);
  if (options.dates !== false) meta.push(dateFormat.format(new Date(entry.createdAt)) + (entry.updatedAt - entry.createdAt > 60_000 ? ` (edited ${dateFormat.format(new Date(entry.updatedAt))})` : ''));
  if (meta.length) out.push(`*${meta.map(inline).join(' · ')}*`, '');
  if (entry.prompt) out.push(...block(entry.prompt).map((l) => `> ${l}`), '');
  if (options.tags !== false && entry.tags.length) out.push(`Tags: ${entry.tags.map(inline).join(', ')}`, '');
  const fields: TemplateField[] = template?.fields ?? Object.keys(entry.fields).map((id) => ({ id, type: 'longtext', label: id }));
  for (const field of fields) {
    const text = valueText(field, entry.fields[field.id]);
    if (text === undefined) continue;
    out.push(`### ${inline(field.label)}`, '', ...block(text), '');
  }
  // Fields the template no longer has are kept, so an export never drops what was written.
  for (const [id, value] of Object.entries(entry.fields)) {
    if (fields.some((f) => f.id === id)) continue;
    const text = valueText({ id, type: 'longtext', label: id }, value);
    if (text !== undefined) out.push(`### ${inline(id)}`, '', ...block(text), '');
  }
  return out;
}

/** A field value as readable text, or undefined when empty. */
export function valueText(field: TemplateField, value: FieldValue | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) return value.length ? value.join(', ') : undefined;
  if (field.type === 'scale' && typeof value === 'number') {
    const ends = field.minLabel && field.maxLabel ? ` (${field.min} = ${field.minLabel}, ${field.max} = ${field.maxLabel})` : '';
    return `${value} on a scale of ${field.min} to ${field.max}${ends}`;
  }
  return String(value);
}

/**
 * The participant's text made safe for any Markdown viewer, every character kept: `\\` and `<` are
 * backslash-escaped (no HTML, no `<javascript:…>` autolink), and so is a `]` that would close a
 * link or a reference definition to a `javascript:`, `vbscript:` or `data:` URL, which leaves
 * `[x](javascript:…)` and `[x]: data:…` as plain text while `[x](https://…)` stays a link.
 */
function escape(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' || c === '<' || (c === ']' && opensDangerousUrl(text, i + 1))) out += '\\';
    out += c;
  }
  return out;
}

/** URL schemes a viewer could run or render as a page. */
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data):/;
const NAMED_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', nbsp: ' ' };

/**
 * Whether `text` from `at` (just after a `]`) reads as a link destination `(url` or a definition
 * `: url` whose URL, as a viewer would decode it and a browser parse it, has a dangerous scheme.
 * Erring towards "dangerous" only adds a backslash.
 */
function opensDangerousUrl(text: string, at: number): boolean {
  const opener = /^\s*[(:]/.exec(text.slice(at, at + 64));
  if (!opener) return false;
  const url = text
    .slice(at + opener[0].length, at + opener[0].length + 256)
    // Character references are decoded in link destinations: java&#x09;script&colon;
    .replace(/&#(x[0-9a-f]{1,6}|[0-9]{1,7});?|&([a-z]+);/gi, (whole, code: string | undefined, name: string | undefined) => {
      if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
      const point = code![0] === 'x' || code![0] === 'X' ? parseInt(code!.slice(1), 16) : parseInt(code!, 10);
      return point <= 0x10ffff ? String.fromCodePoint(point) : '';
    })
    // Backslash escapes are removed (javascript\:), browsers drop tabs and line breaks anywhere in
    // a URL and control characters and spaces before it, and an angle-bracketed destination opens with <.
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020\u00a0<]+/, '')
    .toLowerCase();
  return DANGEROUS_SCHEME.test(url);
}

/** One line: newlines become spaces. */
function inline(text: string): string {
  return escape(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/** Several lines, kept as written (Markdown line breaks need two spaces; blank lines stay paragraphs). */
function block(text: string): string[] {
  return escape(text.replace(/\r\n?/g, '\n')).split('\n').map((l, i, all) => (i < all.length - 1 && l !== '' && all[i + 1] !== '' ? `${l}  ` : l));
}
