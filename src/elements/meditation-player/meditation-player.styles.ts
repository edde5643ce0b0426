import { css } from 'lit';

export const styles = css`
  :host {
    --_mp-accent: var(--meditation-player-accent, var(--_color-accent));
    --_mp-transcript-height: var(--meditation-player-transcript-height, 256px);
    --_mp-radius: var(--meditation-player-radius, var(--_radius-lg));
  }
  .player {
    display: grid;
    gap: var(--_space-4);
    /* Narrower padding on a phone: 5% of the width, at most the usual space. */
    padding: min(var(--_space-5), 5%);
    border: 1px solid var(--_color-border);
    border-radius: var(--_mp-radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    min-inline-size: 0;
  }
  /* Inside a course step, which is already a card: no card of its own, so the controls get the width. */
  :host([embedded]) .player {
    padding: 0;
    border: 0;
    background: none;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space-3);
  }
  .heading {
    flex: 1 1 224px;
    min-inline-size: 0;
  }
  .title {
    font-size: var(--_font-size-xl);
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* Inside a course step, whose own title sits just above. */
  :host([embedded]) .title {
    font-size: var(--_font-size-lg);
  }
  .description {
    margin: var(--_space-2) 0 0;
    color: var(--_color-text-muted);
  }
  .subheading {
    font-size: var(--_font-size-md);
    margin: 0;
  }
  .loading,
  .stats {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
    margin: 0;
  }
  .error p,
  .notice {
    margin: 0;
  }
  .error .button {
    margin-block-start: var(--_space-2);
  }

  /* Transport */
  /* A size container: the row of controls never widens the step or card around the player, and
     rearranges itself when the room is small (a course card inside a page's margins on a phone). */
  .transport {
    display: grid;
    gap: var(--_space-3);
    container-type: inline-size;
  }
  /* One row: back, play and forward in the middle, mute at the end. */
  .controls {
    display: grid;
    grid-template-columns: 1fr auto auto auto 1fr;
    align-items: center;
    gap: var(--_space-2);
  }
  .controls > :first-child {
    grid-column: 2;
  }
  /* Too narrow to centre the three: the four controls spread over the row, still 40 px or more. */
  @container (max-width: 216px) {
    .controls {
      grid-template-columns: repeat(4, auto);
      justify-content: space-between;
      column-gap: 0;
    }
    .controls > :first-child {
      grid-column: auto;
    }
    .controls .icon-button {
      min-inline-size: 40px;
      min-block-size: 40px;
    }
  }
  .mute {
    justify-self: end;
  }
  .icon {
    inline-size: 24px;
    block-size: 24px;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .icon .solid,
  .icon text {
    fill: currentColor;
  }
  .icon text {
    stroke: none;
    font-size: 7.5px;
    font-weight: 700;
    text-anchor: middle;
  }
  /* Forward is back mirrored, all but its number. */
  .forward path {
    transform: scaleX(-1);
    transform-origin: center;
  }
  .button.play {
    min-inline-size: 52px;
    min-block-size: 52px;
    padding: 0;
    border-radius: var(--_radius-pill);
  }
  .button.primary.play {
    background: var(--_mp-accent);
    border-color: var(--_mp-accent);
  }
  .icon-button {
    padding: 0;
    border-radius: var(--_radius-pill);
  }
  .seek {
    display: grid;
  }
  .time {
    display: flex;
    justify-content: space-between;
    align-items: center;
    font-variant-numeric: tabular-nums;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  /* Under the slider's own 44 px of height; 24 px is still a whole target (WCAG 2.5.8). */
  .time .button {
    min-block-size: 24px;
    padding: 0 var(--_space-2);
    color: inherit;
    font-weight: 400;
  }
  .slider {
    inline-size: 100%;
    min-block-size: var(--_target-size);
    margin: 0;
    background: transparent;
    accent-color: var(--_mp-accent);
    cursor: pointer;
  }
  .slider:disabled {
    cursor: not-allowed;
  }
  .settings {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-3) var(--_space-4);
  }
  /* Fields, inputs and action rows come from styles/forms.ts and styles/layout.ts; the player's are smaller and sit in rows. */
  .field {
    font-size: var(--_font-size-sm);
    font-weight: 600;
    margin-block-end: 0;
  }
  .field.volume {
    flex: 1 1 128px;
  }
  select {
    inline-size: auto;
    font-weight: 400;
  }
  /* Phones set their volume with their own buttons (and iOS ignores a page's volume); mute stays. */
  @media (pointer: coarse) {
    .volume {
      display: none;
    }
  }
  .button.mute[aria-pressed='true'] {
    background: var(--_color-surface-alt);
    border-color: var(--_color-text);
  }

  /* Chapters, and the transcript's box until its code arrives (the cues' styles come with it: transcript.styles.ts) */
  .chapters ol {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin: 0;
    margin-block-start: var(--_space-2);
    padding: 0;
    list-style: none;
  }
  .chapter {
    display: flex;
    gap: var(--_space-3);
    min-block-size: var(--_target-size);
    padding-block: var(--_space-2);
    padding-inline: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-pill);
    background: transparent;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .chapter:hover {
    background: var(--_color-surface-alt);
  }
  .chapter[aria-current='true'] {
    background: var(--_color-accent-soft);
    border-color: var(--_mp-accent);
  }
  .chapter-time {
    flex: none;
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
    font-size: var(--_font-size-sm);
    padding-block-start: 0.15em;
  }
  .transcript {
    display: grid;
    gap: var(--_space-2);
  }
  .transcript-head {
    display: flex;
    /* As tall as its button, which arrives with the transcript's code. */
    min-block-size: var(--_target-size);
    align-items: center;
    justify-content: space-between;
    /* The button keeps its words on one line; with no room beside the heading it goes below it
       rather than widening the player (and the course step around it). */
    flex-wrap: wrap;
    column-gap: var(--_space-2);
  }
  .loading.reserve {
    block-size: var(--_mp-transcript-height);
  }
`;

