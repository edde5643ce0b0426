import { html, nothing, type TemplateResult } from 'lit';
import type { StorageStatus } from '../../../sdk/store/database.js';
import type { RareBanners } from './notices.js';
import { EN_JOURNAL_STRINGS } from './en-journal-strings.js';
import { isWebKitWithStorageCap, type Formats, type SafariWarning } from './platform.js';

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

/**
 * Which storage banners to show: memory only, storage full, other tabs blocking, a newer version,
 * Safari's seven days. Each shows only in some states or browsers, so their words and markup
 * load when one is needed (`rare`, from notices.ts).
 */
export function renderBanners(port: BannerPort, rare: (banners: RareBanners) => TemplateResult | typeof nothing): TemplateResult | typeof nothing {
  const s = port.status;
  if (!s) return nothing;
  // Embedded, the host shows the storage mode and "newer version" (as the course does); the first
  // embedded journal speaks for the rest of the page; "storage full" shows where it stopped a save.
  const host = port.embedded;
  const lead = !host || port.leadsHost;
  const banners: RareBanners = {
    memory: s.mode === 'memory' && !host && s.reason,
    full: host ? port.entryFull : s.full,
    blocked: s.blocked && lead,
    outdated: s.outdated && !host,
    safari: lead && s.mode === 'indexeddb' && s.persisted !== true && (port.safariWarning === 'always' || (port.safariWarning === 'auto' && isWebKitWithStorageCap(navigator.userAgent))),
    exportBackup: port.exportBackup,
  };
  return banners.memory !== false || banners.full || banners.blocked || banners.outdated || banners.safari ? rare(banners) : nothing;
}

/** The line under the full journal saying whether the browser keeps it, with a way to Backup and import. */
export function renderStorageLine(status: StorageStatus | undefined, view: string, openBackup: () => void, formats: Formats): TemplateResult | typeof nothing {
  if (!status || status.mode === 'memory' || view === 'print') return nothing;
  const t = formats.t(EN_JOURNAL_STRINGS);
  return html`<p class="storage-line help" part="storage-status">
    ${status.persisted === true ? t.storedKept : status.persisted === false ? t.storedMayClear : t.storedHere}
    ${view !== 'backup' ? html`<button type="button" class="link" @click=${openBackup}>${t.navBackup}</button>` : nothing}
  </p>`;
}
