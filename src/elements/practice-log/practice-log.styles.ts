import { css } from 'lit';

export const styles = css`
  :host {
    --_pl-bar: var(--practice-log-bar-color, var(--_color-accent));
    --_pl-bar-current: var(--practice-log-bar-current-color, var(--_color-accent-hover));
    --_pl-bar-empty: var(--practice-log-bar-empty-color, var(--_color-border-strong));
    --_pl-chart-height: var(--practice-log-chart-height, 128px);
    --_pl-radius: var(--practice-log-radius, var(--_radius-lg));
    --_pl-bg: var(--practice-log-background, var(--_color-surface));
  }
  .log {
    display: grid;
    gap: var(--_space-4);
    /* Narrower padding on a phone: 5% of the width, at most the usual space. */
    padding: min(var(--_space-5), 5%);
    border: 1px solid var(--_color-border);
    border-radius: var(--_pl-radius);
    background: var(--_pl-bg);
    color: var(--_color-text);
    min-inline-size: 0;
  }
  /* Inside the course overview the course's own card frames it. */
  :host([embedded]) .log {
    padding: var(--_space-4);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space-3);
  }
  .title {
    flex: 1 1 160px;
    font-size: var(--_font-size-xl);
    margin: 0;
    overflow-wrap: anywhere;
  }
  :host([embedded]) .title {
    font-size: var(--_font-size-lg);
  }
  .subheading {
    font-size: var(--_font-size-md);
    margin: 0 0 var(--_space-2);
  }
  .loading,
  .session-meta,
  .scale {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  .loading,
  .notice,
  .empty p:last-child,
  .totals p:last-child {
    margin: 0;
  }
  .empty-title,
  .total {
    font-weight: 600;
  }
  .totals {
    display: grid;
    gap: var(--_space-1);
  }
  .totals p {
    margin: 0;
  }
  .plot {
    display: grid;
    gap: var(--_space-1);
  }
  .plot svg {
    display: block;
    inline-size: 100%;
    block-size: var(--_pl-chart-height);
    border-block-end: 1px solid var(--_color-border-strong);
    overflow: visible;
  }
  .bar {
    fill: var(--_pl-bar);
    transition:
      y var(--_duration-normal) var(--_easing),
      height var(--_duration-normal) var(--_easing);
  }
  .bar.current {
    fill: var(--_pl-bar-current);
  }
  .bar.empty {
    fill: var(--_pl-bar-empty);
  }
  .labels {
    display: grid;
    /* One column per bar, as wide as the SVG's columns. */
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    margin: var(--_space-1) 0 var(--_space-2);
    padding: 0;
    list-style: none;
    text-align: center;
    font-size: var(--_font-size-sm);
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .labels .current {
    color: var(--_color-text);
    font-weight: 600;
  }
  .toggle {
    padding-inline: var(--_space-2);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block-start: var(--_space-2);
    font-variant-numeric: tabular-nums;
  }
  table[hidden] {
    display: none;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--_space-2);
  }
  th,
  td {
    padding: var(--_space-1) var(--_space-2);
    border-block-end: 1px solid var(--_color-border);
    text-align: end;
  }
  th:first-child {
    text-align: start;
  }
  thead th {
    font-size: var(--_font-size-sm);
    color: var(--_color-text-muted);
  }
  tr.current th {
    font-weight: 700;
  }
  .session-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .session {
    display: grid;
    padding-block: var(--_space-2);
    border-block-end: 1px solid var(--_color-border);
    overflow-wrap: anywhere;
  }
  .session:last-child {
    border-block-end: 0;
  }
  .session-title {
    font-weight: 600;
  }
  [part~='show-more'] {
    margin-block-start: var(--_space-2);
  }
`;
