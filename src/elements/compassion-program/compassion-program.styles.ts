import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--compassion-program-gap, var(--_space-4));
  }
  [part='status'] {
    margin-block-end: var(--_gap);
  }
  .loading {
    color: var(--_color-text-muted);
  }
  .title {
    font-size: var(--_font-size-lg);
  }
  .issues {
    margin: 0 0 var(--_space-3);
    padding-inline-start: var(--_space-5);
    overflow-wrap: anywhere;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
`;
