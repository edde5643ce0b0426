import { css } from 'lit';

/** Base element styles every widget shares: box, type, focus ring, buttons, visually-hidden text. */
export const base = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size-md);
    line-height: var(--_line-height);
    color: var(--_color-text);
    text-align: start;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus-ring-width) solid var(--_color-focus);
    outline-offset: 2px;
  }
  h1, h2, h3, h4 {
    line-height: 1.25;
    margin-block: 0 var(--_space-3);
  }
  p {
    margin-block: 0 var(--_space-3);
  }
  a {
    color: var(--_color-accent);
    text-underline-offset: 0.15em;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    min-block-size: var(--_target-size);
    min-inline-size: var(--_target-size);
    padding-block: var(--_space-2);
    padding-inline: var(--_space-4);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-md);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
    transition: background-color var(--_duration-fast) var(--_easing);
  }
  .button:hover {
    background: var(--_color-surface-alt);
  }
  .button.primary {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-on-accent);
  }
  .button.primary:hover {
    background: var(--_color-accent-hover);
  }
  .button.quiet {
    border-color: transparent;
    background: transparent;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .error {
    border-inline-start: 4px solid var(--_color-danger);
    background: var(--_color-danger-soft);
    padding: var(--_space-3) var(--_space-4);
    border-radius: var(--_radius-sm);
  }
  .notice {
    border-inline-start: 4px solid var(--_color-warning);
    background: var(--_color-warning-soft);
    color: var(--_color-text);
    padding: var(--_space-3) var(--_space-4);
    border-radius: var(--_radius-sm);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0ms !important;
      transition-duration: 0ms !important;
    }
  }
`;
