import { css } from 'lit';

/** Cards, stacks and action rows, the same in every element. */
export const layout = css`
  .card {
    background: var(--_card-bg, var(--_color-surface));
    border: var(--_card-border, 1px solid var(--_color-border));
    border-radius: var(--_card-radius, var(--_radius-md));
    padding: var(--_space-4);
  }
  .card > :last-child {
    margin-block-end: 0;
  }
  .stack {
    display: grid;
    gap: var(--_space-3);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
`;
