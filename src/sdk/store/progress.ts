import { StorageError } from '../errors.js';
import { Observable } from '../observable.js';
import type { ProgramContent } from '../content/content.js';
import type { Week } from '../content/types.js';
import type { Database } from './database.js';
import type { StepProgress } from './records.js';
import type { Sealing } from './sealing.js';

export interface ProgressSnapshot {
  loaded: boolean;
  /** Completed steps by step id. */
  completed: ReadonlyMap<string, StepProgress>;
  /** The step the participant last opened, for "Continue". */
  lastStepId?: string;
  /** Steps whose note is sealed and not opened (the journal is locked, or the note is damaged). */
  sealedNotes?: readonly string[];
}

export interface CompleteResult {
  progress: StepProgress;
  week: Week;
  /** This completion finished the week. */
  weekCompleted: boolean;
  /** This completion finished the whole program. */
  programCompleted: boolean;
}

const LAST_STEP = 'progress.lastStep';

/** Which steps the participant has done, and where they were. */
export class ProgressRepository extends Observable<ProgressSnapshot> {
  constructor(
    private readonly db: Database,
    private readonly content: ProgramContent,
    private readonly sealing: Sealing,
    private readonly onComplete: (result: CompleteResult) => void,
  ) {
    super({ loaded: false, completed: new Map() });
  }

  async load(): Promise<ProgressSnapshot> {
    const [rows, last] = await this.db.read(['progress', 'settings'], async (tx) => [await tx.getAll('progress'), await tx.get('settings', LAST_STEP)] as const);
    const sealedNotes: string[] = [];
    const shown = await Promise.all(
      rows.map(async (r) => {
        if (!r.sealed) return r;
        const opened = await this.sealing.open('progress', r);
        if (opened) return opened;
        sealedNotes.push(r.stepId);
        const { sealed: _sealed, ...bare } = r;
        return bare;
      }),
    );
    const next: ProgressSnapshot = { loaded: true, completed: new Map(shown.map((r) => [r.stepId, r])) };
    if (typeof last?.value === 'string') next.lastStepId = last.value;
    if (sealedNotes.length) next.sealedNotes = sealedNotes;
    this.set(next);
    return next;
  }

  isComplete(stepId: string): boolean {
    return this.snapshot.completed.has(stepId);
  }

  /**
   * Marks a step done (with an optional note); reports whether that finished its week or the
   * program. With the lock on the note is sealed; while locked a note is refused with `locked`
   * (completing without one still works and keeps any sealed note already stored). A `measure`
   * step passes its `answers`, sealed the same way; answering again replaces them.
   */
  async complete(stepId: string, options: { note?: string; answers?: Readonly<Record<string, number | null>> } = {}): Promise<CompleteResult> {
    const location = this.content.step(stepId);
    if (!location) throw new StorageError('not-found', `There is no step "${stepId}" in program "${this.content.id}".`);
    const { week } = location;
    const wasWeekDone = week.steps.every((s) => this.isComplete(s.id));
    const wasProgramDone = this.snapshot.completed.size >= this.content.totalSteps;
    const progress: StepProgress = { stepId, weekId: week.id, completedAt: this.snapshot.completed.get(stepId)?.completedAt ?? Date.now() };
    const note = options.note ?? this.snapshot.completed.get(stepId)?.note;
    if (note) progress.note = note;
    const answers = options.answers ?? this.snapshot.completed.get(stepId)?.answers;
    if (answers) progress.answers = { ...answers };
    const keepStored = options.note === undefined && options.answers === undefined && this.snapshot.sealedNotes?.includes(stepId);
    const { record, keyId } = await this.sealing.prepare('progress', progress);
    await this.db.write(['progress', 'settings'], async (tx) => {
      await this.sealing.verify(tx, keyId);
      // A note still sealed (locked) is kept as stored, never replaced by an empty one.
      if (keepStored && (await tx.get('progress', stepId))?.sealed) return;
      await tx.put('progress', record);
    }, 'saving your progress');
    const completed = new Map(this.snapshot.completed).set(stepId, progress);
    this.set({ ...this.snapshot, completed });
    const result: CompleteResult = {
      progress,
      week,
      weekCompleted: !wasWeekDone && week.steps.every((s) => completed.has(s.id)),
      programCompleted: !wasProgramDone && this.content.program.weeks.every((w) => w.steps.every((s) => completed.has(s.id))),
    };
    this.onComplete(result);
    return result;
  }

  /** Marks a step not done again. */
  async reopen(stepId: string): Promise<void> {
    await this.db.write(['progress'], (tx) => tx.delete('progress', stepId), 'saving your progress');
    const completed = new Map(this.snapshot.completed);
    completed.delete(stepId);
    this.set({ ...this.snapshot, completed });
  }

  /** Remembers the step the participant is on, for "Continue". */
  async visit(stepId: string): Promise<void> {
    if (this.snapshot.lastStepId === stepId) return;
    await this.db.write(['settings'], (tx) => tx.put('settings', { key: LAST_STEP, value: stepId }), 'remembering your place');
    this.set({ ...this.snapshot, lastStepId: stepId });
  }

  /** The step "Continue" should open: the last one visited, else the first step not done. */
  get continueStepId(): string | undefined {
    if (this.snapshot.lastStepId && this.content.step(this.snapshot.lastStepId)) return this.snapshot.lastStepId;
    for (const week of this.content.program.weeks) for (const s of week.steps) if (!this.isComplete(s.id)) return s.id;
    return undefined;
  }
}
