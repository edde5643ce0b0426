import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { breathPattern, breathsPerMinute } from '../../../sdk/audio/breathing.js';
import { BreathingController, type BreathingSettings } from './breathing-controller.js';
import type { SessionLogController } from './session-log-controller.js';
import type { PlayerPort } from './types.js';

/** The breathing mode, loaded with import() when it is first chosen: its controller and its view. */
export class BreathingMode {
  readonly controller: BreathingController;

  constructor(
    host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    log: SessionLogController,
    private readonly settings: BreathingSettings,
  ) {
    this.controller = new BreathingController(host, port, log, settings);
  }

  render(): TemplateResult {
    const t = this.port.t;
    const still = this.port.reducedMotion;
    const pattern = breathPattern(this.settings.breatheIn, this.settings.breatheOut);
    const s = this.controller.pacer?.snapshot;
    const running = s?.status === 'running';
    const cue = running ? (s.phase === 'in' ? t.breatheIn : t.breatheOut) : still ? t.breathingReadyReduced : t.breathingReady;
    return html`<div class=${classMap({ pacer: true, still, running })} part="pacer" data-phase=${running ? s.phase : 'ready'}>
      <div class="stage">
        <div class="shape" part="breathing-shape" aria-hidden="true"></div>
      </div>
      <p class=${classMap({ 'breath-cue': true, big: running })} part="breathing-cue">${cue}</p>
      <p class="hint">${t.breathingPace(pattern.inhale, pattern.exhale, breathsPerMinute(pattern))}</p>
      <div class="actions">
        ${running
          ? html`<button type="button" class="button primary" @click=${() => this.controller.stop(true)}>${t.stop}</button>`
          : html`<button type="button" class="button primary" @click=${() => this.controller.start()}>${t.start}</button>`}
      </div>
    </div>`;
  }
}
