import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AudioEngine, AudioEngineOptions, AudioSnapshot, TrackInfo } from '../sdk/audio/engine.js';
import { AudioError } from '../sdk/audio/errors.js';

const IDLE: AudioSnapshot = Object.freeze({ status: 'idle', position: 0, duration: 0, buffered: 0, rate: 1, volume: 1, muted: false, blocked: false, slow: false, error: null });

/**
 * Owns an element's one audio engine. Until the first play the engine's code is not even
 * downloaded: a stand-in snapshot keeps the chosen place, speed and volume, and the engine is
 * built with them on the first `play()` (or `prepare()`, on pointerdown). Each snapshot is passed
 * (with the previous one) to the host; the engine is unloaded when the host leaves the page (A4).
 */
export class AudioController implements ReactiveController {
  private engine: AudioEngine | undefined;
  private track: TrackInfo | undefined;
  private trackKey: string | undefined;
  private standIn: AudioSnapshot = IDLE;
  private loading: Promise<AudioEngine | undefined> | undefined;
  private unsubscribe: (() => void) | undefined;
  private generation = 0;
  private wantPlay = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (next: AudioSnapshot, previous: AudioSnapshot) => void,
    private readonly options: AudioEngineOptions = {},
    /** Code the host needs once sound plays, downloaded together with the engine; if it fails, so does the load. */
    private readonly alongside: () => Promise<unknown> = () => Promise.resolve(),
  ) {
    host.addController(this);
  }

  /** Identifies the track in use; a new key means a new engine. */
  get key(): string | undefined {
    return this.trackKey;
  }

  /** The playback snapshot, or undefined when there is no track. */
  get snapshot(): AudioSnapshot | undefined {
    if (!this.track) return undefined;
    return this.engine?.snapshot ?? this.standIn;
  }

  /** Plays `track` from now on; the previous engine, if any, is unloaded. */
  use(key: string, track: TrackInfo): void {
    if (this.track && key === this.trackKey) return;
    this.release();
    this.track = track;
    this.trackKey = key;
    this.standIn = { ...IDLE, duration: track.duration && track.duration > 0 ? track.duration : 0 };
  }

  /** Downloads the engine (and howler) ahead of the first play, e.g. on pointerdown. */
  prepare(): void {
    void this.load().then((engine) => engine?.prepare());
  }

  async play(): Promise<void> {
    if (!this.track) return;
    this.wantPlay = true;
    if (!this.engine) this.setStandIn({ status: 'loading', error: null });
    const engine = await this.load();
    if (engine && this.wantPlay) await engine.play();
  }

  pause(): void {
    this.wantPlay = false;
    if (this.engine) this.engine.pause();
    else if (this.standIn.status === 'loading') this.setStandIn({ status: 'idle' });
  }

  seek(seconds: number): void {
    if (this.engine) return this.engine.seek(seconds);
    const duration = this.standIn.duration;
    const target = Math.max(0, duration > 0 ? Math.min(seconds, duration) : seconds);
    if (Number.isFinite(target)) this.setStandIn({ position: target });
  }

  setRate(rate: number): void {
    if (this.engine) this.engine.setRate(rate);
    else this.setStandIn({ rate: Math.min(2, Math.max(0.5, rate)) });
  }

  setVolume(volume: number): void {
    if (this.engine) this.engine.setVolume(volume);
    else this.setStandIn({ volume: Math.min(1, Math.max(0, volume)) });
  }

  setMuted(muted: boolean): void {
    if (this.engine) this.engine.setMuted(muted);
    else this.setStandIn({ muted });
  }

  retry(): Promise<void> {
    return this.engine ? this.engine.retry() : this.play();
  }

  /** Unloads and forgets the engine. */
  release(): void {
    this.generation++;
    this.wantPlay = false;
    this.engine?.unload();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.engine = undefined;
    this.loading = undefined;
    this.track = undefined;
    this.trackKey = undefined;
  }

  hostDisconnected(): void {
    this.wantPlay = false;
    this.engine?.unload();
  }

  private load(): Promise<AudioEngine | undefined> {
    if (this.engine) return Promise.resolve(this.engine);
    const track = this.track;
    if (!track) return Promise.resolve(undefined);
    const generation = this.generation;
    this.loading ??= Promise.all([import('../sdk/audio/engine.js'), this.alongside()]).then(
      ([{ AudioEngine }]) => {
        this.loading = undefined;
        if (generation !== this.generation) return undefined;
        const engine = new AudioEngine(track, this.options);
        let previous = engine.snapshot;
        this.unsubscribe = engine.subscribe((next) => {
          const before = previous;
          previous = next;
          this.onChange(next, before);
          this.host.requestUpdate();
        });
        this.engine = engine;
        const s = this.standIn;
        if (s.position) engine.seek(s.position);
        if (s.rate !== 1) engine.setRate(s.rate);
        if (s.volume !== 1) engine.setVolume(s.volume);
        if (s.muted) engine.setMuted(true);
        this.host.requestUpdate();
        return engine;
      },
      (cause: unknown) => {
        this.loading = undefined;
        if (generation !== this.generation) return undefined;
        const error = new AudioError('network', 'The audio player could not be downloaded. Check your connection and try again.', undefined, undefined, { cause });
        const previous = this.standIn;
        this.setStandIn({ status: 'error', error });
        this.onChange(this.standIn, previous);
        return undefined;
      },
    );
    return this.loading;
  }

  private setStandIn(change: Partial<AudioSnapshot>): void {
    this.standIn = { ...this.standIn, ...change };
    this.host.requestUpdate();
  }
}
