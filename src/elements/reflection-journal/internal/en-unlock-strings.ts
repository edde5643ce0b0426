/**
 * The English words of a locked journal's passphrase form, "Lock now" and what they announce. They
 * load with the form (unlock-form.ts), once a lock record exists: a journal without a lock never
 * downloads them. Translations: src/locales/ (the journal's catalog), or the `strings` property.
 */
export const EN_UNLOCK_STRINGS = {
  lockedTitle: 'Your journal is locked',
  lockedBody: 'Enter your passphrase to read and write your entries.',
  passphrase: 'Passphrase',
  unlock: 'Unlock',
  unlocking: 'Unlocking…',
  forgotten:
    'Forgotten it? Nobody can open the entries without it, not even your clinic. You can still save an encrypted backup, or erase the journal on this device and start again, under “Backup and import”.',
  enterPassphrase: 'Enter your passphrase.',
  unlocked: 'Your journal is unlocked.',
  locked: 'Your journal is locked.',
};
