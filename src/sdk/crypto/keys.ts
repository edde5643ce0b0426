import { StorageError } from '../errors.js';
import { fromBase64, toBase64 } from './base64.js';
import { LOCK_FORMAT, LOCK_FORMAT_VERSION, MIN_PBKDF2_ITERATIONS, PBKDF2_ITERATIONS, type LockRecord } from './lock-record.js';

export { LOCK_FORMAT, LOCK_FORMAT_VERSION, MIN_PBKDF2_ITERATIONS, PBKDF2_ITERATIONS, asLockRecord, type LockRecord } from './lock-record.js';

const encoder = new TextEncoder();

/** The additional data that binds a wrapped key to its id, so a record cannot borrow another's key. */
function wrapAad(keyId: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`compassion-kit:journal-key:v${LOCK_FORMAT_VERSION}:${keyId}`);
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Derives the key-encryption key from a passphrase. NFC first, so the same words typed on another device match. */
async function deriveKek(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

/** A fresh random data key and its record, wrapped under `passphrase`. The returned key is not extractable. */
export async function createLock(passphrase: string, options: { autoLockMinutes: number | null; iterations?: number }): Promise<{ record: LockRecord; key: CryptoKey }> {
  const keyId = crypto.randomUUID();
  const extractable = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const now = Date.now();
  const iterations = Math.max(MIN_PBKDF2_ITERATIONS, options.iterations ?? PBKDF2_ITERATIONS);
  const record = await wrap(extractable, passphrase, { keyId, iterations, autoLockMinutes: options.autoLockMinutes, createdAt: now, changedAt: now });
  // Use a non-extractable copy for the session: script on the page can use it but never read it out.
  return { record, key: await unwrap(record, passphrase, false) };
}

async function wrap(dataKey: CryptoKey, passphrase: string, base: Pick<LockRecord, 'keyId' | 'autoLockMinutes' | 'createdAt' | 'changedAt'> & { iterations: number }): Promise<LockRecord> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKek(passphrase, salt, base.iterations);
  const data = new Uint8Array(await crypto.subtle.wrapKey('raw', dataKey, kek, { name: 'AES-GCM', iv, additionalData: wrapAad(base.keyId) }));
  return {
    format: LOCK_FORMAT,
    version: LOCK_FORMAT_VERSION,
    keyId: base.keyId,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: base.iterations, salt: toBase64(salt) },
    wrapped: { iv: toBase64(iv), data: toBase64(data) },
    autoLockMinutes: base.autoLockMinutes,
    createdAt: base.createdAt,
    changedAt: base.changedAt,
  };
}

/** Opens the data key with the passphrase. A wrong passphrase (or a tampered record) throws `wrong-passphrase`. */
export async function unwrap(record: LockRecord, passphrase: string, extractable = false): Promise<CryptoKey> {
  let salt: Uint8Array<ArrayBuffer>, iv: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>;
  try {
    salt = fromBase64(record.kdf.salt);
    iv = fromBase64(record.wrapped.iv);
    data = fromBase64(record.wrapped.data);
  } catch (cause) {
    throw new StorageError('decrypt-failed', 'The journal lock settings on this device are damaged, so the journal cannot be unlocked. Nothing was changed.', { cause });
  }
  const kek = await deriveKek(passphrase, salt, record.kdf.iterations);
  try {
    return await crypto.subtle.unwrapKey('raw', data, kek, { name: 'AES-GCM', iv, additionalData: wrapAad(record.keyId) }, { name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);
  } catch (cause) {
    throw new StorageError('wrong-passphrase', 'That passphrase does not open this journal. Nothing was changed; check the spelling and try again.', { cause });
  }
}

/** The same data key under a new passphrase (fresh salt and IV): no entry is re-encrypted. */
export async function rewrap(record: LockRecord, current: string, next: string): Promise<LockRecord> {
  const dataKey = await unwrap(record, current, true);
  return wrap(dataKey, next, { keyId: record.keyId, iterations: Math.max(record.kdf.iterations, PBKDF2_ITERATIONS), autoLockMinutes: record.autoLockMinutes, createdAt: record.createdAt, changedAt: Date.now() });
}
