/** The lock's WebCrypto side, one lazy chunk: loaded by journal-lock.ts when the lock is used. */
export { createLock, rewrap, unwrap } from './keys.js';
export { AesGcmEntryCipher } from './entry-cipher.js';
