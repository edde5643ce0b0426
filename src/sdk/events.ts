import type { StorageStatus } from './store/database.js';
import type { PracticeMode } from './store/records.js';
import type { SupportOfferedEvent } from './support-offered.js';

/**
 * Every event compassion-kit fires. Each bubbles and crosses shadow roots, carries a readonly
 * typed `detail`, and never carries journal text: ids and counts only (S4).
 */
abstract class CompassionEvent<D> extends Event {
  readonly detail: Readonly<D>;
  constructor(type: string, detail: D) {
    super(type, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

export interface StepCompleteDetail {
  programId: string;
  weekId: string;
  stepId: string;
  /** Steps now completed in the program. */
  completedSteps: number;
  totalSteps: number;
}
/** A participant marked a step done. */
export class StepCompleteEvent extends CompassionEvent<StepCompleteDetail> {
  static readonly eventName = 'ck-step-complete';
  constructor(detail: StepCompleteDetail) {
    super(StepCompleteEvent.eventName, detail);
  }
}

export interface WeekCompleteDetail {
  programId: string;
  weekId: string;
  weekNumber: number;
}
/** The last open step of a week was completed. */
export class WeekCompleteEvent extends CompassionEvent<WeekCompleteDetail> {
  static readonly eventName = 'ck-week-complete';
  constructor(detail: WeekCompleteDetail) {
    super(WeekCompleteEvent.eventName, detail);
  }
}

export interface ProgramCompleteDetail {
  programId: string;
  weeks: number;
}
/** Every step of every week is done. */
export class ProgramCompleteEvent extends CompassionEvent<ProgramCompleteDetail> {
  static readonly eventName = 'ck-program-complete';
  constructor(detail: ProgramCompleteDetail) {
    super(ProgramCompleteEvent.eventName, detail);
  }
}

export interface PracticeLoggedDetail {
  programId: string;
  sessionId: string;
  mode: PracticeMode;
  meditationId?: string;
  /** Whole minutes practised, rounded to the nearest minute (at least 1). */
  minutes: number;
}
/** A practice session (guided, timer or breathing) was recorded. */
export class PracticeLoggedEvent extends CompassionEvent<PracticeLoggedDetail> {
  static readonly eventName = 'ck-practice-logged';
  constructor(detail: PracticeLoggedDetail) {
    super(PracticeLoggedEvent.eventName, detail);
  }
}

export interface EntrySavedDetail {
  programId: string;
  entryId: string;
  templateId: string;
  revision: number;
  weekId?: string;
  stepId?: string;
  /** True for the first save of a new entry. */
  created: boolean;
}
/** A journal entry was durably saved. Carries ids only, never the text. */
export class EntrySavedEvent extends CompassionEvent<EntrySavedDetail> {
  static readonly eventName = 'ck-entry-saved';
  constructor(detail: EntrySavedDetail) {
    super(EntrySavedEvent.eventName, detail);
  }
}

export type StorageStatusDetail = StorageStatus & { programId: string };
/** Storage changed mode (memory fallback), persistence, blocked/outdated state or fullness. */
export class StorageStatusEvent extends CompassionEvent<StorageStatusDetail> {
  static readonly eventName = 'ck-storage-status';
  constructor(detail: StorageStatusDetail) {
    super(StorageStatusEvent.eventName, detail);
  }
}

export interface ProgramReadyDetail {
  programId: string;
  storage: StorageStatus['mode'];
  /** Number of warnings the program produced (unknown fields and the like). */
  warnings: number;
}
/** `<compassion-program>` finished loading its program and opening storage. */
export class ProgramReadyEvent extends CompassionEvent<ProgramReadyDetail> {
  static readonly eventName = 'ck-program-ready';
  constructor(detail: ProgramReadyDetail) {
    super(ProgramReadyEvent.eventName, detail);
  }
}

export interface ErrorDetail {
  /** The error's code, e.g. `invalid-program`, `quota-exceeded`, `audio-not-found`. */
  code: string;
  message: string;
  /** What was happening: `program`, `storage`, `audio`, `journal`… */
  source: string;
}
/** Something failed that the participant or the clinic should know about. */
export class CompassionErrorEvent extends CompassionEvent<ErrorDetail> {
  static readonly eventName = 'ck-error';
  constructor(detail: ErrorDetail) {
    super(CompassionErrorEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ck-step-complete': StepCompleteEvent;
    'ck-week-complete': WeekCompleteEvent;
    'ck-program-complete': ProgramCompleteEvent;
    'ck-practice-logged': PracticeLoggedEvent;
    'ck-entry-saved': EntrySavedEvent;
    'ck-storage-status': StorageStatusEvent;
    'ck-program-ready': ProgramReadyEvent;
    'ck-error': CompassionErrorEvent;
    'ck-support-offered': SupportOfferedEvent;
  }
}

/** Event names the SDK object (an EventTarget) dispatches, mapped to their classes. */
export interface CompassionEventMap {
  'ck-step-complete': StepCompleteEvent;
  'ck-week-complete': WeekCompleteEvent;
  'ck-program-complete': ProgramCompleteEvent;
  'ck-practice-logged': PracticeLoggedEvent;
  'ck-entry-saved': EntrySavedEvent;
  'ck-storage-status': StorageStatusEvent;
  'ck-error': CompassionErrorEvent;
}
