import { css, html, nothing, type TemplateResult } from 'lit';
import { exportFileName, FILE_TYPES, saveTextFile } from '../../../sdk/export/file.js';
import { CompassionKitError } from '../../../sdk/errors.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { BackupDocument, ImportPreview, ImportReport } from '../../../sdk/store/backup.js';
import type { JournalEntry } from '../../../sdk/store/records.js';
import type { Formats } from './platform.js';
import { panelStyles } from './view.styles.js';
import { EN_PANEL_STRINGS } from './en-panel-strings.js';

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

  private get t(): typeof EN_PANEL_STRINGS {
    return this.host.formats.t(EN_PANEL_STRINGS);
  }

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
      this.host.announce(sdk.journal.lockState === 'off' ? this.t.backupSaved : this.t.backupSavedSealed);
    } catch (error) {
      this.exportError = this.t.backupFailed((error as Error).message);
    }
    this.host.requestUpdate();
  }

  render(lockState: 'off' | 'locked' | 'unlocked'): TemplateResult {
    const sdk = this.host.sdk;
    const t = this.t;
    return html`<section class="panel" aria-labelledby="backup-title">
      <h3 id="backup-title" class="view-title" tabindex="-1">${t.backupTitle}</h3>
      <p>${t.backupIntro}</p>

      <h4>${t.saveJournal}</h4>
      <div class="actions">
        <button type="button" class="button primary" part="export-button" @click=${() => this.exportBackup()}>${t.saveBackupFile}</button>
        <button type="button" class="button" ?disabled=${lockState === 'locked'} @click=${() => this.host.exportMarkdown()}>${t.saveAllMarkdown}</button>
        <button type="button" class="button" ?disabled=${lockState === 'locked'} @click=${() => this.host.openPrint()}>${t.printOrPdf}</button>
      </div>
      <p class="help">
        ${lockState === 'off'
          ? t.backupPlain
          : t.backupSealed}
      </p>
      ${this.exportError ? html`<p class="error" role="alert">${this.exportError}</p>` : nothing}

      <h4>${t.restoreHeading}</h4>
      ${this.renderImport(lockState)}

      <h4>${t.storageHeading}</h4>
      ${this.renderStorage()}

      <h4>${t.eraseHeading}</h4>
      <details class="erase">
        <summary>${t.eraseSummary}</summary>
        <p>${t.eraseBody}</p>
        <form @submit=${this.onErase} novalidate>
          <div class="field">
            <label for="erase-confirm">${t.eraseConfirm(t.eraseWord)}</label>
            <input id="erase-confirm" name="confirm" type="text" autocomplete="off" />
          </div>
          ${this.eraseError ? html`<p class="error" role="alert">${this.eraseError}</p>` : nothing}
          <div class="actions"><button class="button danger" ?disabled=${!sdk}>${t.eraseButton}</button></div>
        </form>
      </details>
    </section>`;
  }

  private renderImport(lockState: 'off' | 'locked' | 'unlocked'): TemplateResult {
    const s = this.importing;
    const t = this.t;
    if (lockState === 'locked') return html`<p class="help">${t.unlockToImport}</p>`;
    const chooser = html`<div class="field">
      <label for="import-file">${t.chooseFile}</label>
      <input id="import-file" part="import-file" type="file" accept=".json,application/json" @change=${this.onFile} ?disabled=${s.step === 'importing' || s.step === 'reading'} />
    </div>`;
    switch (s.step) {
      case 'idle':
        return chooser;
      case 'reading':
        return html`${chooser}<p role="status">${t.reading(s.fileName)}</p>`;
      case 'importing': {
        // A bar once the import has taken more than a second: 10,000 entries take several.
        const long = s.total && Date.now() - s.startedAt > 1000;
        return html`<div role="status">
          <p>${t.importing(s.fileName)}</p>
          ${long ? html`<progress part="import-progress" max=${s.total!} .value=${s.done ?? 0} aria-label=${t.importing(s.fileName)}></progress>` : nothing}
        </div>`;
      }
      case 'error':
        return html`${chooser}<p class="error" role="alert">${s.message}</p>`;
      case 'done':
        return html`${chooser}<p class="success" role="status">${doneText(s.report, t)}</p>`;
      case 'preview':
        return this.renderPreview(s);
    }
  }

  private renderPreview(s: Extract<ImportState, { step: 'preview' }>): TemplateResult {
    const p = s.preview;
    const f = this.host.formats;
    const t = this.t;
    const entries = t.entries;
    return html`<div class="import-preview" part="import-preview" role="group" aria-labelledby="preview-title">
      <h5 id="preview-title" tabindex="-1">${t.previewTitle(s.fileName)}</h5>
      <dl class="counts">
        <div><dt>${t.countEntries}</dt><dd>${p.counts.entries}</dd></div>
        <div><dt>${t.countRevisions}</dt><dd>${p.counts.revisions}</dd></div>
        <div><dt>${t.countProgress}</dt><dd>${p.counts.progress}</dd></div>
        <div><dt>${t.countPractice}</dt><dd>${p.counts.practice}</dd></div>
        ${p.dateRange ? html`<div><dt>${t.written}</dt><dd>${t.dateRange(f.dateTime.format(p.dateRange.from), f.dateTime.format(p.dateRange.to))}</dd></div>` : nothing}
        <div><dt>${t.made}</dt><dd>${formatIso(p.exportedAt, f)}</dd></div>
        <div><dt>${t.newHere}</dt><dd>${entries(p.entries.new)}</dd></div>
        <div><dt>${t.alreadyHere}</dt><dd>${t.skipped(entries(p.duplicates))}</dd></div>
        <div><dt>${t.changedThere}</dt><dd>${entries(p.entries.updated)}${p.entries.updated ? t.changedThereNote : ''}</dd></div>
        <div><dt>${t.changedBoth}</dt><dd>${entries(p.entries.bothKept)}${p.entries.bothKept ? t.changedBothNote : ''}</dd></div>
        ${p.entries.duplicateIds
          ? html`<div><dt>${t.sameTwice}</dt><dd>${t.sameTwiceNote(p.entries.duplicateIds)}</dd></div>`
          : nothing}
        <div><dt>${t.versionsAdded}</dt><dd>${p.revisions.added}</dd></div>
        <div><dt>${t.damaged}</dt><dd>${p.quarantined.length}${p.quarantined.length ? t.damagedNote : ''}</dd></div>
      </dl>
      <p class="help">${t.nothingOverwritten}</p>
      ${p.quarantined.length
        ? html`<ul class="quarantine">
            ${p.quarantined.slice(0, 20).map((q) => html`<li>${t.damagedItem(q.store, q.index + 1, q.id ?? '', q.reason)}</li>`)}
            ${p.quarantined.length > 20 ? html`<li>${t.andMore(p.quarantined.length - 20)}</li>` : nothing}
          </ul>`
        : nothing}
      ${p.lock === 'adopt'
        ? html`<p class="notice">${t.adoptLock}</p>`
        : p.lock === 'same-key'
          ? html`<p class="help">${t.sealedSameKey}</p>`
          : p.lock === 'seal'
            ? html`<p class="help">${t.plainIntoSealed}</p>`
            : nothing}
      ${p.ignoredSettings.length ? html`<p class="help">${t.ignoredSettings(p.ignoredSettings.join(', '))}</p>` : nothing}
      <p class="help">${t.allAtOnce}</p>
      <div class="actions">
        <button type="button" class="button primary" part="import-confirm" @click=${() => this.confirmImport(s)}>${t.import}</button>
        <button type="button" class="button" @click=${() => this.cancelImport()}>${t.cancel}</button>
      </div>
    </div>`;
  }

  private renderStorage(): TemplateResult {
    const status = this.host.sdk?.storage.snapshot;
    if (!status) return html``;
    const e = this.estimate;
    const t = this.t;
    const bytes = (n: number) => formatBytes(n, t, this.host.formats.numbers);
    return html`<div part="storage-status">
      ${status.mode === 'memory'
        ? html`<p>${status.reason ?? t.memoryOnly}</p>`
        : status.persisted === true
          ? html`<p>${t.persisted}</p>`
          : status.persisted === false
            ? html`<p>${t.mayDelete}</p>
                <div class="actions"><button type="button" class="button" @click=${this.onPersist}>${t.askToKeep}</button></div>`
            : html`<p>${t.persistUnknown}</p>`}
      ${e && e.quota ? html`<p class="help">${t.usage(bytes(e.usage), bytes(e.quota))}</p>` : nothing}
    </div>`;
  }

  private readonly onPersist = async () => {
    const kept = await this.host.sdk?.storage.requestPersistence();
    this.host.announce(kept ? this.t.willKeep : this.t.wontKeep);
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
      this.importing = { step: 'error', message: error instanceof CompassionKitError ? error.message : this.t.fileUnreadable(file.name, (error as Error).message) };
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
      this.host.announce(doneText(report, this.t));
    } catch (error) {
      this.importing = { step: 'error', message: this.t.importFailed((error as Error).message) };
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
      this.eraseError = this.t.eraseMissing(this.t.eraseWord);
      this.host.requestUpdate();
      return;
    }
    try {
      await this.host.sdk?.backup.erase();
      this.eraseError = undefined;
      form.reset();
      (form.closest('details') as HTMLDetailsElement | null)?.removeAttribute('open');
      this.host.announce(this.t.erased);
    } catch (error) {
      this.eraseError = this.t.eraseFailed((error as Error).message);
    }
    this.host.requestUpdate();
  };
}

/** The report in words: the same numbers the preview showed. */
function doneText(r: ImportReport, t: typeof EN_PANEL_STRINGS): string {
  return t.imported({ new: r.entries.new, updated: r.entries.updated, bothKept: r.entries.bothKept, versions: r.revisions.added, duplicates: r.duplicates, damaged: r.quarantined.length });
}

function formatIso(iso: string, f: Formats): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : f.dateTime.format(t);
}

/** "1.2 MB" style sizes for the storage estimate. */
export function formatBytes(bytes: number, t: Pick<typeof EN_PANEL_STRINGS, 'bytes'> = EN_PANEL_STRINGS, numbers = new Intl.NumberFormat('en')): string {
  if (bytes < 1024) return t.bytes(numbers.format(bytes), 'B');
  const units = ['KB', 'MB', 'GB', 'TB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = value < 10 ? 1 : 0;
  const format = new Intl.NumberFormat(numbers.resolvedOptions().locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return t.bytes(format.format(value), units[unit]);
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
