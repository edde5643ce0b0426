import type { Sealed } from './records.js';

/** What the passphrase lock offers to code that keeps participant text somewhere of its own (drafts, say). */
export interface TextSealer {
  /** 'unknown' only before program.ready resolves; after ready the lock record has been read. */
  readonly state: 'off' | 'locked' | 'unlocked' | 'unknown';
  /** Seals any JSON value; AAD binds `purpose` and `id` (e.g. purpose 'draft', id 'entry:abc'). Throws StorageError('locked') when locked. */
  sealValue(purpose: string, id: string, value: unknown): Promise<Sealed>;
  openValue<T>(purpose: string, id: string, sealed: Sealed): Promise<T>;
  /** Called with the new state whenever it changes (lock, unlock, turned on/off, another tab). Returns unsubscribe. */
  onChange(listener: (state: 'off' | 'locked' | 'unlocked') => void): () => void;
}
