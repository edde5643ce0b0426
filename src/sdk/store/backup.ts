import { StorageError } from '../errors.js';
import type { Database } from './database.js';
import type { JournalEntry, QuarantinedRecord } from './records.js';
import { DB_VERSION, STORE_NAMES, STORES, type StoreName, type StoreRecords } from './schema.js';
import { recordProblem } from './validate-records.js';

export const BACKUP_FORMAT = 'compassion-kit-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** One JSON document holding everything a participant has stored for one program. */
export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  programId: string;
  /** ISO 8601 time of export. */
  exportedAt: string;
  databaseVersion: number;
  stores: { [S in StoreName]?: StoreRecords[S][] };
}

export const CORRUPT_POLICIES = ['quarantine', 'reject'] as const;
export type CorruptPolicy = (typeof CORRUPT_POLICIES)[number];

export interface ImportOptions {
  /**
   * `quarantine` (default): malformed records are kept aside in the quarantine store and
   * reported; the rest are imported. `reject`: any malformed record cancels the whole import.
   */
  corrupt?: CorruptPolicy;
  /** Import a backup made for a different program id. Off by default. */
  allowOtherProgram?: boolean;
}

export interface QuarantineNote {
  store: string;
  /** Position in the backup's list for that store. */
  index: number;
  id?: string;
  reason: string;
}

export interface ImportPreview {
  programId: string;
  exportedAt: string;
  /** Well-formed records per store. */
  counts: Record<StoreName, number>;
  /** Journal entries already here with the same revision: they are skipped. */
  duplicates: number;
  /** Journal entries already here in another version: the newer one wins. */
  conflicts: number;
  quarantined: readonly QuarantineNote[];
  /** Oldest and newest journal entry times (epoch ms), if any. */
  dateRange?: { from: number; to: number };
}

export interface ImportReport extends ImportPreview {
  /** Records written per store. */
  written: Record<StoreName, number>;
}

/** Export, import and erase of everything the participant stored for one program (D11, D12). */
export class BackupApi {
  constructor(
    private readonly db: Database,
    private readonly programId: string,
    private readonly afterImport: () => Promise<void>,
  ) {}

  /** Everything, as one versioned document (decrypted fields are not added: sealed entries stay sealed). */
  async export(): Promise<BackupDocument> {
    const stores = await this.db.read(STORE_NAMES, async (tx) => {
      const out: BackupDocument['stores'] = {};
      for (const name of STORE_NAMES) (out as Record<string, unknown>)[name] = await tx.getAll(name);
      return out;
    });
    return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, programId: this.programId, exportedAt: new Date().toISOString(), databaseVersion: DB_VERSION, stores };
  }

  /** The export as JSON text, ready to save as a file. */
  async exportText(): Promise<string> {
    return JSON.stringify(await this.export(), null, 1);
  }

  /** Reads a backup (text or parsed) and says what importing it would do, without writing anything. */
  async preview(input: string | unknown, options: ImportOptions = {}): Promise<ImportPreview> {
    const { preview } = await this.plan(parseBackup(input, this.programId, options));
    return preview;
  }

  /**
   * Imports a backup in one transaction: all of it or, on any failure, none of it. With
   * `corrupt: 'reject'` a malformed record throws `invalid-backup` and nothing is written.
   */
  async import(input: string | unknown, options: ImportOptions = {}): Promise<ImportReport> {
    const doc = parseBackup(input, this.programId, options);
    const policy = options.corrupt ?? 'quarantine';
    const written = Object.fromEntries(STORE_NAMES.map((s) => [s, 0])) as Record<StoreName, number>;
    const report = await this.db.write(STORE_NAMES, async (tx) => {
      const { preview, accepted } = await this.plan(doc, tx.get);
      if (preview.quarantined.length && policy === 'reject') {
        const q = preview.quarantined[0]!;
        throw new StorageError('invalid-backup', `The backup has ${preview.quarantined.length} damaged record(s), e.g. ${q.store}[${q.index}]: ${q.reason}. Nothing was imported.`);
      }
      for (const { store, record } of accepted) {
        await tx.put(store, record as never);
        written[store]++;
      }
      const now = Date.now();
      for (const q of preview.quarantined) {
        const rec: QuarantinedRecord = { id: `${q.store}:${q.index}:${now}`, store: q.store, reason: q.reason, record: (doc.stores as Record<string, unknown[]>)[q.store]?.[q.index] ?? null, quarantinedAt: now };
        await tx.put('quarantine', rec);
        written.quarantine++;
      }
      return { ...preview, written };
    }, 'importing your backup');
    await this.afterImport();
    return report;
  }

  /** Deletes the program's whole database on this device. */
  async erase(): Promise<void> {
    await this.db.erase();
    await this.afterImport();
  }

  private async plan(doc: BackupDocument, get?: <S extends StoreName>(s: S, k: IDBValidKey) => Promise<StoreRecords[S] | undefined>) {
    const lookup = get ?? (<S extends StoreName>(s: S, k: IDBValidKey) => this.db.read([s], (tx) => tx.get(s, k)));
    const counts = Object.fromEntries(STORE_NAMES.map((s) => [s, 0])) as Record<StoreName, number>;
    const quarantined: QuarantineNote[] = [];
    const accepted: { store: StoreName; record: unknown }[] = [];
    let duplicates = 0;
    let conflicts = 0;
    let from = Infinity;
    let to = -Infinity;
    for (const store of STORE_NAMES) {
      const rows = (doc.stores as Record<string, unknown>)[store];
      if (rows === undefined) continue;
      if (!Array.isArray(rows)) {
        quarantined.push({ store, index: -1, reason: `"stores.${store}" is not a list` });
        continue;
      }
      for (const [index, record] of rows.entries()) {
        const problem = recordProblem(store, record);
        const key = (record as Record<string, unknown> | null)?.[STORES[store].keyPath];
        if (problem) {
          quarantined.push({ store, index, id: typeof key === 'string' ? key : undefined, reason: problem });
          continue;
        }
        counts[store]++;
        if (store === 'entries') {
          const entry = record as JournalEntry;
          from = Math.min(from, entry.createdAt);
          to = Math.max(to, entry.updatedAt);
          const existing = await lookup('entries', entry.id);
          if (existing && existing.revision === entry.revision && existing.updatedAt === entry.updatedAt) {
            duplicates++;
            continue;
          }
          if (existing) {
            conflicts++;
            if (existing.updatedAt > entry.updatedAt) continue;
          }
        }
        accepted.push({ store, record });
      }
    }
    const preview: ImportPreview = { programId: doc.programId, exportedAt: doc.exportedAt, counts, duplicates, conflicts, quarantined };
    if (from <= to) preview.dateRange = { from, to };
    return { preview, accepted };
  }
}

function parseBackup(input: unknown, programId: string, options: ImportOptions): BackupDocument {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (cause) {
      throw new StorageError('invalid-backup', `This file is not a compassion-kit backup: it is not valid JSON (${(cause as Error).message}).`, { cause });
    }
  }
  const d = doc as Partial<BackupDocument> | null;
  if (!d || typeof d !== 'object' || d.format !== BACKUP_FORMAT) {
    throw new StorageError('invalid-backup', 'This file is not a compassion-kit backup (its "format" is not "compassion-kit-backup").');
  }
  if (d.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new StorageError('invalid-backup', `This backup uses format version ${String(d.formatVersion)}; this version of compassion-kit reads version ${BACKUP_FORMAT_VERSION}.`);
  }
  if (d.programId !== programId && !options.allowOtherProgram) {
    throw new StorageError('invalid-backup', `This backup belongs to program "${String(d.programId)}", not "${programId}".`);
  }
  if (!d.stores || typeof d.stores !== 'object') throw new StorageError('invalid-backup', 'This backup has no "stores" section.');
  return d as BackupDocument;
}
