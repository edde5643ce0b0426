import { StorageError } from '../errors.js';
import type { BackupDocument, EntryImportCounts, ImportLockPlan, ImportPreview, QuarantineNote, RevisionImportCounts, StepImportCounts } from './backup-format.js';
import type { EntryRevision, JournalEntry, QuarantinedRecord, Setting, StepProgress } from './records.js';
import { STORE_NAMES, STORES, type StoreName, type StoreRecords } from './schema.js';
import { openRecord } from './sealed-records.js';
import { LOCK_SETTING_KEY, lockKeyId, type Sealing } from './sealing.js';
import { KNOWN_SETTINGS, recordProblem } from './validate-records.js';

/** Every record of every store on this device, as an import compares against them. */
export type Local = { [S in StoreName]: StoreRecords[S][] };
export interface Write {
  store: StoreName;
  record: unknown;
}
export type Writes = Write[];

/** Works out, from the file and this device's records, every record an import writes. Pure: writes nothing. */
export class ImportPlanner {
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
