import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AudioEngine, AudioSnapshot, AudioSourceInput } from '../sdk/audio/engine.js';

const loadEngine = () => import('../sdk/audio/engine.js');

/**
 * Rings a short bell (the practice timer's). A bell is a short effect: it neither pauses other
 * tracks nor takes the lock screen. The engine's code downloads with the first bell (or on
 * pointerdown on Start); the bell is unloaded when the host leaves the page.
 */
export class BellController implements ReactiveController {
  private bell: AudioEngine | undefined;
  private bellKey: string | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Starts downloading the engine and howler ahead of the first bell (on pointerdown). */
  prepare(sources: readonly AudioSourceInput[]): void {
    if (sources.length) void loadEngine().then((m) => m.loadHowler()).catch(() => undefined);
  }

  /** Rings from the start; resolves the bell's snapshot once it plays or has failed. */
  async ring(sources: readonly AudioSourceInput[]): Promise<AudioSnapshot | undefined> {
    if (!sources.length) return undefined;
    const key = sources.map((s) => s.src).join(' ');
    if (!this.bell || this.bellKey !== key) {
      const { AudioEngine } = await loadEngine();
      this.bell?.unload();
      this.bell = new AudioEngine({ title: 'Bell', sources }, { exclusive: false, mediaSession: false });
      this.bellKey = key;
    }
    const bell = this.bell;
    bell.seek(0);
    await bell.play();
    return bell.snapshot;
  }

  hostDisconnected(): void {
    this.bell?.unload();
  }
}
