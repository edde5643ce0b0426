import { css } from 'lit';

/*
 * Styles that only the journal's views loaded on first use need. Each lazy module exports the
 * pieces it uses as `styles`; LazyViews adopts every piece once, after the element's own styles,
 * so the first screen's stylesheet carries none of them.
 */

/** Panels and forms: framed fieldsets, check rows, file choosers, destructive buttons, success lines. */
export const panelStyles = css`
  /* How far a long import or lock change has come. */
  progress {
    inline-size: 100%;
  }
  .panel h4 {
    margin-block-start: var(--_space-5);
  }
  fieldset:not(.field) {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-md);
    padding: var(--_space-3) var(--_space-4);
    margin: 0 0 var(--_space-4);
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: var(--_space-1);
  }
  textarea {
    min-block-size: var(--_textarea-min);
    max-block-size: 640px;
    resize: vertical;
    field-sizing: content;
    line-height: var(--_line-height);
  }
  input[type='file'] {
    min-block-size: var(--_target-size);
    font: inherit;
    max-inline-size: 100%;
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: var(--_target-size);
    margin-block-end: var(--_space-2);
  }
  .check label {
    font-weight: normal;
  }
  .button.danger {
    color: var(--_color-danger);
    border-color: var(--_color-danger);
  }
  .button.danger:hover {
    background: var(--_color-danger-soft);
  }
  .success {
    border-inline-start: 4px solid var(--_color-success);
    padding-inline-start: var(--_space-3);
  }
`;

/** The question an entry answers (the entry and the print view). */
export const promptStyles = css`
  .prompt {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border-inline-start: 4px solid var(--_color-accent);
    background: var(--_color-accent-soft);
    border-radius: var(--_radius-sm);
    font-size: var(--_font-size-lg);
    white-space: pre-wrap;
  }
  @media print {
    .prompt {
      background: none;
      border-inline-start-color: #999;
    }
  }
`;
