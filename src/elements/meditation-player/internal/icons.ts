import { html } from 'lit';

// The player's icons: inline SVG in `currentColor` (stroke and fill are set in the styles, on
// `.icon`), so they follow the theme and never change with the host page's fonts. Always
// decorative: the button around each carries its name.

/** An arc from 12 o'clock round to 9, its arrow head at the top: turning back. Mirrored, forward. */
const skip = (cls: string) =>
  html`<svg class=${cls} viewBox="0 0 24 24" aria-hidden="true"><path d="M12 4a8 8 0 1 1-8 8M14.5 1.5 12 4l2.5 2.5" /><text x="12" y="15.2">15</text></svg>`;

export const ICONS = {
  play: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path class="solid" d="M8 5v14l11-7z" /></svg>`,
  pause: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path class="solid" d="M7 5h3v14H7zm7 0h3v14h-3z" /></svg>`,
  back: skip('icon'),
  forward: skip('icon forward'),
  sound: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path class="solid" d="M4 9h4l5-4v14l-5-4H4z" /><path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" /></svg>`,
  muted: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path class="solid" d="M4 9h4l5-4v14l-5-4H4z" /><path d="m16 9 5 6m0-6-5 6" /></svg>`,
};
