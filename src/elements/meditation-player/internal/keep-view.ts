import { ContextConsumer } from '@lit/context';
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { keepRecordingsContext } from '../../../context/keep-context.js';
import type { KeptRecordings, OfflineError } from '../../../sdk/offline/kept-recordings.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { PlayerPort, Track } from './types.js';

export { EN_KEEP_STRINGS } from './en-keep-strings.js';

/** The control's note beside its button: quieter than the player's own text. */
export const keepStyles = css`
  .hint {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
    margin: 0;
  }
`;

type KeepState =
  | { status: 'checking' }
  /** Cache Storage is not there, or the clinic turned keeping off: no control at all. */
  | { status: 'hidden' }
  | { status: 'not-kept'; note?: string }
  | { status: 'keeping'; loaded: number; total?: number }
  | { status: 'kept'; bytes: number }
  | { status: 'error'; message: string; code: string };

/**
 * "Keep on this device": keeps a program meditation's recording, transcript and the program file
 * in Cache Storage for offline practice, shows the space they take, and removes them. Downloaded
 * with import() after the player's first render, with the SDK's offline code; the player then
 * plays the kept copy when the network is gone (the audio engine's `keptCopy`).
 */
export class KeepControl implements ReactiveController {
  state: KeepState = { status: 'checking' };
  private allowed = true;
  private checkedFor: string | undefined;
  private meditationId: string | undefined;
  private kept: KeptRecordings | undefined;
  private abort: AbortController | undefined;
  private unsubscribe: (() => void) | undefined;
  private refocus = false;
  /** Keeping or removing from this control: its own change needs no second look. */
  private busy = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly port: PlayerPort,
    /** Downloads the audio engine now, so that the kept copy plays later without a connection. */
    private readonly prepare: () => void,
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: keepRecordingsContext,
      subscribe: true,
      callback: (allowed) => {
        this.allowed = allowed !== false;
        host.requestUpdate();
      },
    });
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.checkedFor = undefined;
  }

  hostUpdated(): void {
    if (!this.refocus) return;
    this.refocus = false;
    this.port.renderRoot.querySelector<HTMLButtonElement>('[data-keep-action]')?.focus();
  }

  /** The control for a program's meditation; nothing for a recording outside a program, or when keeping is not offered. */
  render(track: Track): TemplateResult | typeof nothing {
    const program = this.port.program;
    const meditationId = track.meditationId;
    if (!this.allowed || !program || !meditationId) return nothing;
    const key = `${program.id}|${meditationId}`;
    if (this.checkedFor !== key) void this.check(program, meditationId, key);
    const t = this.port.t;
    const s = this.state;
    switch (s.status) {
      case 'checking':
      case 'hidden':
        return nothing;
      case 'not-kept':
        return html`<div class="keep actions" part="keep">
          <button type="button" class="button keep-button" part="keep-button" data-keep-action aria-describedby="keep-hint" @click=${() => void this.keep()}>${t.keep}</button>
          <p class="hint" id="keep-hint" role="status">${s.note ?? t.keepHint}</p>
        </div>`;
      case 'keeping': {
        const percent = s.total ? Math.min(100, Math.floor((s.loaded / s.total) * 10) * 10) : undefined;
        return html`<div class="keep actions" part="keep">
          <p class="hint" role="status">${t.keeping(percent, t.size(s.total ?? s.loaded))}</p>
          <button type="button" class="button quiet" part="keep-stop-button" data-keep-action @click=${() => this.abort?.abort()}>${t.stopKeeping}</button>
        </div>`;
      }
      case 'kept':
        return html`<div class="keep actions" part="keep">
          <p class="hint" role="status">${t.keptOnDevice(t.size(s.bytes))}</p>
          <button type="button" class="button quiet" part="keep-remove-button" data-keep-action @click=${() => void this.remove()}>
            ${t.removeKept}<span class="visually-hidden">${t.removeKeptName.slice(t.removeKept.length)}</span>
          </button>
        </div>`;
      case 'error':
        return html`<div class="keep actions" part="keep">
          <p class="error" part="keep-error" role="alert" data-code=${s.code}>${s.message}</p>
          <button type="button" class="button keep-button" part="keep-button" data-keep-action @click=${() => void this.keep()}>${t.keep}</button>
        </div>`;
    }
  }

  private async check(program: CompassionProgram, meditationId: string, key: string): Promise<void> {
    this.checkedFor = key;
    this.meditationId = meditationId;
    this.abort?.abort();
    try {
      const kept = await program.offline();
      if (this.checkedFor !== key) return;
      if (!kept.available) return this.set({ status: 'hidden' });
      if (kept !== this.kept) {
        this.unsubscribe?.();
        this.kept = kept;
        // Another player on the page kept or removed the same meditation.
        this.unsubscribe = kept.onChange((id) => {
          if (id === this.meditationId && !this.busy) this.checkedFor = undefined;
          this.host.requestUpdate();
        });
      }
      const status = await kept.status(meditationId);
      if (this.checkedFor === key) this.set(status.kept ? { status: 'kept', bytes: status.bytes } : { status: 'not-kept' });
    } catch {
      // The offline code could not load, or Cache Storage refused: the control is not offered.
      if (this.checkedFor === key) this.set({ status: 'hidden' });
    }
  }

  private async keep(): Promise<void> {
    const kept = this.kept;
    const id = this.meditationId;
    if (!kept || !id) return;
    const abort = (this.abort = new AbortController());
    this.busy = true;
    this.set({ status: 'keeping', loaded: 0 }, true);
    this.prepare();
    try {
      const status = await kept.keep(id, {
        signal: abort.signal,
        onProgress: ({ loaded, total }) => this.set({ status: 'keeping', loaded, ...(total ? { total } : {}) }),
      });
      this.set({ status: 'kept', bytes: status.bytes }, true);
    } catch (error) {
      const e = error as OfflineError;
      this.set(e.code === 'aborted' ? { status: 'not-kept', note: this.port.t.keepStopped } : { status: 'error', message: e.message, code: e.code ?? 'unknown' }, true);
    } finally {
      this.busy = false;
      if (this.abort === abort) this.abort = undefined;
    }
  }

  private async remove(): Promise<void> {
    const kept = this.kept;
    const id = this.meditationId;
    if (!kept || !id || this.state.status !== 'kept') return;
    const bytes = this.state.bytes;
    this.busy = true;
    try {
      await kept.remove(id);
      this.set({ status: 'not-kept', note: this.port.t.removedKept(this.port.t.size(bytes)) }, true);
    } catch (error) {
      this.set({ status: 'error', message: (error as Error).message, code: (error as OfflineError).code ?? 'unknown' }, true);
    } finally {
      this.busy = false;
    }
  }

  /** A new state; `focus` moves keyboard focus to the control's new button when it was on the old one. */
  private set(state: KeepState, focus = false): void {
    if (focus) this.refocus = this.port.renderRoot instanceof ShadowRoot && !!this.port.renderRoot.activeElement?.closest('.keep');
    this.state = state;
    this.host.requestUpdate();
  }
}
