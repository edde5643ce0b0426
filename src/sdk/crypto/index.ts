export { JournalLock, journalLock, preloadCrypto, AUTO_LOCK_CHOICES, DEFAULT_AUTO_LOCK_MINUTES, type LockStatus } from './journal-lock.js';
export { AesGcmEntryCipher, SEAL_SCHEMA_VERSION, entryAad } from './entry-cipher.js';
export { PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS, LOCK_FORMAT, LOCK_FORMAT_VERSION, type LockRecord } from './keys.js';
export { passphraseStrength, MIN_PASSPHRASE_LENGTH, STRENGTH_LEVELS, type StrengthHint, type StrengthLevel } from './strength.js';
