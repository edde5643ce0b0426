import { ProgramError, type ProgramIssue } from '../errors.js';
import { markdownLinks } from './markdown.js';
import { PROGRAM_LIMITS as L } from './limits.js';
import { PROGRAM_DESC, type Desc, type ObjectDesc } from './schema.js';
import type { Measure, Program, ScoreBand } from './types.js';
import { scaleRange, scoreRange } from '../measures/score.js';
import { urlProblem } from './urls.js';
import { groupDigits as count } from './digits.js';

export interface ValidationResult {
  program: Program;
  /** Problems that do not stop the program from working, e.g. unknown fields. */
  warnings: readonly ProgramIssue[];
}

/** At most this many errors and this many warnings are kept; the rest are counted. */
const ISSUES_KEPT = 10_000;
/** "Did you mean" is worked out for this many issues (the elements list 20): comparing an id with 200 others costs. */
const SUGGESTIONS = 20;

/**
 * Checks a parsed program document against the format, its limits (limits.ts) and its
 * cross-references, collecting every problem with its JSON path. Returns the program (deeply
 * frozen) and any warnings; otherwise throws a `ProgramError`:
 * - `program-too-deep` when objects and lists nest deeper than the format allows,
 * - `too-large` when the document, a list or a text is over its limit,
 * - `invalid-program` for every other problem.
 *
 * It is cheap on hostile input: sizes are checked before anything is walked, a list over its
 * limit is not looked into, and messages quote at most a short excerpt of a value.
 */
export function validateProgram(input: unknown): ValidationResult {
  measureDocument(input);
  const issues = new Issues();
  checkValue(input, PROGRAM_DESC, '', issues);
  // Cross-references are checked even when some fields are wrong, so one pass lists every
  // problem; not when a list is over its limit, because following it would cost what the limit prevents.
  if (!issues.overLimit) {
    try {
      checkReferences(input as Program, issues);
    } catch {
      // The shape is too broken to follow references; the shape errors above already say why.
    }
  }

  const errors = issues.errors;
  if (errors.length) {
    const first = errors.slice(0, 3).map((e) => `${e.path || '(document)'}: ${e.message}`);
    const more = issues.errorCount > 3 ? ` (and ${issues.errorCount - 3} more)` : '';
    const [code, what] = issues.overLimit ? (['too-large', 'is too large'] as const) : (['invalid-program', 'is not valid'] as const);
    throw new ProgramError(code, `The program ${what}: ${first.join('; ')}${more}`, [...errors, ...issues.warnings]);
  }
  return { program: deepFreeze(input as Program), warnings: issues.warnings };
}

/** Collects problems; limit errors come first, since fixing them is what makes the rest readable. */
class Issues {
  readonly warnings: ProgramIssue[] = [];
  errorCount = 0;
  private readonly limitErrors: ProgramIssue[] = [];
  private readonly otherErrors: ProgramIssue[] = [];
  private suggestions = 0;

  get overLimit(): boolean {
    return this.limitErrors.length > 0;
  }

  get errors(): ProgramIssue[] {
    return [...this.limitErrors, ...this.otherErrors].slice(0, ISSUES_KEPT);
  }

  error(path: string, message: string): void {
    if (this.errorCount++ < ISSUES_KEPT) this.otherErrors.push({ path, message, severity: 'error' });
  }

  /** A count or length over a limit of the format. */
  limit(path: string, message: string): void {
    if (this.errorCount++ < ISSUES_KEPT || !this.overLimit) this.limitErrors.push({ path, message, severity: 'error' });
  }

  warn(path: string, message: string): void {
    if (this.warnings.length < ISSUES_KEPT) this.warnings.push({ path, message, severity: 'warning' });
  }

  /** `suggest()` for the first issues; after that, nothing, so a file of a thousand typos stays quick. */
  suggest(value: string, options: readonly string[]): string {
    return this.suggestions++ < SUGGESTIONS ? suggest(value, options) : '';
  }
}

/** Characters of a value quoted in a message. */
const EXCERPT = 40;

/**
 * A value as a message quotes it: `"gentle"`, or for a long one the first 40 characters and
 * its length, `"xxxx…" (1,900,000 characters)`. A message never repeats a whole long value.
 */
export function quote(value: string): string {
  return value.length <= EXCERPT ? `"${value}"` : `${excerpt(value)} (${count(value.length)} characters)`;
}

/** The first 40 characters of a text, quoted, with "…" when there is more. */
function excerpt(value: string): string {
  if (value.length <= EXCERPT) return `"${value}"`;
  // Never cut an emoji (a surrogate pair) in half.
  const cut = /[\uD800-\uDBFF]/.test(value[EXCERPT - 1]!) ? EXCERPT - 1 : EXCERPT;
  return `"${value.slice(0, cut)}…"`;
}

/** An object key as it appears in a path: `weeks`, or an excerpt when someone wrote a huge key. */
const keyInPath = (key: string) => (key.length <= EXCERPT ? key : `${key.slice(0, EXCERPT)}…`);
const join = (path: string, key: string) => (path ? `${path}.${keyInPath(key)}` : keyInPath(key));
const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? `string ${quote(v)}` : `${typeof v} ${String(v).slice(0, EXCERPT)}`;

/**
 * Walks the whole document once, without recursion (a 100,000-level document must not overflow
 * the stack), and refuses it when it nests too deep or holds too many values or too much text.
 * A list is measured before it is walked, so a ten-million-item list costs nothing.
 */
function measureDocument(input: unknown): void {
  // Only objects and lists are pushed; text and numbers are counted where they are found.
  interface Frame {
    value: object;
    depth: number;
    parent: Frame | undefined;
    key: string | number;
  }
  const stack: Frame[] = [];
  let values = 0;
  let chars = 0;
  const visit = (value: unknown, depth: number, parent: Frame | undefined, key: string | number) => {
    values++;
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > L.totalTextChars) {
        const path = pathOf(parent, key);
        throw new ProgramError('too-large', `The program is too large: it holds more than ${count(L.totalTextChars)} characters of text (the limit was passed at ${path || 'the top'}).`, [
          { path, message: `passes the limit of ${count(L.totalTextChars)} characters of text in the whole program`, severity: 'error' },
        ]);
      }
    } else if (typeof value === 'object' && value !== null) {
      stack.push({ value, depth, parent, key });
    }
  };
  visit(input, 1, undefined, '');
  while (stack.length) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (depth > L.depth) {
      const path = pathOf(frame.parent, frame.key);
      throw new ProgramError(
        'program-too-deep',
        `The program is nested more than ${L.depth} levels deep at ${clip(path)}; a program needs about 6. The file may be generated wrongly or damaged.`,
        [{ path: clip(path), message: `is nested more than ${L.depth} levels deep`, severity: 'error' }],
      );
    }
    const children = Array.isArray(value) ? value.length : Object.keys(value).length;
    if (values + children > L.values) {
      const path = pathOf(frame.parent, frame.key);
      throw new ProgramError('too-large', `The program is too large: it holds more than ${count(L.values)} values (${path || 'the top level'} alone has ${count(children)}).`, [
        { path, message: `has ${count(children)} items, more than the ${count(L.values)} values a whole program may hold`, severity: 'error' },
      ]);
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) visit(value[i], depth + 1, frame, i);
    } else {
      for (const [key, v] of Object.entries(value)) visit(v, depth + 1, frame, key);
    }
  }
}

/** The JSON path of `key` inside `parent`, built only when a message needs it. */
function pathOf(parent: { parent: unknown; key: string | number } | undefined, key: string | number): string {
  const keys: (string | number)[] = [key];
  for (let f = parent; f?.parent; f = f.parent as typeof parent) keys.push(f.key);
  return keys.reverse().reduce<string>((path, k) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${keyInPath(k)}` : keyInPath(k)), '');
}

/** A path shortened for a message: its start and its end. */
function clip(path: string, max = 120): string {
  return path.length <= max ? path : `${path.slice(0, max / 2)}…${path.slice(-max / 2)}`;
}

function checkValue(value: unknown, d: Desc, path: string, issues: Issues): void {
  switch (d.t) {
    case 'string': {
      if (typeof value !== 'string') return issues.error(path, `must be text, not ${describe(value)}`);
      // Length first: nothing below (trim, patterns, markdown) ever runs over an over-long text.
      if (d.max && value.length > d.max) return issues.limit(path, `is ${count(value.length)} characters long; at most ${count(d.max)} are allowed: ${excerpt(value)}`);
      if (d.min && value.trim().length < d.min) return issues.error(path, 'must not be empty');
      if (d.enum && !d.enum.includes(value)) return issues.error(path, `must be one of ${d.enum.map((e) => `"${e}"`).join(', ')}, not ${quote(value)}${issues.suggest(value, d.enum)}`);
      if (d.pattern && !d.pattern.test(value)) return issues.error(path, `${quote(value)} has the wrong form (expected ${d.hint ?? d.pattern.source})`);
      if (d.date && !isDate(value)) return issues.error(path, `${quote(value)} is not a date in the form YYYY-MM-DD`);
      if (d.url) {
        const problem = urlProblem(value);
        if (problem) return issues.error(path, `URL ${quote(value)} ${problem}`);
      }
      if (d.markdown) {
        for (const link of markdownLinks(value)) {
          const problem = urlProblem(link);
          if (problem) issues.error(path, `link ${quote(link)} ${problem}`);
        }
      }
      return;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return issues.error(path, `must be a number, not ${describe(value)}`);
      if (d.integer && !Number.isSafeInteger(value)) return issues.error(path, `must be a whole number, not ${value}`);
      if (d.min !== undefined && value < d.min) return issues.error(path, `must be at least ${d.min}, not ${value}`);
      if (d.max !== undefined && value > d.max) return issues.error(path, `must be at most ${count(d.max)}, not ${count(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') issues.error(path, `must be true or false, not ${describe(value)}`);
      return;
    case 'const':
      if (value !== d.value) issues.error(path, `must be ${JSON.stringify(d.value)}, not ${describe(value)}`);
      return;
    case 'array':
      if (!Array.isArray(value)) return issues.error(path, `must be a list, not ${describe(value)}`);
      // Before looking at any item: a list over its limit is never walked.
      if (d.max && value.length > d.max) return issues.limit(path, `has ${count(value.length)} items; at most ${count(d.max)} are allowed`);
      if (d.min && value.length < d.min) return issues.error(path, `must have at least ${d.min} item${d.min > 1 ? 's' : ''}`);
      value.forEach((item, i) => checkValue(item, d.items, `${path}[${i}]`, issues));
      return;
    case 'object':
      return checkObject(value, d, path, issues);
    case 'union': {
      if (!isObject(value)) return issues.error(path, `must be an object, not ${describe(value)}`);
      const tag = value[d.tag];
      const variant = typeof tag === 'string' ? d.variants[tag] : undefined;
      const tags = Object.keys(d.variants);
      if (!variant) return issues.error(join(path, d.tag), `must be one of ${tags.map((t) => `"${t}"`).join(', ')}, not ${describe(tag)}${typeof tag === 'string' ? issues.suggest(tag, tags) : ''}`);
      return checkObject(value, variant, path, issues);
    }
  }
}

function checkObject(value: unknown, d: ObjectDesc, path: string, issues: Issues): void {
  if (!isObject(value)) return issues.error(path, `must be an object, not ${describe(value)}`);
  for (const key of d.required) {
    if (value[key] === undefined) issues.error(join(path, key), 'is required');
  }
  for (const [key, v] of Object.entries(value)) {
    const desc = Object.hasOwn(d.props, key) ? d.props[key] : undefined;
    if (!desc) {
      issues.warn(join(path, key), `is not a known field of ${d.name} and is ignored${issues.suggest(key, Object.keys(d.props))}`);
      continue;
    }
    if (v !== undefined) checkValue(v, desc, join(path, key), issues);
  }
}

function checkReferences(p: Program, issues: Issues): void {
  const meditationIds = p.meditations.map((m) => m.id);
  const templateIds = p.templates.map((t) => t.id);
  const meditationSet = new Set(meditationIds);
  const templateSet = new Set(templateIds);
  unique(p.weeks.map((w) => w.id), 'weeks', 'id', issues);
  unique(meditationIds, 'meditations', 'id', issues);
  unique(templateIds, 'templates', 'id', issues);
  const stepIds = new Map<string, string>();
  p.weeks.forEach((week, w) => {
    const path = `weeks[${w}]`;
    if (week.number !== w + 1) issues.error(`${path}.number`, `must be ${w + 1}: weeks are numbered 1, 2, 3… in order (found ${describeNumber(week.number)})`);
    week.steps.forEach((step, s) => {
      const sp = `${path}.steps[${s}]`;
      const seen = stepIds.get(step.id);
      if (seen) issues.error(`${sp}.id`, `${quote(step.id)} is already used by ${seen}; step ids must be unique in the program`);
      else stepIds.set(step.id, sp);
      if (step.kind === 'meditate' && !meditationSet.has(step.meditation)) {
        issues.error(`${sp}.meditation`, `no meditation with id ${quote(step.meditation)}${issues.suggest(step.meditation, meditationIds)}`);
      }
      if (step.kind === 'measure') {
        const measure = p.measures?.find((m) => m.id === step.measure);
        const ids = (p.measures ?? []).map((m) => m.id);
        if (!measure) issues.error(`${sp}.measure`, `no measure with id ${quote(step.measure)}${issues.suggest(step.measure, ids)}`);
        else if (Array.isArray(measure.weeks) && !measure.weeks.includes(week.number)) issues.error(`${sp}.measure`, `${quote(step.measure)} is not offered in week ${week.number}: add ${week.number} to its weeks, or move the step`);
      }
      if (step.kind === 'reflect' && !templateSet.has(step.template)) {
        issues.error(`${sp}.template`, `no journal template with id ${quote(step.template)}${issues.suggest(step.template, templateIds)}`);
      }
    });
  });
  if (p.unlock.policy === 'weekly' && !p.unlock.startDate) {
    issues.warn('unlock.startDate', 'is not set: every week stays locked until a start date is given (e.g. the start-date attribute)');
  }
  if (p.unlock.policy !== 'weekly' && p.unlock.startDate) issues.warn('unlock.startDate', `is ignored with the ${quote(p.unlock.policy)} policy`);
  p.meditations.forEach((m, i) => {
    (m.transcript?.cues ?? []).forEach((cue, c) => {
      if (cue.end <= cue.start) issues.error(`meditations[${i}].transcript.cues[${c}].end`, `must be after start (${describeNumber(cue.start)} s)`);
    });
    (m.chapters ?? []).forEach((ch, c) => {
      if (ch.start > m.duration) issues.error(`meditations[${i}].chapters[${c}].start`, `is after the end of the meditation (${describeNumber(m.duration)} s)`);
    });
  });
  checkMeasures(p, issues);
  // A week a measure lists with no step that offers it: the participant would never see it there.
  (p.measures ?? []).forEach((m, i) => {
    for (const n of m.weeks) {
      const week = p.weeks[n - 1];
      if (week && !week.steps.some((st) => st.kind === 'measure' && st.measure === m.id)) issues.warn(`measures[${i}].weeks`, `lists week ${n}, but no step of week ${n} offers ${quote(m.id)}: add a step { "kind": "measure", "measure": ${quote(m.id)} } there`);
    }
  });
  p.templates.forEach((t, i) => {
    unique(t.fields.map((f) => f.id), `templates[${i}].fields`, 'id', issues);
    t.fields.forEach((f, j) => {
      const fp = `templates[${i}].fields[${j}]`;
      if (f.type === 'scale' && typeof f.min === 'number' && typeof f.max === 'number') {
        // Each step is a radio button: the span is checked here, from the two ends, never by counting.
        const steps = f.max - f.min + 1;
        if (f.max <= f.min) issues.error(`${fp}.max`, `must be greater than min (${describeNumber(f.min)})`);
        else if (steps > L.scaleSteps) issues.limit(`${fp}.max`, `makes a scale of ${count(steps)} steps (${count(f.min)} to ${count(f.max)}); at most ${L.scaleSteps} are allowed, e.g. 0 to ${L.scaleSteps - 1}`);
      }
      if ((f.type === 'choice' || f.type === 'emotions') && new Set(f.options).size !== f.options.length) {
        issues.error(`${fp}.options`, 'has the same option twice');
      }
    });
  });
}

function checkMeasures(p: Program, issues: Issues): void {
  const measures = p.measures ?? [];
  unique(measures.map((m) => m.id), 'measures', 'id', issues);
  measures.forEach((m, i) => checkMeasure(m, `measures[${i}]`, p.weeks.length, issues));
}

function checkMeasure(m: Measure, path: string, weekCount: number, issues: Issues): void {
  unique(m.scale.map((o) => o.value as unknown as string), `${path}.scale`, 'value', issues);
  const itemIds = m.items.map((item) => item.id);
  unique(itemIds, `${path}.items`, 'id', issues);
  const { low, high } = scaleRange(m);
  m.items.forEach((item, j) => {
    const t = item.threshold;
    if (t && typeof t.value === 'number' && (t.value < low || t.value > high)) {
      issues.error(`${path}.items[${j}].threshold.value`, `${describeNumber(t.value)} is outside the scale (${low} to ${high}), so no answer could reach it`);
    }
  });
  const known = new Set(itemIds);
  unique((m.subscales ?? []).map((s) => s.id), `${path}.subscales`, 'id', issues);
  (m.subscales ?? []).forEach((sub, j) => {
    sub.items.forEach((id, k) => {
      if (!known.has(id)) issues.error(`${path}.subscales[${j}].items[${k}]`, `no item with id ${quote(id)} in this measure${issues.suggest(id, itemIds)}`);
    });
    unique(sub.items, `${path}.subscales[${j}].items`, 'id', issues);
    checkBands(sub.bands, `${path}.subscales[${j}].bands`, scoreRange(m, m.scoring.method, sub.items.length), issues);
  });
  const maxMissing = m.scoring.maxMissing ?? 0;
  if (maxMissing >= m.items.length) issues.error(`${path}.scoring.maxMissing`, `must be less than the number of items (${m.items.length}): a score needs at least one answer`);
  checkBands(m.scoring.bands, `${path}.scoring.bands`, scoreRange(m, m.scoring.method, m.items.length), issues);
  const weeks = new Set<number>();
  m.weeks.forEach((w, j) => {
    if (w > weekCount) issues.error(`${path}.weeks[${j}]`, `week ${w} does not exist: the program has ${weekCount} week${weekCount === 1 ? '' : 's'}`);
    if (weeks.has(w)) issues.error(`${path}.weeks[${j}]`, `week ${w} is listed twice`);
    weeks.add(w);
  });
}

/** Bands run low to high, do not overlap, and lie within the scores the items can give. */
function checkBands(bands: readonly ScoreBand[] | undefined, path: string, range: { low: number; high: number }, issues: Issues): void {
  (bands ?? []).forEach((b, j) => {
    if (b.min > b.max) return issues.error(`${path}[${j}].max`, `must not be below min (${describeNumber(b.min)})`);
    if (b.max < range.low || b.min > range.high) issues.error(`${path}[${j}]`, `${describeNumber(b.min)}–${describeNumber(b.max)} lies outside the possible scores (${range.low} to ${range.high})`);
    const other = bands!.findIndex((o, k) => k < j && o.min <= b.max && b.min <= o.max);
    if (other >= 0) issues.error(`${path}[${j}]`, `${describeNumber(b.min)}–${describeNumber(b.max)} overlaps ${path}[${other}]`);
  });
}

const describeNumber = (n: unknown) => (typeof n === 'number' ? String(n) : describe(n));

function unique(ids: string[], path: string, key: string, issues: Issues): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) issues.error(`${path}[${i}].${key}`, `${typeof id === 'string' ? quote(id) : describeNumber(id)} is already used by ${path}[${seen.get(id)}]`);
    else seen.set(id, i);
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]);
}

/** ` (did you mean "x"?)` when a close match exists. */
export function suggest(value: string, options: readonly string[]): string {
  // No option is that long, and comparing costs the product of the lengths.
  if (value.length > 100) return '';
  // A third of the letters, and never more than 8 edits: further off is not a typo.
  const limit = Math.min(8, Math.max(2, Math.floor(value.length / 3)));
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const option of options) {
    const d = distance(lower, option.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best !== undefined && bestDistance > 0 ? ` (did you mean "${best}"?)` : '';
}

/** Edit distance between a and b, or `max + 1` as soon as it is certain to be more than `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const row = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      const cell = Math.min(tmp + 1, row[j - 1]! + 1, prev + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      row[j] = cell;
      prev = tmp;
      if (cell < rowMin) rowMin = cell;
    }
    // Distances never shrink from one row to the next.
    if (rowMin > max) return max + 1;
  }
  return row[b.length]!;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
