import { html, nothing, type TemplateResult } from 'lit';
import type { StorageStatus } from '../../../sdk/store/database.js';
import { isWebKitWithStorageCap, type SafariWarning } from './platform.js';

export interface BannerPort {
  readonly status: StorageStatus | undefined;
  /** Part of a host widget, which shows the storage mode and "newer version" itself. */
  readonly embedded: boolean;
  /** The first embedded journal on the page speaks for the rest about the page's storage. */
  readonly leadsHost: boolean;
  /** The open entry's save stopped because storage is full. */
  readonly entryFull: boolean;
  readonly safariWarning: SafariWarning;
  exportBackup(): void;
}

/** The storage banners: memory only, storage full, other tabs blocking, a newer version, Safari's seven days. */
export function renderBanners(port: BannerPort): TemplateResult | typeof nothing {
  const s = port.status;
  if (!s) return nothing;
  // Embedded, the host shows the storage mode and "newer version" (as the course does); the first
  // embedded journal speaks for the rest of the page; "storage full" shows where it stopped a save.
  const host = port.embedded;
  const lead = !host || port.leadsHost;
  const full = host ? port.entryFull : s.full;
  const backup = html`<button type="button" class="button" @click=${() => port.exportBackup()}>Save a backup</button>`;
  const safari =
    lead && s.mode === 'indexeddb' && s.persisted !== true && (port.safariWarning === 'always' || (port.safariWarning === 'auto' && isWebKitWithStorageCap(navigator.userAgent)));
  return html`${s.mode === 'memory' && !host
    ? html`<div class="notice banner" part="banner">
        <p><strong>Entries are not being kept on this device.</strong> ${s.reason ?? 'They last only until this page closes.'}</p>
        ${backup}
      </div>`
    : nothing}
  ${full
    ? html`<div class="error banner" part="banner" role="alert">
        <p><strong>Storage on this device is full.</strong> Your text is still on screen, but it is not saved. Save a backup of your entries, then free some space (for example by clearing other sites’ data); saving is retried automatically.</p>
        ${backup}
      </div>`
    : nothing}
  ${s.blocked && lead ? html`<div class="notice banner" part="banner" role="alert"><p><strong>Close other tabs with this program open.</strong> An update is waiting for them before your journal can be saved here.</p></div>` : nothing}
  ${s.outdated && !host
    ? html`<div class="notice banner" part="banner" role="alert">
        <p><strong>A newer version is open in another tab.</strong> Reload this page to keep writing; your text is still here until you do.</p>
        <button type="button" class="button" @click=${() => location.reload()}>Reload</button>
      </div>`
    : nothing}
  ${safari
    ? html`<div class="notice banner" part="banner">
        <p><strong>Safari may erase this journal</strong> if you do not visit this site for seven days. Save a backup now and then, or add this site to your Home Screen.</p>
        ${backup}
      </div>`
    : nothing}`;
}

/** The line under the full journal saying whether the browser keeps it, with a way to Backup and import. */
export function renderStorageLine(status: StorageStatus | undefined, view: string, openBackup: () => void): TemplateResult | typeof nothing {
  if (!status || status.mode === 'memory' || view === 'print') return nothing;
  return html`<p class="storage-line help" part="storage-status">
    Stored privately in this browser on this device${status.persisted === true ? '; your browser has agreed to keep it' : status.persisted === false ? '; your browser may clear it if space runs low' : ''}.
    ${view !== 'backup' ? html`<button type="button" class="link" @click=${openBackup}>Backup and import</button>` : nothing}
  </p>`;
}
