import { css } from 'lit';

/** Labelled fields and text inputs, the same in every element (touch targets at least 24 px). */
export const forms = css`
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-1);
    margin-block-end: var(--_space-4);
  }
  fieldset.field {
    border: 0;
    padding: 0;
    margin-inline: 0;
    min-inline-size: 0;
  }
  .field > label,
  .field > legend,
  .field > span:first-child {
    font-weight: 600;
  }
  .field .help {
    margin: 0;
    font-size: var(--_font-size-sm);
    color: var(--_color-text-muted);
  }
  input[type='text'],
  input[type='search'],
  input[type='password'],
  input[type='number'],
  input:not([type]),
  select,
  textarea {
    min-block-size: var(--_target-size);
    inline-size: 100%;
    max-inline-size: 100%;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-sm);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }
  textarea {
    resize: vertical;
  }
`;
