import type { Program, Week } from '../../../sdk/content/types.js';
import type { WeekStatus } from '../../../sdk/content/unlock.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { StorageMode } from '../../../sdk/store/backend.js';
import type { CourseView, RoutingMode } from '../routing.js';
import type { CourseOverviewStrings, CourseStrings } from '../strings.js';
import type { CourseProgressController } from './course-progress.js';
import type { EmbedsController } from './lazy/embeds.js';
import type { MeasureFormController } from './lazy/measure-form.js';
import type { StepActionsController } from './lazy/step-actions.js';

/** Where focus goes after a move: the view's heading, a week's close, or a step (scrolled to, and focused unless the address was only read on load). */
export type FocusTarget = { kind: 'heading' } | { kind: 'close' } | { kind: 'step'; stepId: string; focus: boolean };

/** What the views need from the course: a narrow port, so no view reaches into the element. */
export interface CoursePort {
  readonly program: CompassionProgram;
  /** The course's words, with the page's own in place of any it replaces. */
  readonly strings: CourseOverviewStrings;
  /** The course's language (its `lang`, else the program's locale): dates are written in it. */
  readonly lang: string;
  /** Every week's state at this render. */
  readonly statuses: WeekStatus[];
  readonly routing: RoutingMode;
  readonly now: Date | null;
  readonly startDate: string | null;
  /** A one-off message on the overview, e.g. an unknown week in the URL. */
  readonly notice: string | null;
  /** What the course shows now (for a week: which of its parts). */
  readonly view: CourseView;
  readonly progress: CourseProgressController;
  /** Moves to a view (a part of a week), as the participant does: focus follows, the address too when routing by hash. */
  go(view: CourseView): void;
  /** Opens the support dialog (C1). */
  openSupport(): void;
  openWeek(id: string): void;
  showOverview(): void;
  resume(): void;
  /** The hash link for a week, when routing by hash. */
  weekHref(week: Week): string;
  lockedReason(status: WeekStatus, program: Program): string;
  /** What the embedded player, journal and practice log are given: the course's own `src`, `storage` and `theme`. */
  readonly embedAttributes: EmbedAttributes;
}

/** What a week adds to the port (it arrives with the week view's code): every word, the step actions and the embeds. */
export interface WeekPort extends Omit<CoursePort, 'strings'> {
  readonly strings: CourseStrings;
  readonly steps: StepActionsController;
  readonly embeds: EmbedsController;
  /** The questionnaire steps' answers, scores and support cards. */
  readonly measures: MeasureFormController;
  /** The provider's shared support control is on screen: the step bar's own gives way meanwhile. */
  readonly sharedSupportInView: boolean;
}

export interface EmbedAttributes {
  src?: string;
  storage?: StorageMode;
  theme?: 'light' | 'dark';
}
