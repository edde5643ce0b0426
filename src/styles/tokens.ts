import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens. Each has a light and a dark value. A clinic overrides a token by setting
 * `--ck-<name>` (light) or `--ck-dark-<name>` (dark) anywhere above the element; elements read
 * the private `--_<name>` locals this sheet defines on `:host`.
 * Colour pairs are chosen for WCAG AA: text on bg/surface ≥ 4.5:1, borders and focus ≥ 3:1.
 */
export const TOKENS = {
  'color-bg': ['#fbf8f4', '#1b1d1f'],
  'color-surface': ['#ffffff', '#24272a'],
  'color-surface-alt': ['#f3ede4', '#2e3236'],
  'color-text': ['#2b2a28', '#ece8e1'],
  'color-text-muted': ['#5b564f', '#b9b3aa'],
  'color-accent': ['#2c675b', '#8cc9b8'],
  'color-accent-hover': ['#22534a', '#a6d8ca'],
  'color-on-accent': ['#ffffff', '#10231e'],
  'color-accent-soft': ['#e2eee9', '#23403a'],
  'color-border': ['#ddd4c7', '#3d4145'],
  'color-border-strong': ['#857b6e', '#8a9096'],
  'color-danger': ['#a3362b', '#f2a79e'],
  'color-danger-soft': ['#fbe9e6', '#3d2422'],
  'color-warning': ['#6b4a0e', '#f3d08c'],
  'color-warning-soft': ['#fdf1dc', '#3a2f18'],
  'color-success': ['#2d6a3e', '#9fd3a9'],
  'color-focus': ['#1d5c9e', '#8fb8ec'],
} as const satisfies Record<string, readonly [string, string]>;

/** Tokens that do not change with the colour scheme. */
export const SCALE_TOKENS = {
  'font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  'font-size-sm': '14px',
  'font-size-md': '16px',
  'font-size-lg': '20px',
  'font-size-xl': '24px',
  'font-size-2xl': '30px',
  'line-height': '1.6',
  'space-1': '4px',
  'space-2': '8px',
  'space-3': '12px',
  'space-4': '16px',
  'space-5': '24px',
  'space-6': '32px',
  'space-7': '48px',
  'radius-sm': '6px',
  'radius-md': '10px',
  'radius-lg': '16px',
  'radius-pill': '999px',
  'focus-ring-width': '3px',
  'target-size': '44px',
  'duration-fast': '120ms',
  'duration-normal': '240ms',
  'duration-slow': '480ms',
  'easing': 'cubic-bezier(0.2, 0, 0, 1)',
} as const;

export type ColorToken = keyof typeof TOKENS;
export type ScaleToken = keyof typeof SCALE_TOKENS;

const light = Object.entries(TOKENS).map(([name, [value]]) => `--_${name}: var(--ck-${name}, ${value});`);
const dark = Object.entries(TOKENS).map(([name, [, value]]) => `--_${name}: var(--ck-dark-${name}, ${value});`);
const scale = Object.entries(SCALE_TOKENS).map(([name, value]) => `--_${name}: var(--ck-${name}, ${value});`);

// Built from constants in this file, never from content, so unsafeCSS is safe here.
const lightBlock = unsafeCSS(light.join('\n'));
const darkBlock = unsafeCSS(dark.join('\n'));
const scaleBlock = unsafeCSS(scale.join('\n'));

/** Defines every `--_*` local on the host, light by default, dark by preference or `theme="dark"`. */
export const tokens: CSSResult = css`
  :host {
    ${scaleBlock}
    ${lightBlock}
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkBlock}
      color-scheme: dark;
    }
  }
  :host([theme='dark']) {
    ${darkBlock}
    color-scheme: dark;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration-fast: 0ms;
      --_duration-normal: 0ms;
      --_duration-slow: 0ms;
    }
  }
`;
