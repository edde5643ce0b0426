import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import { formatClock } from '../../../sdk/audio/time.js';
import type { AudioSnapshot } from '../../../sdk/audio/engine.js';
import { TranscriptController } from './transcript-controller.js';
import type { PlayerPort } from './types.js';

export { EN_TRANSCRIPT_STRINGS } from './en-transcript-strings.js';
export { transcriptStyles } from './transcript.styles.js';

/**
 * The transcript, loaded with import() when a track first has one: its controller (cues, fetching
 * and parsing a WebVTT file, following the audio) and its panel.
 */
export class TranscriptPanel {
  readonly controller: TranscriptController;

  constructor(
    host: ReactiveControllerHost,
    private readonly port: PlayerPort,
    playback: () => AudioSnapshot | undefined,
  ) {
    this.controller = new TranscriptController(host, port, playback);
  }

  render(seek: (seconds: number) => void): TemplateResult | typeof nothing {
    return renderTranscript(this.port, this.controller, seek);
  }
}

/** The transcript panel: a button per cue that plays from there, the current one marked. */
function renderTranscript(port: PlayerPort, transcript: TranscriptController, seek: (seconds: number) => void): TemplateResult | typeof nothing {
  const t = port.t;
  const tr = transcript.value;
  if (tr.status === 'none') return nothing;
  const open = transcript.open;
  let body: TemplateResult;
  if (tr.status === 'loading') body = html`<p class="loading" role="status">${t.transcriptLoading}</p>`;
  else if (tr.status === 'error') {
    body = html`<div class="error" role="alert">
      <p><strong>${t.transcriptFailed}</strong> ${tr.message}</p>
      <button type="button" class="button" part="retry-button" @click=${() => void transcript.fetch(tr.url)}>${t.retry}</button>
    </div>`;
  } else if (!tr.cues.length) body = html`<p>${t.transcriptEmpty}</p>`;
  else {
    const current = transcript.currentCue;
    body = html`<ol class="cues" part="transcript-list" @scroll=${transcript.onScroll} @wheel=${transcript.onTouch} @touchmove=${transcript.onTouch}>
      ${tr.cues.map(
        (cue, i) => html`<li>
          <button type="button" class=${i === current ? 'cue current' : 'cue'} part="cue" data-cue=${i} aria-current=${i === current ? 'true' : 'false'} @click=${() => seek(cue.start)}>
            <span class="cue-time"><span class="visually-hidden">${t.cueAt(formatClock(cue.start))}</span><span aria-hidden="true">${formatClock(cue.start)}</span></span>
            <span class="cue-text" dir="auto">${cue.text}</span>
          </button>
        </li>`,
      )}
    </ol>`;
  }
  const tag = port.region(literal`section`);
  return staticHtml`<${tag} class="transcript" part="transcript" role=${ifDefined(port.embedded ? 'group' : undefined)} aria-labelledby="transcript-title">
    <div class="transcript-head">
      <${port.heading(3)} id="transcript-title" class="subheading">${t.transcript}</${port.heading(3)}>
      <button type="button" class="button quiet" aria-expanded=${open ? 'true' : 'false'} aria-controls="transcript-body" @click=${() => transcript.toggle()}>
        ${open ? t.hideTranscript : t.showTranscript}
      </button>
    </div>
    <div id="transcript-body" ?hidden=${!open}>${body}</div>
  </${tag}>`;
}
