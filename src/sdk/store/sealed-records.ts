import type { EntryCipher, SealedContent } from './journal.js';
import type { Sealed } from './records.js';
import { STORES, type StoreName, type StoreRecords } from './schema.js';
import { secretKeys, type AnyRecord } from './sealing.js';

// Turning records into their sealed form and back. Only needed once the lock is on and a key is in
// memory (the key's own code, src/sdk/crypto, loads lazily too), so it is not in the core.

/** The id a sealed record binds as additional data. */
function bindingId(store: StoreName, record: AnyRecord): string {
  if (store === 'revisions') return String(record.entryId);
  return String(record[STORES[store].keyPath]);
}

/** Seals every non-bookkeeping field of a record with `cipher`. A record already sealed keeps its seal, and any clear text beside it is added. */
export async function sealRecord<S extends StoreName>(cipher: EntryCipher, store: S, record: StoreRecords[S]): Promise<StoreRecords[S]> {
  let r = record as unknown as AnyRecord;
  if (r.sealed) r = (await openRecord(cipher, store, record)) as unknown as AnyRecord;
  const secrets = secretKeys(store, r);
  if (!secrets.length) return record;
  const plain: AnyRecord = {};
  const hidden: AnyRecord = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === 'sealed' || v === undefined) continue;
    if (secrets.includes(k)) hidden[k] = v;
    else plain[k] = v;
  }
  const id = bindingId(store, r);
  if (store === 'entries' || store === 'revisions') {
    const { title, fields, tags, ...more } = hidden as { title?: string; fields?: SealedContent['fields']; tags?: string[] } & AnyRecord;
    const content: SealedContent = { title: title ?? '', fields: fields ?? {}, tags: tags ?? [] };
    if (Object.keys(more).length) content.more = more;
    return { ...plain, title: '', fields: {}, tags: [], sealed: await cipher.seal(id, content) } as unknown as StoreRecords[S];
  }
  return { ...plain, sealed: await cipher.sealValue(`record:${store}`, id, hidden) } as unknown as StoreRecords[S];
}

/** Opens a sealed record into its full form. Throws `decrypt-failed` when it does not authenticate. */
export async function openRecord<S extends StoreName>(cipher: EntryCipher, store: S, record: StoreRecords[S]): Promise<StoreRecords[S]> {
  const r = record as unknown as AnyRecord;
  const sealed = r.sealed as Sealed | undefined;
  if (!sealed) return record;
  const { sealed: _sealed, ...rest } = r;
  const id = bindingId(store, r);
  if (store === 'entries' || store === 'revisions') {
    const { title, fields, tags, more } = await cipher.open(id, sealed);
    return { ...rest, ...more, title, fields, tags } as unknown as StoreRecords[S];
  }
  const hidden = await cipher.openValue<AnyRecord>(`record:${store}`, id, sealed);
  return { ...rest, ...(typeof hidden === 'object' && hidden !== null ? hidden : {}) } as unknown as StoreRecords[S];
}
