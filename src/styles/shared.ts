import { css } from 'lit';

/** Base element styles every widget shares: box, type, focus ring, buttons, visually-hidden text. */
export const base = css`
  /*
   * Host pages can be hostile (a universal all: unset, resets, body text-align: center). Page rules
   * beat :host rules, except that an important declaration inside the shadow tree beats the page:
   * so the inherited text properties the widget depends on are important here. Theme through the
   * --ck-* tokens instead, and hide an element with the hidden attribute. The font shorthand also
   * resets what a page's body may set and the widget never wants: small caps and other variants,
   * stretch, kerning, feature and variation settings, size adjust.
   */
  :host {
    display: block !important;
    box-sizing: border-box !important;
    font: normal var(--_font-size-md) / var(--_line-height) var(--_font-family) !important;
    color: var(--_color-text) !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    white-space: normal !important;
    word-break: normal !important;
    overflow-wrap: normal !important;
    hyphens: manual !important;
    text-shadow: none !important;
    cursor: auto !important;
    visibility: visible !important;
  }
  :host([hidden]) {
    display: none !important;
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
