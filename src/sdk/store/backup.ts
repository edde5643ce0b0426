import { StorageError } from '../errors.js';
import type { Database } from './database.js';
import type { EntryRevision, JournalEntry, QuarantinedRecord, Setting, StepProgress } from './records.js';
import { DB_VERSION, STORE_NAMES, STORES, type StoreName, type StoreRecords } from './schema.js';
import { LOCK_SETTING_KEY, lockKeyId, needsSealing, openRecord, sealRecord, type Sealing } from './sealing.js';
import { KNOWN_SETTINGS, recordProblem } from './validate-records.js';

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

/**
 * What an import does with the passphrase lock:
 * - `none`: neither this journal nor the backup is locked;
 * - `seal`: this journal is locked and the backup is not: its text is encrypted with this journal's key as it is imported;
 * - `same-key`: the backup is encrypted with this journal's key; this device's lock record is kept;
 * - `adopt`: the backup is locked and this journal is not: the backup's lock comes with it, so the journal
 *   opens with the backup's passphrase; entries already here stay readable and are encrypted at the first unlock.
 * A backup locked with another key than this journal's, or a damaged lock record, is refused at preview.
 */
export const IMPORT_LOCK_PLANS = ['none', 'seal', 'same-key', 'adopt'] as const;
export type ImportLockPlan = (typeof IMPORT_LOCK_PLANS)[number];

export interface EntryImportCounts {
  /** Not on this device yet: added. */
  new: number;
  /** Here in a version the backup's history continues: the backup's becomes current; this device's stays in History. */
  updated: number;
  /** Changed on both sides: both texts kept, the newer (by `updatedAt`) current, the other an `imported-copy` in History. */
  bothKept: number;
  /** Already here (the same text, or a version this device's History already holds): nothing to add. */
  identical: number;
  /** Entries whose id appears again later in the same file: each different text is kept as an `imported-copy`. */
  duplicateIds: number;
}

export interface RevisionImportCounts {
  /** Versions added to History (beside this device's, never over them). */
  added: number;
  /** Of those, how many took a new number because theirs was taken by a different version here or in the file. */
  renumbered: number;
  /** Versions already here: skipped. */
  identical: number;
}

export interface StepImportCounts {
  new: number;
  /** Done on both sides: the earlier completion time is kept and both notes (when they differ) are joined. */
  merged: number;
  identical: number;
  /** A second note that could not be joined (sealed with a key this device does not hold yet): kept aside in quarantine. */
  keptAside: number;
}

export interface ImportPreview {
  programId: string;
  exportedAt: string;
  /** Well-formed records per store in the file. */
  counts: Record<StoreName, number>;
  /** Records the import will write, per store (the report's `written` is the same). */
  added: Record<StoreName, number>;
  entries: EntryImportCounts;
  revisions: RevisionImportCounts;
  progress: StepImportCounts;
  /** Journal entries already here: nothing to add (`entries.identical`). */
  duplicates: number;
  /** Journal entries here in another version (`entries.updated + entries.bothKept`): both versions are kept. */
  conflicts: number;
  lock: ImportLockPlan;
  /** Settings keys this version does not know: not imported. */
  ignoredSettings: readonly string[];
  /** Damaged records: kept aside in quarantine, not imported. */
  quarantined: readonly QuarantineNote[];
  /** Oldest and newest journal entry times (epoch ms), if any. */
  dateRange?: { from: number; to: number };
}

export interface ImportReport extends ImportPreview {
  /** Records written per store. */
  written: Record<StoreName, number>;
}

type Local = { [S in StoreName]: StoreRecords[S][] };
interface Write {
  store: StoreName;
  record: unknown;
}
type Writes = Write[];

/** Export, import and erase of everything the participant stored for one program (D11, D12). */
export class BackupApi {
  constructor(
    private readonly db: Database,
    private readonly programId: string,
    private readonly sealing: Sealing,
    private readonly afterImport: () => Promise<void>,
  ) {}

  /** Everything, as one versioned document (decrypted fields are not added: sealed records stay sealed). */
  async export(): Promise<BackupDocument> {
    const stores = await this.readAll();
    return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, programId: this.programId, exportedAt: new Date().toISOString(), databaseVersion: DB_VERSION, stores };
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
    const doc = parseBackup(input, this.programId, options);
    return (await this.plan(doc, await this.readAll())).preview;
  }

  /**
   * Imports a backup in one transaction: all of it or, on any failure, none of it. Nothing here is
   * written over: versions from the file are added beside this device's (see ImportPreview). With
   * `corrupt: 'reject'` a malformed record throws `invalid-backup` and nothing is written.
   */
  async import(input: string | unknown, options: ImportOptions = {}): Promise<ImportReport> {
    const doc = parseBackup(input, this.programId, options);
    const policy = options.corrupt ?? 'quarantine';
    let report: ImportReport;
    for (let attempt = 0; ; attempt++) {
      const local = await this.readAll();
      const { preview, writes, keyId } = await this.plan(doc, local);
      if (preview.quarantined.length && policy === 'reject') {
        const q = preview.quarantined[0]!;
        throw new StorageError('invalid-backup', `The backup has ${preview.quarantined.length} damaged record(s), e.g. ${q.store}[${q.index}]: ${q.reason}. Nothing was imported.`);
      }
      // Crypto cannot run inside an IndexedDB transaction (it would commit early): seal first, then check nothing moved.
      const key = this.sealing.cipher;
      const sealed = await Promise.all(writes.map(async (w) => (key && keyId !== undefined && needsSealing(w.store, w.record as never) ? { ...w, record: await sealRecord(key, w.store, w.record as never) } : w)));
      const seen = fingerprint(local);
      const done = await this.db.write(STORE_NAMES, async (tx) => {
        const now = {} as Local;
        for (const name of STORE_NAMES) (now as Record<string, unknown[]>)[name] = await tx.getAll(name);
        if (fingerprint(now) !== seen) return false;
        for (const w of sealed) await tx.put(w.store, w.record as never);
        return true;
      }, 'importing your backup');
      // The report is the plan that was written: the preview's numbers, exactly.
      if (done) {
        report = { ...preview, written: { ...preview.added } };
        break;
      }
      if (attempt >= 4) throw new StorageError('write-failed', 'The journal kept changing in another tab during the import. Close other tabs and try again; nothing was imported.');
    }
    await this.afterImport();
    return report;
  }

  /** Deletes the program's whole database on this device. */
  async erase(): Promise<void> {
    await this.db.erase();
    await this.afterImport();
  }

  private readAll(): Promise<Local> {
    return this.db.read(STORE_NAMES, async (tx) => {
      const out = {} as Local;
      for (const name of STORE_NAMES) (out as Record<string, unknown[]>)[name] = await tx.getAll(name);
      return out;
    });
  }

  private async plan(doc: BackupDocument, local: Local): Promise<{ preview: ImportPreview; writes: Writes; keyId: string | undefined }> {
    if (this.sealing.state === 'unknown') await this.sealing.refresh();
    return new ImportPlanner(doc, local, this.sealing).run();
  }
}

/** Works out, from the file and this device's records, every record an import writes. Pure: writes nothing. */
class ImportPlanner {
  private readonly writes: Writes = [];
  private readonly quarantined: QuarantineNote[] = [];
  private readonly counts = zeroes();
  private readonly texts = new Map<object, string>();
  private readonly entries: EntryImportCounts = { new: 0, updated: 0, bothKept: 0, identical: 0, duplicateIds: 0 };
  private readonly revisions: RevisionImportCounts = { added: 0, renumbered: 0, identical: 0 };
  private readonly progress: StepImportCounts = { new: 0, merged: 0, identical: 0, keptAside: 0 };
  private readonly ignoredSettings: string[] = [];
  private readonly now = Date.now();
  private key = undefined as Sealing['cipher'];

  constructor(
    private readonly doc: BackupDocument,
    private readonly local: Local,
    private readonly sealing: Sealing,
  ) {}

  async run(): Promise<{ preview: ImportPreview; writes: Writes; keyId: string | undefined }> {
    const good = this.validate();
    const { plan, keyId } = this.lockPlan(good);
    this.key = keyId !== undefined ? this.sealing.cipher : undefined;
    if (plan === 'same-key') await this.checkSealed(good);
    await this.planJournal(good.entries as JournalEntry[], good.revisions as EntryRevision[]);
    await this.planProgress(good.progress as StepProgress[]);
    this.planSimple(good);
    for (const q of this.quarantined) {
      const rows = (this.doc.stores as Record<string, unknown[]>)[q.store];
      this.write('quarantine', { id: `${q.store}:${q.index}:${this.now}`, store: q.store, reason: q.reason, record: Array.isArray(rows) ? (rows[q.index] ?? null) : (rows ?? null), quarantinedAt: this.now } satisfies QuarantinedRecord);
    }
    const added = zeroes();
    for (const w of this.writes) added[w.store]++;
    let from = Infinity;
    let to = -Infinity;
    for (const e of good.entries as JournalEntry[]) {
      from = Math.min(from, e.createdAt);
      to = Math.max(to, e.updatedAt);
    }
    const preview: ImportPreview = {
      programId: this.doc.programId,
      exportedAt: this.doc.exportedAt,
      counts: this.counts,
      added,
      entries: this.entries,
      revisions: this.revisions,
      progress: this.progress,
      duplicates: this.entries.identical,
      conflicts: this.entries.updated + this.entries.bothKept,
      lock: plan,
      ignoredSettings: this.ignoredSettings,
      quarantined: this.quarantined,
    };
    if (from <= to) preview.dateRange = { from, to };
    return { preview, writes: this.writes, keyId };
  }

  /** Every record of every store checked in full; the damaged ones are noted for quarantine. */
  private validate(): { [S in StoreName]: unknown[] } {
    const good = Object.fromEntries(STORE_NAMES.map((s) => [s, [] as unknown[]])) as { [S in StoreName]: unknown[] };
    for (const store of STORE_NAMES) {
      const rows = (this.doc.stores as Record<string, unknown>)[store];
      if (rows === undefined) continue;
      if (!Array.isArray(rows)) {
        this.quarantined.push({ store, index: -1, reason: `"stores.${store}" is not a list` });
        continue;
      }
      for (const [index, record] of rows.entries()) {
        const problem = recordProblem(store, record);
        const key = (record as Record<string, unknown> | null)?.[STORES[store].keyPath];
        if (problem) {
          if (store === 'settings' && key === LOCK_SETTING_KEY) {
            throw new StorageError(
              'invalid-backup',
              `This backup's journal lock record (settings "${LOCK_SETTING_KEY}") is damaged: ${problem}. Importing it could lock you out of your entries, so nothing was imported. Entries on this device are unchanged; a backup saved again from the other device should work.`,
            );
          }
          this.quarantined.push({ store, index, id: typeof key === 'string' ? key : undefined, reason: problem });
          continue;
        }
        this.counts[store]++;
        good[store].push(record);
      }
    }
    return good;
  }

  private lockPlan(good: { [S in StoreName]: unknown[] }): { plan: ImportLockPlan; keyId: string | undefined } {
    const fileLocks = (good.settings as Setting[]).filter((s) => s.key === LOCK_SETTING_KEY);
    const fileKeys = new Set(fileLocks.map((s) => lockKeyId(s.value)));
    if (fileKeys.size > 1) throw new StorageError('invalid-backup', `This backup holds ${fileKeys.size} different journal lock records, so it is not clear which passphrase opens it. Nothing was imported.`);
    const fileKeyId = lockKeyId(fileLocks[0]?.value);
    const localKeyId = lockKeyId(this.local.settings.find((s) => s.key === LOCK_SETTING_KEY)?.value);
    const fileSealed = STORE_NAMES.some((s) => (good[s] as { sealed?: unknown }[]).some((r) => r.sealed));
    if (localKeyId === undefined) {
      if (fileKeyId !== undefined) return { plan: 'adopt', keyId: undefined };
      if (fileSealed) throw new StorageError('invalid-backup', 'This backup holds encrypted entries but no journal lock record to open them with, so they could never be read here. Nothing was imported.');
      return { plan: 'none', keyId: undefined };
    }
    if (this.sealing.cipher?.keyId !== localKeyId) {
      throw new StorageError('locked', 'The journal is locked: unlock it with your passphrase to import a backup. Nothing was imported.');
    }
    if (fileKeyId !== undefined && fileKeyId !== localKeyId) {
      throw new StorageError(
        'invalid-backup',
        'This backup is locked with a different passphrase from this journal, so its entries could not be opened here. Nothing was imported. To restore it, turn the lock off here first, then import it and unlock with the backup’s passphrase.',
      );
    }
    return { plan: fileKeyId !== undefined || fileSealed ? 'same-key' : 'seal', keyId: localKeyId };
  }

  /** With this journal's key in hand, a sealed record that does not open is damaged: kept aside, not mixed in. */
  private async checkSealed(good: { [S in StoreName]: unknown[] }): Promise<void> {
    for (const store of STORE_NAMES) {
      const rows = good[store] as { sealed?: unknown }[];
      const ok: unknown[] = [];
      for (const r of rows) {
        if (r.sealed) {
          try {
            await openRecord(this.key!, store, r as never);
          } catch {
            const all = (this.doc.stores as Record<string, unknown[]>)[store]!;
            const key = (r as Record<string, unknown>)[STORES[store].keyPath];
            this.quarantined.push({ store, index: all.indexOf(r), id: typeof key === 'string' ? key : undefined, reason: 'its encrypted text does not open with this journal’s key (damaged, or sealed with another key)' });
            this.counts[store]--;
            continue;
          }
        }
        ok.push(r);
      }
      good[store] = ok;
    }
  }

  private write(store: StoreName, record: unknown): void {
    this.writes.push({ store, record });
  }

  /** The participant's text of a record, comparable across sealed and plain forms when this device can open it. */
  private async text(store: 'entries' | 'revisions' | 'progress', record: object): Promise<string> {
    let t = this.texts.get(record);
    if (t !== undefined) return t;
    const r = record as Record<string, unknown> & { sealed?: { iv: string; data: string } };
    let open: Record<string, unknown> | undefined = r;
    if (r.sealed) {
      open = undefined;
      if (this.key) open = (await openRecord(this.key, store, r as never).catch(() => undefined)) as Record<string, unknown> | undefined;
    }
    if (!open) t = `sealed:${r.sealed!.iv}:${r.sealed!.data}`;
    else if (store === 'progress') t = stable({ note: open.note ?? '' });
    else t = stable({ title: open.title, fields: open.fields, tags: open.tags });
    this.texts.set(record, t);
    return t;
  }

  private async planJournal(fileEntries: JournalEntry[], fileRevisions: EntryRevision[]): Promise<void> {
    const localEntries = new Map(this.local.entries.map((e) => [e.id, e]));
    const localRevisions = groupBy(this.local.revisions, (r) => r.entryId);
    const first = new Map<string, JournalEntry>();
    const again = new Map<string, JournalEntry[]>();
    for (const e of fileEntries) {
      if (!first.has(e.id)) first.set(e.id, e);
      else {
        this.entries.duplicateIds++;
        again.set(e.id, [...(again.get(e.id) ?? []), e]);
      }
    }
    const fileRevs = groupBy(fileRevisions, (r) => r.entryId);
    const ids = [...new Set([...first.keys(), ...fileRevs.keys()])];
    for (const id of ids) await this.planEntry(id, localEntries.get(id), first.get(id), again.get(id) ?? [], localRevisions.get(id) ?? [], fileRevs.get(id) ?? []);
  }

  private async planEntry(id: string, L: JournalEntry | undefined, F: JournalEntry | undefined, dupes: JournalEntry[], LR: EntryRevision[], FR: EntryRevision[]): Promise<void> {
    const kept: EntryRevision[] = [...LR];
    let ceiling = Math.max(0, L?.revision ?? 0, F?.revision ?? 0, ...LR.map((r) => r.revision), ...FR.map((r) => r.revision));
    const label = (r: EntryRevision): EntryRevision => (L && !r.label ? { ...r, label: 'imported-copy' } : r);
    const add = (r: EntryRevision) => {
      kept.push(r);
      this.write('revisions', r);
    };
    // History from the file goes beside this device's: a taken number means a new number, never an overwrite.
    for (const fr of [...FR].sort((a, b) => a.revision - b.revision)) {
      // Already here, under this number or another (an earlier import renumbered it): nothing to add.
      const t = await this.text('revisions', fr);
      if (await someAsync(kept, async (r) => r.savedAt === fr.savedAt && (await this.text('revisions', r)) === t)) {
        this.revisions.identical++;
        continue;
      }
      const same = kept.find((r) => r.revision === fr.revision);
      let n = fr.revision;
      if (same) {
        n = ++ceiling;
        this.revisions.renumbered++;
      }
      const placed = label({ ...fr, key: `${id}:${n}`, revision: n });
      this.texts.set(placed, t);
      add(placed);
      this.revisions.added++;
    }
    const hasText = async (t: string, labelled = false) => {
      for (const r of kept) if ((!labelled || r.label) && (await this.text('revisions', r)) === t) return true;
      return false;
    };
    const copyOf = async (e: JournalEntry) => {
      const t = await this.text('entries', e);
      if (await hasText(t, true)) return;
      const copy: EntryRevision = { key: `${id}:${++ceiling}`, entryId: id, revision: ceiling, savedAt: e.updatedAt, title: e.title, fields: e.fields, tags: e.tags, label: 'imported-copy' };
      if (e.sealed) copy.sealed = e.sealed;
      this.texts.set(copy, t);
      add(copy);
      this.revisions.added++;
    };

    let current: JournalEntry | undefined = L;
    if (F && !L) {
      this.entries.new++;
      current = F;
    } else if (F && L) {
      const tL = await this.text('entries', L);
      const tF = await this.text('entries', F);
      if (tL === tF) {
        this.entries.identical++;
      } else {
        const continuesLocal = await someAsync(FR, async (r) => r.savedAt === L.updatedAt && (await this.text('revisions', r)) === tL);
        const continuedHere = await someAsync(LR, async (r) => r.savedAt === F.updatedAt && (await this.text('revisions', r)) === tF);
        if (continuedHere && !continuesLocal) {
          this.entries.identical++;
        } else if (continuesLocal && F.updatedAt >= L.updatedAt) {
          this.entries.updated++;
          current = { ...F, createdAt: Math.min(F.createdAt, L.createdAt) };
          this.texts.set(current, tF);
        } else {
          this.entries.bothKept++;
          if (F.updatedAt > L.updatedAt) {
            await copyOf(L);
            current = { ...F, createdAt: Math.min(F.createdAt, L.createdAt) };
            this.texts.set(current, tF);
          } else {
            if (!(await hasText(tF))) await copyOf(F);
          }
        }
      }
    }
    // The same id again in the file: every different text is kept as a copy, none written over another.
    for (const d of dupes) {
      const t = await this.text('entries', d);
      if (current && (await this.text('entries', current)) === t) continue;
      if (await hasText(t)) continue;
      await copyOf(d);
    }
    if (!current) return;
    // The entry's counter stays above every kept revision, and the top revision holds its current text.
    const top = Math.max(...kept.map((r) => r.revision), 0);
    let next = current;
    if (current.revision < top || (current !== L && kept.some((r) => r.revision === current!.revision && r.savedAt !== current!.updatedAt))) {
      const topRecord = kept.find((r) => r.revision === top);
      const t = await this.text('entries', current);
      if (topRecord && topRecord.savedAt === current.updatedAt && (await this.text('revisions', topRecord)) === t) next = { ...current, revision: top };
      else {
        next = { ...current, revision: ++ceiling };
        const rev: EntryRevision = { key: `${id}:${ceiling}`, entryId: id, revision: ceiling, savedAt: current.updatedAt, title: current.title, fields: current.fields, tags: current.tags };
        if (current.sealed) rev.sealed = current.sealed;
        add(rev);
      }
    }
    if (next !== L) this.write('entries', next);
  }

  private async planProgress(rows: StepProgress[]): Promise<void> {
    const local = new Map(this.local.progress.map((p) => [p.stepId, p]));
    const planned = new Map<string, StepProgress>();
    for (const q of rows) {
      const base = planned.get(q.stepId) ?? local.get(q.stepId);
      if (!base) {
        planned.set(q.stepId, q);
        this.progress.new++;
        continue;
      }
      const wasLocal = !planned.has(q.stepId);
      const tBase = await this.text('progress', base);
      const tQ = await this.text('progress', q);
      const qHasNote = q.note !== undefined || q.sealed !== undefined;
      const baseHasNote = base.note !== undefined || base.sealed !== undefined;
      const completedAt = Math.min(base.completedAt, q.completedAt);
      if (!qHasNote || tQ === tBase) {
        if (completedAt === base.completedAt) {
          if (wasLocal) this.progress.identical++;
          continue;
        }
        planned.set(q.stepId, { ...base, completedAt });
      } else if (!baseHasNote) {
        planned.set(q.stepId, { ...q, completedAt });
      } else {
        const a = await this.opened(base);
        const b = await this.opened(q);
        if (a?.note !== undefined && b?.note !== undefined) {
          const { sealed: _s, ...plain } = a;
          planned.set(q.stepId, { ...plain, completedAt, note: a.note.includes(b.note) ? a.note : `${a.note}\n\n${b.note}` });
        } else {
          // Sealed with a key this device does not hold yet: neither note may be written over, so this one waits in quarantine.
          this.write('quarantine', { id: `progress:${q.stepId}:${this.now}:${this.progress.keptAside}`, store: 'progress', reason: `a second note for step "${q.stepId}", sealed with a key this journal does not hold yet, kept aside`, record: q, quarantinedAt: this.now } satisfies QuarantinedRecord);
          this.progress.keptAside++;
          continue;
        }
      }
      if (wasLocal) this.progress.merged++;
    }
    for (const p of planned.values()) this.write('progress', p);
  }

  private async opened(p: StepProgress): Promise<StepProgress | undefined> {
    if (!p.sealed) return p;
    if (!this.key) return undefined;
    return openRecord(this.key, 'progress', p).catch(() => undefined);
  }

  /** Practice, playback, settings and quarantine: nothing here is written over. */
  private planSimple(good: { [S in StoreName]: unknown[] }): void {
    const practice = new Set(this.local.practice.map((p) => p.id));
    for (const p of good.practice as StoreRecords['practice'][]) {
      if (practice.has(p.id)) continue;
      practice.add(p.id);
      this.write('practice', p);
    }
    const playback = new Map(this.local.playback.map((p) => [p.meditationId, p]));
    for (const p of good.playback as StoreRecords['playback'][]) {
      const here = playback.get(p.meditationId);
      if (here && here.updatedAt >= p.updatedAt) continue;
      playback.set(p.meditationId, p);
      this.write('playback', p);
    }
    const settings = new Set(this.local.settings.map((s) => s.key));
    for (const s of good.settings as Setting[]) {
      if (!(s.key in KNOWN_SETTINGS)) {
        if (!this.ignoredSettings.includes(s.key)) this.ignoredSettings.push(s.key);
        continue;
      }
      // This device's own settings win; the lock record comes only when this journal has none (`adopt`).
      if (settings.has(s.key)) continue;
      settings.add(s.key);
      this.write('settings', s);
    }
    const quarantine = new Map(this.local.quarantine.map((q) => [q.id, q]));
    for (const q of good.quarantine as QuarantinedRecord[]) {
      const here = quarantine.get(q.id);
      if (here && stable(here) === stable(q)) continue;
      const record = here ? { ...q, id: `${q.id}:imported:${this.now}` } : q;
      quarantine.set(record.id, record);
      this.write('quarantine', record);
    }
  }
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

function zeroes(): Record<StoreName, number> {
  return Object.fromEntries(STORE_NAMES.map((s) => [s, 0])) as Record<StoreName, number>;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

async function someAsync<T>(rows: readonly T[], test: (r: T) => Promise<boolean>): Promise<boolean> {
  for (const r of rows) if (await test(r)) return true;
  return false;
}

/** JSON with object keys in order, so the same text compares equal however a file ordered it. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
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
