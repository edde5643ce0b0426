import { css } from 'lit';
import { supportCardStyles } from '../../shared/support-card.js';
import { panelStyles, promptStyles } from './view.styles.js';

/** The open entry: its heading row, template fields (choices, scales, feelings), save line and tags. */
const entryStyles = css`
  fieldset.field {
    border: 0;
    padding: 0;
    margin-inline: 0;
    min-inline-size: 0;
  }
  .options,
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .option,
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: var(--_target-size);
    padding-inline: var(--_space-3);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-pill);
    background: var(--_color-surface);
    font-weight: normal;
    cursor: pointer;
  }
  .option:has(input:checked),
  .chip:has(input:checked) {
    background: var(--_color-accent-soft);
    border-color: var(--_color-accent);
    font-weight: 600;
  }
  .option:has(input:focus-visible),
  .chip:has(input:focus-visible) {
    outline: var(--_focus-ring-width) solid var(--_color-focus);
    outline-offset: 2px;
  }
  /*
   * A scale: one row of numbered segments, 1px apart on the border colour. Each is at least 24 px
   * wide (WCAG 2.5.8) and 44 px tall, so 0–10 fits on one row from about 280 px; a longer scale
   * wraps rather than overflows. The native radio covers its segment, invisible but focusable.
   */
  .scale-options {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(24px, 1fr));
    gap: 1px;
    max-inline-size: 576px;
    padding: 1px;
    border-radius: var(--_radius-sm);
    background: var(--_color-border-strong);
  }
  .scale-option {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 0;
    min-block-size: var(--_target-size);
    background: var(--_color-surface);
    font-weight: normal;
    font-variant-numeric: tabular-nums;
    cursor: pointer;
  }
  .scale-option:first-child {
    border-start-start-radius: calc(var(--_radius-sm) - 1px);
    border-end-start-radius: calc(var(--_radius-sm) - 1px);
  }
  .scale-option:last-child {
    border-start-end-radius: calc(var(--_radius-sm) - 1px);
    border-end-end-radius: calc(var(--_radius-sm) - 1px);
  }
  .scale-option input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .scale-option:hover {
    background: var(--_color-surface-alt);
  }
  .scale-option:has(input:checked) {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
    font-weight: 600;
  }
  .scale-option:has(input:focus-visible) {
    z-index: 1;
    outline: var(--_focus-ring-width) solid var(--_color-focus);
    outline-offset: 1px;
  }
  .scale-option:has(input:disabled) {
    cursor: default;
    opacity: 0.6;
  }
  .scale-box {
    container-type: inline-size;
  }
  /* Under about 280 px, 0–10 cannot keep 24 px segments on one row: two even rows of keys instead,
     each with its own border, so no empty cell shows. */
  @container (max-width: 278.4px) {
    .scale-options.balanced {
      grid-template-columns: repeat(6, minmax(24px, 1fr));
      gap: var(--_space-1);
      padding: 0;
      background: none;
    }
    .balanced .scale-option {
      border: 1px solid var(--_color-border-strong);
      border-radius: var(--_radius-sm);
    }
  }
  .scale-ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-3);
    max-inline-size: 576px;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  .scale-ends span:last-child {
    text-align: end;
  }
  .clear {
    justify-self: start;
  }
  .context {
    margin-block-start: calc(-1 * var(--_space-2));
  }
  /* An embedded entry: its heading (an h5 under the course's step) with the Lock button beside it. */
  .entry-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    margin-block-end: var(--_space-3);
  }
  .entry-head .view-title {
    flex: 1 1 192px;
    margin: 0;
    font-size: var(--_font-size-lg);
  }
  .entry-head .button {
    margin-inline-start: auto;
  }
  .entry-head + .context {
    margin-block-start: 0;
  }
  .guidance {
    margin-block-end: var(--_space-4);
    color: var(--_color-text);
  }
  .guidance > summary {
    display: flex;
    align-items: center;
    inline-size: fit-content;
    min-block-size: var(--_target-size);
    font-weight: 600;
    cursor: pointer;
  }
  .guidance > :last-child {
    margin-block-end: 0;
  }
  .save-row {
    min-block-size: 1.6em;
  }
  .save-state {
    margin: 0;
    font-weight: 600;
  }
  .save-state[data-state='full'],
  .save-state[data-state='retrying'],
  .save-state[data-state='locked'],
  .save-state[data-state='conflict'] {
    color: var(--_color-danger);
  }
  .save-state[data-state='saved'] {
    color: var(--_color-success);
  }
  /* One entry (a course step): the answer first; title, tags and the entry's actions behind "More". */
  .more {
    margin-block-start: var(--_space-2);
  }
  .more-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .more-icon {
    inline-size: 0.5em;
    block-size: 0.5em;
    border-block-end: 2px solid currentColor;
    border-inline-end: 2px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
  }
  .more-button[aria-expanded='true'] .more-icon {
    transform: translateY(25%) rotate(-135deg);
  }
  .more-panel {
    margin-block-start: var(--_space-3);
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_color-border);
  }
  .more-panel[hidden] {
    display: none;
  }
  .more-panel .actions {
    margin-block-end: var(--_space-3);
  }
  /* Text recovered from a page that closed before saving (the list shows it too, once this arrives). */
  .recovered {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_color-success);
    padding-inline-start: var(--_space-3);
    margin-block: 0 var(--_space-4);
  }
  .recovered p {
    margin: 0;
    flex: 1 1 256px;
  }
  .tags.editable .tag {
    padding-inline-end: 0;
  }
  .tag-remove {
    min-inline-size: var(--_target-size);
    min-block-size: var(--_target-size);
    border: 0;
    border-radius: var(--_radius-pill);
    background: none;
    color: var(--_color-text);
    font: inherit;
    font-size: var(--_font-size-lg);
    cursor: pointer;
  }
  .tag-remove:hover {
    background: var(--_color-border);
  }
  .tag-add {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .tag-add input {
    flex: 1 1 160px;
    inline-size: auto;
  }
`;

/** Everything the open entry adds to the journal's styles when it first loads. */
export const styles = [panelStyles, promptStyles, entryStyles, supportCardStyles];
