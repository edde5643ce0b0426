import { css } from 'lit';

export const styles = css`
  :host {
    --_max-width: var(--reflection-journal-max-width, 768px);
    --_padding: var(--reflection-journal-padding, var(--_space-5));
    --_background: var(--reflection-journal-background, var(--_color-surface));
    --_radius: var(--reflection-journal-radius, var(--_radius-lg));
    --_textarea-min: var(--reflection-journal-textarea-min-height, 128px);
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
  /* Inside a course step, which is already a card: no card of its own, so the writing gets the width. */
  :host([embedded]) .journal {
    padding: 0;
    border: 0;
    background: none;
  }
  @container (max-width: 480px) {
    :host(:not([embedded])) .journal {
      padding: var(--_space-3);
    }
    .header {
      margin-block-end: var(--_space-2);
    }
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    margin-block-end: var(--_space-3);
  }
  .header .title {
    flex: 1 1 192px;
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
  .view-title:focus {
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

  /* Sections, the New entry menu and the filters: disclosures whose panels sit in the flow below */
  nav {
    margin-block-end: var(--_space-2);
    border-block-end: 1px solid var(--_color-border);
  }
  .chevron {
    inline-size: 0.45em;
    block-size: 0.45em;
    margin-inline-start: var(--_space-2);
    border-block-end: 2px solid currentColor;
    border-inline-end: 2px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
  }
  [aria-expanded='true'] > .chevron {
    transform: translateY(25%) rotate(-135deg);
  }
  .menu {
    list-style: none;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 208px), 1fr));
    gap: var(--_space-1);
    padding: 0;
    margin: var(--_space-2) 0 var(--_space-3);
  }
  .menu[hidden],
  #find[hidden] {
    display: none;
  }
  .nav-item,
  .menu-item {
    inline-size: 100%;
    min-block-size: var(--_target-size);
    padding-inline: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-sm);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .nav-item:hover,
  .menu-item:hover {
    background: var(--_color-surface-alt);
  }
  .nav-item[aria-current='page'] {
    border-inline-start: 4px solid var(--_color-accent);
    font-weight: 600;
  }
  /* Forms */
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-1);
    margin-block-end: var(--_space-4);
  }
  label {
    font-weight: 600;
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
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 20px;
    block-size: 20px;
    margin: 0;
    accent-color: var(--_color-accent);
    flex: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    margin-block: var(--_space-3);
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

  /* Entry */
  .entry-bar {
    margin-block-end: var(--_space-3);
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
  /* List */
  .list-title {
    margin-block: 0 var(--_space-2);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  /* Snug enough that New entry and Search share one row in a card on a 320 px phone. */
  .toolbar .button {
    gap: var(--_space-1);
    padding-inline: var(--_space-3);
  }
  .result-count {
    margin-block: var(--_space-1) 0;
  }
  .selection .help {
    margin-inline-end: var(--_space-1);
  }
  .group:first-child .group-title {
    margin-block-start: var(--_space-2);
  }
  .group-title {
    margin-block: var(--_space-4) var(--_space-2);
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
    margin-block-start: 12px;
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
  .card p {
    margin-block: 0 var(--_space-1);
  }
  .card-prompt,
  .excerpt {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .card-prompt {
    font-style: italic;
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
  /* A template's name that needs two lines on a phone reads as text, not as a centred block. */
  .starts .button {
    text-align: start;
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

  .unlock {
    max-inline-size: 448px;
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
  }
`;
