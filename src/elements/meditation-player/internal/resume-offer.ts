import { css, html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatClock } from '../../../sdk/audio/time.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import { RESUME_MARGIN } from '../modes.js';
import type { GuidedSessionController } from './guided-session-controller.js';
import type { PlayerPort, Track } from './types.js';

export { EN_RESUME_STRINGS } from './en-resume-strings.js';

export const resumeStyles = css`
  .resume {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-3) var(--_space-4);
    border-radius: var(--_radius-md);
    background: var(--_color-accent-soft);
  }
  .resume p {
    margin: 0;
  }
`;

/**
 * "Resume from 3:20 / Start over": reads the place remembered for a track and offers it when it
 * is worth going back to. Loaded with import() when a guided track first has a program to read
 * the place from; the offer always arrives after the first render, as the place is read from storage.
 */
export class ResumeOffer {
  private checkedFor: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: GuidedSessionController,
    private readonly port: PlayerPort,
  ) {}

  /** Looks up the place remembered for `track`, once per track and engine. */
  async check(program: CompassionProgram, track: Track): Promise<void> {
    const key = `${program.id}|${track.placeKey}|${track.key}`;
    if (this.checkedFor === key) return;
    this.checkedFor = key;
    try {
      const place = await program.playback.get(track.placeKey);
      const s = this.session.snapshot;
      if (!place || !s || this.checkedFor !== key) return;
      const duration = place.duration || s.duration;
      const fresh = (s.status === 'idle' || s.status === 'ready') && s.position === 0;
      // Near the start or the end there is nothing worth resuming; short recordings get a smaller margin.
      const margin = duration > 0 ? Math.min(RESUME_MARGIN, duration / 10) : RESUME_MARGIN;
      if (fresh && place.position >= margin && (!(duration > 0) || place.position < duration - margin)) {
        this.session.resumeAt = place.position;
        this.host.requestUpdate();
      }
    } catch (error) {
      program.reportError(error, 'playback');
    }
  }

  /** The offer of the place `at`. */
  render(at: number): TemplateResult {
    const t = this.port.t;
    const time = formatClock(at);
    return html`<div class="resume" part="resume" role="group" aria-labelledby="resume-prompt">
      <p id="resume-prompt">${t.resumePrompt(time)}</p>
      <div class="actions">
        <button type="button" class="button primary" part="resume-button" @click=${() => this.resume()}>${t.resumeFrom(time)}</button>
        <button type="button" class="button" part="start-over-button" @click=${() => this.startOver()}>${t.startOver}</button>
      </div>
    </div>`;
  }

  private resume(): void {
    const session = this.session;
    if (!session.snapshot || session.resumeAt === null) return;
    session.audio.seek(session.resumeAt);
    session.resumeAt = null;
    void session.audio.play();
  }

  private startOver(): void {
    const session = this.session;
    if (!session.snapshot) return;
    session.resumeAt = null;
    session.forgetPlace();
    session.audio.seek(0);
    void session.audio.play();
  }
}
