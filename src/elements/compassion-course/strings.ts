import type { StepKind } from '../../sdk/content/types.js';
import type { WeekState } from '../../sdk/content/unlock.js';
import type { SupportStrings } from '../shared/support-dialog.js';
import { EN_WEEK_STRINGS } from './internal/lazy/week-strings.js';
import { EN_OVERVIEW_STRINGS } from './internal/overview-strings.js';

/**
 * Every word `<compassion-course>` writes itself (program text comes from the program file).
 * A clinic running a program in another language passes its own through the `strings` property;
 * anything left out falls back to English.
 */
export interface CourseStrings {
  loading: string;
  weekLoading: string;
  loadErrorTitle: string;
  /** Lead-in above the list of problems in the program file. */
  loadErrorIssues: (count: number) => string;
  /** Shown when a surrounding `<compassion-program>` already explains the failure. */
  loadErrorInProvider: string;
  retry: string;
  /** "Week 3 of 14". */
  weekOf: (number: number, total: number) => string;
  /** "12 of 80 steps done". */
  stepsDone: (done: number, total: number) => string;
  /** Accessible name of the progress bar. */
  progressLabel: string;
  /** Replaces "Week n of N" once every week is done. */
  allWeeksDone: (total: number) => string;
  startButton: string;
  continueButton: string;
  /** Under the Continue button: where it leads. */
  continueTarget: (weekNumber: number, stepTitle: string) => string;
  register: string;
  opensInNewTab: string;
  weeksHeading: string;
  weekLabel: (number: number) => string;
  weekState: Record<WeekState, string>;
  weekStepsDone: (done: number, total: number) => string;
  /** A locked week under the weekly policy; `date` is already formatted for the program's locale. */
  opensOn: (date: string) => string;
  /** A locked week under the sequential policy. */
  opensAfter: (previousWeekNumber: number) => string;
  /** A locked week under the weekly policy before any start date is known. */
  opensWhenGroupStarts: string;
  startDateMissing: string;
  startDateInvalid: (value: string) => string;
  unknownWeek: (id: string) => string;
  keyIdeas: string;
  stepsHeading: string;
  stepKind: Record<StepKind, string>;
  /** The checkbox beside each step. */
  doneCheckbox: string;
  /** The checkbox at the end of a week's overview (its read step). */
  readCheckbox: string;
  /** The checkbox of a reflect step with no answer written: done without writing. */
  reflectWithoutWriting: string;
  /** A reflect step done by its saved answer. */
  answerSaved: string;
  /** The compact support control in a week's step bar (it opens the same dialog as "Need support now?"). */
  supportShort: string;
  /** Accessible name of the step bar's Back / position / Next navigation. */
  partsNav: string;
  back: string;
  next: string;
  /** Read before the position by screen readers ("Part 2 of 6"). */
  partLabel: string;
  /** "2 of 6": the part shown, of the week's parts. */
  partPosition: (number: number, total: number) => string;
  /** The heading of a week's last part. */
  closeTitle: (weekNumber: number) => string;
  closeDoneHeading: string;
  /** The close of a week with nothing done yet (no counting, no "missed"). */
  closeNothingYet: string;
  closePracticeHeading: string;
  closeNextHeading: string;
  /** `date` is already formatted for the program's locale. */
  closeNextOpens: (weekNumber: number, date: string) => string;
  closeLastWeek: string;
  doneOn: (date: string) => string;
  saving: string;
  saveFailed: (message: string) => string;
  noteLabel: string;
  noteHint: string;
  saveNote: string;
  noteSaved: string;
  /** Memory-only mode: never "saved". */
  noteKept: string;
  /** A note typed on a page that closed before it was saved, found again. */
  noteRecovered: (time: string) => string;
  /** The question a reflect step asks, as a label. */
  promptLabel: string;
  /** While the week's player is on its way (its code loads when a week with a meditation opens). */
  playerLoading: string;
  playerMissing: string;
  playerMissingHint: (title: string, minutes: number) => string;
  journalLoading: string;
  journalMissing: string;
  journalMissingHint: string;
  meditationMissing: (id: string) => string;
  lockedWeekTitle: string;
  lockedWeekBody: string;
  weekNav: string;
  previousWeek: string;
  nextWeek: string;
  allWeeks: string;
  weekCompleteTitle: (number: number) => string;
  weekCompleteBody: string;
  nextWeekReady: (number: number) => string;
  programCompleteTitle: string;
  programCompleteBody: (weeks: number) => string;
  revisit: string;
  /** Storage fell back to memory; `reason` is the SDK's explanation, in English. */
  storageMemory: (reason: string) => string;
  storageOutdated: string;
  /** The "Need support now?" button and dialog (and the step bar's dialog). */
  support?: Partial<SupportStrings>;
}

/** The words only a week shows: they arrive with the week view's code, when a week first opens. */
export type CourseWeekStrings = Pick<
  CourseStrings,
  'keyIdeas' | 'stepsHeading' | 'stepKind' | 'doneCheckbox' | 'readCheckbox' | 'reflectWithoutWriting' | 'answerSaved' | 'supportShort' | 'partsNav' | 'back' | 'next' | 'partLabel' | 'partPosition' | 'closeTitle' | 'closeDoneHeading' | 'closeNothingYet' | 'closePracticeHeading' | 'closeNextHeading' | 'closeNextOpens' | 'closeLastWeek' | 'doneOn' | 'saving' | 'saveFailed' | 'noteLabel' | 'noteHint' | 'saveNote' | 'noteSaved' | 'noteKept' | 'noteRecovered' | 'promptLabel' | 'playerLoading' | 'playerMissing' | 'playerMissingHint' | 'journalLoading' | 'journalMissing' | 'journalMissingHint' | 'meditationMissing' | 'lockedWeekTitle' | 'lockedWeekBody' | 'weekNav' | 'previousWeek' | 'nextWeek' | 'weekCompleteTitle' | 'weekCompleteBody' | 'nextWeekReady'
>;
/** The words the overview, the loading and error states and the live region use: part of the course's first download. */
export type CourseOverviewStrings = Omit<CourseStrings, keyof CourseWeekStrings>;

export const EN_STRINGS: CourseStrings = { ...EN_OVERVIEW_STRINGS, ...EN_WEEK_STRINGS };
