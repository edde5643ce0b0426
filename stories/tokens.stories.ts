import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { SCALE_TOKENS, TOKENS, type ColorToken, type ScaleToken } from '../src/styles/tokens.js';
import { AA_MINIMUM, contrastRatio } from './contrast.js';

/**
 * The design tokens every element reads. A page sets `--ck-<name>` (and `--ck-dark-<name>` for the
 * dark scheme) on `:root` or on an element; the values here are the defaults.
 */
const meta: Meta = {
  title: 'Foundations/Design tokens',
  parameters: { layout: 'padded' },
};
export default meta;

type Scheme = 0 | 1;
const SCHEMES = [
  { index: 0 as Scheme, name: 'Light', prefix: '--ck-' },
  { index: 1 as Scheme, name: 'Dark', prefix: '--ck-dark-' },
];
const value = (token: ColorToken, s: Scheme): string => TOKENS[token][s];
const scale = (token: ScaleToken): string => SCALE_TOKENS[token];

/** Where each colour is used, for the swatch captions. */
const USE: Record<ColorToken, string> = {
  'color-bg': 'Page-like background behind cards',
  'color-surface': 'Cards, dialogs, fields',
  'color-surface-alt': 'Rows and buttons under the pointer, quiet panels',
  'color-text': 'Body text',
  'color-text-muted': 'Secondary text: dates, hints, captions',
  'color-accent': 'Filled buttons, links, the seek slider, the highlighted cue',
  'color-accent-hover': 'Filled buttons under the pointer',
  'color-on-accent': 'Text and icons on filled buttons',
  'color-accent-soft': 'Selected chips and options, the highlighted transcript cue',
  'color-border': 'Dividers between rows (decorative)',
  'color-border-strong': 'Edges of fields and outlined buttons',
  'color-danger': 'Errors, "Delete"',
  'color-danger-soft': 'Error boxes',
  'color-warning': 'Warnings: storage, Safari',
  'color-warning-soft': 'Warning boxes',
  'color-success': '"Saved", completed steps',
  'color-focus': 'The keyboard focus ring',
};

/**
 * Each foreground the elements draw on a background, with the minimum it must reach: text 4.5:1,
 * control edges and the focus ring 3:1. `color-border` is decorative (rows are also separated by
 * space) and has no minimum.
 */
const PAIRS: { fg: ColorToken; bg: ColorToken; kind: keyof typeof AA_MINIMUM; where: string }[] = [
  { fg: 'color-text', bg: 'color-bg', kind: 'text', where: 'Body text on the background' },
  { fg: 'color-text', bg: 'color-surface', kind: 'text', where: 'Body text on a card' },
  { fg: 'color-text', bg: 'color-surface-alt', kind: 'text', where: 'A row or button under the pointer' },
  { fg: 'color-text', bg: 'color-accent-soft', kind: 'text', where: 'The highlighted cue, a selected chip' },
  { fg: 'color-text', bg: 'color-danger-soft', kind: 'text', where: 'Text in an error box' },
  { fg: 'color-text', bg: 'color-warning-soft', kind: 'text', where: 'Text in a warning box' },
  { fg: 'color-text-muted', bg: 'color-bg', kind: 'text', where: 'Hints on the background' },
  { fg: 'color-text-muted', bg: 'color-surface', kind: 'text', where: 'Dates and hints on a card' },
  { fg: 'color-text-muted', bg: 'color-surface-alt', kind: 'text', where: 'A hint in a row under the pointer' },
  { fg: 'color-accent', bg: 'color-surface', kind: 'text', where: 'Links and outlined buttons on a card' },
  { fg: 'color-accent', bg: 'color-bg', kind: 'text', where: 'Links on the background' },
  { fg: 'color-on-accent', bg: 'color-accent', kind: 'text', where: 'A filled button' },
  { fg: 'color-on-accent', bg: 'color-accent-hover', kind: 'text', where: 'A filled button under the pointer' },
  { fg: 'color-danger', bg: 'color-surface', kind: 'text', where: 'An error message on a card' },
  { fg: 'color-danger', bg: 'color-danger-soft', kind: 'text', where: 'The heading of an error box' },
  { fg: 'color-warning', bg: 'color-warning-soft', kind: 'text', where: 'The heading of a warning box' },
  { fg: 'color-success', bg: 'color-surface', kind: 'text', where: '"Saved"' },
  { fg: 'color-border-strong', bg: 'color-surface', kind: 'ui', where: 'The edge of a field or outlined button' },
  { fg: 'color-focus', bg: 'color-surface', kind: 'ui', where: 'The focus ring on a card' },
  { fg: 'color-focus', bg: 'color-bg', kind: 'ui', where: 'The focus ring on the background' },
];

const page = styleMap({ fontFamily: scale('font-family'), color: value('color-text', 0), lineHeight: scale('line-height'), maxInlineSize: '72rem' });
const cell = styleMap({ padding: '6px 10px', borderBlockEnd: `1px solid ${value('color-border', 0)}`, textAlign: 'start', verticalAlign: 'middle' });
const table = styleMap({ borderCollapse: 'collapse', inlineSize: '100%', fontSize: '14px' });

function panel(s: Scheme, content: TemplateResult): TemplateResult {
  return html`<div style=${styleMap({ background: value('color-bg', s), color: value('color-text', s), padding: '16px', borderRadius: '12px', border: `1px solid ${value('color-border', s)}` })}>${content}</div>`;
}

function swatch(token: ColorToken, s: Scheme): TemplateResult {
  const bg = value(token, s);
  // The caption is drawn in whichever text token reads best on the swatch.
  const ink = contrastRatio(value('color-text', s), bg) >= contrastRatio(value('color-bg', s), bg) ? value('color-text', s) : value('color-bg', s);
  return html`<figure style=${styleMap({ margin: '0', border: `1px solid ${value('color-border-strong', s)}`, borderRadius: '10px', overflow: 'hidden', background: value('color-surface', s) })}>
    <div style=${styleMap({ background: bg, color: ink, blockSize: '64px', display: 'flex', alignItems: 'end', padding: '6px 8px', fontSize: '13px' })}><code>${bg}</code></div>
    <figcaption style=${styleMap({ padding: '6px 8px', fontSize: '13px', color: value('color-text', s) })}>
      <code>${SCHEMES[s]!.prefix}${token}</code>
      <div style=${styleMap({ color: value('color-text-muted', s) })}>${USE[token]}</div>
    </figcaption>
  </figure>`;
}

const grid = styleMap({ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: '12px' });

/** Every colour token, light and dark, each swatch with its value, its custom property and where it is used. */
export const Colors: StoryObj = {
  render: () => html`<div style=${page}>
    <h1>Colour tokens</h1>
    <p>Set <code>--ck-&lt;name&gt;</code> (light) or <code>--ck-dark-&lt;name&gt;</code> (dark) on the page or on an element to theme every compassion-kit widget. Setting only <code>--ck-color-accent</code> derives the rest of the accent family, light and dark.</p>
    ${SCHEMES.map(
      (scheme) => html`<h2>${scheme.name}</h2>
        ${panel(scheme.index, html`<div style=${grid}>${(Object.keys(TOKENS) as ColorToken[]).map((t) => swatch(t, scheme.index))}</div>`)}`,
    )}
  </div>`,
};

function ratioCell(pair: (typeof PAIRS)[number], s: Scheme): TemplateResult {
  const fg = value(pair.fg, s);
  const bg = value(pair.bg, s);
  const ratio = contrastRatio(fg, bg);
  const min = AA_MINIMUM[pair.kind];
  const pass = ratio >= min;
  const sample =
    pair.kind === 'text'
      ? html`<span style=${styleMap({ color: fg, background: bg, padding: '4px 10px', borderRadius: '6px', display: 'inline-block', minInlineSize: '7rem' })}>Aa Breathe in</span>`
      : html`<span style=${styleMap({ background: bg, padding: '6px 10px', borderRadius: '6px', display: 'inline-block' })}><span style=${styleMap({ display: 'inline-block', inlineSize: '5rem', blockSize: '20px', border: `3px solid ${fg}`, borderRadius: '6px', verticalAlign: 'middle' })}></span></span>`;
  return html`<td style=${cell}>
    <div style=${styleMap({ display: 'flex', gap: '10px', alignItems: 'center', flexWrap: 'wrap' })}>
      <span style=${styleMap({ background: s ? value('color-bg', 1) : 'transparent', padding: '4px', borderRadius: '8px' })}>${sample}</span>
      <span><strong>${ratio.toFixed(2)}:1</strong> ${pass ? '✓' : '✗'} ${pass ? 'AA' : html`<strong>below ${min}:1</strong>`}</span>
    </div>
  </td>`;
}

/**
 * Each foreground on each background the elements draw it on, light and dark, with its WCAG
 * contrast ratio computed from the token values (relative luminance, `stories/contrast.ts`). Text
 * needs 4.5:1; control edges and the focus ring 3:1. Overriding a token? Check your pair here first.
 */
export const Contrast: StoryObj = {
  render: () => html`<div style=${page}>
    <h1>Contrast of text and background pairs</h1>
    <p>Ratios are computed from the default values. Text needs at least ${AA_MINIMUM.text}:1 (WCAG 1.4.3); edges of controls and the focus ring ${AA_MINIMUM.ui}:1 (WCAG 1.4.11).</p>
    <table style=${table}>
      <thead>
        <tr><th style=${cell}>Foreground on background</th><th style=${cell}>Used for</th><th style=${cell}>Light</th><th style=${cell}>Dark</th></tr>
      </thead>
      <tbody>
        ${PAIRS.map(
          (p) => html`<tr>
            <td style=${cell}><code>${p.fg}</code> on <code>${p.bg}</code>${p.kind === 'ui' ? html`<br /><small>non-text, 3:1</small>` : nothing}</td>
            <td style=${cell}>${p.where}</td>
            ${ratioCell(p, 0)} ${ratioCell(p, 1)}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`,
};

const SIZES: [ScaleToken, string][] = [
  ['font-size-2xl', 'Week 6: The compassionate self'],
  ['font-size-xl', 'Cultivating Compassion'],
  ['font-size-lg', 'This week’s reflection'],
  ['font-size-md', 'Bring to mind a time when someone was kind to you. Notice what happens in your body as you remember.'],
  ['font-size-sm', 'Saved on this device · 3 minutes ago'],
];

/**
 * The type scale in the elements' own font stack and line height. Sizes are in px, so a page that
 * sets `html { font-size: 62.5% }` does not shrink the widgets.
 */
export const Typography: StoryObj = {
  render: () => html`<div style=${page}>
    <h1>Type scale</h1>
    <p><code>--ck-font-family</code>: <code>${scale('font-family')}</code> · <code>--ck-line-height</code>: <code>${scale('line-height')}</code></p>
    <table style=${table}>
      <tbody>
        ${SIZES.map(
          ([token, text]) => html`<tr>
            <td style=${styleMap({ ...{ padding: '10px', borderBlockEnd: `1px solid ${value('color-border', 0)}`, inlineSize: '14rem', verticalAlign: 'top' } })}><code>--ck-${token}</code><br /><small>${scale(token)}</small></td>
            <td style=${styleMap({ padding: '10px', borderBlockEnd: `1px solid ${value('color-border', 0)}`, fontSize: scale(token), lineHeight: scale('line-height') })}>${text}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`,
};

const SPACES = ['space-1', 'space-2', 'space-3', 'space-4', 'space-5', 'space-6', 'space-7'] as const;
const RADII = ['radius-sm', 'radius-md', 'radius-lg', 'radius-pill'] as const;
const MOTION = ['duration-fast', 'duration-normal', 'duration-slow', 'easing'] as const;

/** Spacing steps as bars, corner radii on a card-sized box, the focus ring, the touch target, and motion (0 under reduced motion). */
export const SpacingRadiusAndMotion: StoryObj = {
  render: () => html`<div style=${page}>
    <h1>Spacing</h1>
    <table style=${table}>
      <tbody>
        ${SPACES.map(
          (t) => html`<tr>
            <td style=${cell}><code>--ck-${t}</code></td>
            <td style=${cell}><code>${scale(t)}</code></td>
            <td style=${cell}><span style=${styleMap({ display: 'inline-block', inlineSize: scale(t), blockSize: '16px', background: value('color-accent', 0), borderRadius: '2px' })}></span></td>
          </tr>`,
        )}
      </tbody>
    </table>
    <h1>Corner radius</h1>
    <div style=${styleMap({ display: 'flex', gap: '16px', flexWrap: 'wrap' })}>
      ${RADII.map(
        (t) => html`<div style=${styleMap({ inlineSize: '140px', blockSize: '72px', borderRadius: scale(t), background: value('color-surface-alt', 0), border: `1px solid ${value('color-border-strong', 0)}`, display: 'grid', placeItems: 'center', fontSize: '13px' })}>
          <span><code>--ck-${t}</code><br />${scale(t)}</span>
        </div>`,
      )}
    </div>
    <h1>Focus and touch target</h1>
    <p style=${styleMap({ display: 'flex', gap: '24px', alignItems: 'center', flexWrap: 'wrap' })}>
      <span style=${styleMap({ display: 'inline-grid', placeItems: 'center', minBlockSize: scale('target-size'), minInlineSize: scale('target-size'), paddingInline: '16px', borderRadius: scale('radius-pill'), background: value('color-accent', 0), color: value('color-on-accent', 0), outline: `${scale('focus-ring-width')} solid ${value('color-focus', 0)}`, outlineOffset: '2px' })}>Play (focused)</span>
      <span><code>--ck-focus-ring-width</code> ${scale('focus-ring-width')} · <code>--ck-target-size</code> ${scale('target-size')} (WCAG 2.5.8 asks for 24px; the elements keep 44px)</span>
    </p>
    <h1>Motion</h1>
    <p>Every duration becomes 0 when the system asks for reduced motion; the breathing pacer then shows words instead of a moving circle.</p>
    <table style=${table}>
      <tbody>
        ${MOTION.map((t) => html`<tr><td style=${cell}><code>--ck-${t}</code></td><td style=${cell}><code>${scale(t)}</code></td></tr>`)}
      </tbody>
    </table>
  </div>`,
};
