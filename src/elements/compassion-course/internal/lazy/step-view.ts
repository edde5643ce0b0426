import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { MeditateStep, ReflectStep, Step, Week } from '../../../../sdk/content/types.js';
import { JOURNAL_TAG, PLAYER_TAG } from '../../../../tags.js';
import { JOURNAL_EXPORTPARTS, PLAYER_EXPORTPARTS } from './embed-parts.js';
import { renderMarkdown } from '../../../shared/markdown.js';
import { formatDate } from '../format.js';
import { isolate } from '../../../shared/isolate.js';
import type { WeekPort } from '../port.js';

/** One step of the week: its text, the player, journal or note field it needs, and how it gets done. Shown only while it is the week's current part. */
export function renderStep(port: WeekPort, week: Week, step: Step, index: number, shown: boolean): TemplateResult {
  const { program, steps } = port;
  const done = program.progress.snapshot.completed.has(step.id);
  const error = steps.errors.get(step.id);
  const key = `${index}`;
  return html`<li class="card step ${step.kind} ${done ? 'done' : ''}" part="step step-${step.kind}${done ? ' step-done' : ''}" ?hidden=${!shown} @focusin=${() => port.progress.visit(step)}>
    <div class="step-head">
      <span class="step-marker" aria-hidden="true">${done ? '✓' : index + 1}</span>
      <div class="step-heading">
        <p class="step-kind">${port.strings.stepKind[step.kind] ?? step.kind}</p>
        <h4 id="ck-step-title-${key}" tabindex="-1" data-step-heading=${step.id}>${step.title}</h4>
      </div>
    </div>
    ${step.body ? html`<div class="prose step-body">${renderMarkdown(step.body, { headingLevel: 5, baseUrl: program.content.url, newTabText: port.strings.opensInNewTab })}</div>` : nothing}
    ${step.kind === 'meditate' ? renderMeditate(port, week, step) : nothing}
    ${step.kind === 'reflect' ? renderReflect(port, week, step) : nothing}
    ${step.kind === 'measure' ? port.measures.render(step.id, step.measure, key) : nothing}
    ${step.kind === 'practice' ? renderNote(port, step, program.progress.snapshot.completed.get(step.id)?.note, done, key) : nothing}
    ${port.steps.supportOffered.has(step.id) ? port.measures.supportCard() : nothing}
    ${renderDone(port, week, step, key)}
    ${error ? html`<p class="error" role="alert">${port.strings.saveFailed(error)}</p>` : nothing}
  </li>`;
}

/**
 * How a step gets done: "I've done this" (for the overview's read step "I've read this", at its
 * end); a reflect step is done by a saved answer, or by "I thought about it…" while it has none.
 * The box shows the participant's choice at once and keeps it while it saves.
 */
function renderDone(port: WeekPort, week: Week, step: Step, key: string): TemplateResult | typeof nothing {
  const { program, strings: s, steps } = port;
  // A questionnaire is done by its answers: its summary says so.
  if (step.kind === 'measure') return nothing;
  const record = program.progress.snapshot.completed.get(step.id);
  const busy = steps.busy.has(step.id);
  const status = busy
    ? html`<span class="step-status">${s.saving}</span>`
    : record
      ? html`<span class="step-status">${s.doneOn(formatDate(new Date(record.completedAt), port.lang, port.now, false))}</span>`
      : nothing;
  if (step.kind === 'reflect' && record && !busy && steps.answered(step)) {
    return html`<div class="step-done"><p class="answered"><span aria-hidden="true">✓</span> ${s.answerSaved}</p>${status}</div>`;
  }
  // Where the journal is not on the page the answer is written elsewhere: then the plain "I've done this".
  const withoutWriting = step.kind === 'reflect' && port.embeds.state(JOURNAL_TAG) !== 'missing';
  const label = step.kind === 'read' && week.steps[0] === step ? s.readCheckbox : withoutWriting ? s.reflectWithoutWriting : s.doneCheckbox;
  return html`<div class="step-done">
    <input
      type="checkbox"
      id="ck-done-${key}"
      part="step-checkbox"
      .checked=${live(steps.wanted.get(step.id) ?? record !== undefined)}
      aria-describedby="ck-step-title-${key}"
      @change=${(e: Event) => void steps.setDone(step, week, (e.target as HTMLInputElement).checked)}
    />
    <label for="ck-done-${key}">${label}</label>
    ${status}
  </div>`;
}

function loadingLine(text: string): TemplateResult {
  return html`<p class="embed-loading" part="embed-loading" role="status">${text}</p>`;
}

function renderMeditate(port: WeekPort, week: Week, step: MeditateStep): TemplateResult {
  const s = port.strings;
  const meditation = port.program.content.meditation(step.meditation);
  if (!meditation) return html`<p class="notice" part="placeholder">${s.meditationMissing(step.meditation)}</p>`;
  const state = port.embeds.state(PLAYER_TAG);
  if (state === 'missing') {
    return html`<div class="notice placeholder" part="placeholder">
      <p><strong>${s.playerMissing}</strong></p>
      <p>${isolate((title) => s.playerMissingHint(title, Math.max(1, Math.round(meditation.duration / 60))), meditation.title)}</p>
      ${meditation.description ? html`<p>${meditation.description}</p>` : nothing}
    </div>`;
  }
  const a = port.embedAttributes;
  return html`${state === 'loading' ? loadingLine(s.playerLoading) : nothing}<meditation-player
      embedded
      exportparts=${PLAYER_EXPORTPARTS}
      meditation-id=${step.meditation}
      src=${ifDefined(a.src)}
      storage=${ifDefined(a.storage)}
      theme=${ifDefined(a.theme)}
      @ck-practice-logged=${(e: Event) => onPracticeLogged(port, e, step, week)}
    ></meditation-player>`;
}

function renderReflect(port: WeekPort, week: Week, step: ReflectStep): TemplateResult {
  const s = port.strings;
  const state = port.embeds.state(JOURNAL_TAG);
  if (state !== 'missing') {
    const a = port.embedAttributes;
    // The journal shows the prompt above the entry itself.
    return html`${state === 'loading' ? loadingLine(s.journalLoading) : nothing}<reflection-journal
        embedded
        exportparts=${JOURNAL_EXPORTPARTS}
        template=${step.template}
        prompt=${step.prompt}
        week-id=${week.id}
        step-id=${step.id}
        src=${ifDefined(a.src)}
        storage=${ifDefined(a.storage)}
        theme=${ifDefined(a.theme)}
        @ck-entry-saved=${(e: Event) => onEntrySaved(port, e, step, week)}
      ></reflection-journal>`;
  }
  return html`<div class="prompt" part="prompt">
      <p class="prompt-label">${s.promptLabel}</p>
      <p class="prompt-text">${step.prompt}</p>
    </div>
    <div class="notice placeholder" part="placeholder">
      <p><strong>${s.journalMissing}</strong></p>
      <p>${s.journalMissingHint}</p>
    </div>`;
}

function onPracticeLogged(port: WeekPort, event: Event, step: MeditateStep, week: Week): void {
  const detail = (event as CustomEvent<{ meditationId?: string }>).detail;
  if (detail?.meditationId === step.meditation) void port.steps.setDone(step, week, true, { quiet: true });
}

function onEntrySaved(port: WeekPort, event: Event, step: ReflectStep, week: Week): void {
  const detail = (event as CustomEvent<{ stepId?: string; entryId?: string }>).detail;
  if (detail?.stepId === step.id && detail.entryId) void port.steps.answerSaved(step, week, detail.entryId);
}

function renderNote(port: WeekPort, step: Step, saved: string | undefined, done: boolean, key: string): TemplateResult {
  const { strings: s, steps, program } = port;
  const draft = steps.drafts.get(step.id);
  const changed = draft !== undefined && draft.trim() !== (saved ?? '');
  const recoveredAt = steps.recoveredNotes.get(step.id);
  return html`<div class="note">
    <label for="ck-note-${key}">${s.noteLabel}</label>
    <p class="hint" id="ck-note-hint-${key}">${s.noteHint}</p>
    <textarea id="ck-note-${key}" part="note" rows="3" aria-describedby="ck-note-hint-${key}" .value=${live(draft ?? saved ?? '')} @input=${(e: Event) => steps.noteInput(step, (e.target as HTMLTextAreaElement).value)}></textarea>
    ${done && changed ? html`<button type="button" class="button" ?disabled=${steps.busy.has(step.id)} @click=${() => steps.saveNote(step)}>${s.saveNote}</button>` : nothing}
    ${done && steps.savedNote === step.id && !changed ? html`<span class="step-status">${program.storage.mode === 'memory' ? s.noteKept : s.noteSaved}</span>` : nothing}
    ${recoveredAt !== undefined ? html`<p class="step-status recovered" role="status">${s.noteRecovered(new Intl.DateTimeFormat(port.lang, { timeStyle: 'short' }).format(recoveredAt))}</p>` : nothing}
  </div>`;
}
