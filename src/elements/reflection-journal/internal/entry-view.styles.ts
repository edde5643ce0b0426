import { css } from 'lit';
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
  .chips,
  .scale-options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .option,
  .chip,
  .scale-option {
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
  .scale-option {
    min-inline-size: var(--_target-size);
    justify-content: center;
    border-radius: var(--_radius-sm);
    padding-inline: var(--_space-2);
  }
  .option:has(input:checked),
  .chip:has(input:checked),
  .scale-option:has(input:checked) {
    background: var(--_color-accent-soft);
    border-color: var(--_color-accent);
    font-weight: 600;
  }
  .option:has(input:focus-visible),
  .chip:has(input:focus-visible),
  .scale-option:has(input:focus-visible) {
    outline: var(--_focus-ring-width) solid var(--_color-focus);
    outline-offset: 2px;
  }
  .scale-ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_space-3);
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
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
    flex: 1 1 12rem;
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
    flex: 1 1 16rem;
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
    flex: 1 1 10rem;
    inline-size: auto;
  }
`;

/** Everything the open entry adds to the journal's styles when it first loads. */
export const styles = [panelStyles, promptStyles, entryStyles];
