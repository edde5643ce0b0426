import { css } from 'lit';

/** The timer's, the pacer's, the summary's and the check-in's styles: they download with those parts. */
export const sessionStyles = css`
  .unit {
    font-weight: 400;
    color: var(--_color-text-muted);
  }
  input[type='number'],
  textarea {
    font-weight: 400;
  }
  input[type='number'] {
    inline-size: 6rem;
  }

  /* Timer */
  .timer {
    display: grid;
    gap: var(--_space-3);
    justify-items: start;
  }
  .timer-form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3) var(--_space-4);
  }
  .clock {
    margin: 0;
    font-size: calc(var(--_font-size-2xl) * 1.6);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }

  /* Breathing pacer */
  .pacer {
    display: grid;
    gap: var(--_space-3);
    justify-items: center;
    text-align: center;
  }
  .stage {
    display: grid;
    place-items: center;
    inline-size: min(100%, var(--_mp-shape-size));
    aspect-ratio: 1;
  }
  .shape {
    inline-size: 100%;
    aspect-ratio: 1;
    border-radius: 50%;
    background: var(--_mp-shape-color);
    border: 2px solid var(--_mp-accent);
    transform: scale(0.55);
  }
  /* Reduced motion: words only, nothing that moves or changes size. */
  .pacer.still .stage,
  .pacer:not(.running) .stage {
    display: none;
  }
  .pacer.still .shape {
    transform: none;
  }
  .breath-cue {
    margin: 0;
    max-inline-size: 24rem;
  }
  .breath-cue.big {
    font-size: var(--_font-size-xl);
    font-weight: 600;
    min-block-size: 2lh;
    display: grid;
    place-items: center;
  }
  .pacer.still .breath-cue.big {
    font-size: var(--_font-size-2xl);
    padding-block: var(--_space-5);
  }

  /* After a session */
  .summary {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-4);
    border-radius: var(--_radius-md);
    background: var(--_color-surface-alt);
  }
  .summary > p {
    margin: 0;
  }
  .check-in {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .button.choice {
    font-weight: 400;
    border-radius: var(--_radius-pill);
    /* Text and background change together when chosen: a fading background would pass through low contrast. */
    transition: none;
  }
  .button.choice[aria-pressed='true'] {
    background: var(--_mp-accent);
    border-color: var(--_mp-accent);
    color: var(--_color-on-accent);
    font-weight: 600;
  }
  .note {
    inline-size: 100%;
  }
  .saved,
  .logged {
    color: var(--_color-success);
    font-weight: 600;
    margin: 0;
  }
`;
