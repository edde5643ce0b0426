// Bubbles and crosses shadow roots like every compassion-kit event (events.ts). It has its own
// module because only the code that shows a support card (loaded when needed) fires it, so a
// page's first download does not carry it.

/** Nothing: which words or answers led to it is never told, not even to the host page. */
export type SupportOfferedDetail = Record<string, never>;
/**
 * A gentle support card was shown, after a questionnaire answer at the clinic's threshold or
 * saved words from its list (docs/measures.md). Carries no text and no reason.
 */
export class SupportOfferedEvent extends Event {
  static readonly eventName = 'ck-support-offered';
  readonly detail: Readonly<SupportOfferedDetail> = Object.freeze({});
  constructor() {
    super(SupportOfferedEvent.eventName, { bubbles: true, composed: true });
  }
}
