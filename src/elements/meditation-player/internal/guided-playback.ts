import type { AudioSnapshot } from '../../../sdk/audio/engine.js';
import { SAVE_EVERY_MS } from '../modes.js';
import type { GuidedSessionController } from './guided-session-controller.js';
import type { SessionRecorder } from './session-record.js';
import type { SessionLogController } from './session-log-controller.js';

/**
 * What a guided session does while its recording plays: counts what is heard, remembers the place
 * every few seconds and on pause, and at the end forgets it and closes the session. Downloaded with
 * import() on the first play, together with the audio engine and the session recorder.
 */
export class GuidedPlayback {
  constructor(
    private readonly session: GuidedSessionController,
    private readonly log: SessionLogController,
    private readonly recorder: SessionRecorder,
    private readonly now: () => number,
  ) {}

  /** Each snapshot of the engine, with the one before it. */
  update(next: AudioSnapshot, previous: AudioSnapshot): void {
    const session = this.session;
    const playing = next.status === 'playing';
    this.recorder.hear(playing);
    if (playing && previous.status !== 'playing') {
      session.resumeAt = null;
      this.log.clear();
    }
    if (playing && this.now() - session.placeSavedAt >= SAVE_EVERY_MS) session.savePlace(next.position);
    if (previous.status === 'playing' && next.status === 'paused') session.savePlace(next.position);
    if (next.status === 'ended' && previous.status !== 'ended') {
      session.forgetPlace();
      void session.end(true, true);
    }
  }
}
