import { css } from 'lit';
import { supportCardStyles } from '../../shared/support-card.js';

/**
 * The timer's, the pacer's, the summary's and the check-in's styles, and the guided player's once
 * it plays ("Finish for now"): they download with those parts.
 */
export const sessionStyles = css`
  ${supportCardStyles}
  :host {
    --_mp-shape-size: var(--meditation-player-shape-size, 192px);
    --_mp-shape-color: var(--meditation-player-shape-color, var(--_color-accent-soft));
  }
  .hint {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
    margin: 0;
  }
  .finish {
    justify-self: center;
  }
  .unit {
    font-weight: 400;
    color: var(--_color-text-muted);
  }
  input[type='number'],
  textarea {
    font-weight: 400;
  }
  input[type='number'] {
    inline-size: 96px;
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
  .lengths {
    flex-basis: 100%;
  }
  .presets {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }
  .button.preset {
    min-inline-size: var(--_target-size);
    padding-inline: var(--_space-2);
    font-variant-numeric: tabular-nums;
  }
  /* Chosen, but not filled: Start stays the one filled button. */
  .button.preset[aria-pressed='true'] {
    background: var(--_color-accent-soft);
    border-color: var(--_mp-accent);
    box-shadow: inset 0 0 0 1px var(--_mp-accent);
  }
  .field-note {
    margin: 0;
    max-inline-size: 192px;
    font-weight: 400;
    color: var(--_color-danger);
    font-size: var(--_font-size-sm);
  }
  /* The ring fills as time passes, with the time left in its middle. */
  .dial {
    display: grid;
    place-items: center;
    justify-self: center;
    inline-size: min(100%, 208px);
  }
  .dial > * {
    grid-area: 1 / 1;
  }
  .ring {
    inline-size: 100%;
    transform: rotate(-90deg);
    fill: none;
    stroke: var(--_color-border);
    stroke-width: 5;
  }
  .ring .done {
    stroke: var(--_mp-accent);
    stroke-linecap: round;
  }
  /* A smooth sweep between the seconds, only when motion is welcome; otherwise it moves in steps. */
  @media (prefers-reduced-motion: no-preference) {
    .ring .done {
      transition: stroke-dashoffset 1s linear;
    }
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
    max-inline-size: 384px;
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
