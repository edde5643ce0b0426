import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { renderProgramError } from '../../shared/program-error.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import type { AudioSnapshot } from '../../../sdk/audio/engine.js';
import type { AudioError } from '../../../sdk/audio/errors.js';
import { formatClock, positionText } from '../../../sdk/audio/time.js';
import { cueIndexAt } from '../../../sdk/audio/cues.js';
import type { Chapter } from '../../../sdk/content/types.js';
import { PLAYER_RATES, SEEK_PAGE, SEEK_STEP, SKIP_SECONDS } from '../modes.js';
import type { GuidedSessionController } from './guided-session-controller.js';
import type { LazyPart } from './lazy-part.js';
import type { KeepControl } from './keep-view.js';
import type { TranscriptPanel } from './transcript-view.js';
import { ICONS } from './icons.js';
import type { PlayerPort, Track } from './types.js';

/** The guided mode: the resume offer, errors, transport, settings, chapters and transcript. */
export class GuidedView {
  constructor(
    private readonly port: PlayerPort,
    private readonly session: GuidedSessionController,
    private readonly transcript: LazyPart<TranscriptPanel>,
    private readonly retryProgram: () => void,
    private readonly loadingLine: (retry: () => void, failed: boolean) => TemplateResult,
    /** "Keep on this device": its code arrives after the first render. */
    private readonly keep: LazyPart<KeepControl>,
  ) {}

  render(): TemplateResult {
    const t = this.port.t;
    const session = this.session;
    const state = session.trackState;
    if (state.status === 'loading') return html`<p class="loading" part="status" role="status">${t.loadingProgram}</p>`;
    if (state.status === 'error' || state.status === 'none') {
      const message = state.status === 'error' ? state.message : t.nothingToPlay;
      const retry = state.status === 'error' && state.retryProgram;
      const programError = state.status === 'error' ? state.programError : undefined;
      return html`<div class="error" part="error" role="alert">
        <p>${message}</p>
        ${programError
          ? renderProgramError(programError, { ...this.port.locale.catalog.programError, retry: t.retry }, () => this.retryProgram())
          : retry
            ? html`<button type="button" class="button" part="retry-button" @click=${() => this.retryProgram()}>${t.retry}</button>`
            : nothing}
      </div>`;
    }
    const s = session.snapshot;
    if (!s) return html``;
    const track = state.track;
    const position = session.scrub ?? s.position;
    const duration = s.duration;
    const playing = s.status === 'playing';
    const starting = s.status === 'loading';
    const failed = s.status === 'error';
    // Only one filled button at a time: while "Resume from …" is offered, it is the one.
    const resumable = session.resumeAt !== null;
    return html`
      ${resumable ? (session.resumeOffer.value?.render(session.resumeAt!) ?? nothing) : nothing}
      ${s.status === 'error' && s.error ? this.renderError(s.error) : nothing}
      ${s.blocked ? html`<p class="notice" part="status" role="alert">${t.blocked}</p>` : nothing}
      ${starting ? html`<p class="loading" part="status" role="status">${s.slow ? t.slowAudio : t.loadingAudio}</p>` : nothing}
      <div class="transport">
        <div part="controls" class="controls">
          <button type="button" class="button icon-button" part="back-button" @click=${() => session.skip(-SKIP_SECONDS)} ?disabled=${failed}>
            ${ICONS.back}<span class="visually-hidden">${t.back15}</span>
          </button>
          <button
            type="button"
            class=${resumable ? 'button play' : 'button primary play'}
            part="play-button"
            aria-keyshortcuts="k"
            @pointerdown=${() => session.audio.prepare()}
            @click=${() => session.toggle()}
            ?disabled=${failed}
          >
            ${playing || starting ? ICONS.pause : ICONS.play}<span class="visually-hidden">${playing || starting ? t.pause : t.play}</span>
          </button>
          <button type="button" class="button icon-button" part="forward-button" @click=${() => session.skip(SKIP_SECONDS)} ?disabled=${failed}>
            ${ICONS.forward}<span class="visually-hidden">${t.forward15}</span>
          </button>
          <button type="button" class="button icon-button mute" aria-keyshortcuts="m" aria-pressed=${s.muted ? 'true' : 'false'} @click=${() => session.audio.setMuted(!s.muted)}>
            ${s.muted ? ICONS.muted : ICONS.sound}<span class="visually-hidden">${t.mute}</span>
          </button>
        </div>
        <div class="seek">
          <input
            type="range"
            part="seek"
            class="slider"
            aria-label=${t.position}
            min="0"
            max=${Math.max(0, Math.floor(duration)) || 0}
            step="1"
            .value=${live(String(Math.floor(position)))}
            aria-valuetext=${positionText(position, duration, this.port.locale.lang, t.elapsedOfTotal)}
            ?disabled=${!(duration > 0)}
            @keydown=${this.onSeekKey}
            @input=${(e: Event) => session.setScrub(Number((e.target as HTMLInputElement).value))}
            @change=${(e: Event) => {
              session.setScrub(null);
              session.seek(Number((e.target as HTMLInputElement).value));
            }}
          />
          <div class="time" part="time">
            <span class="visually-hidden">${t.elapsedOfTotal(formatClock(position), formatClock(duration))}</span>
            <span aria-hidden="true">${formatClock(position)}</span>
            <button type="button" class="button quiet total" aria-pressed=${session.showRemaining ? 'true' : 'false'} @click=${() => session.toggleRemaining()}>
              <span class="visually-hidden">${t.showTimeLeft}</span>
              <span aria-hidden="true">${!(duration > 0) ? '–:––' : session.showRemaining ? `−${formatClock(duration - Math.floor(position))}` : formatClock(duration)}</span>
            </button>
          </div>
        </div>
        ${this.renderSettings(s)}
        ${s.status === 'paused' && session.heard >= 60 ? html`<button type="button" class="button quiet finish" @click=${() => void session.end(false, true)}>${t.finishForNow}</button>` : nothing}
      </div>
      ${this.keep.get()?.render(track) ?? nothing}
      ${track.chapters.length ? this.renderChapters(track.chapters, position) : nothing}
      ${this.renderTranscript(track)}
    `;
  }

  /**
   * Shortcuts while focus is anywhere in the player: Space or K plays and pauses, ←/→ skip 15
   * seconds (mirrored right-to-left, as the slider is), M mutes. Never while typing in a field,
   * never for a key the focused control already uses (Space on a button, arrows on a slider).
   */
  readonly onKey = (event: KeyboardEvent): void => {
    const s = this.session.snapshot;
    const target = event.composedPath()[0] as Element;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (!s || s.status === 'error' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.closest('textarea, select, [contenteditable], input:not([type=range])')) return;
    const arrow = key === 'ArrowLeft' || key === 'ArrowRight';
    if ((key === ' ' && target.closest('button, a')) || (arrow && target.closest('input'))) return;
    if (key === ' ' || key === 'k') this.session.toggle();
    else if (key === 'm') this.session.audio.setMuted(!s.muted);
    else if (arrow) this.session.skip((key === 'ArrowRight') === (getComputedStyle(target).direction !== 'rtl') ? SKIP_SECONDS : -SKIP_SECONDS);
    else return;
    event.preventDefault();
  };

  private readonly onSeekKey = (event: KeyboardEvent): void => {
    const s = this.session.snapshot;
    if (!s) return;
    const { position, duration } = s;
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
    const steps: Record<string, number> = {
      ArrowRight: rtl ? -SEEK_STEP : SEEK_STEP,
      ArrowLeft: rtl ? SEEK_STEP : -SEEK_STEP,
      ArrowUp: SEEK_STEP,
      ArrowDown: -SEEK_STEP,
      PageUp: SEEK_PAGE,
      PageDown: -SEEK_PAGE,
    };
    let target: number | undefined;
    if (event.key in steps) target = position + steps[event.key]!;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = duration;
    if (target === undefined) return;
    event.preventDefault();
    this.session.scrub = null;
    this.session.seek(target);
  };

  /** The transcript panel, downloaded when a track first has a transcript; until then its heading and a calm line. */
  private renderTranscript(track: Track): TemplateResult | typeof nothing {
    const part = this.transcript;
    const wanted = !!(track.inlineCues || track.transcriptUrl);
    const panel = wanted ? part.get() : part.value;
    if (panel) return panel.render((seconds) => this.session.seek(seconds));
    if (!wanted) return nothing;
    if (part.failed) return this.loadingLine(() => void part.ready(), true);
    const t = this.port.t;
    const tag = this.port.region(literal`section`);
    const heading = this.port.heading(3);
    // Many inline cues fill the panel's height at once: keep that room, so nothing below moves when they arrive.
    const reserve = (track.inlineCues?.length ?? 0) >= 6;
    return staticHtml`<${tag} class="transcript" part="transcript" role=${ifDefined(this.port.embedded ? 'group' : undefined)} aria-labelledby="transcript-title">
      <div class="transcript-head"><${heading} id="transcript-title" class="subheading">${t.transcript}</${heading}></div>
      <p class=${reserve ? 'loading reserve' : 'loading'} role="status" data-loading-part>${t.transcriptLoading}</p>
    </${tag}>`;
  }

  private renderError(error: AudioError): TemplateResult {
    const t = this.port.t;
    return html`<div class="error" part="error" role="alert" data-code=${error.code}>
      <p><strong>${t.audioFailed}</strong> ${error.message}</p>
      ${error.retryable ? html`<button type="button" class="button" part="retry-button" @click=${() => void this.session.audio.retry()}>${t.retry}</button>` : nothing}
    </div>`;
  }

  private renderSettings(s: AudioSnapshot): TemplateResult {
    const t = this.port.t;
    const audio = this.session.audio;
    const volume = Math.round(s.volume * 100);
    return html`<div class="settings" part="settings">
      <label class="field">
        <span>${t.speed}</span>
        <select @change=${(e: Event) => audio.setRate(Number((e.target as HTMLSelectElement).value))}>
          ${PLAYER_RATES.map((r) => html`<option value=${r} ?selected=${r === s.rate}>${t.speedOption(r)}</option>`)}
        </select>
      </label>
      <label class="field volume">
        <span>${t.volume}</span>
        <input
          type="range"
          class="slider"
          min="0"
          max="100"
          step="5"
          .value=${live(String(volume))}
          aria-valuetext=${t.volumeText(volume)}
          @input=${(e: Event) => audio.setVolume(Number((e.target as HTMLInputElement).value) / 100)}
        />
      </label>
    </div>`;
  }

  private renderChapters(chapters: readonly Chapter[], position: number): TemplateResult {
    const t = this.port.t;
    const current = cueIndexAt(chapters.map((c) => ({ start: c.start, end: c.start, text: c.title })), position);
    const tag = this.port.region(literal`nav`);
    return staticHtml`<${tag} class="chapters" part="chapters" role=${ifDefined(this.port.embedded ? 'group' : undefined)} aria-label=${t.chapters}>
      <${this.port.heading(3)} class="subheading">${t.chapters}</${this.port.heading(3)}>
      <ol>
        ${chapters.map(
          (c, i) => html`<li>
            <button type="button" class="chapter" aria-current=${i === current ? 'true' : 'false'} @click=${() => this.session.seek(c.start)}>
              <span class="chapter-time">${formatClock(c.start)}</span> <span>${c.title}</span>
            </button>
          </li>`,
        )}
      </ol>
    </${tag}>`;
  }
}
