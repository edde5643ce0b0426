import type { PracticeMode } from '../../sdk/store/records.js';
import type { SupportStrings } from '../shared/support-dialog.js';

/**
 * Every word `<practice-log>` writes itself (meditation titles come from the program). A clinic
 * working in another language passes its own through the `strings` property; anything left out
 * falls back to English. Dates and times are formatted with `Intl` in the element's language.
 */
export interface PracticeLogStrings {
  heading: string;
  loading: string;
  loadErrorTitle: string;
  loadErrorIssues: (count: number) => string;
  /** Inside `<compassion-program>`, whose own message says what went wrong. */
  loadErrorInProvider: string;
  retry: string;
  /** No session logged yet. */
  emptyTitle: string;
  emptyBody: string;
  /** A length of practice: "12 minutes", and what a session under half a minute shows. */
  minutes: (minutes: number) => string;
  /** How the participant felt after a session, from their check-in ("Afterwards: calmer"). */
  feltAfter: (words: string) => string;
  /** All practice so far: "42 minutes over 9 sessions". */
  total: (minutes: string, sessions: number) => string;
  /** The current program week so far: "Week 3 so far: 12 minutes over 3 sessions". */
  weekSoFar: (week: number, minutes: string, sessions: number) => string;
  chartTitle: string;
  /** What the chart shows, read by screen readers with its title. */
  chartSummary: (firstLabel: string, lastLabel: string) => string;
  /** The tallest bar's value, shown at the top of the chart's scale. */
  chartScale: (minutes: number) => string;
  showTable: string;
  hideTable: string;
  tableCaption: string;
  weekColumn: string;
  minutesColumn: string;
  sessionsColumn: string;
  weekLabel: (week: number) => string;
  /** The chart's short label under a bar. */
  weekShort: (week: number) => string;
  /** Sessions before the program's start date (only when one is set). */
  beforeLabel: string;
  beforeShort: string;
  /** Sessions after the program's last week. */
  afterLabel: (lastWeek: number) => string;
  afterShort: string;
  sessionsHeading: string;
  /** What a session was, when it is not one of the program's meditations. */
  modeTitle: Record<PracticeMode, string>;
  /** A guided session whose meditation is no longer in the program. */
  unknownMeditation: string;
  showMore: (more: number) => string;
  /** Announced when a new session arrives while the log is open. */
  added: (what: string) => string;
  /** Storage fell back to memory (private browsing, blocked storage): the SDK's reason. */
  storageMemory: (reason: string) => string;
  storageOutdated: string;
  /** The "Need support now?" button and dialog, when the log stands alone. */
  support?: Partial<SupportStrings>;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The English words of `<practice-log>`. */
export const EN_STRINGS: PracticeLogStrings = {
  heading: 'Your practice',
  loading: 'Loading your practice log…',
  loadErrorTitle: 'Your practice log cannot be shown right now',
  loadErrorIssues: (count) => `The program file has ${plural(count, 'problem', 'problems')} to fix:`,
  loadErrorInProvider: 'The practice log cannot be shown because its program did not load; the message above explains why.',
  retry: 'Try again',
  emptyTitle: 'Nothing here yet, and that is fine',
  emptyBody: 'When you listen to a meditation, use the practice timer or breathe with the pacer, the time you spend is gathered here for you to look back on.',
  feltAfter: (words) => `Afterwards: ${words}`,
  minutes: (minutes) => (minutes === 0 ? 'under a minute' : plural(minutes, 'minute', 'minutes')),
  total: (minutes, sessions) => `${minutes} over ${plural(sessions, 'session', 'sessions')}`,
  weekSoFar: (week, minutes, sessions) => `Week ${week} so far: ${minutes} over ${plural(sessions, 'session', 'sessions')}`,
  chartTitle: 'Minutes of practice each week',
  chartSummary: (first, last) => `A bar for each week from ${first} to ${last}. The same numbers are in the table.`,
  chartScale: (minutes) => `${minutes} min`,
  showTable: 'Show as table',
  hideTable: 'Hide table',
  tableCaption: 'Minutes and sessions of practice each week',
  weekColumn: 'Week',
  minutesColumn: 'Minutes',
  sessionsColumn: 'Sessions',
  weekLabel: (week) => `Week ${week}`,
  weekShort: (week) => String(week),
  beforeLabel: 'Before week 1',
  beforeShort: '<1',
  afterLabel: (lastWeek) => `After week ${lastWeek}`,
  afterShort: '+',
  sessionsHeading: 'Sessions',
  modeTitle: { guided: 'Guided meditation', timer: 'Silent practice with the timer', breathing: 'Soothing-rhythm breathing' },
  unknownMeditation: 'A guided meditation',
  showMore: (more) => `Show ${plural(more, 'more session', 'more sessions')}`,
  added: (what) => `Added to your practice log: ${what}.`,
  storageMemory: (reason) => reason,
  storageOutdated: 'A newer version of this program is open in another tab. Reload this page to see your latest practice.',
};
