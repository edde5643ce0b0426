import type { TemplateResult } from 'lit';
import type { LockStatus } from '../../../sdk/crypto/journal-lock.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { JournalEntry } from '../../../sdk/store/records.js';
import type { BackupPanel } from './backup-panel.js';
import type { LazyModules, LazyViews } from './lazy-views.js';
import type { LockSettings } from './lock-settings.js';
import type { Formats } from './platform.js';
import type { SharePanel } from './share-panel.js';
import type { LockActions } from './unlock-form.js';

type LockCode = Pick<typeof import('./unlock-form.js'), 'LockActions'>;

/** What the panels need from the journal (values read live). */
export interface PanelsPort {
  readonly sdk: CompassionProgram | undefined;
  readonly formats: Formats;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<unknown>;
  readonly pageSize: number;
  announce(text: string): void;
  requestUpdate(): void;
  exportMarkdown(entries?: readonly JournalEntry[]): void;
  openPrint(): void;
}

/**
 * The journal's panels with state of their own (lock settings, backup and import, share), each
 * created once, when its module first arrives, and kept while the journal lives.
 */
export class JournalPanels {
  private lockSettings: LockSettings | undefined;
  private backupPanel: BackupPanel | undefined;
  private sharePanel: SharePanel | undefined;

  constructor(
    private readonly lazy: LazyViews,
    /** The journal's one LockActions, made from the lock's code once it has arrived. */
    private readonly lock: (code: LockCode) => LockActions,
    private readonly port: PanelsPort,
  ) {}

  async backup(): Promise<BackupPanel> {
    return this.backupFrom(await this.lazy.load('backup'));
  }

  async share(): Promise<SharePanel> {
    return this.shareFrom(await this.lazy.load('share'));
  }

  /** Drops the share preview's text (on lock), if the panel was ever opened. */
  forget(): void {
    this.sharePanel?.forget();
  }

  renderLock(status: LockStatus): TemplateResult {
    return this.lazy.render('lock', (m) => (this.lockSettings ??= new m.LockSettings(this.lock(m))).renderSettings(status.state, status.autoLockMinutes, status.work));
  }

  renderBackup(lockState: 'off' | 'locked' | 'unlocked'): TemplateResult {
    return this.lazy.render('backup', (m) => this.backupFrom(m).render(lockState));
  }

  renderShare(entries: readonly JournalEntry[]): TemplateResult {
    return this.lazy.render('share', (m) => this.shareFrom(m).render(entries));
  }

  private backupFrom({ BackupPanel }: LazyModules['backup']): BackupPanel {
    return (this.backupPanel ??= new BackupPanel(this.port));
  }

  private shareFrom({ SharePanel }: LazyModules['share']): SharePanel {
    return (this.sharePanel ??= new SharePanel(this.port));
  }
}
