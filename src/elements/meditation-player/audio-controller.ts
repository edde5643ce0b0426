import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AudioEngine, type AudioEngineOptions, type AudioSnapshot, type TrackInfo } from '../../sdk/audio/engine.js';

/**
 * Owns the element's one audio engine: creates it for a track, passes each snapshot (with the
 * previous one) to the host, and unloads it when the host leaves the page (A4). The engine
 * loads nothing until the first play.
 */
export class AudioController implements ReactiveController {
  engine: AudioEngine | undefined;
  /** Identifies the track the engine plays; a new key means a new engine. */
  key: string | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onChange: (next: AudioSnapshot, previous: AudioSnapshot) => void,
    private readonly options: AudioEngineOptions = {},
  ) {
    host.addController(this);
  }

  get snapshot(): AudioSnapshot | undefined {
    return this.engine?.snapshot;
  }

  /** Plays `track` from now on; the previous engine, if any, is unloaded. */
  use(key: string, track: TrackInfo): AudioEngine {
    if (this.engine && key === this.key) return this.engine;
    this.release();
    const engine = new AudioEngine(track, this.options);
    let previous = engine.snapshot;
    this.unsubscribe = engine.subscribe((next) => {
      const before = previous;
      previous = next;
      this.onChange(next, before);
      this.host.requestUpdate();
    });
    this.engine = engine;
    this.key = key;
    return engine;
  }

  /** Unloads and forgets the engine. */
  release(): void {
    this.engine?.unload();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.engine = undefined;
    this.key = undefined;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.engine?.unload();
  }
}
