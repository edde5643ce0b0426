import { html, svg, type TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { PracticeLogStrings } from '../strings.js';
import { toMinutes, type WeekKey, type WeekTotal } from './weeks.js';

/** What the chart needs from the element. */
export interface ChartPort {
  readonly t: PracticeLogStrings;
  readonly totals: readonly WeekTotal[];
  /** The program week today falls in, highlighted. */
  readonly current: number | undefined;
  readonly lastWeek: number;
  readonly tableShown: boolean;
  readonly subheading: StaticValue;
  format(n: number): string;
  toggleTable(): void;
}

// The SVG's own units: each week is one column of COLUMN units, the tallest bar HEIGHT units.
const COLUMN = 10;
const BAR = 6;
const HEIGHT = 100;
/** A week without practice keeps a thin mark on the baseline, so each column is visible. */
const EMPTY_MARK = 1.5;

export function weekLabel(t: PracticeLogStrings, key: WeekKey, lastWeek: number): string {
  return key.kind === 'week' ? t.weekLabel(key.number) : key.kind === 'before' ? t.beforeLabel : t.afterLabel(lastWeek);
}

function shortLabel(t: PracticeLogStrings, key: WeekKey): string {
  return key.kind === 'week' ? t.weekShort(key.number) : key.kind === 'before' ? t.beforeShort : t.afterShort;
}

/**
 * Minutes per week as bars in an inline SVG (labelled as one image: its title and a sentence on
 * what it shows), with the same numbers in a table behind a "Show as table" button. Week labels
 * sit under the SVG in HTML, so the bars can stretch to any width without distorting text.
 */
export function renderChart(port: ChartPort): TemplateResult {
  const { t, totals } = port;
  const minutes = totals.map((w) => toMinutes(w.seconds));
  const top = Math.max(1, ...minutes);
  const width = totals.length * COLUMN;
  const first = weekLabel(t, totals[0]!.key, port.lastWeek);
  const last = weekLabel(t, totals.at(-1)!.key, port.lastWeek);
  const isCurrent = (key: WeekKey) => key.kind === 'week' && key.number === port.current;
  return html`<div class="chart" part="chart">
    ${staticHtml`<${port.subheading} class="subheading" id="chart-title">${t.chartTitle}</${port.subheading}>`}
    <p class="visually-hidden" id="chart-summary">${t.chartSummary(first, last)}</p>
    <div class="plot">
      <span class="scale" aria-hidden="true">${t.chartScale(top)}</span>
      <svg part="chart-svg" role="img" aria-labelledby="chart-title chart-summary" viewBox="0 0 ${width} ${HEIGHT}" preserveAspectRatio="none" focusable="false">
        ${totals.map((w, i) => {
          const h = w.seconds > 0 ? Math.max(EMPTY_MARK * 2, (minutes[i]! / top) * HEIGHT) : EMPTY_MARK;
          const cls = w.seconds > 0 ? (isCurrent(w.key) ? 'bar current' : 'bar') : 'bar empty';
          return svg`<rect part=${w.seconds > 0 ? 'bar' : 'bar bar-empty'} class=${cls} x=${i * COLUMN + (COLUMN - BAR) / 2} y=${HEIGHT - h} width=${BAR} height=${h} rx="1"></rect>`;
        })}
      </svg>
    </div>
    <ol class="labels" aria-hidden="true">
      ${totals.map((w) => html`<li class=${isCurrent(w.key) ? 'current' : ''}>${shortLabel(t, w.key)}</li>`)}
    </ol>
    <button type="button" class="button quiet toggle" part="table-toggle" aria-expanded=${port.tableShown ? 'true' : 'false'} aria-controls="week-table" @click=${() => port.toggleTable()}>
      ${port.tableShown ? t.hideTable : t.showTable}
    </button>
    <table id="week-table" part="table" ?hidden=${!port.tableShown}>
      <caption>${t.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">${t.weekColumn}</th>
          <th scope="col">${t.minutesColumn}</th>
          <th scope="col">${t.sessionsColumn}</th>
        </tr>
      </thead>
      <tbody>
        ${totals.map(
          (w, i) => html`<tr class=${isCurrent(w.key) ? 'current' : ''}>
            <th scope="row">${weekLabel(t, w.key, port.lastWeek)}</th>
            <td>${port.format(minutes[i]!)}</td>
            <td>${port.format(w.sessions)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
