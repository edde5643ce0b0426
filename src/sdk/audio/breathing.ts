import { Observable } from '../observable.js';

/** A soothing-rhythm breath: seconds breathing in, then out. */
export interface BreathPattern {
  inhale: number;
  exhale: number;
}

/** 4.5 s in and 5.5 s out: six breaths a minute, a slow, comfortable soothing rhythm. */
export const DEFAULT_BREATH: Readonly<BreathPattern> = Object.freeze({ inhale: 4.5, exhale: 5.5 });

/** Shortest and longest single in- or out-breath the pacer accepts, in seconds. */
export const BREATH_MIN_SECONDS = 1.5;
export const BREATH_MAX_SECONDS = 12;

export type BreathPhaseName = 'in' | 'out';

export interface BreathPhase {
  phase: BreathPhaseName;
  /** 0 at the start of the phase, 1 at its end. */
  progress: number;
  /** Seconds until the phase changes. */
  secondsLeft: number;
  /** Whole breaths completed. */
  breaths: number;
}

/** A usable pattern: each side clamped to 1.5–12 s, defaults for anything not a number. */
export function breathPattern(inhale?: number, exhale?: number): BreathPattern {
  const clamp = (v: number | undefined, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(BREATH_MAX_SECONDS, Math.max(BREATH_MIN_SECONDS, v)) : fallback;
  return { inhale: clamp(inhale, DEFAULT_BREATH.inhale), exhale: clamp(exhale, DEFAULT_BREATH.exhale) };
}

export function breathsPerMinute(p: BreathPattern): number {
  return 60 / (p.inhale + p.exhale);
}

/** Where in the breath cycle `elapsed` seconds after the start falls. */
export function breathPhaseAt(elapsed: number, p: BreathPattern): BreathPhase {
  const cycle = p.inhale + p.exhale;
  const t = Math.max(0, elapsed);
  const breaths = Math.floor(t / cycle);
  const within = t - breaths * cycle;
  if (within < p.inhale) return { phase: 'in', progress: within / p.inhale, secondsLeft: p.inhale - within, breaths };
  return { phase: 'out', progress: (within - p.inhale) / p.exhale, secondsLeft: cycle - within, breaths };
}

export interface PacerSnapshot {
  readonly status: 'idle' | 'running' | 'stopped';
  readonly phase: BreathPhaseName;
  readonly breaths: number;
  /** Epoch ms. */
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  /** Seconds paced so far. */
  readonly elapsed: number;
}

/**
 * Keeps time for the breathing pacer: which phase it is, computed from the start timestamp
 * (so it stays right in a throttled tab), and a snapshot change at each phase boundary that a
 * UI can show as text ("Breathe in…") instead of, or as well as, a moving shape.
 */
export class BreathingPacer extends Observable<PacerSnapshot> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;

  constructor(
    readonly pattern: BreathPattern = DEFAULT_BREATH,
    options: { now?: () => number } = {},
  ) {
    super(Object.freeze({ status: 'idle', phase: 'in', breaths: 0, startedAt: null, endedAt: null, elapsed: 0 }));
    this.now = options.now ?? (() => Date.now());
  }

  start(): void {
    if (this.snapshot.status === 'running') return;
    this.set(Object.freeze({ status: 'running', phase: 'in', breaths: 0, startedAt: this.now(), endedAt: null, elapsed: 0 }));
    this.schedule();
  }

  /** Recomputes the phase from the clock (call when the page becomes visible again). */
  tick(): void {
    const s = this.snapshot;
    if (s.status !== 'running' || s.startedAt === null) return;
    const elapsed = (this.now() - s.startedAt) / 1000;
    const at = breathPhaseAt(elapsed, this.pattern);
    this.set(Object.freeze({ ...s, phase: at.phase, breaths: at.breaths, elapsed }));
    this.schedule();
  }

  /** Ends the session; resolves the seconds paced into the snapshot. */
  stop(): PacerSnapshot {
    const s = this.snapshot;
    clearTimeout(this.timer);
    if (s.status !== 'running' || s.startedAt === null) return s;
    const now = this.now();
    const next = Object.freeze({ ...s, status: 'stopped' as const, endedAt: now, elapsed: Math.max(0, (now - s.startedAt) / 1000) });
    this.set(next);
    return next;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const s = this.snapshot;
    if (s.status !== 'running' || s.startedAt === null) return;
    const at = breathPhaseAt((this.now() - s.startedAt) / 1000, this.pattern);
    this.timer = setTimeout(() => this.tick(), Math.max(16, Math.ceil(at.secondsLeft * 1000) + 5));
  }
}
