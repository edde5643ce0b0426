import { css, html, nothing, type TemplateResult } from 'lit';
import { exportFileName, FILE_TYPES, saveTextFile } from '../../../sdk/export/file.js';
import { CompassionKitError } from '../../../sdk/errors.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { BackupDocument, ImportPreview, ImportReport } from '../../../sdk/store/backup.js';
import type { JournalEntry } from '../../../sdk/store/records.js';
import type { Formats } from './platform.js';
import { panelStyles } from './view.styles.js';

/** What the panel needs from the journal. */
export interface BackupPanelPort {
  readonly updateComplete: Promise<unknown>;
  requestUpdate(): void;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly sdk: CompassionProgram | undefined;
  readonly formats: Formats;
  announce(text: string): void;
  /** Saves every live entry as Markdown (unlocked only). */
  exportMarkdown(entries?: readonly JournalEntry[]): void;
  /** Shows the print view of every live entry. */
  openPrint(): void;
}

type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'preview'; fileName: string; doc: BackupDocument; preview: ImportPreview }
  | { step: 'importing'; fileName: string; startedAt: number; done?: number; total?: number }
  | { step: 'done'; report: ImportReport }
  | { step: 'error'; message: string };

/** Backup, Markdown, print, import (preview then confirm, atomic), storage status and erase. */
export class BackupPanel {
  private importing: ImportState = { step: 'idle' };
  private estimate: { usage: number; quota: number } | undefined;
  private exportError: string | undefined;
  private eraseError: string | undefined;

  constructor(private readonly host: BackupPanelPort) {}

  /** Reads the storage estimate when the view opens. */
  async refreshEstimate(): Promise<void> {
    this.estimate = await this.host.sdk?.storage.estimate();
    this.host.requestUpdate();
  }

  /** Downloads the JSON backup (the SDK's versioned export; sealed entries stay sealed). Nothing goes over the network. */
  async exportBackup(): Promise<void> {
    const sdk = this.host.sdk;
    if (!sdk) return;
    try {
      const text = await sdk.backup.exportText();
      saveTextFile(text, exportFileName(`${sdk.id}-backup`, 'json'), FILE_TYPES.json, this.host.renderRoot);
      this.exportError = undefined;
      this.host.announce(sdk.journal.lockState === 'off' ? 'Backup saved to your device.' : 'Encrypted backup saved to your device. You will need your passphrase to open it.');
    } catch (error) {
      this.exportError = `The backup could not be made: ${(error as Error).message}`;
    }
    this.host.requestUpdate();
  }

  render(lockState: 'off' | 'locked' | 'unlocked'): TemplateResult {
    const sdk = this.host.sdk;
    return html`<section class="panel" aria-labelledby="backup-title">
      <h3 id="backup-title" class="view-title" tabindex="-1">Backup and import</h3>
      <p>Everything stays in this browser on this device. A backup file lets you move your journal to another device or keep a copy safe.</p>

      <h4>Save your journal</h4>
      <div class="actions">
        <button type="button" class="button primary" part="export-button" @click=${() => this.exportBackup()}>Save a backup file</button>
        <button type="button" class="button" ?disabled=${lockState === 'locked'} @click=${() => this.host.exportMarkdown()}>Save all entries as Markdown</button>
        <button type="button" class="button" ?disabled=${lockState === 'locked'} @click=${() => this.host.openPrint()}>Print or save as PDF</button>
      </div>
      <p class="help">
        ${lockState === 'off'
          ? 'The backup file holds your entries, their history, your progress and your practice log, unencrypted: keep it somewhere private.'
          : 'The backup file keeps your entries encrypted: it opens only with your passphrase. Markdown and print copies are not encrypted.'}
      </p>
      ${this.exportError ? html`<p class="error" role="alert">${this.exportError}</p>` : nothing}

      <h4>Restore from a backup</h4>
      ${this.renderImport(lockState)}

      <h4>Storage on this device</h4>
      ${this.renderStorage()}

      <h4>Erase this journal</h4>
      <details class="erase">
        <summary>Erase everything on this device…</summary>
        <p>
          This deletes every entry, its history, your progress and your practice log for this program from this browser. It cannot be undone. Save a backup
          first if you may want them again.
        </p>
        <form @submit=${this.onErase} novalidate>
          <div class="field">
            <label for="erase-confirm">Type ERASE to confirm</label>
            <input id="erase-confirm" name="confirm" type="text" autocomplete="off" />
          </div>
          ${this.eraseError ? html`<p class="error" role="alert">${this.eraseError}</p>` : nothing}
          <div class="actions"><button class="button danger" ?disabled=${!sdk}>Erase everything</button></div>
        </form>
      </details>
    </section>`;
  }

  private renderImport(lockState: 'off' | 'locked' | 'unlocked'): TemplateResult {
    const s = this.importing;
    if (lockState === 'locked') return html`<p class="help">Unlock your journal to import a backup.</p>`;
    const chooser = html`<div class="field">
      <label for="import-file">Choose a backup file (.json)</label>
      <input id="import-file" part="import-file" type="file" accept=".json,application/json" @change=${this.onFile} ?disabled=${s.step === 'importing' || s.step === 'reading'} />
    </div>`;
    switch (s.step) {
      case 'idle':
        return chooser;
      case 'reading':
        return html`${chooser}<p role="status">Reading ${s.fileName}…</p>`;
      case 'importing': {
        // A bar once the import has taken more than a second: 10,000 entries take several.
        const long = s.total && Date.now() - s.startedAt > 1000;
        return html`<div role="status">
          <p>Importing ${s.fileName}…</p>
          ${long ? html`<progress part="import-progress" max=${s.total!} .value=${s.done ?? 0} aria-label=${`Importing ${s.fileName}`}></progress>` : nothing}
        </div>`;
      }
      case 'error':
        return html`${chooser}<p class="error" role="alert">${s.message}</p>`;
      case 'done':
        return html`${chooser}<p class="success" role="status">${doneText(s.report)}</p>`;
      case 'preview':
        return this.renderPreview(s);
    }
  }

  private renderPreview(s: Extract<ImportState, { step: 'preview' }>): TemplateResult {
    const p = s.preview;
    const f = this.host.formats;
    return html`<div class="import-preview" part="import-preview" role="group" aria-labelledby="preview-title">
      <h5 id="preview-title" tabindex="-1">What ${s.fileName} holds</h5>
      <dl class="counts">
        <div><dt>Journal entries</dt><dd>${p.counts.entries}</dd></div>
        <div><dt>Earlier versions of entries</dt><dd>${p.counts.revisions}</dd></div>
        <div><dt>Completed steps</dt><dd>${p.counts.progress}</dd></div>
        <div><dt>Practice sessions</dt><dd>${p.counts.practice}</dd></div>
        ${p.dateRange ? html`<div><dt>Entries written</dt><dd>${f.dateTime.format(p.dateRange.from)} to ${f.dateTime.format(p.dateRange.to)}</dd></div>` : nothing}
        <div><dt>Made</dt><dd>${formatIso(p.exportedAt, f)}</dd></div>
        <div><dt>New to this device</dt><dd>${entries(p.entries.new)}</dd></div>
        <div><dt>Already on this device</dt><dd>${entries(p.duplicates)}, skipped</dd></div>
        <div><dt>Changed in the backup since</dt><dd>${entries(p.entries.updated)}${p.entries.updated ? ': the backup’s version becomes current; yours stays in History' : ''}</dd></div>
        <div><dt>Changed in both places</dt><dd>${entries(p.entries.bothKept)}${p.entries.bothKept ? ': both texts kept; the newer is current, the other is an imported copy in History' : ''}</dd></div>
        ${p.entries.duplicateIds
          ? html`<div><dt>Same entry more than once in the file</dt><dd>${p.entries.duplicateIds}: each different text is kept as an imported copy in History</dd></div>`
          : nothing}
        <div><dt>Versions added to History</dt><dd>${p.revisions.added}</dd></div>
        <div><dt>Damaged records</dt><dd>${p.quarantined.length}${p.quarantined.length ? ': kept aside, not imported' : ''}</dd></div>
      </dl>
      <p class="help">Nothing on this device is written over: every version you have here is still in History afterwards.</p>
      ${p.quarantined.length
        ? html`<ul class="quarantine">
            ${p.quarantined.slice(0, 20).map((q) => html`<li>${q.store}, item ${q.index + 1}${q.id ? ` (${q.id})` : ''}: ${q.reason}</li>`)}
            ${p.quarantined.length > 20 ? html`<li>…and ${p.quarantined.length - 20} more</li>` : nothing}
          </ul>`
        : nothing}
      ${p.lock === 'adopt'
        ? html`<p class="notice">
            This backup is locked with a passphrase. After importing, your journal will be locked with the backup’s passphrase. The entries already here stay
            readable, and are encrypted with it when you unlock.
          </p>`
        : p.lock === 'same-key'
          ? html`<p class="help">This backup is encrypted with this journal’s key; your current passphrase opens it.</p>`
          : p.lock === 'seal'
            ? html`<p class="help">This backup is not encrypted; what it holds is encrypted with your passphrase as it is imported.</p>`
            : nothing}
      ${p.ignoredSettings.length ? html`<p class="help">Settings this version does not know are left out: ${p.ignoredSettings.join(', ')}.</p>` : nothing}
      <p class="help">Importing happens all at once: if anything goes wrong, nothing is changed.</p>
      <div class="actions">
        <button type="button" class="button primary" part="import-confirm" @click=${() => this.confirmImport(s)}>Import</button>
        <button type="button" class="button" @click=${() => this.cancelImport()}>Cancel</button>
      </div>
    </div>`;
  }

  private renderStorage(): TemplateResult {
    const status = this.host.sdk?.storage.snapshot;
    if (!status) return html``;
    const e = this.estimate;
    return html`<div part="storage-status">
      ${status.mode === 'memory'
        ? html`<p>${status.reason ?? 'Entries are kept in memory only and are gone when this page closes.'}</p>`
        : status.persisted === true
          ? html`<p>Your browser has agreed to keep this journal until you delete it.</p>`
          : status.persisted === false
            ? html`<p>Your browser may delete this journal if the device runs low on space.</p>
                <div class="actions"><button type="button" class="button" @click=${this.onPersist}>Ask the browser to keep it</button></div>`
            : html`<p>This browser does not say whether it will keep the journal. Save a backup now and then.</p>`}
      ${e && e.quota ? html`<p class="help">This site uses about ${formatBytes(e.usage)} of ${formatBytes(e.quota)} available.</p>` : nothing}
    </div>`;
  }

  private readonly onPersist = async () => {
    const kept = await this.host.sdk?.storage.requestPersistence();
    this.host.announce(kept ? 'Your browser will keep this journal.' : 'Your browser did not agree to keep it for sure. Save a backup now and then.');
    this.host.requestUpdate();
  };

  private readonly onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    const sdk = this.host.sdk;
    if (!file || !sdk) return;
    this.importing = { step: 'reading', fileName: file.name };
    this.host.requestUpdate();
    try {
      const text = await file.text();
      // preview() validates every record and throws a clear error for anything that cannot be imported safely.
      const preview = await sdk.backup.preview(text);
      this.importing = { step: 'preview', fileName: file.name, doc: JSON.parse(text) as BackupDocument, preview };
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('#preview-title')?.focus();
    } catch (error) {
      this.importing = { step: 'error', message: error instanceof CompassionKitError ? error.message : `${file.name} could not be read: ${(error as Error).message}` };
    } finally {
      // Choosing the same file again must work too.
      input.value = '';
      this.host.requestUpdate();
    }
  };

  private async confirmImport(s: Extract<ImportState, { step: 'preview' }>): Promise<void> {
    const sdk = this.host.sdk;
    if (!sdk) return;
    const importing: Extract<ImportState, { step: 'importing' }> = { step: 'importing', fileName: s.fileName, startedAt: Date.now() };
    this.importing = importing;
    this.host.requestUpdate();
    try {
      const report = await sdk.backup.import(s.doc, {
        onProgress: (done, total) => {
          importing.done = done;
          importing.total = total;
          this.host.requestUpdate();
        },
      });
      this.importing = { step: 'done', report };
      this.host.announce(doneText(report));
    } catch (error) {
      this.importing = { step: 'error', message: `Nothing was imported: ${(error as Error).message}` };
    }
    this.host.requestUpdate();
  }

  private cancelImport(): void {
    this.importing = { step: 'idle' };
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#import-file')?.focus());
  }

  private readonly onErase = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const typed = (form.elements.namedItem('confirm') as HTMLInputElement).value.trim();
    if (typed.toUpperCase() !== 'ERASE') {
      this.eraseError = 'Type ERASE in the box to confirm.';
      this.host.requestUpdate();
      return;
    }
    try {
      await this.host.sdk?.backup.erase();
      this.eraseError = undefined;
      form.reset();
      (form.closest('details') as HTMLDetailsElement | null)?.removeAttribute('open');
      this.host.announce('Everything for this program was erased from this device.');
    } catch (error) {
      this.eraseError = `Nothing was erased: ${(error as Error).message}`;
    }
    this.host.requestUpdate();
  };
}

function entries(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

/** The report in words: the same numbers the preview showed. */
function doneText(r: ImportReport): string {
  const parts = [`Imported ${entries(r.entries.new)}`];
  if (r.entries.updated) parts.push(`updated ${entries(r.entries.updated)}`);
  if (r.entries.bothKept) parts.push(`kept both texts of ${entries(r.entries.bothKept)}`);
  if (r.revisions.added) parts.push(`added ${r.revisions.added} ${r.revisions.added === 1 ? 'version' : 'versions'} to History`);
  if (r.duplicates) parts.push(`skipped ${r.duplicates} already here`);
  const damaged = r.quarantined.length ? `; ${r.quarantined.length} damaged ${r.quarantined.length === 1 ? 'record was' : 'records were'} kept aside` : '';
  return `${parts.join(', ')}${damaged}.`;
}

function formatIso(iso: string, f: Formats): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : f.dateTime.format(t);
}

/** "1.2 MB" style sizes for the storage estimate. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

const ownStyles = css`
  #preview-title:focus {
    outline: none;
  }
  .counts {
    display: grid;
    gap: var(--_space-1);
    margin: 0 0 var(--_space-3);
  }
  .counts div {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-2);
    border-block-end: 1px solid var(--_color-border);
    padding-block: var(--_space-1);
  }
  .counts dt {
    font-weight: 600;
  }
  .counts dd {
    margin: 0;
  }
  .import-preview {
    padding: var(--_space-3) var(--_space-4);
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-md);
  }
  .quarantine {
    font-size: var(--_font-size-sm);
  }
  details.erase summary {
    min-block-size: var(--_target-size);
    display: flex;
    align-items: center;
    cursor: pointer;
    color: var(--_color-danger);
    font-weight: 600;
  }
`;

/** Styles that arrive with the backup panel. */
export const styles = [panelStyles, ownStyles];
