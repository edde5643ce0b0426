import { DEFAULT_SUPPORT } from './defaults.js';
import type { JournalTemplate, Meditation, Program, Step, Support, Week } from './types.js';
import { weekStatuses, type AvailabilityOptions, type WeekStatus } from './unlock.js';
import { resolveContentUrl } from './urls.js';
import type { ProgramIssue } from '../errors.js';

export interface StepLocation {
  week: Week;
  step: Step;
  /** 0-based position of the step in its week. */
  index: number;
}

/** Read-only access to a validated program, with look-ups by id. */
export class ProgramContent {
  private readonly steps = new Map<string, StepLocation>();

  constructor(
    readonly program: Program,
    /** Where the program file came from; relative URLs resolve against it. */
    readonly url: string | undefined,
    readonly warnings: readonly ProgramIssue[] = [],
  ) {
    for (const week of program.weeks) week.steps.forEach((step, index) => this.steps.set(step.id, { week, step, index }));
  }

  get id(): string {
    return this.program.id;
  }

  /** The program's support resources, or a sensible generic default when it gives none (C1). */
  get support(): Support {
    return this.program.support ?? DEFAULT_SUPPORT;
  }

  get totalSteps(): number {
    return this.steps.size;
  }

  /** A week by id (`"week-3"`) or number (`3`). */
  week(idOrNumber: string | number): Week | undefined {
    return this.program.weeks.find((w) => w.id === idOrNumber || w.number === idOrNumber);
  }

  step(stepId: string): StepLocation | undefined {
    return this.steps.get(stepId);
  }

  meditation(id: string): Meditation | undefined {
    return this.program.meditations.find((m) => m.id === id);
  }

  template(id: string): JournalTemplate | undefined {
    return this.program.templates.find((t) => t.id === id);
  }

  /** Resolves a URL from the program against the program file, or `undefined` if it is not allowed. */
  resolveUrl(src: string): string | undefined {
    return resolveContentUrl(src, this.url);
  }

  weekStatuses(options: AvailabilityOptions): WeekStatus[] {
    return weekStatuses(this.program, options);
  }
}
