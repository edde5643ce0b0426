import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AudioEngine, loadHowler, type AudioSnapshot, type AudioSourceInput } from '../sdk/audio/engine.js';

/**
 * Rings a short bell (the practice timer's). A bell is a short effect: it neither pauses other
 * tracks nor takes the lock screen. Its engine is unloaded when the host leaves the page.
 */
export class BellController implements ReactiveController {
  private bell: AudioEngine | undefined;
  private bellKey: string | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Starts downloading howler ahead of the first bell (on pointerdown). */
  prepare(sources: readonly AudioSourceInput[]): void {
    if (sources.length) void loadHowler().catch(() => undefined);
  }

  /** Rings from the start; resolves the bell's snapshot once it plays or has failed. */
  async ring(sources: readonly AudioSourceInput[]): Promise<AudioSnapshot | undefined> {
    if (!sources.length) return undefined;
    const key = sources.map((s) => s.src).join(' ');
    if (!this.bell || this.bellKey !== key) {
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
