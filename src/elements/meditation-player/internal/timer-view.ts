import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatClock, spokenDuration } from '../../../sdk/audio/time.js';
import { clampMinutes } from '../../../sdk/audio/timer.js';
import { INTERVAL_CHOICES } from '../modes.js';
import type { SessionLogController } from './session-log-controller.js';
import { TimerController, type TimerSettings } from './timer-controller.js';
import type { PlayerPort } from './types.js';

/** The lengths offered with one tap, in minutes; any other length from 1 to 60 is typed. */
export const TIMER_PRESETS = [3, 5, 10, 15, 20] as const;

/** The timer mode, loaded with import() when it is first chosen: its controller and its view. */
export class TimerMode {
  readonly controller: TimerController;
  /** Why the typed length is not (or was not) used as typed; shown under the field. */
  private lengthNote: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    log: SessionLogController,
    private readonly settings: TimerSettings,
  ) {
    this.controller = new TimerController(host, port, log, settings);
  }

  render(): TemplateResult {
    const ctl = this.controller;
    const s = ctl.snapshot;
    if (s?.status === 'running' || s?.status === 'paused') {
      const t = this.port.t;
      const remaining = Math.ceil(s.remaining);
      return html`<div class="timer" part="timer">
        <div class="dial">
          <svg class="ring" part="timer-ring" viewBox="0 0 100 100" role="img" aria-label=${t.timeLeftWords(spokenDuration(remaining, this.port.locale.lang))}>
            <circle r="45" cx="50" cy="50" />
            <circle class="done" r="45" cx="50" cy="50" pathLength="100" stroke-dasharray="100" stroke-dashoffset=${100 - (100 * s.elapsed) / s.duration} />
          </svg>
          <p class="clock" part="timer-display" role="timer" aria-labelledby="timer-label">
            <span id="timer-label" class="visually-hidden">${t.timeRemaining}</span>${formatClock(remaining)}
          </p>
        </div>
        ${s.status === 'paused' ? html`<p class="hint">${t.timerPaused}</p>` : nothing}
        <div class="actions">
          ${s.status === 'running'
            ? html`<button type="button" class="button primary" @click=${() => ctl.pause()}>${t.pause}</button>`
            : html`<button type="button" class="button primary" @click=${() => ctl.resume()}>${t.resume}</button>`}
          <button type="button" class="button" @click=${() => ctl.stop(true)}>${t.end}</button>
        </div>
        ${ctl.bellProblem ? html`<p class="notice" part="status">${ctl.bellProblem}</p>` : nothing}
      </div>`;
    }
    return this.renderSetup(s?.status === 'finished');
  }

  /** Before a practice: the length (a preset, or typed), the interval bell and Start. */
  private renderSetup(again: boolean): TemplateResult {
    const t = this.port.t;
    const ctl = this.controller;
    const settings = this.settings;
    const minutes = clampMinutes(settings.minutes);
    const note = this.lengthNote;
    return html`<div class="timer" part="timer">
      <div class="timer-form">
        <fieldset class="field lengths" part="timer-presets">
          <legend>${t.timerLength} <span class="unit">(${t.minutesUnit})</span></legend>
          <div class="presets">
            ${TIMER_PRESETS.map(
              (m) => html`<button type="button" class="button preset" aria-pressed=${m === minutes ? 'true' : 'false'} @click=${() => this.choose(m)}>${m}</button>`,
            )}
          </div>
        </fieldset>
        <div class="field">
          <label for="length">${t.customLength}</label>
          <input
            id="length"
            type="number"
            min="1"
            max="60"
            step="1"
            inputmode="numeric"
            .value=${String(minutes)}
            aria-invalid=${note ? 'true' : 'false'}
            aria-describedby=${ifDefined(note ? 'length-note' : undefined)}
            @input=${this.onLengthInput}
            @change=${this.onLengthChange}
          />
          ${note ? html`<p id="length-note" class="field-note" role="alert">${note}</p>` : nothing}
        </div>
        <label class="field">
          <span>${t.intervalBell}</span>
          <select @change=${(e: Event) => (settings.intervalMinutes = Number((e.target as HTMLSelectElement).value))}>
            ${INTERVAL_CHOICES.filter((m) => m < minutes).map(
              (m) => html`<option value=${m} ?selected=${m === settings.intervalMinutes}>${m === 0 ? t.intervalNone : t.intervalEvery(m)}</option>`,
            )}
          </select>
        </label>
      </div>
      <button type="button" class="button primary" @pointerdown=${() => ctl.prepareBell()} @click=${() => ctl.start()}>${again ? t.startAgain : t.start}</button>
      ${ctl.bellSources.length ? nothing : html`<p class="hint">${t.noBell}</p>`}
      ${ctl.bellProblem ? html`<p class="notice" part="status">${ctl.bellProblem}</p>` : nothing}
    </div>`;
  }

  private choose(minutes: number): void {
    this.settings.minutes = minutes;
    this.setNote(null);
  }

  /**
   * While typing: say at once when the length cannot be used as it is. (The field's value is bound
   * without live(), so the re-render this causes leaves what is being typed alone.)
   */
  private readonly onLengthInput = (e: Event): void => {
    const value = (e.target as HTMLInputElement).value;
    this.setNote(wholeMinutes(value) === undefined ? this.port.t.lengthInvalid : null);
  };

  /** On leaving the field (or Enter): use the length, brought within 1–60 minutes, and say so when it was changed. */
  private readonly onLengthChange = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const typed = wholeMinutes(input.value);
    // A number outside 1–60 is brought within; an empty field keeps the length it had.
    const n = input.value.trim() === '' ? NaN : Number(input.value);
    const minutes = clampMinutes(Number.isFinite(n) ? n : this.settings.minutes);
    this.settings.minutes = minutes;
    input.value = String(minutes);
    this.setNote(typed === undefined ? this.port.t.lengthChanged(minutes) : null);
  };

  private setNote(note: string | null): void {
    if (note === this.lengthNote) return;
    this.lengthNote = note;
    this.host.requestUpdate();
  }
}

/** The typed length when it is a whole number of minutes from 1 to 60. */
function wholeMinutes(value: string): number | undefined {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n === clampMinutes(n) ? n : undefined;
}
