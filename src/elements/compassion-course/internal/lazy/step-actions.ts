// Step notes use program.drafts: the journal's code loads with this module.
import '../../../../sdk/store/journal-parts.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Step, Week } from '../../../../sdk/content/types.js';
import { ProgramCompleteEvent, StepCompleteEvent, WeekCompleteEvent } from '../../../../sdk/events.js';
import type { CompassionProgram } from '../../../../sdk/program.js';
import { riskWordsFor } from '../../../../sdk/safety/risk-words.js';
import { SupportOfferedEvent } from '../../../../sdk/support-offered.js';
import type { RecoveredDraft } from '../../../../sdk/store/drafts.js';
import type { JournalEntry } from '../../../../sdk/store/records.js';
import type { CourseStrings } from '../../strings.js';
import type { CourseProgressController } from '../course-progress.js';

export type Celebration = { kind: 'week'; weekId: string } | { kind: 'program' };

/** What the controller needs from the course: its program, its words, and where the participant is (for the next step). */
export interface StepActionsOptions {
  program(): CompassionProgram | undefined;
  strings(): CourseStrings;
  readonly progress: CourseProgressController;
}

/**
 * What a week does with its steps: marks them done or not done (firing the course's events and
 * choosing the next step "Continue" leads to); keeps practice notes being typed, with their
 * write-ahead copies, and puts back notes recovered from a page that closed; and holds what the
 * week shows about it (saving, errors, the celebration, the live announcement). Loaded with the
 * week view, and attached to the course when a week first opens.
 */
export class StepActionsController implements ReactiveController {
  busy: ReadonlySet<string> = new Set();
  /** What the participant last chose for a step whose save is under way: the checkbox shows it at once and keeps it (no flicker back). */
  wanted: ReadonlyMap<string, boolean> = new Map();
  errors: ReadonlyMap<string, string> = new Map();
  /** Practice notes being typed, by step id (kept until saved). */
  drafts: ReadonlyMap<string, string> = new Map();
  savedNote: string | null = null;
  /** Step notes found again after a page closed before they were saved: step id → when they were typed. */
  recoveredNotes: ReadonlyMap<string, number> = new Map();
  celebration: Celebration | null = null;
  /** Steps whose saved note offered the support card (shown under the note while the page lives). */
  supportOffered: ReadonlySet<string> = new Set();
  /** Text for the polite live region. */
  announcement = '';
  /** Whether each reflect step's answer, as last saved on this page, holds anything. */
  private answers: ReadonlyMap<string, boolean> = new Map();
  /** The write-ahead copy number of each note being typed (see DraftStore.keep). */
  private noteCopies = new Map<string, number>();
  private subscribedTo: CompassionProgram | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: StepActionsOptions,
  ) {
    host.addController(this);
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

  /**
   * Marks a step done or not done. The choice shows at once and stays (`wanted`); a choice made
   * while a save is under way is applied when it ends, so a quick second tap does what it shows.
   * A failed save puts the stored state back and says why.
   */
  async setDone(step: Step, week: Week, done: boolean, options: { quiet?: boolean } = {}): Promise<void> {
    const program = this.options.program();
    if (!program) return;
    const { progress } = program;
    if (done && progress.isComplete(step.id) && !this.busy.has(step.id)) {
      // Completing a done step again only makes sense to save a practice note.
      if (step.kind === 'practice' && !options.quiet) await this.run(program, step, () => this.complete(program, step, week, true));
      return;
    }
    this.set({ wanted: new Map(this.wanted).set(step.id, done) });
    if (this.busy.has(step.id)) return;
    await this.run(program, step, async () => {
      for (let want = this.wanted.get(step.id); want !== undefined && want !== progress.isComplete(step.id); want = this.wanted.get(step.id)) {
        if (want) await this.complete(program, step, week, false);
        else await this.reopen(program, step, week);
      }
    });
  }

  /**
   * The embedded journal saved the entry of a reflect step: a non-empty answer makes the step
   * done, an emptied one makes it not done again (a step marked done without writing stays so
   * until an answer is written and emptied).
   */
  async answerSaved(step: Step, week: Week, entryId: string): Promise<void> {
    const program = this.options.program();
    if (!program) return;
    const entry = await program.journal.get(entryId).catch(() => undefined);
    const answered = entry !== undefined && hasAnswer(entry);
    this.answers = new Map(this.answers).set(step.id, answered);
    if (answered || program.progress.isComplete(step.id) || this.wanted.get(step.id)) await this.setDone(step, week, answered, { quiet: true });
  }

  /** Whether the journal holds a non-empty answer to a reflect step: as last saved here, else as far as the journal has loaded. */
  answered(step: Step): boolean {
    const known = this.answers.get(step.id);
    if (known !== undefined) return known;
    const journal = this.options.program()?.journal.snapshot;
    return !!journal?.loaded && journal.entries.some((e) => e.stepId === step.id && hasAnswer(e));
  }

  /**
   * The journal changed: a reflect step done by its answer is not done any more once that entry
   * is deleted (moved to "recently deleted") and no other entry for the step holds an answer.
   */
  private answerDeleted(program: CompassionProgram): void {
    this.host.requestUpdate();
    const journal = program.journal.snapshot;
    if (!journal.loaded || journal.lock === 'locked') return;
    for (const [stepId, answered] of this.answers) {
      if (!answered || !journal.deleted.some((e) => e.stepId === stepId) || journal.entries.some((e) => e.stepId === stepId && hasAnswer(e))) continue;
      const location = program.content.step(stepId);
      this.answers = new Map(this.answers).set(stepId, false);
      if (location) void this.setDone(location.step, location.week, false);
    }
  }

  private async run(program: CompassionProgram, step: Step, work: () => Promise<void>): Promise<void> {
    const errors = new Map(this.errors);
    errors.delete(step.id);
    this.set({ busy: new Set(this.busy).add(step.id), errors });
    try {
      await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.set({ errors: new Map(this.errors).set(step.id, message) });
      program.reportError(error, 'course');
    } finally {
      const busy = new Set(this.busy);
      busy.delete(step.id);
      const wanted = new Map(this.wanted);
      wanted.delete(step.id);
      this.set({ busy, wanted });
    }
  }

  private async reopen(program: CompassionProgram, step: Step, week: Week): Promise<void> {
    await program.progress.reopen(step.id);
    const c = this.celebration;
    if (c && (c.kind === 'program' || c.weekId === week.id)) this.set({ celebration: null });
  }

  /**
   * Saves a questionnaire step's answers, which makes it done (or keeps it done): the course's
   * events, the week's celebration and "Continue" follow as for any step. Throws if the save fails.
   */
  async saveAnswers(stepId: string, answers: Readonly<Record<string, number | null>>): Promise<void> {
    const program = this.options.program();
    const location = program?.content.step(stepId);
    if (!program || !location) return;
    await this.complete(program, location.step, location.week, program.progress.isComplete(stepId), answers);
  }

  private async complete(program: CompassionProgram, step: Step, week: Week, wasDone: boolean, answers?: Readonly<Record<string, number | null>>): Promise<void> {
    const { progress, content } = program;
    const s = this.options.strings();
    const draft = step.kind === 'practice' ? this.drafts.get(step.id) : undefined;
    const result = await progress.complete(step.id, draft !== undefined ? { note: draft.trim() } : answers ? { answers } : {});
    // The participant's own words, checked on the device against the program's list: a match offers the support card, once per note; nothing is kept of it.
    if (draft?.trim() && !this.supportOffered.has(step.id) && riskWordsFor(content.program)?.matches(draft)) {
      this.supportOffered = new Set(this.supportOffered).add(step.id);
      this.host.dispatchEvent(new SupportOfferedEvent());
    }
    if (answers && wasDone) return;
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
    const statuses = this.options.progress.statuses(program);
    const later = statuses.slice(statuses.findIndex((st) => st.week.id === week.id) + 1).find((st) => st.state !== 'locked' && st.state !== 'done');
    return later?.week.steps.find((s) => !progress.isComplete(s.id));
  }

  private follow(program: CompassionProgram | undefined): void {
    this.unsubscribe?.();
    this.subscribedTo = program;
    this.unsubscribe = undefined;
    if (!program) return;
    const stops = [program.drafts.subscribe((s) => this.adoptRecoveredNotes(program, s.recovered)), program.journal.subscribe(() => this.answerDeleted(program))];
    this.unsubscribe = () => stops.forEach((stop) => stop());
    // Notes recovered while only the overview showed (before this controller was loaded).
    this.adoptRecoveredNotes(program, program.drafts.snapshot.recovered);
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

  private set(changes: Partial<Pick<StepActionsController, 'busy' | 'wanted' | 'errors' | 'drafts' | 'savedNote' | 'recoveredNotes' | 'celebration' | 'announcement'>>): void {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }
}

/** An answer is any field the participant filled in: text that is not blank, a chosen value, a ticked item. */
function hasAnswer(entry: JournalEntry): boolean {
  if (entry.deletedAt) return false;
  return Object.values(entry.fields).some((v) => (typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) ? v.length > 0 : typeof v === 'number'));
}
