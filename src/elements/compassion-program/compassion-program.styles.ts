import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--compassion-program-gap, var(--_space-4));
  }
  [part='status'],
  .support {
    margin-block-end: var(--_gap);
  }
  .support {
    text-align: end;
  }
  .loading {
    color: var(--_color-text-muted);
  }
`;
