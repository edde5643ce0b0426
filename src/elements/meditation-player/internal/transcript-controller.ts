import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AudioSnapshot } from '../../../sdk/audio/engine.js';
import { loadTranscript } from '../../../sdk/audio/transcript.js';
import { cueIndexAt } from '../../../sdk/audio/webvtt.js';
import { MANUAL_SCROLL_MS } from '../modes.js';
import type { PlayerPort, Track, TranscriptState } from './types.js';

/**
 * The transcript of the guided track: its cues (inline or fetched), whether the panel is open,
 * and following the audio by scrolling only the panel, never while the participant scrolls it.
 */
export class TranscriptController implements ReactiveController {
  value: TranscriptState = { status: 'none' };
  open = true;
  private scrolledCue = -1;
  private userScrolledAt = -Infinity;
  private autoScrollUntil = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    private readonly playback: () => AudioSnapshot | undefined,
  ) {
    host.addController(this);
  }

  /** The cue being heard, or -1. */
  get currentCue(): number {
    if (this.value.status !== 'ready') return -1;
    return cueIndexAt(this.value.cues, this.playback()?.position ?? 0);
  }

  hostUpdated(): void {
    this.follow();
  }

  /** The track changed: follow from the top again. */
  restart(): void {
    this.scrolledCue = -1;
  }

  /** Takes the track's transcript: inline cues from the program win over a transcript file. */
  useTrack(track: Track): void {
    if (track.inlineCues) {
      if (this.value.status !== 'ready' || this.value.cues !== track.inlineCues) this.set({ status: 'ready', cues: track.inlineCues });
    } else if (track.transcriptUrl) {
      const t = this.value;
      if (t.status === 'none' || (t.status !== 'ready' ? t.url : (t.url ?? '')) !== track.transcriptUrl) void this.fetch(track.transcriptUrl);
    } else if (this.value.status !== 'none') {
      this.set({ status: 'none' });
    }
  }

  async fetch(url: string): Promise<void> {
    this.set({ status: 'loading', url });
    try {
      const cues = await loadTranscript(url);
      if (this.value.status === 'loading' && this.value.url === url) this.set({ status: 'ready', url, cues });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (this.value.status === 'loading' && this.value.url === url) this.set({ status: 'error', url, message });
    }
  }

  toggle(): void {
    this.open = !this.open;
    this.scrolledCue = -1;
    this.host.requestUpdate();
  }

  readonly onScroll = (): void => {
    if (performance.now() > this.autoScrollUntil) this.userScrolledAt = performance.now();
  };

  readonly onTouch = (): void => {
    this.userScrolledAt = performance.now();
  };

  private set(next: TranscriptState): void {
    this.value = next;
    this.host.requestUpdate();
  }

  private follow(): void {
    const index = this.currentCue;
    if (index === this.scrolledCue || !this.open) return;
    this.scrolledCue = index;
    const s = this.playback();
    if (index < 0 || !s || s.status === 'idle') return;
    if (performance.now() - this.userScrolledAt < MANUAL_SCROLL_MS) return;
    const list = this.port.renderRoot.querySelector<HTMLElement>('.cues');
    const cue = list?.querySelector<HTMLElement>(`[data-cue="${index}"]`);
    if (!list || !cue) return;
    const top = cue.offsetTop;
    const bottom = top + cue.offsetHeight;
    if (top >= list.scrollTop && bottom <= list.scrollTop + list.clientHeight) return;
    // Scroll only the panel, never the page, and keep a little of the previous cue in view.
    this.autoScrollUntil = performance.now() + 800;
    list.scrollTo({ top: Math.max(0, top - list.clientHeight / 4), behavior: this.port.reducedMotion ? 'auto' : 'smooth' });
  }
}
