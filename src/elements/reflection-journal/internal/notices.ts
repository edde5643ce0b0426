import { html, nothing, type TemplateResult } from 'lit';
import { EN_PANEL_STRINGS } from './en-panel-strings.js';
import type { Formats } from './platform.js';

/** Which of the rare storage banners to show (banners.ts decides; this module only words them). */
export interface RareBanners {
  /** Memory-only mode: why, if the browser said. */
  readonly memory: string | undefined | false;
  readonly full: boolean;
  readonly blocked: boolean;
  readonly outdated: boolean;
  /** The "Save a backup" button the banners offer. */
  readonly backup: TemplateResult;
}

/**
 * The storage banners that only rare states show (memory only, storage full, other tabs blocking,
 * a newer version open), loaded the first time one is needed.
 */
export function renderRareBanners(b: RareBanners, formats: Formats): TemplateResult {
  const t = formats.t(EN_PANEL_STRINGS);
  return html`${b.memory !== false
    ? html`<div class="notice banner" part="banner">
        <p><strong>${t.notKeptTitle}</strong> ${b.memory ?? t.notKeptBody}</p>
        ${b.backup}
      </div>`
    : nothing}
  ${b.full
    ? html`<div class="error banner" part="banner" role="alert">
        <p><strong>${t.fullTitle}</strong> ${t.fullBody}</p>
        ${b.backup}
      </div>`
    : nothing}
  ${b.blocked ? html`<div class="notice banner" part="banner" role="alert"><p><strong>${t.blockedTitle}</strong> ${t.blockedBody}</p></div>` : nothing}
  ${b.outdated
    ? html`<div class="notice banner" part="banner" role="alert">
        <p><strong>${t.outdatedTitle}</strong> ${t.outdatedBody}</p>
        <button type="button" class="button" @click=${() => location.reload()}>${t.reload}</button>
      </div>`
    : nothing}`;
}
