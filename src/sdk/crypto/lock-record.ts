import { StorageError } from '../errors.js';

// What the lock stores and how its record is checked, without any WebCrypto: the stores read and
// validate the record at start-up, while the key handling (keys.ts, entry-cipher.ts) loads only
// when the participant unlocks or turns the lock on (see journal-lock.ts).

/** PBKDF2-SHA-256 rounds for new locks (S1 asks for at least 600,000, OWASP's 2023 figure). */
export const PBKDF2_ITERATIONS = 600_000;
/** Records asking for fewer rounds are refused: a weakened record must fail closed, not unlock faster. */
export const MIN_PBKDF2_ITERATIONS = 600_000;

export const LOCK_FORMAT = 'compassion-kit-journal-lock';
export const LOCK_FORMAT_VERSION = 1;

/**
 * What is stored (in the program's settings, key `journal-lock`) while the lock is on: the random
 * data key, encrypted ("wrapped") with a key derived from the passphrase. The passphrase itself
 * is never stored, nor anything derived from it except this wrapped key.
 */
export interface LockRecord {
  format: typeof LOCK_FORMAT;
  version: typeof LOCK_FORMAT_VERSION;
  /** Random id of the data key; entries sealed with another key are refused, not mixed. */
  keyId: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  /** AES-GCM-256 encryption of the raw data key; the key id is its additional data. */
  wrapped: { iv: string; data: string };
  /** Minutes without activity before the journal locks itself; null for never. */
  autoLockMinutes: number | null;
  createdAt: number;
  changedAt: number;
}

/** Shortest passphrase the lock accepts. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Checks a stored value is a lock record this version understands; anything else fails closed. */
export function asLockRecord(value: unknown): LockRecord {
  const r = value as Partial<LockRecord> | null;
  const ok =
    !!r &&
    r.format === LOCK_FORMAT &&
    r.version === LOCK_FORMAT_VERSION &&
    typeof r.keyId === 'string' &&
    r.kdf?.name === 'PBKDF2' &&
    r.kdf.hash === 'SHA-256' &&
    Number.isInteger(r.kdf.iterations) &&
    typeof r.kdf.salt === 'string' &&
    typeof r.wrapped?.iv === 'string' &&
    typeof r.wrapped.data === 'string';
  if (!ok) throw new StorageError('decrypt-failed', 'The journal lock settings on this device are damaged or from a newer version, so the journal cannot be unlocked here. Nothing was changed.');
  if (r.kdf!.iterations < MIN_PBKDF2_ITERATIONS) {
    throw new StorageError('decrypt-failed', `The journal lock settings ask for ${r.kdf!.iterations} key-derivation rounds, fewer than the ${MIN_PBKDF2_ITERATIONS} required; they may have been tampered with. Nothing was changed.`);
  }
  return r as LockRecord;
}
