import type { ReactiveControllerHost } from 'lit';
import { AudioController } from '../../../controllers/audio-controller.js';
import type { AudioSnapshot } from '../../../sdk/audio/engine.js';
import { CompassionErrorEvent } from '../../../sdk/events.js';
import type { GuidedPlayback } from './guided-playback.js';
import type { LazyPart } from './lazy-part.js';
import type { ResumeOffer } from './resume-offer.js';
import type { SessionLogController } from './session-log-controller.js';
import type { TranscriptController } from './transcript-controller.js';
import type { PlayerPort, Track, TrackState } from './types.js';

/**
 * A guided session: the track, its audio (through the AudioController, which downloads the
 * engine on the first play), the offer to resume, the remembered place, and logging what was heard.
 * What only happens while the recording plays arrives with the engine (guided-playback.ts); the
 * offer to resume, once there is a program to read the place from (resume-offer.ts).
 */
export class GuidedSessionController {
  trackState: TrackState = { status: 'none' };
  /** Where the participant may resume, or null. */
  resumeAt: number | null = null;
  /** The seek slider's value while it is dragged. */
  scrub: number | null = null;
  /** The time beside the slider shows what is left instead of the total. */
  showRemaining = false;
  readonly audio: AudioController;
  /** When the place was last remembered (the port's clock). */
  placeSavedAt = 0;
  private playback: GuidedPlayback | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    private readonly log: SessionLogController,
    /** The transcript's controller, once its code has arrived. */
    private readonly transcript: () => TranscriptController | undefined,
    /** "Resume from …": its code arrives after the first render. */
    readonly resumeOffer: LazyPart<ResumeOffer>,
  ) {
    // The recorder and the playback bookkeeping download with the engine, so what is heard is always counted and logged.
    this.audio = new AudioController(host, (next, previous) => this.onAudio(next, previous), {}, async () => {
      const [recorder, { GuidedPlayback }] = await Promise.all([log.ready(), import('./guided-playback.js')]);
      if (!recorder) throw new Error('The session recorder could not be downloaded.');
      this.playback ??= new GuidedPlayback(this, log, recorder, () => port.now());
    });
  }

  get snapshot(): AudioSnapshot | undefined {
    return this.audio.snapshot;
  }

  get track(): Track | undefined {
    return this.trackState.status === 'ready' ? this.trackState.track : undefined;
  }

  /** Seconds heard in this session so far. */
  get heard(): number {
    return this.log.recording?.heard ?? 0;
  }

  /** Takes the track the attributes name now (from the host's willUpdate). */
  setTrack(state: TrackState): void {
    this.trackState = state;
    if (state.status !== 'ready') return;
    const track = state.track;
    const program = this.port.program;
    if (this.audio.key !== track.key) {
      if (this.audio.snapshot) void this.end(false, false);
      const artist = program?.content.program.clinic?.name;
      this.audio.use(track.key, {
        title: track.title,
        sources: track.sources,
        ...(artist ? { artist } : {}),
        ...(program ? { album: program.content.program.title } : {}),
        ...(track.duration ? { duration: track.duration } : {}),
      });
      this.resumeAt = null;
      this.transcript()?.restart();
    }
    this.transcript()?.useTrack(track);
    // The offer's code arrives after this render; it then updates the host, which checks again.
    if (program) void this.resumeOffer.get()?.check(program, track);
  }

  /** Play / Pause. */
  toggle(): void {
    const s = this.audio.snapshot;
    if (!s) return;
    if (s.status === 'playing' || s.status === 'loading') {
      this.audio.pause();
      return;
    }
    if (this.resumeAt !== null) {
      this.audio.seek(this.resumeAt);
      this.resumeAt = null;
    }
    void this.audio.play();
  }

  skip(delta: number): void {
    const s = this.audio.snapshot;
    if (s) this.seek(s.position + delta);
  }

  seek(seconds: number): void {
    if (!this.audio.snapshot) return;
    if (this.resumeAt !== null) this.resumeAt = null;
    this.audio.seek(seconds);
    const s = this.audio.snapshot;
    if (s && s.status !== 'playing') this.savePlace(s.position);
    this.host.requestUpdate();
  }

  toggleRemaining(): void {
    this.showRemaining = !this.showRemaining;
    this.host.requestUpdate();
  }

  setScrub(value: number | null): void {
    this.scrub = value;
    this.host.requestUpdate();
  }

  /** The tab was hidden: remember the place now, in case it never comes back. */
  hidden(): void {
    const s = this.audio.snapshot;
    if (s && s.status === 'playing') this.savePlace(s.position);
  }

  /** Leaving the page, the element or the mode: remember the place and stop; close the session unless the page may come back. */
  leave(mayReturn: boolean): void {
    const s = this.audio.snapshot;
    if (s && (s.status === 'playing' || s.status === 'paused')) this.savePlace(s.position);
    this.audio.pause();
    if (!mayReturn) void this.end(false, false);
  }

  /** Closes the guided session: logs it when it counts and, after a real ending, offers the check-in (the recorder does both). */
  async end(finished: boolean, showSummary: boolean): Promise<void> {
    await this.log.recording?.endGuided(finished, showSummary, this.audio.snapshot?.duration ?? 0, this.track?.meditationId);
  }

  /** Remembers `position` as the place in the track. */
  savePlace(position: number): void {
    const program = this.port.program;
    const track = this.track;
    if (!program || !track) return;
    this.placeSavedAt = this.port.now();
    const duration = this.audio.snapshot?.duration ?? 0;
    program.playback.save(track.placeKey, position, duration).catch((error: unknown) => program.reportError(error, 'playback'));
  }

  forgetPlace(): void {
    const program = this.port.program;
    const track = this.track;
    if (!program || !track) return;
    program.playback.clear(track.placeKey).catch((error: unknown) => program.reportError(error, 'playback'));
  }

  private onAudio(next: AudioSnapshot, previous: AudioSnapshot): void {
    this.playback?.update(next, previous);
    if (next.status === 'error' && previous.status !== 'error' && next.error) {
      this.port.dispatch(new CompassionErrorEvent({ code: next.error.code, message: next.error.message, source: 'audio' }));
    }
  }
}
