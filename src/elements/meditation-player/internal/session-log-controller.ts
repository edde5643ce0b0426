import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CompassionErrorEvent, PracticeLoggedEvent } from '../../../sdk/events.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { PracticeMode } from '../../../sdk/store/records.js';
import { checkInLabels } from './check-in-labels.js';
import type { CheckIn, PlayerPort, Summary } from './types.js';

/**
 * What a session leaves behind, whatever the mode: the practice log entry (and its event), the
 * summary, the check-in it opens, the "cannot save" line and the live announcement. Re-renders
 * the host when the program's practice log changes (the stats line).
 */
export class SessionLogController implements ReactiveController {
  summary: Summary | null = null;
  checkIn: CheckIn | null = null;
  logProblem: string | null = null;
  announcement = '';
  private watched: CompassionProgram | undefined;
  private unwatch: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    private readonly noCheckIn: () => boolean,
  ) {
    host.addController(this);
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

  /** Replaces the check-in (a new object each time) and re-renders. */
  setCheckIn(next: CheckIn | null): void {
    this.checkIn = next;
    this.host.requestUpdate();
  }

  announce(text: string): void {
    this.announcement = text;
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
    const program = this.port.program;
    if (!program) return undefined;
    try {
      const session = await program.practice.log({ mode, startedAt, endedAt, seconds, ...(meditationId ? { meditationId } : {}) });
      const minutes = Math.max(1, Math.round(session.seconds / 60));
      this.logProblem = null;
      this.host.requestUpdate();
      this.port.dispatch(new PracticeLoggedEvent({ programId: program.id, sessionId: session.id, mode, minutes, ...(meditationId ? { meditationId } : {}) }));
      return minutes;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logProblem = this.port.t.logFailed(message);
      this.host.requestUpdate();
      program.reportError(error, 'practice');
      this.port.dispatch(new CompassionErrorEvent({ code: (error as { code?: string }).code ?? 'unknown', message, source: 'practice' }));
      return undefined;
    }
  }

  /** Shows what the session came to and, when it counts, offers the check-in. */
  open(summary: Summary): void {
    const program = this.port.program;
    this.summary = summary;
    const canCheckIn = !this.noCheckIn() && !!program && (summary.loggedMinutes !== undefined || summary.finished);
    // The entry's id is chosen now, so a note typed while the first save runs already has its copy.
    this.checkIn = canCheckIn ? { status: 'open', note: '', entryId: crypto.randomUUID() } : null;
    const t = this.port.t;
    const parts = [
      summary.mode === 'guided' ? (summary.finished ? t.ended : '') : summary.mode === 'timer' ? (summary.finished ? t.timeUp : t.endedEarly) : '',
      summary.loggedMinutes !== undefined ? t.logged(summary.loggedMinutes) : '',
      canCheckIn ? checkInLabels(program, t).title : '',
    ];
    this.announce(parts.filter(Boolean).join(' '));
  }
}
