import type { LockState } from '../../sdk/store/journal.js';

export interface JournalLockDetail {
  programId: string;
  /** The lock's new state. */
  state: LockState;
  /** What the participant did. */
  action: 'enable' | 'unlock' | 'lock' | 'auto-lock' | 'disable' | 'change-passphrase';
}

/** The participant turned the journal's passphrase lock on or off, locked or unlocked it. Carries no secret. */
export class JournalLockEvent extends Event {
  static readonly eventName = 'ck-journal-lock';
  readonly detail: Readonly<JournalLockDetail>;
  constructor(detail: JournalLockDetail) {
    super(JournalLockEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ck-journal-lock': JournalLockEvent;
  }
}
