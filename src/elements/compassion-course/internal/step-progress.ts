import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Step, Week } from '../../../sdk/content/types.js';
import type { AvailabilityOptions, WeekStatus } from '../../../sdk/content/unlock.js';
import { ProgramCompleteEvent, StepCompleteEvent, WeekCompleteEvent } from '../../../sdk/events.js';
import type { CompassionProgram } from '../../../sdk/program.js';
import type { RecoveredDraft } from '../../../sdk/store/drafts.js';
import type { CourseStrings } from '../strings.js';

export type Celebration = { kind: 'week'; weekId: string } | { kind: 'program' };

/** What the controller needs from the course: its program, the moment it works out availability for, and its words. */
export interface StepProgressOptions {
  program(): CompassionProgram | undefined;
  now(): Date | null;
  startDate(): string | null;
  strings(): CourseStrings;
}

/**
 * The participant's progress through the steps: follows the program's progress, storage and
 * recovered drafts; marks steps done or not done (firing the course's events and choosing the next
 * step "Continue" leads to); keeps practice notes being typed, with their write-ahead copies; and
 * holds what the views show about it (saving, errors, the celebration, the live announcement).
 */
export class StepProgressController implements ReactiveController {
  busy: ReadonlySet<string> = new Set();
  errors: ReadonlyMap<string, string> = new Map();
  /** Practice notes being typed, by step id (kept until saved). */
  drafts: ReadonlyMap<string, string> = new Map();
  savedNote: string | null = null;
  /** Step notes found again after a page closed before they were saved: step id → when they were typed. */
  recoveredNotes: ReadonlyMap<string, number> = new Map();
  celebration: Celebration | null = null;
  /** Text for the polite live region. */
  announcement = '';
  /** The write-ahead copy number of each note being typed (see DraftStore.keep). */
  private noteCopies = new Map<string, number>();
  private subscribedTo: CompassionProgram | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean },
    private readonly options: StepProgressOptions,
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

  /** Where "Continue" leads: the step last visited if its week is open, else the current week. */
  continueTarget(program: CompassionProgram): { weekId: string; stepId?: string } | undefined {
    const { content, progress } = program;
    const statuses = this.statuses(program);
    const stepId = progress.continueStepId;
    const location = stepId ? content.step(stepId) : undefined;
    const open = (week: Week) => statuses.find((st) => st.week === week)?.state !== 'locked';
    if (location && open(location.week)) return { weekId: location.week.id, stepId: location.step.id };
    const current = statuses.find((st) => st.state === 'current') ?? statuses.find((st) => st.state !== 'locked');
    return current ? { weekId: current.week.id } : undefined;
  }

  /** Remembers the step the participant is on, for "Continue". */
  visit(step: Step): void {
    const program = this.options.program();
    if (!program || program.progress.snapshot.lastStepId === step.id) return;
    program.progress.visit(step.id).catch((error: unknown) => program.reportError(error, 'course'));
  }

  /** Forgets a celebration that belongs to another week (the participant moved on). */
  leaveWeek(): void {
    this.set({ celebration: null });
  }

  noteInput(step: Step, note: string): void {
    this.drafts = new Map(this.drafts).set(step.id, note);
    // D2: a write-ahead copy, so a tab closed before "Save note" loses nothing.
    const program = this.options.program();
    if (program) this.noteCopies.set(step.id, program.drafts.keep('step-note', step.id, { stepId: step.id, note }));
    if (this.savedNote === step.id) this.savedNote = null;
    this.host.requestUpdate();
  }

  saveNote(step: Step): void {
    const location = this.options.program()?.content.step(step.id);
    if (location) void this.setDone(step, location.week, true);
  }

  async setDone(step: Step, week: Week, done: boolean, options: { quiet?: boolean } = {}): Promise<void> {
    const program = this.options.program();
    if (!program || this.busy.has(step.id)) return;
    const { progress } = program;
    const wasDone = progress.isComplete(step.id);
    if (!done && !wasDone) return;
    // Completing a done step again only makes sense to save a practice note.
    if (done && wasDone && (step.kind !== 'practice' || options.quiet)) return;
    const errors = new Map(this.errors);
    errors.delete(step.id);
    this.set({ busy: new Set(this.busy).add(step.id), errors });
    try {
      if (!done) {
        await progress.reopen(step.id);
        const c = this.celebration;
        if (c && (c.kind === 'program' || c.weekId === week.id)) this.set({ celebration: null });
        return;
      }
      await this.complete(program, step, week, wasDone);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.set({ errors: new Map(this.errors).set(step.id, message) });
      program.reportError(error, 'course');
    } finally {
      const busy = new Set(this.busy);
      busy.delete(step.id);
      this.set({ busy });
    }
  }

  private async complete(program: CompassionProgram, step: Step, week: Week, wasDone: boolean): Promise<void> {
    const { progress, content } = program;
    const s = this.options.strings();
    const draft = step.kind === 'practice' ? this.drafts.get(step.id) : undefined;
    const result = await progress.complete(step.id, draft !== undefined ? { note: draft.trim() } : {});
    if (draft !== undefined) {
      const drafts = new Map(this.drafts);
      drafts.delete(step.id);
      this.set({ drafts });
      const copy = this.noteCopies.get(step.id);
      if (copy !== undefined) program.drafts.settle('step-note', step.id, copy);
      this.noteCopies.delete(step.id);
    }
    if (wasDone) {
      this.set({ savedNote: step.id, announcement: program.storage.mode === 'memory' ? s.noteKept : s.noteSaved });
      return;
    }
    const programId = content.id;
    this.host.dispatchEvent(new StepCompleteEvent({ programId, weekId: week.id, stepId: step.id, completedSteps: progress.snapshot.completed.size, totalSteps: content.totalSteps }));
    if (result.weekCompleted) {
      this.host.dispatchEvent(new WeekCompleteEvent({ programId, weekId: week.id, weekNumber: week.number }));
      this.set({ celebration: { kind: 'week', weekId: week.id }, announcement: s.weekCompleteTitle(week.number) });
    }
    if (result.programCompleted) {
      this.host.dispatchEvent(new ProgramCompleteEvent({ programId, weeks: content.program.weeks.length }));
      this.set({ celebration: { kind: 'program' }, announcement: s.programCompleteTitle });
    }
    // "Continue" now leads to the next step still to do: in this week, else in the next open week.
    const next = this.nextStepToDo(program, week);
    if (next) await progress.visit(next.id);
  }

  private nextStepToDo(program: CompassionProgram, week: Week): Step | undefined {
    const { progress } = program;
    const inWeek = week.steps.find((s) => !progress.isComplete(s.id));
    if (inWeek) return inWeek;
    const statuses = this.statuses(program);
    const later = statuses.slice(statuses.findIndex((st) => st.week.id === week.id) + 1).find((st) => st.state !== 'locked' && st.state !== 'done');
    return later?.week.steps.find((s) => !progress.isComplete(s.id));
  }

  private follow(program: CompassionProgram | undefined): void {
    this.unsubscribe?.();
    this.subscribedTo = program;
    this.unsubscribe = undefined;
    if (!program) return;
    const stops = [
      program.progress.subscribe(() => this.host.requestUpdate()),
      program.storage.subscribe(() => this.host.requestUpdate()),
      program.drafts.subscribe((s) => this.adoptRecoveredNotes(program, s.recovered)),
    ];
    this.unsubscribe = () => stops.forEach((stop) => stop());
    if (!program.progress.snapshot.loaded) void program.progress.load().catch((error: unknown) => program.reportError(error, 'course'));
  }

  /** Notes recovered from a page that closed: a note for a step not done goes back into its field, unsaved. */
  private adoptRecoveredNotes(program: CompassionProgram, recovered: readonly RecoveredDraft[]): void {
    const notes = recovered.filter((r) => r.kind === 'step-note' && !this.recoveredNotes.has(r.id));
    if (!notes.length) return;
    const drafts = new Map(this.drafts);
    for (const r of notes) {
      const restored = r.outcome === 'restored' ? program.drafts.stepNote(r.id) : undefined;
      if (restored && !drafts.has(r.id)) drafts.set(r.id, restored.note);
    }
    this.set({ drafts, recoveredNotes: new Map([...this.recoveredNotes, ...notes.map((r) => [r.id, r.writtenAt] as const)]) });
  }

  private set(changes: Partial<Pick<StepProgressController, 'busy' | 'errors' | 'drafts' | 'savedNote' | 'recoveredNotes' | 'celebration' | 'announcement'>>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }
}
