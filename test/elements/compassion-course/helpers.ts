import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/compassion-course/define.js';
import type { CompassionCourseElement } from '../../../src/elements/compassion-course/compassion-course.js';
import type { CompassionProgramElement } from '../../../src/elements/compassion-program/compassion-program.js';
import type { Program } from '../../../src/sdk/content/types.js';
import { databaseName } from '../../../src/sdk/store/schema.js';
import type { StorageMode } from '../../../src/sdk/store/backend.js';
import { cleanup, fixture, settle, waitFor } from '../../helpers/fixture.js';

export interface Mounted {
  provider: CompassionProgramElement;
  course: CompassionCourseElement;
  root: ShadowRoot;
}

export interface MountOptions {
  storage?: StorageMode;
  startDate?: string;
  routing?: 'none' | 'hash';
  now?: Date;
  theme?: 'light' | 'dark';
}

const opened = new Set<string>();

/** A course inside a provider holding `program`; resolves once the course shows its overview (or an error). */
export async function mountCourse(program: Program | unknown, options: MountOptions = {}): Promise<Mounted> {
  const id = (program as Program)?.id;
  if (typeof id === 'string' && options.storage !== 'memory') opened.add(id);
  const provider = await fixture<CompassionProgramElement>(html`<compassion-program .program=${program} storage=${options.storage ?? 'indexeddb'}>
    <compassion-course start-date=${ifDefined(options.startDate)} routing=${options.routing ?? 'none'} .now=${options.now ?? null} theme=${ifDefined(options.theme)}></compassion-course>
  </compassion-program>`);
  const course = provider.querySelector('compassion-course')!;
  await settle(course);
  const root = course.shadowRoot!;
  await waitFor(() => root.querySelector('[part~="overview"], [part~="week"], [part~="error"]'), 'the course to render');
  return { provider, course, root };
}

/** Waits for the course's next render to finish, and for any entrance animation to end (axe reads colours mid-fade otherwise). */
export async function rendered(course: CompassionCourseElement): Promise<void> {
  await settle(course);
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await settle(course);
  await Promise.all((course.shadowRoot?.getAnimations() ?? []).map((a) => a.finished.catch(() => undefined)));
}

/** Closes every SDK connection the tests opened and deletes their databases. */
export async function deleteCourseDatabases(providers: CompassionProgramElement[]): Promise<void> {
  for (const p of providers) p.sdk?.close();
  await Promise.all(
    [...opened].map(
      (id) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(databaseName(id));
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
  opened.clear();
}

export function text(el: Element | ShadowRoot | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function $(root: ShadowRoot, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
}

export function $$(root: ShadowRoot, selector: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)];
}

/** The button or link in the week list that opens week `n`. */
export function weekLink(root: ShadowRoot, n: number): HTMLElement {
  const items = $$(root, '[part~="week-item"]');
  const link = items[n - 1]?.querySelector<HTMLElement>('[part~="week-link"]');
  if (!link) throw new Error(`week ${n} has no link (is it locked?)`);
  return link;
}

/** The "I've done this" checkbox of step `index` (0-based) in the open week. */
export function doneBox(root: ShadowRoot, index: number): HTMLInputElement {
  return $$(root, '[part~="step"]')[index]!.querySelector<HTMLInputElement>('[part~="step-checkbox"]')!;
}

export async function tick(root: ShadowRoot, index: number, course: CompassionCourseElement): Promise<void> {
  const box = doneBox(root, index);
  const wanted = !box.checked;
  box.click();
  // The checkbox flips at once; the part follows the stored state, and "Saving…" lasts until every write is over.
  const settled = () => {
    const step = $$(root, '[part~="step"]')[index]!;
    return step.getAttribute('part')!.includes('step-done') === wanted && !step.textContent!.includes('Saving');
  };
  await waitFor(settled, `step ${index} to be ${wanted ? 'done' : 'not done'}`);
  await rendered(course);
}

/**
 * A mount function that remembers every provider it created, and `release()` for afterEach:
 * it removes the fixtures and deletes the databases those providers opened.
 */
export function trackedMounts(): { mount: typeof mountCourse; release: () => Promise<void> } {
  const providers: CompassionProgramElement[] = [];
  return {
    mount: async (...args) => {
      const m = await mountCourse(...args);
      providers.push(m.provider);
      return m;
    },
    release: async () => {
      cleanup();
      await deleteCourseDatabases(providers.splice(0));
    },
  };
}
