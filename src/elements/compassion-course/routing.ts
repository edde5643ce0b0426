import type { ProgramContent } from '../../sdk/content/content.js';

/** What the course shows: the overview, or one part of a week: its overview (no step), one of its steps, or its close (`end`). */
export type CourseView = { kind: 'overview' } | { kind: 'week'; weekId: string; stepId?: string; end?: boolean };

export const ROUTING_MODES = ['none', 'hash'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

/** What a location hash asks for: nothing of ours (`null`), the overview, a known view, or a week that does not exist. */
export type HashRoute = null | CourseView | { kind: 'unknown'; id: string };

/** The last part of a week, its close: `#week-3/close`. */
const CLOSE = 'close';
const WEEK_HASH = /^week-(\d{1,4})(?:\/(.+))?$/;

/**
 * Reads `#week-3` or `#week-3/step-2` (the second step, 1-based; a step id also works), or
 * `#week-3/close` (the week's close).
 * An empty hash means the overview; any other hash belongs to the host page and is ignored.
 */
export function parseHash(hash: string, content: ProgramContent): HashRoute {
  let raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    raw = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (raw === '') return { kind: 'overview' };
  const m = WEEK_HASH.exec(raw);
  if (!m) return null;
  const week = content.week(Number(m[1]));
  if (!week) return { kind: 'unknown', id: `week-${Number(m[1])}` };
  const stepPart = m[2];
  if (!stepPart) return { kind: 'week', weekId: week.id };
  if (stepPart === CLOSE && !week.steps.some((s) => s.id === CLOSE)) return { kind: 'week', weekId: week.id, end: true };
  const position = /^step-(\d+)$/.exec(stepPart);
  const step = position ? week.steps[Number(position[1]) - 1] : week.steps.find((s) => s.id === stepPart);
  return step ? { kind: 'week', weekId: week.id, stepId: step.id } : { kind: 'week', weekId: week.id };
}

/** The hash for a view: `''` for the overview, `#week-3`, `#week-3/step-2`, `#week-3/close`. Weeks go by number, so any program's ids work. */
export function formatHash(view: CourseView, content: ProgramContent): string {
  if (view.kind === 'overview') return '';
  const week = content.week(view.weekId);
  if (!week) return '';
  const base = `#week-${week.number}`;
  if (view.end) return `${base}/${CLOSE}`;
  if (!view.stepId) return base;
  const index = week.steps.findIndex((s) => s.id === view.stepId);
  return index < 0 ? base : `${base}/step-${index + 1}`;
}

export function sameView(a: CourseView, b: CourseView): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'overview' || b.kind === 'overview') return true;
  return a.weekId === b.weekId && a.stepId === b.stepId && !a.end === !b.end;
}
