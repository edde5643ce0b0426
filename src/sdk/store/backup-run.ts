import { StorageError } from '../errors.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupDocument, type ImportOptions, type ImportPreview, type ImportReport } from './backup-format.js';
import type { Database } from './database.js';
import { ImportPlanner, type Local, type Writes } from './import-planner.js';
import type { EntryRevision, JournalEntry } from './records.js';
import { DB_VERSION, STORE_NAMES } from './schema.js';
import { sealRecord } from './sealed-records.js';
import { needsSealing, type Sealing } from './sealing.js';

/** What the backup code needs of the program: handed over by BackupApi (backup.ts), which loads this module on first use. */
export interface BackupContext {
  readonly db: Database;
  readonly programId: string;
  readonly sealing: Sealing;
  readonly afterImport: () => Promise<void>;
}

/** Everything, as one versioned document (decrypted fields are not added: sealed records stay sealed). */
export async function exportBackup(ctx: BackupContext): Promise<BackupDocument> {
  const stores = await readAll(ctx);
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, programId: ctx.programId, exportedAt: new Date().toISOString(), databaseVersion: DB_VERSION, stores };
}

/** What importing `input` would do, without writing anything (see BackupApi.preview). */
export async function previewBackup(ctx: BackupContext, input: unknown, options: ImportOptions): Promise<ImportPreview> {
  const doc = parseBackup(input, ctx.programId, options);
  return (await plan(ctx, doc, await readAll(ctx))).preview;
}

/** Imports a backup in one transaction: all of it or none of it (see BackupApi.import). */
export async function importBackup(ctx: BackupContext, input: unknown, options: ImportOptions): Promise<ImportReport> {
  const doc = parseBackup(input, ctx.programId, options);
  const policy = options.corrupt ?? 'quarantine';
  let report: ImportReport;
  for (let attempt = 0; ; attempt++) {
    const local = await readAll(ctx);
    const { preview, writes, keyId } = await plan(ctx, doc, local);
    if (preview.quarantined.length && policy === 'reject') {
      const q = preview.quarantined[0]!;
      throw new StorageError('invalid-backup', `The backup has ${preview.quarantined.length} damaged record(s), e.g. ${q.store}[${q.index}]: ${q.reason}. Nothing was imported.`);
    }
    // Crypto cannot run inside an IndexedDB transaction (it would commit early): seal first, then check nothing moved.
    const key = ctx.sealing.cipher;
    const toSeal = key && keyId !== undefined ? writes.filter((w) => needsSealing(w.store, w.record as never)).length : 0;
    const total = toSeal + writes.length;
    let progress = 0;
    // Reported at most every 1% (and at the end), not for each of 20,000 records.
    const step = Math.max(1, Math.floor(total / 100));
    const tick = () => {
      progress++;
      if (progress % step === 0 || progress === total) options.onProgress?.(progress, total);
    };
    options.onProgress?.(0, total);
    const sealed = await Promise.all(
      writes.map(async (w) => {
        if (!(key && keyId !== undefined && needsSealing(w.store, w.record as never))) return w;
        const record = await sealRecord(key, w.store, w.record as never);
        tick();
        return { ...w, record };
      }),
    );
    const seen = fingerprint(local);
    const done = await ctx.db.write(STORE_NAMES, async (tx) => {
      const now = {} as Local;
      for (const name of STORE_NAMES) (now as Record<string, unknown[]>)[name] = await tx.getAll(name);
      if (fingerprint(now) !== seen) return false;
      // Queued at once: one request after another, each awaited, took a round trip per record.
      await Promise.all(sealed.map((w) => tx.put(w.store, w.record as never).then(tick)));
      return true;
    }, 'importing your backup');
    // The report is the plan that was written: the preview's numbers, exactly.
    if (done) {
      report = { ...preview, written: { ...preview.added } };
      break;
    }
    if (attempt >= 4) throw new StorageError('write-failed', 'The journal kept changing in another tab during the import. Close other tabs and try again; nothing was imported.');
  }
  await ctx.afterImport();
  return report;
}

function readAll(ctx: BackupContext): Promise<Local> {
  return ctx.db.read(STORE_NAMES, async (tx) => {
    const out = {} as Local;
    for (const name of STORE_NAMES) (out as Record<string, unknown[]>)[name] = await tx.getAll(name);
    return out;
  });
}

async function plan(ctx: BackupContext, doc: BackupDocument, local: Local): Promise<{ preview: ImportPreview; writes: Writes; keyId: string | undefined }> {
  if (ctx.sealing.state === 'unknown') await ctx.sealing.refresh();
  return new ImportPlanner(doc, local, ctx.sealing).run();
}

/** What an import compares against: a change in any store between planning and writing means plan again. */
function fingerprint(local: Local): string {
  return STORE_NAMES.map((name) =>
    (local[name] as unknown[])
      .map((r) => {
        if (name === 'entries') {
          const e = r as JournalEntry;
          return `${e.id}:${e.revision}:${e.updatedAt}:${e.deletedAt ?? ''}:${e.sealed?.iv ?? ''}`;
        }
        if (name === 'revisions') return `${(r as EntryRevision).key}:${(r as EntryRevision).sealed?.iv ?? ''}:${(r as EntryRevision).savedAt}`;
        return JSON.stringify(r);
      })
      .sort()
      .join('\n'),
  ).join('\n--\n');
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
