import type { StepKind } from '../../sdk/content/types.js';
import type { WeekState } from '../../sdk/content/unlock.js';

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
}

export const EN_STRINGS: CourseStrings = {
  loading: 'Loading the course…',
  weekLoading: 'Opening the week…',
  loadErrorTitle: 'This course could not be loaded',
  loadErrorIssues: (count) => `The program file has ${count} problem${count === 1 ? '' : 's'} to fix:`,
  loadErrorInProvider: 'The course cannot be shown because its program did not load; the message above explains why.',
  retry: 'Try again',
  weekOf: (number, total) => `Week ${number} of ${total}`,
  stepsDone: (done, total) => `${done} of ${total} steps done`,
  progressLabel: 'Steps done in the whole program',
  allWeeksDone: (total) => `All ${total} weeks done`,
  startButton: 'Start week 1',
  continueButton: 'Continue',
  continueTarget: (weekNumber, stepTitle) => `Week ${weekNumber}: ${stepTitle}`,
  register: 'Register for the group',
  opensInNewTab: '(opens in a new tab)',
  weeksHeading: 'Weeks',
  weekLabel: (number) => `Week ${number}`,
  weekState: { locked: 'Not open yet', available: 'Open', current: 'Your current week', done: 'Done' },
  weekStepsDone: (done, total) => `${done} of ${total} steps done`,
  opensOn: (date) => `Opens ${date}`,
  opensAfter: (previous) => `Opens when you finish week ${previous}`,
  opensWhenGroupStarts: 'Opens once your group’s start date is set',
  startDateMissing: 'Weeks open one at a time from your group’s start date, which has not been set yet.',
  startDateInvalid: (value) => `The start date “${value}” is not a date in the form YYYY-MM-DD, so no week can open yet.`,
  unknownWeek: (id) => `There is no “${id}” in this program, so the course overview is shown instead.`,
  keyIdeas: 'Key ideas',
  stepsHeading: 'This week’s steps',
  stepKind: { read: 'Read', meditate: 'Listen and practise', reflect: 'Reflect', practice: 'Try this week' },
  doneCheckbox: 'I’ve done this',
  doneOn: (date) => `Done ${date}`,
  saving: 'Saving…',
  saveFailed: (message) => `Your progress could not be saved. ${message}`,
  noteLabel: 'A note for yourself (optional)',
  noteHint: 'How did it go? The note stays on this device.',
  saveNote: 'Save note',
  noteSaved: 'Note saved.',
  noteKept: 'Note kept until this page closes (not saved on this device).',
  noteRecovered: (time) => `Recovered the note you wrote at ${time}.`,
  promptLabel: 'Question',
  playerLoading: 'Getting the meditation ready…',
  playerMissing: 'The meditation player is not available on this page.',
  playerMissingHint: (title, minutes) =>
    `You can still practise “${title}” (about ${minutes} minute${minutes === 1 ? '' : 's'}) in your own way, then tick the box below.`,
  journalLoading: 'Getting your journal ready…',
  journalMissing: 'The reflection journal is not available on this page.',
  journalMissingHint: 'You can write your answer on paper or wherever you keep notes, then tick the box below.',
  meditationMissing: (id) => `This step refers to a meditation (“${id}”) that the program does not include.`,
  lockedWeekTitle: 'This week is not open yet',
  lockedWeekBody: 'Until then, you are welcome to look back at any week that is open.',
  weekNav: 'Weeks before and after',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  allWeeks: 'All weeks',
  weekCompleteTitle: (number) => `Week ${number} is complete`,
  weekCompleteBody: 'Thank you for making time for yourself this week. Take a moment, if you like, to notice how that feels.',
  nextWeekReady: (number) => `Week ${number} is ready whenever you are.`,
  programCompleteTitle: 'You have completed the program',
  programCompleteBody: (weeks) =>
    `${weeks} weeks of turning towards yourself with care. The practices are yours to keep: come back to any week, at any time, whenever it would help.`,
  revisit: 'Look back at week 1',
  storageMemory: (reason) => reason,
  storageOutdated: 'A newer version of this course is open in another tab. Reload this page to keep saving your progress.',
};
