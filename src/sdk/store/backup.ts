import type { BackupDocument, ImportOptions, ImportPreview, ImportReport } from './backup-format.js';
import type { BackupContext } from './backup-run.js';
import type { Database } from './database.js';
import type { Sealing } from './sealing.js';

export * from './backup-format.js';

/**
 * Export, import and erase of everything the participant stored for one program (D11, D12).
 * A small facade: the code that reads, plans and writes backups (backup-run.ts, import-planner.ts)
 * is a lazy chunk, loaded the first time one of these methods is called.
 */
export class BackupApi {
  private readonly context: BackupContext;

  constructor(db: Database, programId: string, sealing: Sealing, afterImport: () => Promise<void>) {
    this.context = { db, programId, sealing, afterImport };
  }

  /** Everything, as one versioned document (decrypted fields are not added: sealed records stay sealed). */
  async export(): Promise<BackupDocument> {
    return (await loadBackupCode()).exportBackup(this.context);
  }

  /** The export as JSON text, ready to save as a file. */
  async exportText(): Promise<string> {
    return JSON.stringify(await this.export(), null, 1);
  }

  /**
   * Reads a backup (text or parsed) and says exactly what importing it would do, without writing
   * anything. Throws `invalid-backup` for a file that cannot be imported safely (not a backup, a
   * damaged lock record, locked with another passphrase) and `locked` while this journal is locked.
   */
  async preview(input: string | unknown, options: ImportOptions = {}): Promise<ImportPreview> {
    return (await loadBackupCode()).previewBackup(this.context, input, options);
  }

  /**
   * Imports a backup in one transaction: all of it or, on any failure, none of it. Nothing here is
   * written over: versions from the file are added beside this device's (see ImportPreview). With
   * `corrupt: 'reject'` a malformed record throws `invalid-backup` and nothing is written.
   */
  async import(input: string | unknown, options: ImportOptions = {}): Promise<ImportReport> {
    return (await loadBackupCode()).importBackup(this.context, input, options);
  }

  /** Deletes the program's whole database on this device. */
  async erase(): Promise<void> {
    await this.context.db.erase();
    await this.context.afterImport();
  }
}

let backupCode: Promise<typeof import('./backup-run.js')> | undefined;
/** The backup code, loaded once; a failed download (offline) is tried again on the next call. */
function loadBackupCode(): Promise<typeof import('./backup-run.js')> {
  backupCode ??= import('./backup-run.js').catch((error: unknown) => {
    backupCode = undefined;
    throw error;
  });
  return backupCode;
}
