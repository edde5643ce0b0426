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

/** The additional data for any other sealed value: its purpose and id, so a ciphertext cannot be moved to another place or record. */
export function valueAad(purpose: string, id: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`compassion-kit:${purpose}:v${SEAL_SCHEMA_VERSION}:${id}`);
}

/** AES-GCM-256 with a fresh random 96-bit IV for every write. */
export class AesGcmEntryCipher implements EntryCipher {
  constructor(
    private readonly key: CryptoKey,
    readonly keyId: string,
  ) {}

  async seal(entryId: string, content: SealedContent): Promise<Sealed> {
    const payload: Record<string, unknown> = { v: SEAL_SCHEMA_VERSION, title: content.title, fields: content.fields, tags: content.tags };
    if (content.more && Object.keys(content.more).length) payload.more = content.more;
    return this.encrypt(entryAad(entryId), payload);
  }

  /** Seals any JSON value (a step note, a draft, a quarantined record), bound to `purpose` and `id`. */
  sealValue(purpose: string, id: string, value: unknown): Promise<Sealed> {
    return this.encrypt(valueAad(purpose, id), { v: SEAL_SCHEMA_VERSION, value });
  }

  async openValue<T>(purpose: string, id: string, sealed: Sealed): Promise<T> {
    const plain = await this.decrypt(valueAad(purpose, id), sealed, `${purpose} "${id}"`);
    try {
      const parsed = JSON.parse(decoder.decode(plain)) as { v?: unknown; value?: unknown };
      if (parsed.v !== SEAL_SCHEMA_VERSION || !('value' in parsed)) throw new Error('unexpected layout');
      return parsed.value as T;
    } catch (cause) {
      throw damagedValue(`${purpose} "${id}"`, cause);
    }
  }

  private async encrypt(aad: Uint8Array<ArrayBuffer>, payload: unknown): Promise<Sealed> {
    const iv = randomBytes(12);
    const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, this.key, encoder.encode(JSON.stringify(payload))));
    return { iv: toBase64(iv), data: toBase64(data) };
  }

  private async decrypt(aad: Uint8Array<ArrayBuffer>, sealed: Sealed, what: string): Promise<ArrayBuffer> {
    try {
      const iv = fromBase64(sealed.iv);
      if (iv.length !== 12) throw new Error('IV must be 12 bytes');
      return await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad }, this.key, fromBase64(sealed.data));
    } catch (cause) {
      throw damagedValue(what, cause);
    }
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
      const parsed = JSON.parse(decoder.decode(plain)) as { v?: unknown; title?: unknown; fields?: unknown; tags?: unknown; more?: unknown };
      if (parsed.v !== SEAL_SCHEMA_VERSION || typeof parsed.title !== 'string' || !isFields(parsed.fields) || !isStrings(parsed.tags)) throw new Error('unexpected layout');
      const content: SealedContent = { title: parsed.title, fields: parsed.fields, tags: parsed.tags };
      if (typeof parsed.more === 'object' && parsed.more !== null && !Array.isArray(parsed.more)) content.more = parsed.more as Record<string, unknown>;
      return content;
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

function damagedValue(what: string, cause: unknown): StorageError {
  return new StorageError('decrypt-failed', `The sealed ${what} could not be opened: it failed the integrity check, so it was damaged, changed, or sealed with another key.`, { cause });
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
