import type { TemplateResult } from 'lit';
import '../../src/elements/practice-log/define.js';
import type { PracticeLog } from '../../src/elements/practice-log/practice-log.js';
import type { Program } from '../../src/sdk/content/types.js';
import type { CompassionProgram } from '../../src/sdk/program.js';
import type { PracticeSession } from '../../src/sdk/store/records.js';
import { settle, waitFor } from './fixture.js';
import { mountProgram, type MountedProgram } from './mount.js';
import { $$, button, maybe, part, text } from './query.js';

/** Local time on a calendar day, e.g. `at('2026-03-02', 8, 30)`. */
export function at(day: string, hours = 9, minutes = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hours, minutes);
}

/** What a participant does with the practice log, and what they see, in their words. */
export class PracticeLogObject {
  constructor(
    readonly el: PracticeLog,
    readonly sdk: CompassionProgram,
  ) {}

  /** Logs a session of `minutes` starting at `when`, as the player does when a session ends. */
  async practise(when: Date, minutes: number, options: Partial<Omit<PracticeSession, 'startedAt' | 'endedAt' | 'seconds'>> = {}): Promise<PracticeSession> {
    const startedAt = when.getTime();
    const session = await this.sdk.practice.log({ mode: 'guided', meditationId: 'short', ...options, startedAt, endedAt: startedAt + minutes * 60_000, seconds: minutes * 60 });
    await settle(this.el);
    return session;
  }

  /** "Show as table" (or "Hide table"). */
  tableToggle(): HTMLButtonElement {
    return part<HTMLButtonElement>(this.el, 'table-toggle')!;
  }

  async showTable(): Promise<void> {
    const toggle = this.tableToggle();
    if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
    await settle(this.el);
  }

  /** The table alternative as a person reads it: one [week, minutes, sessions] row per week. */
  tableRows(): string[][] {
    return $$(this.el, "[part~='table'] tbody tr").map((row) => [...row.children].map((cell) => text(cell)));
  }

  caption(): string {
    return text(maybe(this.el, "[part~='table'] caption"));
  }

  totals(): string {
    return text(part(this.el, 'totals'));
  }

  /** The sessions listed, newest first, each as its visible text. */
  sessions(): string[] {
    return $$(this.el, "[part~='session']").map((s) => text(s));
  }

  bars(): SVGRectElement[] {
    return $$<SVGRectElement>(this.el, "[part~='chart-svg'] rect");
  }

  async showMore(): Promise<void> {
    button(this.el, /^Show \d+ more/).click();
    await settle(this.el);
  }

  /** Waits until the log shows its data (or its empty state). */
  async ready(): Promise<void> {
    await waitFor(async () => {
      await settle(this.el);
      return !part(this.el, 'status');
    }, 'the practice log to load');
  }
}

/** Mounts `inner` (holding one `<practice-log>`) in a provider with its own IndexedDB database. */
export async function mountLog(program: Program, inner: TemplateResult): Promise<MountedProgram<PracticeLog> & { log: PracticeLogObject }> {
  const mounted = await mountProgram<PracticeLog>(program, inner);
  const el = mounted.provider.querySelector('practice-log')!;
  const log = new PracticeLogObject(el, mounted.sdk);
  await log.ready();
  return { ...mounted, el, log };
}
