import type { Program } from '../../../sdk/content/types.js';
import { localMidnight } from '../../../sdk/content/unlock.js';
import type { PracticeSession, StepProgress } from '../../../sdk/store/records.js';

/** Where a session falls: before the program's start date, in a program week, or after its last week. */
export type WeekKey = { kind: 'before' } | { kind: 'week'; number: number } | { kind: 'after' };

export interface WeekTotal {
  key: WeekKey;
  seconds: number;
  sessions: number;
}

/**
 * Where week 1 begins (local midnight): the `start-date` the page gives, else the program's weekly
 * start date (the one the course unlocks weeks by), else the day of the participant's first
 * activity (a step done or a session logged), so programs without a calendar still count weeks
 * from the participant's own start. Undefined when none of these exists.
 */
export function programStart(program: Program, startDate: string | null, sessions: readonly PracticeSession[], completed: Iterable<StepProgress>): Date | undefined {
  const given = startDate?.trim();
  if (given) return localMidnight(given);
  if (program.unlock.policy === 'weekly' && program.unlock.startDate) return localMidnight(program.unlock.startDate);
  let first = Infinity;
  for (const s of sessions) first = Math.min(first, s.startedAt);
  for (const p of completed) first = Math.min(first, p.completedAt);
  if (first === Infinity) return undefined;
  const day = new Date(first);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate());
}

/** Calendar days from `start` to the day of `time`, counted on dates so daylight-saving changes never shift a day. */
function daysSince(start: Date, time: number): number {
  const d = new Date(time);
  return Math.round((Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(start.getFullYear(), start.getMonth(), start.getDate())) / 86_400_000);
}

/** The program week `time` falls in (week 1 is the start date's day and the six after it). */
export function weekOf(start: Date, weeks: number, time: number): WeekKey {
  const days = daysSince(start, time);
  if (days < 0) return { kind: 'before' };
  const number = Math.floor(days / 7) + 1;
  return number > weeks ? { kind: 'after' } : { kind: 'week', number };
}

/**
 * Minutes and sessions for each week to show: every program week from 1 to the later of this week
 * and the last week with practice (weeks without practice show as an empty place, with no remark),
 * plus "before" and "after" columns only when sessions fall there.
 */
export function weekTotals(start: Date, weeks: number, sessions: readonly PracticeSession[], now: Date): WeekTotal[] {
  const before: WeekTotal = { key: { kind: 'before' }, seconds: 0, sessions: 0 };
  const after: WeekTotal = { key: { kind: 'after' }, seconds: 0, sessions: 0 };
  const inWeeks = new Map<number, WeekTotal>();
  const today = weekOf(start, weeks, now.getTime());
  let last = today.kind === 'week' ? today.number : today.kind === 'after' ? weeks : 0;
  for (const s of sessions) {
    const key = weekOf(start, weeks, s.startedAt);
    let total = key.kind === 'before' ? before : key.kind === 'after' ? after : inWeeks.get(key.number);
    if (!total && key.kind === 'week') {
      total = { key, seconds: 0, sessions: 0 };
      inWeeks.set(key.number, total);
      last = Math.max(last, key.number);
    }
    total!.seconds += s.seconds;
    total!.sessions += 1;
  }
  const list: WeekTotal[] = before.sessions ? [before] : [];
  for (let n = 1; n <= last; n++) list.push(inWeeks.get(n) ?? { key: { kind: 'week', number: n }, seconds: 0, sessions: 0 });
  if (after.sessions) list.push(after);
  return list;
}

/** Whole minutes, as the player counts them. */
export function toMinutes(seconds: number): number {
  return Math.round(seconds / 60);
}
