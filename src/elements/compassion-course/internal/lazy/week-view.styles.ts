import { css } from 'lit';

/** The week view's own styles: they arrive with its code, when a week first opens. */
export const weekStyles = css`
  /* A week shows one part at a time: the others stay rendered (nothing being written is lost) but hidden. */
  .week [hidden] {
    display: none !important;
  }
  .part {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .part > * {
    margin-block: 0;
  }

  /* The step bar stays at the bottom of the screen through the whole week, clear of a phone's home indicator. */
  .step-bar {
    position: sticky;
    inset-block-end: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
    padding-block: var(--_space-2) max(var(--_space-2), env(safe-area-inset-bottom));
    padding-inline: max(0px, env(safe-area-inset-left)) max(0px, env(safe-area-inset-right));
    /* Opaque whatever the course's own background, so the week never shows through it. */
    background: var(--_color-bg);
    border-block-start: 1px solid var(--_color-border);
  }
  .bar-support {
    padding-inline: var(--_space-2);
  }
  /* The page's shared support control is on screen: this one keeps its place but gives way. */
  .bar-support.elsewhere {
    visibility: hidden;
  }
  .bar-nav {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }
  .bar-nav .button {
    padding-inline: var(--_space-3);
  }
  .bar-position {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
    white-space: nowrap;
  }
  /* On a phone the bar keeps to one row: its arrows go, and on the narrowest Back is its arrow alone (still named "Back"). */
  @container (max-width: 416px) {
    .step-bar .arrow {
      display: none !important;
    }
    .bar-nav {
      gap: var(--_space-1);
    }
    .bar-nav .button {
      padding-inline: var(--_space-2);
    }
  }
  @container (max-width: 352px) {
    .step-bar {
      gap: var(--_space-1);
    }
    .bar-support .bar-icon {
      display: none;
    }
    .bar-nav .button {
      padding-inline: var(--_space-1);
    }
    .course .step-bar .bar-back .arrow {
      display: inline-block !important;
    }
    .bar-back .bar-word {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }

  .close h4 {
    margin-block: var(--_space-4) var(--_space-2);
  }
  .close-done {
    margin: 0;
    padding-inline-start: var(--_space-5);
  }
  .close-next {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
  }
  .close .week-nav {
    margin-block-start: var(--_space-4);
  }
  .answered {
    margin: 0;
    font-weight: 600;
  }
  .embed-loading {
    color: var(--_color-text-muted);
    margin-block: var(--_space-3);
  }
  .theory h3 {
    margin-block-start: var(--_space-5);
  }
  .theory h3:first-child {
    margin-block-start: 0;
  }

  .back {
    align-self: flex-start;
    margin-inline-start: calc(-1 * var(--_space-3));
  }
  .eyebrow {
    color: var(--_color-text-muted);
    font-weight: 600;
    margin-block-end: calc(-1 * var(--_space-3));
  }
  .done-text {
    color: var(--_color-success);
  }
  .summary {
    font-size: var(--_font-size-lg);
  }
  .key-ideas ul {
    margin: 0;
    padding-inline-start: var(--_space-5);
  }
  .key-ideas li + li {
    margin-block-start: var(--_space-2);
  }
  .steps {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-4);
  }
  .step {
    display: grid;
    gap: var(--_space-3);
  }
  .step > * {
    margin-block: 0;
  }
  .step.done {
    border-color: var(--_course-accent);
  }
  .step-marker {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 32px;
    block-size: 32px;
    border-radius: 50%;
    border: 2px solid var(--_color-border-strong);
    font-size: var(--_font-size-sm);
    font-weight: 700;
    line-height: 1;
  }
  .step.done .step-marker {
    background: var(--_course-accent);
    border-color: var(--_course-accent);
    color: var(--_color-on-accent);
  }
  .step-head {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-3);
  }
  .step-heading h4 {
    margin: 0;
  }
  .step-kind {
    margin: 0;
    font-size: var(--_font-size-sm);
    color: var(--_color-text-muted);
    font-weight: 600;
  }
  .prompt {
    border-inline-start: 4px solid var(--_course-accent);
    background: var(--_color-accent-soft);
    border-radius: var(--_radius-sm);
    padding: var(--_space-3) var(--_space-4);
  }
  .prompt p {
    margin: 0;
  }
  .prompt-label {
    font-size: var(--_font-size-sm);
    font-weight: 600;
  }
  .prompt-text {
    font-size: var(--_font-size-lg);
  }
  .placeholder p {
    margin-block: 0 var(--_space-2);
  }
  .note {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
  }
  .note label {
    font-weight: 600;
  }
  .hint {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  textarea {
    inline-size: 100%;
    min-block-size: 80px;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-sm);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    resize: vertical;
  }
  .step-done {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_color-border);
  }
  .step-done input {
    inline-size: 24px;
    block-size: 24px;
    margin: 0;
    accent-color: var(--_course-accent);
    cursor: pointer;
  }
  .step-done label {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target-size);
    font-weight: 600;
    cursor: pointer;
  }
  .step-status {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }

  .week-nav {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-3);
    padding-block-start: var(--_space-4);
    border-block-start: 1px solid var(--_color-border);
  }
  .nav-button {
    max-inline-size: 100%;
    text-align: start;
  }
  .nav-button.next {
    margin-inline-start: auto;
    text-align: end;
  }
  .nav-text {
    display: grid;
  }
  .nav-label {
    font-size: var(--_font-size-sm);
    font-weight: 400;
    color: var(--_color-text-muted);
  }
  .nav-locked {
    margin: 0;
    display: grid;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  .nav-locked.next {
    margin-inline-start: auto;
    text-align: end;
  }
  .course[dir='rtl'] .arrow {
    display: inline-block;
    transform: scaleX(-1);
  }
`;
