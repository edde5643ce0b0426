import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ListeningTracker, shouldLogPractice } from '../../../sdk/audio/practice-session.js';
import { CompassionErrorEvent, PracticeLoggedEvent } from '../../../sdk/events.js';
import { checkInEntryId } from '../../../sdk/store/check-in.js';
import type { PracticeMode } from '../../../sdk/store/records.js';
import { checkInLabels } from './check-in-labels.js';
import type { CheckInView } from './check-in-view.js';
import { LazyPart } from './lazy-part.js';
import type { SessionLogController } from './session-log-controller.js';
import { renderSummary } from './summary-view.js';
import type { PlayerPort, Summary } from './types.js';

/**
 * What records a session once one has started, loaded with import() alongside the audio engine
 * (on the first play) or with the timer and the pacer: counting listening time, adding the
 * session to the practice log, and the summary with its check-in.
 */
export class SessionRecorder {
  /** The seconds actually listened to in the guided session. */
  private readonly listening: ListeningTracker;
  /** The session the last `record()` added, until the summary that follows it opens. */
  private lastLogged: string | undefined;
  /** The check-in, downloaded when a session first ends (its words and styles came with the recorder's). */
  private readonly checkIn: LazyPart<CheckInView>;

  constructor(
    host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    private readonly log: SessionLogController,
    private readonly noCheckIn: () => boolean,
  ) {
    this.listening = new ListeningTracker('guided', () => port.now());
    this.checkIn = new LazyPart(host, async () => new (await import('./check-in-view.js')).CheckInView(port, log));
  }

  /** Seconds heard in the guided session so far. */
  get heard(): number {
    return this.listening.seconds;
  }

  /** Call with every playback status: listening is counted while it plays. */
  hear(playing: boolean): void {
    this.listening.update(playing);
  }

  /** Closes the guided session: logs it when it counts and, after a real ending, offers the check-in. */
  async endGuided(finished: boolean, showSummary: boolean, trackDuration: number, meditationId: string | undefined): Promise<void> {
    const tracker = this.listening;
    tracker.update(false);
    const seconds = tracker.seconds;
    const startedAt = tracker.startedAt;
    tracker.reset();
    if (startedAt === null) return;
    const logged = shouldLogPractice(seconds, { finished, trackDuration }) ? await this.record('guided', startedAt, this.port.now(), seconds, meditationId) : undefined;
    if (showSummary) this.open({ mode: 'guided', seconds, finished, ...(logged !== undefined ? { loggedMinutes: logged } : {}) });
  }

  /** Adds a session to the log and tells the page. Resolves the whole minutes logged, or undefined. */
  async record(mode: PracticeMode, startedAt: number, endedAt: number, seconds: number, meditationId?: string): Promise<number | undefined> {
    const program = this.port.program;
    this.lastLogged = undefined;
    if (!program) return undefined;
    try {
      const session = await program.practice.log({ mode, startedAt, endedAt, seconds, ...(meditationId ? { meditationId } : {}) });
      this.lastLogged = session.id;
      const minutes = Math.max(1, Math.round(session.seconds / 60));
      this.log.problem(null);
      this.port.dispatch(new PracticeLoggedEvent({ programId: program.id, sessionId: session.id, mode, minutes, ...(meditationId ? { meditationId } : {}) }));
      return minutes;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.problem(this.port.t.logFailed(message));
      program.reportError(error, 'practice');
      this.port.dispatch(new CompassionErrorEvent({ code: (error as { code?: string }).code ?? 'unknown', message, source: 'practice' }));
      return undefined;
    }
  }

  /** Shows what the session came to and, when it counts, offers the check-in. */
  open(summary: Summary): void {
    const program = this.port.program;
    const canCheckIn = !this.noCheckIn() && !!program && (summary.loggedMinutes !== undefined || summary.finished);
    // The entry's id is chosen now, so a note typed while the first save runs already has its copy;
    // after a logged session it names the session, so the practice log can show how it felt.
    const sessionId = summary.loggedMinutes !== undefined ? this.lastLogged : undefined;
    this.lastLogged = undefined;
    this.log.summary = summary;
    this.log.checkIn = canCheckIn ? { status: 'open', note: '', entryId: sessionId ? checkInEntryId(sessionId) : crypto.randomUUID() } : null;
    const t = this.port.t;
    const parts = [
      summary.mode === 'guided' ? (summary.finished ? t.ended : '') : summary.mode === 'timer' ? (summary.finished ? t.timeUp : t.endedEarly) : '',
      summary.loggedMinutes !== undefined ? t.logged(summary.loggedMinutes) : '',
      canCheckIn ? checkInLabels(program, t).title : '',
    ];
    this.log.announce(parts.filter(Boolean).join(' '));
  }

  renderSummary(loadingLine: (retry: () => void, failed: boolean) => TemplateResult): TemplateResult | typeof nothing {
    return this.log.summary ? renderSummary(this.port, this.log, this.checkIn, loadingLine) : nothing;
  }
}
