import { StorageError } from '../errors.js';
import type { Database } from './database.js';
import type { EntryCipher } from './journal.js';
import type { EntryRevision, JournalEntry } from './records.js';
import { STORE_NAMES, type StoreName, type StoreRecords } from './schema.js';
import { openRecord, sealRecord } from './sealed-records.js';
import { LOCK_SETTING_KEY, lockChangedError, lockKeyId, needsSealing, type Sealing } from './sealing.js';

// The passphrase lock's rewrite of every store (turning it on, off, or sealing what arrived in the
// clear at an unlock): loaded by JournalRepository.relock only when the lock is used.

type AnyRecord = Record<string, unknown>;

/** Records rewritten so far, of how many: the long part of turning the lock on or off (crypto on every record). */
export type LockProgress = (done: number, total: number) => void;

export interface LockChange {
  record: unknown;
  expectKeyId: string | null;
  seal?: EntryCipher;
  open?: EntryCipher;
}

/**
 * Rewrites every store in one atomic transaction (see JournalRepository.relock) and resolves to
 * whether anything was written. Refuses with `locked` when the stored lock no longer has the id
 * `change.expectKeyId` (null: no lock), so two tabs cannot race.
 */
export async function rewriteForLock(db: Database, sealing: Sealing, change: LockChange, onProgress?: LockProgress): Promise<boolean> {
  let wrote = false;
  const fingerprint = (stores: Record<string, unknown[]>) =>
    STORE_NAMES.map((name) => (stores[name] ?? []).map((r) => (name === 'entries' ? entryStamp(r as JournalEntry) : name === 'revisions' ? (r as EntryRevision).key : JSON.stringify(r))).sort().join('\n')).join('\n--\n');
  for (let attempt = 0; ; attempt++) {
    const before = await db.read(STORE_NAMES, async (tx) => {
      const out: Record<string, unknown[]> = {};
      for (const name of STORE_NAMES) out[name] = await tx.getAll(name);
      return out;
    });
    const lockNow = (before.settings as { key: string; value: unknown }[]).find((r) => r.key === LOCK_SETTING_KEY);
    if ((lockKeyId(lockNow?.value) ?? null) !== change.expectKeyId) throw lockChangedError();
    const changed = await transformAll(before as never, change, onProgress);
    // Nothing to rewrite (an unlock with everything already sealed): no write, so other tabs are not disturbed.
    if (!changed.length && JSON.stringify(lockNow?.value ?? null) === JSON.stringify(change.record)) break;
    const seen = fingerprint(before);
    const write = () => db.write(STORE_NAMES, async (tx) => {
      const lock = await tx.get('settings', LOCK_SETTING_KEY);
      if ((lockKeyId(lock?.value) ?? null) !== change.expectKeyId) throw lockChangedError();
      // Anything written since the read (another tab) would be left in the wrong form: start again.
      const now: Record<string, unknown[]> = {};
      for (const name of STORE_NAMES) now[name] = await tx.getAll(name);
      if (fingerprint(now) !== seen) return false;
      for (const { store, record } of changed) await tx.put(store as StoreName, record as never);
      if (change.record === null) await tx.delete('settings', LOCK_SETTING_KEY);
      else await tx.put('settings', { key: LOCK_SETTING_KEY, value: change.record });
      return true;
    }, change.seal ? 'encrypting your journal' : 'turning the journal lock off');
    const moved = change.open ? await sealing.whileOpening(write) : await write();
    if (moved) {
      wrote = true;
      break;
    }
    if (attempt >= 4) throw new StorageError('write-failed', 'The journal kept changing in another tab while the lock was being changed. Close other tabs and try again; nothing was changed.');
  }
  return wrote;
}

/** Every store's records rewritten sealed (`seal`) or opened (`open`); only the records that change are returned. */
export async function transformAll(
  stores: { [S in StoreName]?: StoreRecords[S][] },
  change: { seal?: EntryCipher; open?: EntryCipher },
  onProgress?: LockProgress,
): Promise<{ store: StoreName; record: unknown }[]> {
  const out: { store: StoreName; record: unknown }[] = [];
  const total = STORE_NAMES.reduce((n, store) => n + (stores[store]?.length ?? 0), 0);
  let done = 0;
  onProgress?.(0, total);
  for (const store of STORE_NAMES) {
    const rows = (stores[store] ?? []) as unknown as AnyRecord[];
    const one = async (row: AnyRecord): Promise<unknown> => {
      if (change.seal && needsSealing(store, row)) return sealRecord(change.seal, store, row as never);
      if (change.open && row.sealed) {
        const opened = (await openRecord(change.open, store, row as never)) as unknown as AnyRecord;
        return store === 'entries' || store === 'revisions' ? { ...opened, tags: [...new Set((opened.tags as string[]).map((t) => t.trim()).filter(Boolean))] } : opened;
      }
      return undefined;
    };
    // In batches: WebCrypto calls overlap.
    for (let i = 0; i < rows.length; i += 256) {
      const batch = rows.slice(i, i + 256);
      for (const record of await Promise.all(batch.map(one))) if (record) out.push({ store, record });
      done += batch.length;
      onProgress?.(done, total);
    }
  }
  return out;
}

function entryStamp(e: JournalEntry): string {
  return `${e.id}:${e.revision}:${e.updatedAt}:${e.deletedAt ?? ''}:${e.sealed ? 's' : 'p'}`;
}
