/** The journal template the after-practice check-in follows (shipped with the default program). */
export const CHECK_IN_TEMPLATE_ID = 'after-practice-check-in';

/**
 * The id of the after-practice check-in entry the player writes for a logged session, so "how it
 * felt afterwards" can be found from the session (the practice log does). The entry is an ordinary
 * journal entry, sealed with the rest of the journal while the lock is on.
 */
export function checkInEntryId(sessionId: string): string {
  return `check-in:${sessionId}`;
}
