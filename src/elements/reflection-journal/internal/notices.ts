import { html, nothing, type TemplateResult } from 'lit';

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
export function renderRareBanners(b: RareBanners): TemplateResult {
  return html`${b.memory !== false
    ? html`<div class="notice banner" part="banner">
        <p><strong>Entries are not being kept on this device.</strong> ${b.memory ?? 'They last only until this page closes.'}</p>
        ${b.backup}
      </div>`
    : nothing}
  ${b.full
    ? html`<div class="error banner" part="banner" role="alert">
        <p><strong>Storage on this device is full.</strong> Your text is still on screen, but it is not saved. Save a backup of your entries, then free some space (for example by clearing other sites’ data); saving is retried automatically.</p>
        ${b.backup}
      </div>`
    : nothing}
  ${b.blocked ? html`<div class="notice banner" part="banner" role="alert"><p><strong>Close other tabs with this program open.</strong> An update is waiting for them before your journal can be saved here.</p></div>` : nothing}
  ${b.outdated
    ? html`<div class="notice banner" part="banner" role="alert">
        <p><strong>A newer version is open in another tab.</strong> Reload this page to keep writing; your text is still here until you do.</p>
        <button type="button" class="button" @click=${() => location.reload()}>Reload</button>
      </div>`
    : nothing}`;
}
