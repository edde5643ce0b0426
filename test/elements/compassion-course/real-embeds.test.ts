import { expect } from 'chai';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// The real player and journal, not stand-ins: this file checks the week view as participants get it.
import '../../../src/define.js';
import type { CompassionCourseElement } from '../../../src/elements/compassion-course/compassion-course.js';
import type { CompassionProgramElement } from '../../../src/elements/compassion-program/compassion-program.js';
import type { MeditationPlayer } from '../../../src/elements/meditation-player/meditation-player.js';
import type { ReflectionJournal } from '../../../src/elements/reflection-journal/reflection-journal.js';
import type { Program } from '../../../src/sdk/content/types.js';
import { databaseName } from '../../../src/sdk/store/schema.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cleanup, fixture, settle, waitFor } from '../../helpers/fixture.js';
import { uniqueProgramId } from '../../fixtures/course-program.js';
import { rendered } from '../../helpers/course-object.js';

const PROGRAM_URL = '/packages/default-program/program.json';

/** Every element under `root`, through every open shadow root on the way. */
function deepAll(root: Element | ShadowRoot | Document): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const el of node.querySelectorAll('*')) {
      found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return found;
}

/**
 * The support controls a participant can see, anywhere inside `host` (shadow roots included): the
 * header's "Need support now?" or, inside a guided week, the step bar's compact "Support" (issue 11).
 */
function visibleSupportButtons(host: Element): HTMLButtonElement[] {
  return deepAll(host.shadowRoot!).filter(
    (el): el is HTMLButtonElement =>
      el instanceof HTMLButtonElement && el.matches('[part~="support-button"]') && el.getAttribute('aria-haspopup') === 'dialog' && el.checkVisibility({ visibilityProperty: true }),
  );
}

interface Week {
  provider: CompassionProgramElement;
  course: CompassionCourseElement;
  players: MeditationPlayer[];
  journals: ReflectionJournal[];
}

/** Waits until the real player and journals inside the course's open week have rendered. */
async function embedsReady(course: CompassionCourseElement): Promise<{ players: MeditationPlayer[]; journals: ReflectionJournal[] }> {
  await rendered(course);
  const root = course.shadowRoot!;
  const players = [...root.querySelectorAll('meditation-player')];
  const journals = [...root.querySelectorAll('reflection-journal')];
  await waitFor(() => players.every((p) => p.shadowRoot?.querySelector('[part~="play-button"]')), 'the player to be ready to play');
  await waitFor(() => journals.every((j) => j.shadowRoot?.querySelector('[part~="editor"]')), 'every journal to show its entry');
  await Promise.all([...players, ...journals].map((el) => settle(el)));
  await rendered(course);
  return { players, journals };
}

let defaultProgram: Program | undefined;
/** Providers with an SDK object of their own, closed after each test. */
const providers: CompassionProgramElement[] = [];

/** Opens `week` of the default program (its own copy and memory store) in a course inside a provider, with the real player and journals rendered. */
async function openWeek(week: number, options: { theme?: 'dark'; storage?: 'indexeddb'; id?: string } = {}): Promise<Week> {
  defaultProgram ??= (await (await fetch(PROGRAM_URL)).json()) as Program;
  const program = { ...structuredClone(defaultProgram), id: options.id ?? uniqueProgramId('real-embeds') };
  // src resolves the program's relative audio and transcript URLs; .program gives this test its own SDK object.
  const provider = await fixture<CompassionProgramElement>(html`<compassion-program src=${PROGRAM_URL} .program=${program} storage=${options.storage ?? 'memory'}>
    <compassion-course theme=${ifDefined(options.theme)}></compassion-course>
  </compassion-program>`);
  providers.push(provider);
  const course = provider.querySelector('compassion-course')!;
  await waitFor(() => course.shadowRoot!.querySelector('[part~="overview"]'), 'the course overview');
  course.openWeek(week);
  return { provider, course, ...(await embedsReady(course)) };
}

function stepKinds(course: CompassionCourseElement): Set<string | undefined> {
  return new Set([...course.shadowRoot!.querySelectorAll('[part~="step"]')].map((s) => /step-(read|meditate|reflect|practice|measure)/.exec(s.getAttribute('part')!)?.[1]));
}

describe('<compassion-course> with the real player and journal', () => {
  afterEach(() => {
    for (const p of providers.splice(0)) p.sdk?.close();
    cleanup();
  });

  it('shows a week with every step kind accessibly, with the real player and several journals', async () => {
    const { course, players, journals } = await openWeek(1);
    expect(stepKinds(course)).to.deep.equal(new Set(['read', 'measure', 'meditate', 'reflect', 'practice']));
    expect(players).to.have.length(1);
    expect(journals).to.have.length(3);
    for (const el of [...players, ...journals]) expect(el.hasAttribute('embedded'), el.localName).to.equal(true);
    await expectAccessible(course);
  });

  it('shows exactly one support control in the whole week view, the step bar\'s, and it opens the crisis resources', async () => {
    const { course } = await openWeek(1);
    const buttons = visibleSupportButtons(course);
    expect(buttons).to.have.length(1);
    // Inside a week the support control rides in the step bar, which stays on screen (issue 11).
    const bar = course.shadowRoot!.querySelector('[part~="step-bar"]')!;
    expect(bar.contains(buttons[0]!)).to.equal(true);
    buttons[0]!.click();
    const dialog = course.shadowRoot!.querySelector<HTMLDialogElement>('dialog.ck-support')!;
    await waitFor(() => dialog.open, 'the support dialog');
    await expectAccessible(course);
    dialog.close();
  });

  it('is accessible in every week of the default program, with one support button and no storage banner repeated per step', async function () {
    this.timeout(120_000);
    const { course } = await openWeek(1);
    for (let n = 1; n <= 14; n++) {
      course.openWeek(n);
      const { players, journals } = await embedsReady(course);
      expect(players.length, `week ${n} players`).to.equal(1);
      expect(journals.length, `week ${n} journals`).to.be.at.least(2);
      expect(visibleSupportButtons(course), `week ${n}`).to.have.length(1);
      // The course asked for memory on purpose, so no element repeats "not kept on this device".
      for (const journal of journals) expect(journal.shadowRoot!.querySelectorAll('[part="banner"]').length, `week ${n} ${journal.stepId}`).to.equal(0);
      await expectAccessible(course);
    }
  });

  it('stays accessible after writing in two journals, ticking steps, and with histories open', async () => {
    const { course, journals } = await openWeek(3);
    for (const journal of journals.slice(0, 2)) {
      const area = journal.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
      area.value = `written for ${journal.stepId}`;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      // This course keeps its data in memory only, so the journal never claims "Saved".
      await waitFor(() => /^Kept until this page closes/.test(journal.saveStateText), `${journal.stepId} to save`);
      // Saving the entry ticks its step.
      await waitFor(() => course.shadowRoot!.querySelector(`[part~="step-done"] reflection-journal[step-id="${journal.stepId}"]`), `${journal.stepId} to be ticked`);
    }
    await rendered(course);
    await expectAccessible(course);
    for (const journal of journals.slice(0, 2)) {
      [...journal.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'History')!.click();
      await waitFor(() => journal.shadowRoot!.querySelector('[part="history"]'), 'the history');
    }
    await rendered(course);
    await expectAccessible(course);
    expect(visibleSupportButtons(course)).to.have.length(1);
  });

  it('is accessible in the dark theme, which it passes on to the embedded elements', async () => {
    const { course, players, journals } = await openWeek(10, { theme: 'dark' });
    for (const el of [...players, ...journals]) expect(el.getAttribute('theme')).to.equal('dark');
    await expectAccessible(course);
  });

  it('says once, at the top, that a newer version holds the storage; no embedded element repeats it', async () => {
    const id = uniqueProgramId('real-embeds-outdated');
    const name = databaseName(id);
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, 99);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    newer.close();
    try {
      const { course, journals, players } = await openWeek(2, { storage: 'indexeddb', id });
      const notices = course.shadowRoot!.querySelectorAll('[part~="notice"]');
      expect(notices).to.have.length(1);
      expect(notices[0]!.textContent).to.contain('newer version');
      for (const el of [...journals, ...players]) {
        expect(el.shadowRoot!.textContent, el.localName).not.to.contain('newer version');
        expect(el.shadowRoot!.querySelectorAll('[part="banner"]').length, el.localName).to.equal(0);
      }
      await expectAccessible(course);
    } finally {
      for (const p of providers.splice(0)) p.sdk?.close();
      await new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase(name);
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      });
    }
  });

  it('alone with its own src, passes src and storage on and still shows one support button', async () => {
    const course = await fixture<CompassionCourseElement>(html`<compassion-course src=${PROGRAM_URL} storage="memory"></compassion-course>`);
    await waitFor(() => course.shadowRoot!.querySelector('[part~="overview"]'), 'the course overview');
    expect(visibleSupportButtons(course)).to.have.length(1);
    course.openWeek(5);
    const { players, journals } = await embedsReady(course);
    for (const el of [...players, ...journals]) {
      expect(el.getAttribute('src')).to.equal(PROGRAM_URL);
      expect(el.getAttribute('storage')).to.equal('memory');
      expect(el.hasAttribute('embedded')).to.equal(true);
    }
    expect(stepKinds(course)).to.deep.equal(new Set(['read', 'meditate', 'reflect', 'practice']));
    expect(visibleSupportButtons(course)).to.have.length(1);
    await expectAccessible(course);
  });
});
