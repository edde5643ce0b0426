import { EntrySavedEvent, type EntrySavedDetail } from '../../sdk/events.js';
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

export interface JournalEntrySavedDetail extends EntrySavedDetail {
  /**
   * True when the saved entry holds no answer: every field is blank (only white space), an empty
   * list, or cleared. The title and tags do not count as an answer. A course uses it to decide
   * whether a reflection step is done, without reading the text (the event never carries it).
   */
  empty: boolean;
}

/**
 * `ck-entry-saved` as `<reflection-journal>` fires it: the SDK's `EntrySavedEvent` (so
 * `instanceof EntrySavedEvent` and its listeners keep working) with `empty` added to the detail.
 */
export class JournalEntrySavedEvent extends EntrySavedEvent {
  declare readonly detail: Readonly<JournalEntrySavedDetail>;
  constructor(detail: JournalEntrySavedDetail) {
    super(detail);
  }
}
