import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Measure, MeasureItem, Program } from '../../../../sdk/content/types.js';
import { SupportOfferedEvent } from '../../../../sdk/support-offered.js';
import { itemsAtThreshold, reachesThreshold, scoreMeasure, scoreRange, type MeasureAnswers, type PartScore } from '../../../../sdk/measures/score.js';
import type { CompassionProgram } from '../../../../sdk/program.js';
import { renderMarkdown } from '../../../shared/markdown.js';
import { EN_SUPPORT_CARD_STRINGS, renderSupportCard, supportCardStyles, type SupportCardStrings } from '../../../shared/support-card.js';

/** Every word a questionnaire step writes itself (the items, the scale and the bands are the clinic's). */
export interface MeasureStrings extends SupportCardStrings {
  /** "Question 2 of 5", shown where one question fits the screen at a time. */
  itemPosition: (number: number, total: number) => string;
  back: string;
  next: string;
  /** Saves the answers and shows the score. */
  finish: string;
  saving: string;
  saveFailed: (message: string) => string;
  /** The summary's heading. */
  summaryHeading: string;
  /** "Your score: 12, on a range from 0 to 20." */
  score: (score: string, low: string, high: string) => string;
  /** Too many questions were skipped for a score. */
  noScore: (skipped: number) => string;
  subscalesHeading: string;
  subscaleScore: (title: string, score: string) => string;
  answerAgain: string;
  /** Where the participant's answers go: nowhere. */
  privacy: string;
  missing: (id: string) => string;
}

export const EN_MEASURE_STRINGS: MeasureStrings = {
  ...EN_SUPPORT_CARD_STRINGS,
  itemPosition: (number, total) => `Question ${number} of ${total}`,
  // Not plain "Back" and "Next": the week's step bar below has those, for the week's parts.
  back: 'Previous question',
  next: 'Next question',
  finish: 'See my answers',
  saving: 'Saving…',
  saveFailed: (message) => `Your answers could not be saved. ${message}`,
  summaryHeading: 'Your answers are saved',
  score: (score, low, high) => `Your score: ${score}, on a range from ${low} to ${high}.`,
  noScore: (skipped) => `${skipped} question${skipped === 1 ? ' was' : 's were'} left out, which is too many for a score this time. That is fine: you can answer again whenever you like.`,
  subscalesHeading: 'In parts',
  subscaleScore: (title, score) => `${title}: ${score}`,
  answerAgain: 'Answer again',
  privacy: 'Your answers and your score stay on this device.',
  missing: (id) => `This questionnaire ("${id}") is not in the program. Please tell the clinic.`,
};

interface FormState {
  /** The question shown where one fits the screen at a time. */
  index: number;
  answers: Record<string, number | null>;
  /** Answering (true) or reading the summary of saved answers (false). */
  answering: boolean;
  saving: boolean;
  error?: string;
  /** Urgent items whose card has been offered (each once). */
  urgentOffered: Set<string>;
}

export interface MeasureFormOptions {
  program(): CompassionProgram | undefined;
  /** Saves the answers, which makes the step done (the course's events follow). */
  save(stepId: string, answers: Readonly<Record<string, number | null>>): Promise<void>;
  openSupport(): void;
  strings(): MeasureStrings;
}

/**
 * The questionnaire steps of a course: their answers while being given, the save, the summary
 * with the score and the clinic's band, and the support card when an answer reaches an item's
 * threshold. Scores are worked out here, on the device; nothing is sent anywhere.
 */
export class MeasureFormController implements ReactiveController {
  private readonly forms = new Map<string, FormState>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: MeasureFormOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  private form(stepId: string): FormState {
    let form = this.forms.get(stepId);
    if (!form) {
      const saved = this.options.program()?.progress.snapshot.completed.get(stepId)?.answers;
      form = { index: 0, answers: { ...saved }, answering: !saved, saving: false, urgentOffered: new Set() };
      this.forms.set(stepId, form);
    }
    return form;
  }

  private update(stepId: string, change: Partial<FormState>): void {
    this.forms.set(stepId, { ...this.form(stepId), ...change });
    this.host.requestUpdate();
  }

  private offered(): void {
    this.host.dispatchEvent(new SupportOfferedEvent());
  }

  private answer(stepId: string, item: MeasureItem, value: number): void {
    const form = this.form(stepId);
    const answers = { ...form.answers, [item.id]: value };
    let urgentOffered = form.urgentOffered;
    if (item.threshold?.urgent && reachesThreshold(item.threshold, value) && !urgentOffered.has(item.id)) {
      urgentOffered = new Set(urgentOffered).add(item.id);
      this.offered();
    }
    this.update(stepId, { answers, urgentOffered, error: undefined });
  }

  private move(stepId: string, by: number, count: number, focusIn: HTMLElement): void {
    const index = Math.min(count - 1, Math.max(0, this.form(stepId).index + by));
    this.update(stepId, { index });
    // The next question's first choice takes focus, so a keyboard stays in the questionnaire.
    void this.host.updateComplete.then(() => focusIn.querySelector<HTMLElement>('.measure-item.current legend')?.focus());
  }

  private async finish(stepId: string, measure: Measure): Promise<void> {
    const program = this.options.program();
    if (!program) return;
    const form = this.form(stepId);
    const answers: Record<string, number | null> = {};
    for (const item of measure.items) answers[item.id] = form.answers[item.id] ?? null;
    this.update(stepId, { saving: true, error: undefined });
    try {
      await this.options.save(stepId, answers);
      this.update(stepId, { saving: false, answering: false, answers });
      // Offered once, after the questionnaire, for answers at a threshold that were not urgent (those were offered already).
      if (itemsAtThreshold(measure, answers).some((i) => !form.urgentOffered.has(i.id))) this.offered();
      await this.host.updateComplete;
      // The questions are gone: focus goes to the summary's heading, which says the answers are saved.
      this.host.shadowRoot?.querySelector<HTMLElement>(`[data-measure-summary="${CSS.escape(stepId)}"] h5`)?.focus();
    } catch (error) {
      this.update(stepId, { saving: false, error: this.options.strings().saveFailed(error instanceof Error ? error.message : String(error)) });
    }
  }

  /** The questionnaire of a `measure` step: its questions, or the summary once answered. */
  render(stepId: string, measureId: string, key: string): TemplateResult {
    const program = this.options.program();
    const s = this.options.strings();
    const measure = program?.content.program.measures?.find((m) => m.id === measureId);
    if (!program || !measure) return html`<p class="notice" part="placeholder">${s.missing(measureId)}</p>`;
    const form = this.form(stepId);
    return form.answering ? this.renderQuestions(program.content.program, stepId, measure, form, key) : this.renderSummary(program.content.program, stepId, measure, form, key);
  }

  private renderQuestions(program: Program, stepId: string, measure: Measure, form: FormState, key: string): TemplateResult {
    const s = this.options.strings();
    const count = measure.items.length;
    const last = form.index === count - 1;
    const root = (e: Event) => (e.currentTarget as HTMLElement).closest<HTMLElement>('.measure')!;
    return html`<div class="measure" part="measure">
      ${measure.instructions ? html`<div class="prose measure-instructions">${renderMarkdown(measure.instructions, { headingLevel: 5, baseUrl: undefined })}</div>` : nothing}
      <p class="measure-position one-at-a-time" aria-live="polite">${s.itemPosition(form.index + 1, count)}</p>
      <ol class="measure-items">
        ${measure.items.map((item, i) => {
          const urgent = item.threshold?.urgent && form.urgentOffered.has(item.id) && reachesThreshold(item.threshold, form.answers[item.id] ?? NaN);
          return html`<li class="measure-item ${i === form.index ? 'current' : ''}">
            <fieldset class="measure-question" part="measure-question">
              <legend tabindex="-1" dir="auto">${item.text}</legend>
              <div class="measure-options">
                ${measure.scale.map(
                  (option) => html`<label class="measure-option">
                    <input
                      type="radio"
                      name="ck-measure-${key}-${item.id}"
                      .value=${String(option.value)}
                      .checked=${live(form.answers[item.id] === option.value)}
                      @change=${() => this.answer(stepId, item, option.value)}
                    />
                    <span dir="auto">${option.label}</span>
                  </label>`,
                )}
              </div>
            </fieldset>
            ${urgent ? renderSupportCard(program.support?.resources ?? [], s, () => this.options.openSupport(), true) : nothing}
          </li>`;
        })}
      </ol>
      <div class="measure-nav">
        <button type="button" class="button secondary one-at-a-time" part="measure-back" ?disabled=${form.index === 0} @click=${(e: Event) => this.move(stepId, -1, count, root(e))}>${s.back}</button>
        <button type="button" class="button secondary one-at-a-time ${last ? 'gone' : ''}" part="measure-next" @click=${(e: Event) => this.move(stepId, 1, count, root(e))}>${s.next}</button>
        <button type="button" class="button all-at-once ${last ? 'last' : ''}" part="measure-finish" ?disabled=${form.saving} @click=${() => void this.finish(stepId, measure)}>
          ${form.saving ? s.saving : s.finish}
        </button>
      </div>
      ${form.error ? html`<p class="error" role="alert">${form.error}</p>` : nothing}
    </div>`;
  }

  private renderSummary(program: Program, stepId: string, measure: Measure, form: FormState, key: string): TemplateResult {
    const s = this.options.strings();
    const locale = program.locale;
    const number = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 2 });
    const result = scoreMeasure(measure, form.answers as MeasureAnswers);
    const range = scoreRange(measure, measure.scoring.method, measure.items.length);
    const atThreshold = itemsAtThreshold(measure, form.answers as MeasureAnswers).length > 0;
    const byId = new Map((measure.subscales ?? []).map((sub) => [sub.id, sub]));
    const subscales = Object.entries(result.subscales).filter(([, part]) => part.score !== null);
    return html`<div class="measure measure-summary" part="measure-summary" data-measure-summary=${stepId}>
      <h5 tabindex="-1" id="ck-measure-${key}">${s.summaryHeading}</h5>
      ${result.score === null ? html`<p>${s.noScore(result.missing)}</p>` : html`<p class="measure-score" part="measure-score">${s.score(number(result.score), number(range.low), number(range.high))}</p>${this.renderBand(result)}`}
      ${subscales.length
        ? html`<h6>${s.subscalesHeading}</h6>
            <ul class="measure-subscales">
              ${subscales.map(([id, part]) => html`<li>${s.subscaleScore(byId.get(id)?.title ?? id, number(part.score!))}${part.band ? html` · ${part.band.label}` : nothing}</li>`)}
            </ul>`
        : nothing}
      ${atThreshold ? renderSupportCard(program.support?.resources ?? [], s, () => this.options.openSupport()) : nothing}
      ${measure.notice ? html`<p class="measure-notice">${measure.notice}</p>` : nothing}
      <p class="measure-notice">${s.privacy}</p>
      <button type="button" class="button secondary" part="measure-again" @click=${() => this.update(stepId, { answering: true, index: 0 })}>${s.answerAgain}</button>
    </div>`;
  }

  /** The same calm card, for a saved practice note whose words offered it. */
  supportCard(): TemplateResult {
    return renderSupportCard(this.options.program()?.content.program.support?.resources ?? [], this.options.strings(), () => this.options.openSupport());
  }

  private renderBand(part: PartScore): TemplateResult | typeof nothing {
    if (!part.band) return nothing;
    return html`<p class="measure-band" part="measure-band"><strong>${part.band.label}</strong>${part.band.text ? html`<br />${part.band.text}` : nothing}</p>`;
  }
}

export const measureStyles = [supportCardStyles, css`
  .measure {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: var(--_space-3);
  }
  .measure > * {
    margin-block: 0;
  }
  .measure-items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space-4);
  }
  .measure-question {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .measure-question legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: var(--_space-2);
  }
  /* Wide: the answers of a question side by side in even columns, as many as fit. */
  .measure-options {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(112px, 1fr));
    gap: var(--_space-2);
  }
  .measure-option {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: var(--_target-size);
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-sm);
    background: var(--_color-surface);
    cursor: pointer;
  }
  .measure-option input {
    inline-size: 24px;
    block-size: 24px;
    margin: 0;
    flex: none;
    accent-color: var(--_color-accent);
  }
  .measure-option:has(input:checked) {
    border-color: var(--_color-accent);
    box-shadow: inset 0 0 0 1px var(--_color-accent);
  }
  .measure-option:has(input:focus-visible) {
    outline: 2px solid var(--_color-focus, var(--_color-accent));
    outline-offset: 2px;
  }
  .measure-nav {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  /* Wide: every question in a compact list, one button to finish. */
  .one-at-a-time {
    display: none;
  }
  /* A phone: one question at a time, with Back and Next, and the finish button on the last. */
  @container (max-width: 512px) {
    .measure-item:not(.current) {
      display: none;
    }
    .measure-options {
      grid-template-columns: minmax(0, 1fr);
    }
    .measure-option {
      min-block-size: 44px;
    }
    .one-at-a-time {
      display: revert;
    }
    .measure-nav .one-at-a-time.gone,
    .measure-nav .all-at-once:not(.last) {
      display: none;
    }
  }
  .measure-score {
    font-size: var(--_font-size-lg);
  }
  .measure-notice {
    font-size: var(--_font-size-sm);
    color: var(--_color-text-muted);
  }
  .measure-subscales {
    margin: 0;
    padding-inline-start: var(--_space-4);
  }
`];
