import { css, html, nothing, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { Measure, Program, ScoreBand } from '../../../sdk/content/types.js';
import { scoreRange, scoresByWeek, type WeekScore } from '../../../sdk/measures/score.js';
import type { CompassionProgram } from '../../../sdk/program.js';

/** The words of "Your scores so far" (the measure's title and bands are the clinic's). */
export interface ScoresStrings {
  heading: string;
  /** The sentence a screen reader hears for the chart. */
  summary: (title: string, points: string, low: string, high: string) => string;
  /** One point of that sentence: "week 1: 9". */
  point: (week: number, score: string) => string;
  /** Nothing answered yet for this measure. */
  none: (title: string, weeks: string) => string;
  range: (low: string, high: string) => string;
  showTable: string;
  hideTable: string;
  weekColumn: string;
  scoreColumn: string;
  bandColumn: string;
  week: (n: number) => string;
  weekShort: (n: number) => string;
  /** Too many questions left out that week for a score. */
  noScore: string;
  private: string;
}

export const EN_SCORES_STRINGS: ScoresStrings = {
  heading: 'Your scores so far',
  summary: (title, points, low, high) => `${title}, on a range from ${low} to ${high}: ${points}.`,
  point: (week, score) => `week ${week}: ${score}`,
  none: (title, weeks) => `${title} is offered in weeks ${weeks}. Your scores will show here after you answer it.`,
  range: (low, high) => `Range ${low} to ${high}`,
  showTable: 'Show as table',
  hideTable: 'Hide table',
  weekColumn: 'Week',
  scoreColumn: 'Score',
  bandColumn: 'What it may mean',
  week: (n) => `Week ${n}`,
  weekShort: (n) => String(n),
  noScore: 'not enough answers',
  private: 'Worked out on this device from your answers; nothing is sent anywhere.',
};

// SVG units: one column per program week, HEIGHT for the whole score range.
const COLUMN = 10;
const HEIGHT = 100;

type Point = WeekScore;

/**
 * Where each band is drawn: from halfway to the band below to halfway to the band above (the
 * range's ends for the first and last), so whole-number bands such as 0–7 and 8–14 meet with no
 * gap between them.
 */
function bandAreas(bands: readonly ScoreBand[], low: number, high: number): { from: number; to: number }[] {
  return bands.map((b) => {
    const below = Math.max(...bands.filter((o) => o.max < b.min).map((o) => o.max), -Infinity);
    const above = Math.min(...bands.filter((o) => o.min > b.max).map((o) => o.min), Infinity);
    return { from: below === -Infinity ? Math.max(low, b.min) : (below + b.min) / 2, to: above === Infinity ? Math.min(high, b.max) : (b.max + above) / 2 };
  });
}

/**
 * "Your scores so far" in the practice log: for each measure of the program, a line through the
 * scores of the weeks it was answered in, drawn over the clinic's bands, with the same numbers in
 * a table. Loaded only for a program that has measures; follows the participant's progress.
 */
export class ScoresView implements ReactiveController {
  private stop: (() => void) | undefined;
  private followed: CompassionProgram | undefined;
  private readonly tables = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly program: () => CompassionProgram | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    this.followed = undefined;
  }

  render(options: { heading: StaticValue; locale: string | undefined; strings?: Partial<ScoresStrings> }): TemplateResult | typeof nothing {
    const program = this.program();
    if (!program) return nothing;
    if (program !== this.followed) {
      this.stop?.();
      this.followed = program;
      this.stop = program.progress.subscribe(() => this.host.requestUpdate());
    }
    const measures = program.content.program.measures ?? [];
    if (!measures.length || !program.progress.snapshot.loaded) return nothing;
    const t = { ...EN_SCORES_STRINGS, ...options.strings };
    const number = new Intl.NumberFormat(options.locale, { maximumFractionDigits: 2 });
    const answers = (stepId: string) => program.progress.snapshot.completed.get(stepId)?.answers;
    return html`<div class="scores" part="scores">
      ${staticHtml`<${options.heading} class="subheading">${t.heading}</${options.heading}>`}
      ${measures.map((m) => this.renderMeasure(program.content.program, m, scoresByWeek(program.content.program, m, answers), t, (n) => number.format(n)))}
      <p class="scores-private">${t.private}</p>
    </div>`;
  }

  private renderMeasure(program: Program, m: Measure, points: Point[], t: ScoresStrings, format: (n: number) => string): TemplateResult {
    const id = `scores-${m.id}`;
    if (!points.length) return html`<p class="scores-none">${t.none(m.title, m.weeks.join(', '))}</p>`;
    const weeks = program.weeks.length;
    const { low, high } = scoreRange(m, m.scoring.method, m.items.length);
    const span = high - low || 1;
    const x = (week: number) => (week - 0.5) * COLUMN;
    const y = (score: number) => HEIGHT - ((score - low) / span) * HEIGHT;
    const scored = points.filter((p): p is Point & { score: number } => p.score !== null);
    const bands = m.scoring.bands ?? [];
    const tableShown = this.tables.has(m.id);
    const said = scored.map((p) => t.point(p.week, format(p.score))).join(', ');
    return html`<figure class="score-chart" part="score-chart">
      <figcaption id="${id}-title" class="score-title">${m.title}</figcaption>
      <p class="visually-hidden" id="${id}-summary">${t.summary(m.title, said, format(low), format(high))}</p>
      <span class="scale" aria-hidden="true">${t.range(format(low), format(high))}</span>
      <svg part="score-svg" role="img" aria-labelledby="${id}-title ${id}-summary" viewBox="0 0 ${weeks * COLUMN} ${HEIGHT}" preserveAspectRatio="none" focusable="false">
        ${bandAreas(bands, low, high).map(({ from, to }, i) => svg`<rect class="band band-${i % 3}" x="0" width=${weeks * COLUMN} y=${y(to)} height=${Math.max(0, y(from) - y(to))}></rect>`)}
        ${scored.length > 1 ? svg`<polyline class="score-line" points=${scored.map((p) => `${x(p.week)},${y(p.score)}`).join(' ')}></polyline>` : nothing}
        ${scored.map((p) => svg`<line class="score-point" x1=${x(p.week)} x2=${x(p.week)} y1=${y(p.score)} y2=${y(p.score)}></line>`)}
      </svg>
      <ol class="labels" aria-hidden="true">
        ${program.weeks.map((w) => html`<li class=${points.some((p) => p.week === w.number) ? 'current' : ''}>${t.weekShort(w.number)}</li>`)}
      </ol>
      ${bands.length
        ? html`<ul class="band-legend" aria-hidden="true">
            ${bands.map((b, i) => html`<li><span class="swatch band-${i % 3}"></span>${b.label}</li>`)}
          </ul>`
        : nothing}
      <button type="button" class="button quiet toggle" part="table-toggle" aria-expanded=${tableShown ? 'true' : 'false'} aria-controls="${id}-table" @click=${() => this.toggle(m.id)}>
        ${tableShown ? t.hideTable : t.showTable}
      </button>
      <table id="${id}-table" part="table" ?hidden=${!tableShown}>
        <caption>${m.title}</caption>
        <thead>
          <tr>
            <th scope="col">${t.weekColumn}</th>
            <th scope="col">${t.scoreColumn}</th>
            ${bands.length ? html`<th scope="col">${t.bandColumn}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${points.map(
            (p) => html`<tr>
              <th scope="row">${t.week(p.week)}</th>
              <td>${p.score === null ? t.noScore : format(p.score)}</td>
              ${bands.length ? html`<td class="band-cell">${p.band?.label ?? ''}</td>` : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </figure>`;
  }

  private toggle(id: string): void {
    if (!this.tables.delete(id)) this.tables.add(id);
    this.host.requestUpdate();
  }
}

export const scoresStyles = css`
  .scores {
    display: grid;
    gap: var(--_space-2);
  }
  .score-chart {
    margin: 0;
    display: grid;
    gap: var(--_space-1);
  }
  .score-title {
    font-weight: 600;
  }
  .score-chart svg {
    display: block;
    inline-size: 100%;
    block-size: var(--_pl-chart-height);
    border-block-end: 1px solid var(--_color-border-strong);
    overflow: visible;
  }
  .band {
    fill: var(--_color-accent);
  }
  rect.band-0 {
    fill-opacity: 0.08;
  }
  rect.band-1 {
    fill-opacity: 0.16;
  }
  rect.band-2 {
    fill-opacity: 0.26;
  }
  .swatch.band-0 {
    background: color-mix(in srgb, var(--_color-accent) 8%, var(--_color-surface));
  }
  .swatch.band-1 {
    background: color-mix(in srgb, var(--_color-accent) 16%, var(--_color-surface));
  }
  .swatch.band-2 {
    background: color-mix(in srgb, var(--_color-accent) 26%, var(--_color-surface));
  }
  .score-line {
    fill: none;
    stroke: var(--_color-text);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }
  /* A zero-length line with round caps: a dot that keeps its shape however the chart stretches. */
  .score-point {
    stroke: var(--_color-text);
    stroke-width: 10;
    stroke-linecap: round;
    vector-effect: non-scaling-stroke;
  }
  .band-legend {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-1);
    font-size: var(--_font-size-sm);
  }
  .band-legend li {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .swatch {
    display: inline-block;
    inline-size: 16px;
    block-size: 16px;
    border-radius: 4px;
    border: 1px solid var(--_color-border-strong);
  }
  .band-cell {
    text-align: start;
  }
  .scores-none,
  .scores-private {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
`;
