import type { Program, Week } from '../../../sdk/content/types.js';
import type { WeekStatus } from '../../../sdk/content/unlock.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { StorageMode } from '../../../sdk/store/backend.js';
import type { RoutingMode } from '../routing.js';
import type { CourseStrings } from '../strings.js';
import type { EmbedsController } from './embeds.js';
import type { StepProgressController } from './step-progress.js';

/** What the views need from the course: a narrow port, so no view reaches into the element. */
export interface CoursePort {
  readonly program: CompassionProgram;
  readonly strings: CourseStrings;
  /** Every week's state at this render. */
  readonly statuses: WeekStatus[];
  readonly routing: RoutingMode;
  readonly now: Date | null;
  readonly startDate: string | null;
  /** A one-off message on the overview, e.g. an unknown week in the URL. */
  readonly notice: string | null;
  readonly steps: StepProgressController;
  readonly embeds: EmbedsController;
  /** What the embedded player and journal are given: the course's own `src`, `storage` and `theme`. */
  readonly embedAttributes: { src?: string; storage?: StorageMode; theme?: 'light' | 'dark' };
  openWeek(id: string): void;
  showOverview(): void;
  resume(): void;
  /** The hash link for a week, when routing by hash. */
  weekHref(week: Week): string;
  lockedReason(status: WeekStatus, program: Program): string;
}
