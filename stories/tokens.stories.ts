import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { SCALE_TOKENS, TOKENS } from '../src/styles/tokens.js';

const meta: Meta = {
  title: 'Foundations/Design tokens',
  parameters: { layout: 'padded' },
};
export default meta;

const cell = styleMap({ padding: '6px 10px', borderBlockEnd: '1px solid #ddd4c7', textAlign: 'start' });
const swatch = (color: string) =>
  html`<span style=${styleMap({ display: 'inline-block', inlineSize: '2.5rem', blockSize: '1.5rem', background: color, border: '1px solid #857b6e', borderRadius: '6px', verticalAlign: 'middle', marginInlineEnd: '8px' })}></span><code>${color}</code>`;

/** Every colour token with its light and dark value. Override with `--ck-<name>` and `--ck-dark-<name>`. */
export const Colors: StoryObj = {
  render: () => html`
    <h1>Colour tokens</h1>
    <p>Set <code>--ck-&lt;name&gt;</code> (light) or <code>--ck-dark-&lt;name&gt;</code> (dark) on the page or on an element to theme every compassion-kit widget.</p>
    <table style=${styleMap({ borderCollapse: 'collapse' })}>
      <thead><tr><th style=${cell}>Token</th><th style=${cell}>Light</th><th style=${cell}>Dark</th></tr></thead>
      <tbody>
        ${Object.entries(TOKENS).map(
          ([name, [light, dark]]) => html`<tr><td style=${cell}><code>--ck-${name}</code></td><td style=${cell}>${swatch(light)}</td><td style=${cell}>${swatch(dark)}</td></tr>`,
        )}
      </tbody>
    </table>`,
};

/** Type, space, radius, focus and motion tokens. Motion durations become 0 under reduced motion. */
export const Scale: StoryObj = {
  render: () => html`
    <h1>Scale tokens</h1>
    <table style=${styleMap({ borderCollapse: 'collapse' })}>
      <thead><tr><th style=${cell}>Token</th><th style=${cell}>Default</th></tr></thead>
      <tbody>
        ${Object.entries(SCALE_TOKENS).map(([name, value]) => html`<tr><td style=${cell}><code>--ck-${name}</code></td><td style=${cell}><code>${value}</code></td></tr>`)}
      </tbody>
    </table>`,
};
