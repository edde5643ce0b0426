import type { ReactiveControllerHost } from 'lit';
import { AudioController } from '../../../controllers/audio-controller.js';
import type { AudioSnapshot } from '../../../sdk/audio/engine.js';
import { CompassionErrorEvent } from '../../../sdk/events.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import { RESUME_MARGIN, SAVE_EVERY_MS } from '../modes.js';
import type { SessionLogController } from './session-log-controller.js';
import type { TranscriptController } from './transcript-controller.js';
import type { PlayerPort, Track, TrackState } from './types.js';

/**
 * A guided session: the track, its audio (through the AudioController, which downloads the
 * engine on the first play), the offer to resume, the remembered place, and logging what was heard.
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
  private lastPlaceSave = 0;
  private resumeCheckedFor: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    private readonly log: SessionLogController,
    /** The transcript's controller, once its code has arrived. */
    private readonly transcript: () => TranscriptController | undefined,
  ) {
    // The recorder downloads with the engine, so what is heard is always counted and logged.
    this.audio = new AudioController(host, (next, previous) => this.onAudio(next, previous), {}, async () => {
      if (!(await log.ready())) throw new Error('The session recorder could not be downloaded.');
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
      this.resumeCheckedFor = undefined;
      this.transcript()?.restart();
    }
    this.transcript()?.useTrack(track);
    if (program) void this.offerResume(program, track);
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

  resume(): void {
    if (!this.audio.snapshot || this.resumeAt === null) return;
    this.audio.seek(this.resumeAt);
    this.resumeAt = null;
    void this.audio.play();
  }

  startOver(): void {
    if (!this.audio.snapshot) return;
    this.resumeAt = null;
    this.forgetPlace();
    this.audio.seek(0);
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

  private onAudio(next: AudioSnapshot, previous: AudioSnapshot): void {
    // The recorder arrives with the engine, before any sound.
    this.log.recording?.hear(next.status === 'playing');
    if (next.status === 'playing' && previous.status !== 'playing') {
      this.resumeAt = null;
      this.log.clear();
    }
    if (next.status === 'playing' && this.port.now() - this.lastPlaceSave >= SAVE_EVERY_MS) this.savePlace(next.position);
    if (previous.status === 'playing' && next.status === 'paused') this.savePlace(next.position);
    if (next.status === 'ended' && previous.status !== 'ended') {
      this.forgetPlace();
      void this.end(true, true);
    }
    if (next.status === 'error' && previous.status !== 'error' && next.error) {
      this.port.dispatch(new CompassionErrorEvent({ code: next.error.code, message: next.error.message, source: 'audio' }));
    }
  }

  private async offerResume(program: CompassionProgram, track: Track): Promise<void> {
    const key = `${program.id}|${track.placeKey}`;
    if (this.resumeCheckedFor === key) return;
    this.resumeCheckedFor = key;
    try {
      const place = await program.playback.get(track.placeKey);
      const s = this.audio.snapshot;
      if (!place || !s || this.resumeCheckedFor !== key) return;
      const duration = place.duration || s.duration;
      const fresh = (s.status === 'idle' || s.status === 'ready') && s.position === 0;
      // Near the start or the end there is nothing worth resuming; short recordings get a smaller margin.
      const margin = duration > 0 ? Math.min(RESUME_MARGIN, duration / 10) : RESUME_MARGIN;
      if (fresh && place.position >= margin && (!(duration > 0) || place.position < duration - margin)) {
        this.resumeAt = place.position;
        this.host.requestUpdate();
      }
    } catch (error) {
      program.reportError(error, 'playback');
    }
  }

  private savePlace(position: number): void {
    const program = this.port.program;
    const track = this.track;
    if (!program || !track) return;
    this.lastPlaceSave = this.port.now();
    const duration = this.audio.snapshot?.duration ?? 0;
    program.playback.save(track.placeKey, position, duration).catch((error: unknown) => program.reportError(error, 'playback'));
  }

  private forgetPlace(): void {
    const program = this.port.program;
    const track = this.track;
    if (!program || !track) return;
    program.playback.clear(track.placeKey).catch((error: unknown) => program.reportError(error, 'playback'));
  }
}
