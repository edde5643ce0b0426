import { css } from 'lit';

/** The transcript panel's styles (its box and heading row are the player's own): they download with the panel. */
export const transcriptStyles = css`
  .transcript-head .button {
    white-space: nowrap;
    padding-inline: var(--_space-2);
  }
  .cues {
    position: relative;
    max-block-size: var(--_mp-transcript-height);
    overflow-y: auto;
    overscroll-behavior: contain;
    margin: 0;
    padding: var(--_space-1);
    list-style: none;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-md);
  }
  .cue {
    display: flex;
    gap: var(--_space-3);
    inline-size: 100%;
    min-block-size: var(--_target-size);
    padding-block: var(--_space-2);
    padding-inline: var(--_space-3);
    border: 1px solid transparent;
    border-radius: var(--_radius-sm);
    background: transparent;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .cue:hover {
    background: var(--_color-surface-alt);
  }
  .cue[aria-current='true'] {
    background: var(--_color-accent-soft);
    border-color: var(--_mp-accent);
  }
  .cue-time {
    flex: none;
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
    font-size: var(--_font-size-sm);
    padding-block-start: 0.15em;
  }
  .cue-text {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  [hidden] {
    display: none !important;
  }
`;
