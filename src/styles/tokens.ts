import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens. Each has a light and a dark value. A clinic overrides a token by setting
 * `--ck-<name>` (light) or `--ck-dark-<name>` (dark) anywhere above the element; elements read
 * the private `--_<name>` locals this sheet defines on `:host`. The accent family's dark values
 * (and light hover and soft) follow `--ck-color-accent` when only that is set.
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

// Each colour is one `light-dark()`, so the used `color-scheme` picks the value: that is how a
// `theme` above an element reaches it (below). The accent family first tries `--_0<name>` (light)
// and `--_1<name>` (dark): derived from `--ck-color-accent` when a clinic sets only that.
const color = ([name, [l, d]]: [string, readonly string[]]) => {
  const v = (value: string, s: 0 | 1) => `var(--ck-${s ? 'dark-' : ''}${name}, ${name.startsWith('color-accent') ? `var(--_${s}${name}, ${value})` : value})`;
  return `--_${name}: light-dark(${v(l!, 0)}, ${v(d!, 1)});`;
};
const scale = Object.entries(SCALE_TOKENS).map(([name, value]) => `--_${name}: var(--ck-${name}, ${value});`);

// Browsers before light-dark() (Safari before 17.5, Chromium before 123) would lose every colour,
// and with it the text on filled buttons: they get plain light and dark values by the media query
// and the element's own theme instead (a provider's theme does not reach them).
const plain = (s: 0 | 1) => unsafeCSS(Object.entries(TOKENS).map(([name, pair]) => `--_${name}: var(--ck-${s ? 'dark-' : ''}${name}, ${pair[s]});`).join('\n'));

// Built from constants in this file, never from content, so unsafeCSS is safe here.
const colorBlock = unsafeCSS(Object.entries(TOKENS).map(color).join('\n'));
const scaleBlock = unsafeCSS(scale.join('\n'));

export const tokens: CSSResult = css`
  :host {
    ${scaleBlock}
    ${colorBlock}
    color-scheme: var(--_ck-scheme, light);
  }
  /*
   * The accent family from --ck-color-accent alone (unset when it is not set, so the defaults
   * apply). Dark: a fixed lightness and capped chroma, so any accent keeps AA contrast on the dark
   * surfaces and under the dark on-accent text.
   */
  @supports (color: oklch(from red l c h)) {
    :host {
      --_0color-accent-hover: oklch(from var(--ck-color-accent) calc(l - 0.08) c h);
      --_0color-accent-soft: oklch(from var(--ck-color-accent) 0.94 min(c, 0.04) h);
      --_1color-accent: oklch(from var(--ck-color-accent) 0.8 min(c, 0.1) h);
      --_1color-accent-hover: oklch(from var(--ck-color-accent) 0.86 min(c, 0.08) h);
      --_1color-accent-soft: oklch(from var(--ck-color-accent) 0.36 min(c, 0.05) h);
    }
  }
  @media (prefers-color-scheme: dark) {
    :host {
      color-scheme: var(--_ck-scheme, dark);
    }
  }
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      ${plain(0)}
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        ${plain(1)}
      }
    }
    :host([theme='dark']) {
      ${plain(1)}
    }
  }
  :host([theme='light']) {
    --_ck-scheme: light;
  }
  :host([theme='dark']) {
    --_ck-scheme: dark;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_duration-fast: 0ms;
      --_duration-normal: 0ms;
      --_duration-slow: 0ms;
    }
  }
`;
