import type { PracticeMode } from '../store/records.js';

/** A session counts once this many seconds were practised… */
export const MIN_PRACTICE_SECONDS = 60;
/** …or when a recording shorter than this was heard to the end. */
export const SHORT_TRACK_SECONDS = 60;

/**
 * Whether a session is worth logging: at least a minute of practice, or a short recording
 * heard to its end. No streaks, no judgement: this only keeps accidental taps out of the log.
 */
export function shouldLogPractice(seconds: number, options: { finished?: boolean; trackDuration?: number } = {}): boolean {
  if (seconds >= MIN_PRACTICE_SECONDS) return true;
  const { finished = false, trackDuration = Infinity } = options;
  return finished && trackDuration < SHORT_TRACK_SECONDS && seconds > 0;
}

/**
 * Counts the wall-clock seconds actually spent listening (seeking does not count, pauses do
 * not count), from timestamps, so a sleeping phone with the audio playing still counts.
 */
export class ListeningTracker {
  private since: number | null = null;
  private banked = 0;
  /** Epoch ms of the first listening in this session. */
  startedAt: number | null = null;

  constructor(
    readonly mode: PracticeMode = 'guided',
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Call with every playback status: counting runs while it is `playing`. */
  update(playing: boolean): void {
    const now = this.now();
    if (playing && this.since === null) {
      this.since = now;
      this.startedAt ??= now;
    } else if (!playing && this.since !== null) {
      this.banked += Math.max(0, now - this.since) / 1000;
      this.since = null;
    }
  }

  get seconds(): number {
    return this.banked + (this.since === null ? 0 : Math.max(0, this.now() - this.since) / 1000);
  }

  /** True once anything was heard. */
  get started(): boolean {
    return this.startedAt !== null;
  }

  /** Starts a new session (after one was logged, or on "Start over"). */
  reset(): void {
    this.banked = 0;
    this.since = null;
    this.startedAt = null;
  }
}
