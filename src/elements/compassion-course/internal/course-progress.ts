import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Step } from '../../../sdk/content/types.js';
import type { AvailabilityOptions, WeekStatus } from '../../../sdk/content/unlock.js';
import type { CompassionProgram } from '../../../sdk/program.js';

/** What the controller needs from the course: its program and the moment it works out availability for. */
export interface CourseProgressOptions {
  program(): CompassionProgram | undefined;
  now(): Date | null;
  startDate(): string | null;
}

/**
 * Where the participant is in the program, as the overview needs it: follows the program's
 * progress and storage (re-rendering the course on each change), works out every week's state by
 * the unlock policy, and where "Continue" leads. What a week does with its steps (ticking, notes,
 * the celebration) is the week view's own `StepActionsController`, loaded with it.
 */
export class CourseProgressController implements ReactiveController {
  private subscribedTo: CompassionProgram | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean },
    private readonly options: CourseProgressOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page: follow the program's progress again (disconnecting stopped it).
    if (this.host.hasUpdated) this.host.requestUpdate();
  }

  hostUpdate(): void {
    const program = this.options.program();
    if (program !== this.subscribedTo) this.follow(program);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
  }

  /** The state of every week now (or at the course's `now`), by the program's unlock policy. */
  statuses(program: CompassionProgram): WeekStatus[] {
    const options: AvailabilityOptions = { completed: new Set(program.progress.snapshot.completed.keys()), now: this.options.now() ?? new Date() };
    const startDate = this.options.startDate();
    if (startDate !== null) options.startDate = startDate.trim();
    return program.content.weekStatuses(options);
  }

  isOpen(program: CompassionProgram, weekId: string): boolean {
    return this.statuses(program).find((st) => st.week.id === weekId)?.state !== 'locked';
  }

  /**
   * Where "Continue" (and "Start week 1") leads: in the current week, its overview while its read
   * step is not done, else the first step not done; never a done step, and never the place last
   * visited (a stale address re-read on load must not move it). With every open week done, the
   * close of the last open one, which says when the next week opens.
   */
  continueTarget(program: CompassionProgram): { weekId: string; stepId?: string; end?: boolean } | undefined {
    const { progress } = program;
    const statuses = this.statuses(program);
    const current = statuses.find((st) => st.state === 'current');
    if (current) {
      const { week } = current;
      const first = week.steps.find((s) => !progress.isComplete(s.id));
      const unread = week.steps[0]?.kind === 'read' && !progress.isComplete(week.steps[0].id);
      return first && !unread ? { weekId: week.id, stepId: first.id } : { weekId: week.id };
    }
    const lastOpen = statuses.filter((st) => st.state !== 'locked').at(-1);
    return lastOpen ? { weekId: lastOpen.week.id, end: true } : undefined;
  }

  /** Remembers the step the participant is on, for "Continue". */
  visit(step: Step): void {
    const program = this.options.program();
    if (!program || program.progress.snapshot.lastStepId === step.id) return;
    program.progress.visit(step.id).catch((error: unknown) => program.reportError(error, 'course'));
  }

  private follow(program: CompassionProgram | undefined): void {
    this.unsubscribe?.();
    this.subscribedTo = program;
    this.unsubscribe = undefined;
    if (!program) return;
    const stops = [program.progress.subscribe(() => this.host.requestUpdate()), program.storage.subscribe(() => this.host.requestUpdate())];
    this.unsubscribe = () => stops.forEach((stop) => stop());
    if (!program.progress.snapshot.loaded) void program.progress.load().catch((error: unknown) => program.reportError(error, 'course'));
  }
}
