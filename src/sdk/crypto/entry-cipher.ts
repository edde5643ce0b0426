import { StorageError } from '../errors.js';
import type { FieldValue, Sealed } from '../store/records.js';
import type { EntryCipher, SealedContent } from '../store/journal.js';
import { fromBase64, toBase64 } from './base64.js';
import { randomBytes } from './keys.js';

/** Version of the sealed payload's layout; part of the additional data, so a format change cannot be confused with another. */
export const SEAL_SCHEMA_VERSION = 1;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Binds a ciphertext to its entry and to the payload schema: a ciphertext copied onto another
 * entry, or read as another layout, fails the GCM check instead of showing the wrong text.
 */
export function entryAad(entryId: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`compassion-kit:journal-entry:v${SEAL_SCHEMA_VERSION}:${entryId}`);
}

/** AES-GCM-256 with a fresh random 96-bit IV for every write. */
export class AesGcmEntryCipher implements EntryCipher {
  constructor(
    private readonly key: CryptoKey,
    readonly keyId: string,
  ) {}

  async seal(entryId: string, content: SealedContent): Promise<Sealed> {
    const iv = randomBytes(12);
    const plain = encoder.encode(JSON.stringify({ v: SEAL_SCHEMA_VERSION, title: content.title, fields: content.fields, tags: content.tags }));
    const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: entryAad(entryId) }, this.key, plain));
    return { iv: toBase64(iv), data: toBase64(data) };
  }

  async open(entryId: string, sealed: Sealed): Promise<SealedContent> {
    let plain: ArrayBuffer;
    try {
      const iv = fromBase64(sealed.iv);
      if (iv.length !== 12) throw new Error('IV must be 12 bytes');
      plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: entryAad(entryId) }, this.key, fromBase64(sealed.data));
    } catch (cause) {
      throw damaged(entryId, cause);
    }
    try {
      const parsed = JSON.parse(decoder.decode(plain)) as { v?: unknown; title?: unknown; fields?: unknown; tags?: unknown };
      if (parsed.v !== SEAL_SCHEMA_VERSION || typeof parsed.title !== 'string' || !isFields(parsed.fields) || !isStrings(parsed.tags)) throw new Error('unexpected layout');
      return { title: parsed.title, fields: parsed.fields, tags: parsed.tags };
    } catch (cause) {
      throw damaged(entryId, cause);
    }
  }
}

function damaged(entryId: string, cause: unknown): StorageError {
  return new StorageError(
    'decrypt-failed',
    `Entry "${entryId}" could not be opened: its stored text failed the integrity check, so it was damaged or changed on this device. Your other entries are not affected; an older version or a backup may still open.`,
    { cause },
  );
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function isFields(v: unknown): v is Record<string, FieldValue> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)) || isStrings(x))
  );
}
