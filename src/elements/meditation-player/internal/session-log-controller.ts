import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { PracticeMode } from '../../../sdk/store/records.js';
import { LazyPart } from './lazy-part.js';
import type { SessionRecorder } from './session-record.js';
import type { CheckIn, PlayerPort, Summary } from './types.js';

/**
 * What a session leaves behind, whatever the mode: the practice log entry (and its event), the
 * summary, the check-in it opens, the "cannot save" line and the live announcement. Re-renders
 * the host when the program's practice log changes (the stats line). The code that records a
 * session (the SessionRecorder) downloads when a session can first start: see `ready()`.
 */
export class SessionLogController implements ReactiveController {
  summary: Summary | null = null;
  checkIn: CheckIn | null = null;
  logProblem: string | null = null;
  announcement = '';
  private readonly recorder: LazyPart<SessionRecorder>;
  private watched: CompassionProgram | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    noCheckIn: () => boolean,
    /** Loads a part with the player's session words (the summary's). */
    withWords: <T>(load: Promise<T>) => Promise<T>,
  ) {
    host.addController(this);
    this.recorder = new LazyPart(host, async () => {
      const { SessionRecorder } = await withWords(import('./session-record.js'));
      return new SessionRecorder(host, port, this, noCheckIn);
    });
  }

  /** The recorder, once it has arrived. */
  get recording(): SessionRecorder | undefined {
    return this.recorder.value;
  }

  hostUpdate(): void {
    const program = this.port.program;
    if (program === this.watched) return;
    this.unwatch?.();
    this.watched = program;
    this.unwatch = program?.practice.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.watched = undefined;
  }

  /** Downloads the recorder (as a session can start); resolves it, or undefined if it could not be downloaded. */
  ready(): Promise<SessionRecorder | undefined> {
    return this.recorder.ready();
  }

  /** Replaces the check-in (a new object each time) and re-renders. */
  setCheckIn(next: CheckIn | null): void {
    this.checkIn = next;
    this.host.requestUpdate();
  }

  announce(text: string): void {
    this.announcement = text;
    this.host.requestUpdate();
  }

  /** Sets (or clears) the "cannot save" line. */
  problem(text: string | null): void {
    this.logProblem = text;
    this.host.requestUpdate();
  }

  /** Hides the summary and the check-in (a new session, or another mode). */
  clear(): void {
    if (!this.summary && !this.checkIn) return;
    this.summary = null;
    this.checkIn = null;
    this.host.requestUpdate();
  }

  /** Adds a session to the log and tells the page. Resolves the whole minutes logged, or undefined. */
  async log(mode: PracticeMode, startedAt: number, endedAt: number, seconds: number, meditationId?: string): Promise<number | undefined> {
    const recorder = await this.recorder.ready();
    if (recorder) return recorder.record(mode, startedAt, endedAt, seconds, meditationId);
    if (this.port.program) this.problem(this.port.t.logFailed(this.port.t.partFailed));
    return undefined;
  }

  /** Shows what the session came to and, when it counts, offers the check-in. */
  open(summary: Summary): void {
    void this.recorder.ready().then((recorder) => {
      if (recorder) return recorder.open(summary);
      this.summary = summary;
      this.host.requestUpdate();
    });
  }
}
