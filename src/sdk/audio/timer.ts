import { Observable } from '../observable.js';

export const TIMER_STATUSES = ['idle', 'running', 'paused', 'finished'] as const;
export type TimerStatus = (typeof TIMER_STATUSES)[number];

export const BELL_KINDS = ['start', 'interval', 'end'] as const;
export type BellKind = (typeof BELL_KINDS)[number];

/** Shortest and longest silent practice the timer offers, in minutes. */
export const TIMER_MIN_MINUTES = 1;
export const TIMER_MAX_MINUTES = 60;

export interface TimerSnapshot {
  readonly status: TimerStatus;
  /** Planned length in seconds. */
  readonly duration: number;
  /** Seconds practised so far (pauses excluded), at most `duration`. */
  readonly elapsed: number;
  readonly remaining: number;
  /** Epoch ms of the first start, once started. */
  readonly startedAt: number | null;
  /** Epoch ms at which the practice ended (the moment time was up, even if noticed later). */
  readonly endedAt: number | null;
  /** True when the participant ended before the time was up. */
  readonly endedEarly: boolean;
}

export interface TimerOptions {
  /** Length in minutes, 1 to 60 (clamped). */
  minutes: number;
  /** A bell every this many minutes in between; 0 or absent for none. */
  intervalMinutes?: number;
  /** The clock (epoch ms); injectable for tests. */
  now?: () => number;
  /** Rings a bell. `late` is how many seconds after its moment it is being rung. */
  onBell?: (kind: BellKind, late: number) => void;
  /** The time is up (or the participant ended it). */
  onFinish?: (snapshot: TimerSnapshot) => void;
}

/** A bell due more than this late (the tab was asleep) is skipped, except the end bell. */
const STALE_BELL_SECONDS = 10;

/**
 * A silent-practice timer that keeps correct time when the tab is hidden: it never counts ticks,
 * it computes from timestamps, so a throttled or frozen tab is right again on the next `tick()`.
 * Call `tick()` whenever the page becomes visible; it also schedules itself for the next bell.
 */
export class PracticeTimer extends Observable<TimerSnapshot> {
  readonly duration: number;
  readonly interval: number;
  private readonly now: () => number;
  private runningSince: number | null = null;
  private banked = 0;
  private intervalsRung = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: TimerOptions) {
    const minutes = clampMinutes(options.minutes);
    const duration = minutes * 60;
    super(Object.freeze({ status: 'idle', duration, elapsed: 0, remaining: duration, startedAt: null, endedAt: null, endedEarly: false }));
    this.duration = duration;
    const interval = Math.max(0, Math.round((options.intervalMinutes ?? 0) * 60));
    this.interval = interval > 0 && interval < duration ? interval : 0;
    this.now = options.now ?? (() => Date.now());
  }

  /** Starts the practice and rings the start bell. */
  start(): void {
    if (this.snapshot.status !== 'idle') return;
    const now = this.now();
    this.runningSince = now;
    this.update({ status: 'running', startedAt: now });
    this.options.onBell?.('start', 0);
    this.schedule();
  }

  pause(): void {
    if (this.snapshot.status !== 'running') return;
    this.tick();
    if (this.snapshot.status !== 'running') return;
    this.banked = this.elapsedAt(this.now());
    this.runningSince = null;
    this.update({ status: 'paused', elapsed: this.banked, remaining: this.duration - this.banked });
    clearTimeout(this.timer);
  }

  resume(): void {
    if (this.snapshot.status !== 'paused') return;
    this.runningSince = this.now();
    this.update({ status: 'running' });
    this.schedule();
  }

  /** Ends the practice now (before the time is up). No end bell: the participant chose to stop. */
  stop(): void {
    const s = this.snapshot.status;
    if (s !== 'running' && s !== 'paused') return;
    this.tick();
    if (this.snapshot.status === 'finished') return;
    const now = this.now();
    const elapsed = this.elapsedAt(now);
    this.finish(now, elapsed, true);
  }

  /** Brings the snapshot up to date with the clock: rings due bells, finishes when time is up. */
  tick(): void {
    if (this.snapshot.status !== 'running' || this.runningSince === null) return;
    const now = this.now();
    const elapsed = this.elapsedAt(now);
    if (this.interval) {
      const due = Math.floor(Math.min(elapsed, this.duration - 0.001) / this.interval);
      if (due > this.intervalsRung) {
        const late = elapsed - due * this.interval;
        this.intervalsRung = due;
        if (late <= STALE_BELL_SECONDS) this.options.onBell?.('interval', late);
      }
    }
    if (elapsed >= this.duration) {
      // The moment time was up, not the moment we noticed (the tab may have been asleep).
      const endedAt = now - (elapsed - this.duration) * 1000;
      this.options.onBell?.('end', elapsed - this.duration);
      this.finish(endedAt, this.duration, false);
      return;
    }
    this.update({ elapsed, remaining: this.duration - elapsed });
    this.schedule();
  }

  /** Stops scheduling; the snapshot stays as it is. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private finish(endedAt: number, elapsed: number, early: boolean): void {
    clearTimeout(this.timer);
    this.runningSince = null;
    this.banked = elapsed;
    this.update({ status: 'finished', elapsed, remaining: Math.max(0, this.duration - elapsed), endedAt, endedEarly: early });
    this.options.onFinish?.(this.snapshot);
  }

  private elapsedAt(now: number): number {
    const running = this.runningSince === null ? 0 : Math.max(0, now - this.runningSince) / 1000;
    return this.banked + running;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.snapshot.status !== 'running') return;
    const elapsed = this.elapsedAt(this.now());
    const nextInterval = this.interval ? (this.intervalsRung + 1) * this.interval : Infinity;
    const next = Math.min(this.duration, nextInterval);
    // Visible: wake each second so the remaining time counts down. Hidden: one timer straight to
    // the next bell, because browsers delay chains of short timers in background tabs by up to a minute.
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    const wait = hidden ? Math.max(0, next - elapsed) : Math.min(1, Math.max(0, next - elapsed));
    this.timer = setTimeout(() => this.tick(), Math.ceil(wait * 1000) || 1);
  }

  private update(patch: Partial<TimerSnapshot>): void {
    this.set(Object.freeze({ ...this.snapshot, ...patch }));
  }
}

/** Timer length in whole minutes, within 1–60; 10 for anything that is not a number. */
export function clampMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return 10;
  return Math.min(TIMER_MAX_MINUTES, Math.max(TIMER_MIN_MINUTES, Math.round(minutes)));
}
