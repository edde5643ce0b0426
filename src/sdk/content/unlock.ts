import type { Program, Week } from './types.js';

export const WEEK_STATES = ['locked', 'available', 'current', 'done'] as const;
export type WeekState = (typeof WEEK_STATES)[number];

export interface WeekStatus {
  week: Week;
  state: WeekState;
  /** Steps completed in this week. */
  completed: number;
  total: number;
  /** When a locked week opens (weekly policy): local midnight. */
  opensAt?: Date;
}

export interface AvailabilityOptions {
  /** Step ids the participant has completed. */
  completed: ReadonlySet<string>;
  /** `YYYY-MM-DD`: overrides the program's `unlock.startDate`. */
  startDate?: string;
  now?: Date;
}

/** Local midnight on `startDate` plus `days` days; built from calendar fields, so daylight-saving shifts never move it off midnight. */
export function localMidnight(startDate: string, days = 0): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days, 0, 0, 0, 0);
}

/** When week `number` (1-based) opens under the weekly policy. */
export function weekOpensAt(startDate: string, number: number): Date | undefined {
  return localMidnight(startDate, 7 * (number - 1));
}

/**
 * Works out each week's state under the program's unlock policy:
 * `all-open` opens every week; `weekly` opens week n at local midnight 7(n−1) days after the start
 * date; `sequential` opens a week once every step of the week before is done. The first week that
 * is open and not done is `current`.
 */
export function weekStatuses(program: Program, options: AvailabilityOptions): WeekStatus[] {
  const now = options.now ?? new Date();
  const start = options.startDate ?? program.unlock.startDate;
  let previousDone = true;
  let currentFound = false;
  return program.weeks.map((week) => {
    const total = week.steps.length;
    const completed = week.steps.filter((s) => options.completed.has(s.id)).length;
    const done = total > 0 && completed === total;
    let open = true;
    let opensAt: Date | undefined;
    if (program.unlock.policy === 'weekly') {
      opensAt = start ? weekOpensAt(start, week.number) : undefined;
      open = opensAt !== undefined && now.getTime() >= opensAt.getTime();
    } else if (program.unlock.policy === 'sequential') {
      open = previousDone;
    }
    previousDone = done;
    let state: WeekState = done ? 'done' : open ? 'available' : 'locked';
    if (state === 'available' && !currentFound) {
      state = 'current';
      currentFound = true;
    }
    // Done weeks stay done even if a policy would lock them (e.g. the start date moved).
    const status: WeekStatus = { week, state, completed, total };
    if (state === 'locked' && opensAt) status.opensAt = opensAt;
    return status;
  });
}
