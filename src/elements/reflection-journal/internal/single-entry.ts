import type { CompassionProgram } from '../../../sdk/program.js';
import type { JournalSnapshot } from '../../../sdk/store/journal.js';
import type { EditorSlot } from './editor-slot.js';
import type { Draft } from './entry-editor.js';

export interface SingleEntryHost {
  readonly template: string | null;
  readonly prompt: string | null;
  readonly weekId: string | null;
  readonly stepId: string | null;
}

/**
 * Binds a journal with `template` or `step-id` to the one entry it shows: the step's entry (the
 * newest, if several), or a new one created on the first keystroke; switches when those change.
 */
export class SingleEntryBinding {
  /** The step whose entries have been read into the journal's snapshot (it holds only pages otherwise). */
  private readStep: { journal: object; stepId: string } | undefined;

  constructor(
    private readonly host: SingleEntryHost,
    private readonly slot: EditorSlot,
    private readonly sdk: () => CompassionProgram | undefined,
    /** The entry shown is damaged (its id), or not (undefined). */
    private readonly setDamaged: (id: string | undefined) => void,
  ) {}

  /** True when showing one entry for a template or step rather than the whole journal. */
  get active(): boolean {
    return !!(this.host.template || this.host.stepId);
  }

  /** The template, prompt, week and step the entry is written to (undefined when the program has none). */
  spec(): Omit<Draft, 'id'> | undefined {
    const sdk = this.sdk();
    const { template, stepId } = this.host;
    if (!sdk || !this.active) return undefined;
    const loc = stepId ? sdk.content.step(stepId) : undefined;
    const step = loc?.step.kind === 'reflect' ? loc.step : undefined;
    const templateId = template ?? step?.template;
    if (!templateId || !sdk.content.template(templateId)) return undefined;
    const prompt = this.host.prompt ?? step?.prompt;
    const weekId = this.host.weekId ?? loc?.week.id;
    return {
      templateId,
      title: '',
      fields: {},
      tags: [],
      ...(weekId ? { weekId } : {}),
      ...(stepId ? { stepId } : {}),
      ...(prompt ? { prompt } : {}),
    };
  }

  /** Shows the step's entry, or starts a new one, unless text is already open there. */
  sync(s: JournalSnapshot): void {
    const spec = this.spec();
    const journal = this.sdk()?.journal;
    if (!spec || !journal || !s.loaded || s.lock === 'locked') return;
    if (spec.stepId && (this.readStep?.journal !== journal || this.readStep.stepId !== spec.stepId)) {
      // Read the step's entries from their index first (they may be older than the first page).
      const readStep = { journal, stepId: spec.stepId };
      this.readStep = readStep;
      journal.forStep(spec.stepId).then(
        () => this.readStep === readStep && this.sync(journal.snapshot),
        () => {
          if (this.readStep === readStep) this.readStep = undefined;
        },
      );
      return;
    }
    const { code, loaded } = this.slot;
    // The editor's code arrives with the entry view (requested with the program): sync once it is here.
    if (!code || !loaded) this.slot.load().then(() => this.sync(journal.snapshot), () => undefined);
    else code.showStepEntry(loaded, spec, s, journal, this.setDamaged);
  }

  /** The attributes changed: close the open entry (saving it) and show the new one. */
  async switch(s: () => JournalSnapshot): Promise<void> {
    if (!(await this.slot.close())) return;
    this.setDamaged(undefined);
    this.sync(s());
  }
}
