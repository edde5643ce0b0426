import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatClock } from '../../../sdk/audio/time.js';
import { clampMinutes } from '../../../sdk/audio/timer.js';
import { INTERVAL_CHOICES } from '../modes.js';
import type { SessionLogController } from './session-log-controller.js';
import { TimerController, type TimerSettings } from './timer-controller.js';
import type { PlayerPort } from './types.js';

/** The timer mode, loaded with import() when it is first chosen: its controller and its view. */
export class TimerMode {
  readonly controller: TimerController;

  constructor(
    host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    log: SessionLogController,
    private readonly settings: TimerSettings,
  ) {
    this.controller = new TimerController(host, port, log, settings);
  }

  render(): TemplateResult {
    const t = this.port.t;
    const ctl = this.controller;
    const settings = this.settings;
    const s = ctl.snapshot;
    const running = s?.status === 'running' || s?.status === 'paused';
    if (!running) {
      return html`<div class="timer" part="timer">
        <div class="timer-form">
          <label class="field">
            <span>${t.timerLength} <span class="unit">(${t.minutesUnit})</span></span>
            <input
              type="number"
              min="1"
              max="60"
              step="1"
              inputmode="numeric"
              .value=${live(String(clampMinutes(settings.minutes)))}
              @change=${(e: Event) => (settings.minutes = clampMinutes(Number((e.target as HTMLInputElement).value)))}
            />
          </label>
          <label class="field">
            <span>${t.intervalBell}</span>
            <select @change=${(e: Event) => (settings.intervalMinutes = Number((e.target as HTMLSelectElement).value))}>
              ${INTERVAL_CHOICES.filter((m) => m < clampMinutes(settings.minutes)).map(
                (m) => html`<option value=${m} ?selected=${m === settings.intervalMinutes}>${m === 0 ? t.intervalNone : t.intervalEvery(m)}</option>`,
              )}
            </select>
          </label>
        </div>
        <button type="button" class="button primary" @pointerdown=${() => ctl.prepareBell()} @click=${() => ctl.start()}>${s?.status === 'finished' ? t.startAgain : t.start}</button>
        ${ctl.bellSources.length ? nothing : html`<p class="hint">${t.noBell}</p>`}
        ${ctl.bellProblem ? html`<p class="notice" part="status">${ctl.bellProblem}</p>` : nothing}
      </div>`;
    }
    return html`<div class="timer" part="timer">
      <p class="clock" part="timer-display" role="timer" aria-labelledby="timer-label">
        <span id="timer-label" class="visually-hidden">${t.timeRemaining}</span>${formatClock(Math.ceil(s.remaining))}
      </p>
      ${s.status === 'paused' ? html`<p class="hint">${t.timerPaused}</p>` : nothing}
      <div class="actions">
        ${s.status === 'running'
          ? html`<button type="button" class="button" @click=${() => ctl.pause()}>${t.pause}</button>`
          : html`<button type="button" class="button primary" @click=${() => ctl.resume()}>${t.resume}</button>`}
        <button type="button" class="button" @click=${() => ctl.stop(true)}>${t.end}</button>
      </div>
      ${ctl.bellProblem ? html`<p class="notice" part="status">${ctl.bellProblem}</p>` : nothing}
    </div>`;
  }
}
