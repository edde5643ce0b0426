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
  /** Safari's seven-day deletion (Safari and iOS, or when the journal is asked to always warn). */
  readonly safari: boolean;
  /** What the banners' "Save a backup" button does. */
  exportBackup(): void;
}

/**
 * The storage banners that only some states or browsers show (memory only, storage full, other
 * tabs blocking, a newer version open, Safari's seven days), loaded the first time one is needed.
 */
export function renderRareBanners(b: RareBanners, formats: Formats): TemplateResult {
  const t = formats.t(EN_PANEL_STRINGS);
  const backup = html`<button type="button" class="button" @click=${() => b.exportBackup()}>${t.saveBackup}</button>`;
  return html`${b.memory !== false
    ? html`<div class="notice banner" part="banner">
        <p><strong>${t.notKeptTitle}</strong> ${b.memory ?? t.notKeptBody}</p>
        ${backup}
      </div>`
    : nothing}
  ${b.full
    ? html`<div class="error banner" part="banner" role="alert">
        <p><strong>${t.fullTitle}</strong> ${t.fullBody}</p>
        ${backup}
      </div>`
    : nothing}
  ${b.blocked ? html`<div class="notice banner" part="banner" role="alert"><p><strong>${t.blockedTitle}</strong> ${t.blockedBody}</p></div>` : nothing}
  ${b.outdated
    ? html`<div class="notice banner" part="banner" role="alert">
        <p><strong>${t.outdatedTitle}</strong> ${t.outdatedBody}</p>
        <button type="button" class="button" @click=${() => location.reload()}>${t.reload}</button>
      </div>`
    : nothing}
  ${b.safari
    ? html`<div class="notice banner" part="banner">
        <p><strong>${t.safariTitle}</strong> ${t.safariBody}</p>
        ${backup}
      </div>`
    : nothing}`;
}
