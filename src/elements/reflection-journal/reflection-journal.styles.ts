import { css } from 'lit';

export const styles = css`
  :host {
    --_max-width: var(--reflection-journal-max-width, 48rem);
    --_padding: var(--reflection-journal-padding, var(--_space-5));
    --_background: var(--reflection-journal-background, var(--_color-surface));
    --_radius: var(--reflection-journal-radius, var(--_radius-lg));
    --_textarea-min: var(--reflection-journal-textarea-min-height, 8rem);
    container-type: inline-size;
  }
  .journal {
    max-inline-size: var(--_max-width);
    padding: var(--_padding);
    background: var(--_background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  @container (max-width: 30rem) {
    .journal {
      padding: var(--_space-3);
    }
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    margin-block-end: var(--_space-4);
  }
  .header .title {
    flex: 1 1 12rem;
    margin: 0;
    font-size: var(--_font-size-xl);
  }
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }
  h3 {
    font-size: var(--_font-size-lg);
  }
  h4,
  h5,
  h6 {
    font-size: var(--_font-size-md);
  }
  .view-title:focus,
  #history-title:focus,
  #preview-title:focus {
    outline: none;
  }
  .loading,
  .help,
  .meta {
    color: var(--_color-text-muted);
  }
  .help,
  .meta {
    font-size: var(--_font-size-sm);
  }
  .banner,
  .error,
  .notice {
    margin-block: 0 var(--_space-4);
  }
  .banner p:last-child,
  .error p:last-child,
  .notice p:last-child {
    margin-block-end: 0;
  }
  .banner .button {
    margin-block-start: var(--_space-2);
  }
  .success {
    border-inline-start: 4px solid var(--_color-success);
    padding-inline-start: var(--_space-3);
  }
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

  /* Sections */
  nav ul {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    padding: 0;
    margin: 0 0 var(--_space-4);
    border-block-end: 1px solid var(--_color-border);
  }
  .nav-item {
    min-block-size: var(--_target-size);
    padding-inline: var(--_space-3);
    border: 0;
    border-block-end: 3px solid transparent;
    background: none;
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
  }
  .nav-item:hover {
    background: var(--_color-surface-alt);
  }
  .nav-item[aria-current='page'] {
    border-block-end-color: var(--_color-accent);
    font-weight: 600;
  }

  /* Forms */
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
  fieldset:not(.field) {
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-md);
    padding: var(--_space-3) var(--_space-4);
    margin: 0 0 var(--_space-4);
    min-inline-size: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-block-end: var(--_space-1);
  }
  .field .help {
    margin: 0;
  }
  input[type='text'],
  input[type='search'],
  input[type='password'],
  input:not([type]),
  select,
  textarea {
    inline-size: 100%;
    min-block-size: var(--_target-size);
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-sm);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }
  textarea {
    min-block-size: var(--_textarea-min);
    max-block-size: 40rem;
    resize: vertical;
    field-sizing: content;
    line-height: var(--_line-height);
  }
  input[type='file'] {
    min-block-size: var(--_target-size);
    font: inherit;
    max-inline-size: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_color-accent);
    flex: none;
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
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-block: var(--_space-3);
  }
  .button.danger {
    color: var(--_color-danger);
    border-color: var(--_color-danger);
  }
  .button.danger:hover {
    background: var(--_color-danger-soft);
  }
  .link {
    display: inline;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-accent);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .link:hover {
    color: var(--_color-accent-hover);
  }

  /* Choices, scales, feelings */
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

  /* Entry */
  .entry-bar {
    margin-block-end: var(--_space-3);
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
  .prompt {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3) var(--_space-4);
    border-inline-start: 4px solid var(--_color-accent);
    background: var(--_color-accent-soft);
    border-radius: var(--_radius-sm);
    font-size: var(--_font-size-lg);
    white-space: pre-wrap;
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
  .tags {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    padding: 0;
    margin: 0 0 var(--_space-2);
  }
  .tag {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    padding: 0 var(--_space-2);
    border-radius: var(--_radius-pill);
    background: var(--_color-surface-alt);
    font-size: var(--_font-size-sm);
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
  /* List */
  .new-entry {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-2);
    margin-block-end: var(--_space-4);
  }
  .new-entry label {
    flex-basis: 100%;
  }
  .new-entry select {
    flex: 1 1 12rem;
    inline-size: auto;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
    gap: 0 var(--_space-3);
  }
  .filters .search {
    grid-column: 1 / -1;
  }
  .result-count {
    margin-block-end: var(--_space-2);
  }
  .selection .help {
    margin-inline-end: var(--_space-1);
  }
  .group-title {
    margin-block: var(--_space-5) var(--_space-2);
    color: var(--_color-text-muted);
  }
  .cards {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .card {
    display: flex;
    gap: var(--_space-3);
    align-items: flex-start;
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-md);
    background: var(--_color-surface);
  }
  .card > input[type='checkbox'] {
    margin-block-start: 0.75rem;
  }
  .card-body {
    flex: 1;
    min-inline-size: 0;
  }
  .card-title {
    margin: 0;
    font-size: var(--_font-size-md);
  }
  .card-title .link {
    min-block-size: var(--_target-size);
    font-weight: 600;
  }
  .card .meta,
  .card .excerpt {
    margin-block: 0 var(--_space-1);
  }
  .empty {
    padding: var(--_space-4);
    border: 1px dashed var(--_color-border-strong);
    border-radius: var(--_radius-md);
  }
  .starts {
    list-style: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .storage-line {
    margin-block: var(--_space-5) 0;
  }
  .announce {
    margin: var(--_space-3) 0 0;
    min-block-size: 1px;
  }
  .announce:empty {
    margin: 0;
  }

  /* Panels */
  .panel h4 {
    margin-block-start: var(--_space-5);
  }
  .unlock {
    max-inline-size: 28rem;
  }
  @media print {
    :host {
      color: #000;
    }
    .journal {
      border: 0;
      padding: 0;
      max-inline-size: none;
      background: none;
    }
    .header .header-actions,
    nav,
    .banner,
    .no-print,
    .storage-line,
    .announce,
    .undo,
    button,
    .ck-support-button {
      display: none !important;
    }
    .prompt {
      background: none;
      border-inline-start-color: #999;
    }
  }
`;
