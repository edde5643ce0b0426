import { ProgramError, type ProgramIssue } from '../errors.js';
import { markdownLinks } from './markdown.js';
import { PROGRAM_DESC, type Desc, type ObjectDesc } from './schema.js';
import type { Program } from './types.js';
import { urlProblem } from './urls.js';

export interface ValidationResult {
  program: Program;
  /** Problems that do not stop the program from working, e.g. unknown fields. */
  warnings: readonly ProgramIssue[];
}

/**
 * Checks a parsed program document against the format and its cross-references, collecting
 * every problem with its JSON path. Returns the program (deeply frozen) and any warnings;
 * throws a `ProgramError` with code `invalid-program` listing all errors otherwise.
 */
export function validateProgram(input: unknown): ValidationResult {
  const issues: ProgramIssue[] = [];
  const error = (path: string, message: string) => issues.push({ path, message, severity: 'error' });
  const warn = (path: string, message: string) => issues.push({ path, message, severity: 'warning' });

  checkValue(input, PROGRAM_DESC, '', error, warn);
  try {
    // Cross-references are checked even when some fields are wrong, so one pass lists every problem.
    checkReferences(input as Program, error, warn);
  } catch {
    // The shape is too broken to follow references; the shape errors above already say why.
  }

  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  if (errors.length) {
    const first = errors.slice(0, 3).map((e) => `${e.path || '(document)'}: ${e.message}`);
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
    throw new ProgramError('invalid-program', `The program is not valid: ${first.join('; ')}${more}`, [...errors, ...warnings]);
  }
  return { program: deepFreeze(input as Program), warnings };
}

type Report = (path: string, message: string) => void;

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`);

function checkValue(value: unknown, d: Desc, path: string, error: Report, warn: Report): void {
  switch (d.t) {
    case 'string': {
      if (typeof value !== 'string') return error(path, `must be text, not ${describe(value)}`);
      if (d.min && value.trim().length < d.min) return error(path, 'must not be empty');
      if (d.max && value.length > d.max) return error(path, `must be at most ${d.max} characters`);
      if (d.enum && !d.enum.includes(value)) return error(path, `must be one of ${d.enum.map((e) => `"${e}"`).join(', ')}, not "${value}"${suggest(value, d.enum)}`);
      if (d.pattern && !d.pattern.test(value)) return error(path, `"${value.slice(0, 60)}" has the wrong form (expected ${d.hint ?? d.pattern.source})`);
      if (d.date && !isDate(value)) return error(path, `"${value}" is not a date in the form YYYY-MM-DD`);
      if (d.url) {
        const problem = urlProblem(value);
        if (problem) return error(path, `URL "${value.slice(0, 80)}" ${problem}`);
      }
      if (d.markdown) {
        for (const link of markdownLinks(value)) {
          const problem = urlProblem(link);
          if (problem) error(path, `link "${link.slice(0, 80)}" ${problem}`);
        }
      }
      return;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return error(path, `must be a number, not ${describe(value)}`);
      if (d.integer && !Number.isInteger(value)) return error(path, `must be a whole number, not ${value}`);
      if (d.min !== undefined && value < d.min) return error(path, `must be at least ${d.min}, not ${value}`);
      if (d.max !== undefined && value > d.max) return error(path, `must be at most ${d.max}, not ${value}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') error(path, `must be true or false, not ${describe(value)}`);
      return;
    case 'const':
      if (value !== d.value) error(path, `must be ${JSON.stringify(d.value)}, not ${describe(value)}`);
      return;
    case 'array':
      if (!Array.isArray(value)) return error(path, `must be a list, not ${describe(value)}`);
      if (d.min && value.length < d.min) return error(path, `must have at least ${d.min} item${d.min > 1 ? 's' : ''}`);
      if (d.max && value.length > d.max) return error(path, `must have at most ${d.max} items`);
      value.forEach((item, i) => checkValue(item, d.items, `${path}[${i}]`, error, warn));
      return;
    case 'object':
      return checkObject(value, d, path, error, warn);
    case 'union': {
      if (!isObject(value)) return error(path, `must be an object, not ${describe(value)}`);
      const tag = value[d.tag];
      const variant = typeof tag === 'string' ? d.variants[tag] : undefined;
      const tags = Object.keys(d.variants);
      if (!variant) return error(join(path, d.tag), `must be one of ${tags.map((t) => `"${t}"`).join(', ')}, not ${describe(tag)}${typeof tag === 'string' ? suggest(tag, tags) : ''}`);
      return checkObject(value, variant, path, error, warn);
    }
  }
}

function checkObject(value: unknown, d: ObjectDesc, path: string, error: Report, warn: Report): void {
  if (!isObject(value)) return error(path, `must be an object, not ${describe(value)}`);
  for (const key of d.required) {
    if (value[key] === undefined) error(join(path, key), 'is required');
  }
  for (const [key, v] of Object.entries(value)) {
    const desc = d.props[key];
    if (!desc) {
      warn(join(path, key), `is not a known field of ${d.name} and is ignored${suggest(key, Object.keys(d.props))}`);
      continue;
    }
    if (v !== undefined) checkValue(v, desc, join(path, key), error, warn);
  }
}

function checkReferences(p: Program, error: Report, warn: Report): void {
  const meditationIds = p.meditations.map((m) => m.id);
  const templateIds = p.templates.map((t) => t.id);
  unique(p.weeks.map((w) => w.id), 'weeks', 'id', error);
  unique(meditationIds, 'meditations', 'id', error);
  unique(templateIds, 'templates', 'id', error);
  const stepIds = new Map<string, string>();
  p.weeks.forEach((week, w) => {
    const path = `weeks[${w}]`;
    if (week.number !== w + 1) error(`${path}.number`, `must be ${w + 1}: weeks are numbered 1, 2, 3… in order (found ${week.number})`);
    week.steps.forEach((step, s) => {
      const sp = `${path}.steps[${s}]`;
      const seen = stepIds.get(step.id);
      if (seen) error(`${sp}.id`, `"${step.id}" is already used by ${seen}; step ids must be unique in the program`);
      else stepIds.set(step.id, sp);
      if (step.kind === 'meditate' && !meditationIds.includes(step.meditation)) {
        error(`${sp}.meditation`, `no meditation with id "${step.meditation}"${suggest(step.meditation, meditationIds)}`);
      }
      if (step.kind === 'reflect' && !templateIds.includes(step.template)) {
        error(`${sp}.template`, `no journal template with id "${step.template}"${suggest(step.template, templateIds)}`);
      }
    });
  });
  if (p.unlock.policy === 'weekly' && !p.unlock.startDate) {
    warn('unlock.startDate', 'is not set: every week stays locked until a start date is given (e.g. the start-date attribute)');
  }
  if (p.unlock.policy !== 'weekly' && p.unlock.startDate) warn('unlock.startDate', `is ignored with the "${p.unlock.policy}" policy`);
  p.meditations.forEach((m, i) => {
    (m.transcript?.cues ?? []).forEach((cue, c) => {
      if (cue.end <= cue.start) error(`meditations[${i}].transcript.cues[${c}].end`, `must be after start (${cue.start} s)`);
    });
    (m.chapters ?? []).forEach((ch, c) => {
      if (ch.start > m.duration) error(`meditations[${i}].chapters[${c}].start`, `is after the end of the meditation (${m.duration} s)`);
    });
  });
  p.templates.forEach((t, i) => {
    unique(t.fields.map((f) => f.id), `templates[${i}].fields`, 'id', error);
    t.fields.forEach((f, j) => {
      if (f.type === 'scale' && f.max <= f.min) error(`templates[${i}].fields[${j}].max`, `must be greater than min (${f.min})`);
      if ((f.type === 'choice' || f.type === 'emotions') && new Set(f.options).size !== f.options.length) {
        error(`templates[${i}].fields[${j}].options`, 'has the same option twice');
      }
    });
  });
}

function unique(ids: string[], path: string, key: string, error: Report): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) error(`${path}[${i}].${key}`, `"${id}" is already used by ${path}[${seen.get(id)}]`);
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
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    const d = distance(value.toLowerCase(), option.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [option, d];
  }
  return best !== undefined && bestDistance > 0 && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? ` (did you mean "${best}"?)` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
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
