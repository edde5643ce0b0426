import { expect } from 'chai';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { CompassionCourseElement } from '../../../src/elements/compassion-course/compassion-course.js';
import { EntrySavedEvent, PracticeLoggedEvent, StepCompleteEvent } from '../../../src/sdk/events.js';
import { fixture, waitFor } from '../../helpers/fixture.js';
import { courseProgram } from '../../fixtures/course-program.js';
import { mountCourse, rendered } from '../../helpers/course-object.js';
import { unmountAll } from '../../helpers/mount.js';
import { $ } from '../../helpers/query.js';

// Stand-ins with the real elements' tag names and attributes: this file checks what the course
// hands to them and how it reacts to their events, not the player or the journal themselves.
// The tests run in order: the first defines the player late, the fourth the journal.
class StandInPlayer extends LitElement {
  @property({ attribute: 'meditation-id' }) meditationId: string | null = null;
  protected override render() {
    return html`<p>Player for ${this.meditationId}</p>`;
  }
}
class StandInJournal extends LitElement {
  @property() template: string | null = null;
  protected override render() {
    return html`<p>Journal for ${this.template}</p>`;
  }
}

describe('<compassion-course> embedding the player and the journal', () => {
  afterEach(async () => {
    await unmountAll();
  });

  it('swaps the placeholder for the player when the player is defined after the course rendered', async () => {
    const page = await mountCourse(courseProgram(), { storage: 'memory' });
    const { course, root } = page;
    course.openWeek(1);
    await page.rendered();
    expect(root.querySelector('meditation-player')).to.equal(null);
    expect($(root, '[part~="step-meditate"] [part~="placeholder"]')).to.exist;
    customElements.define('meditation-player', StandInPlayer);
    await waitFor(() => root.querySelector('meditation-player'), 'the player to replace the placeholder');
    expect(root.querySelector('[part~="step-meditate"] [part~="placeholder"]')).to.equal(null);
  });

  it('gives the player the meditation id and the theme, and marks it embedded', async () => {
    const page = await mountCourse(courseProgram(), { storage: 'memory', theme: 'dark' });
    const { course, root } = page;
    course.openWeek(2);
    await page.rendered();
    const player = $(root, '[part~="step-meditate"] meditation-player');
    expect(player.getAttribute('meditation-id')).to.equal('calm');
    expect(player.getAttribute('theme')).to.equal('dark');
    // The course's header holds the support control; the player leaves its own out.
    expect(player.hasAttribute('embedded')).to.equal(true);
    // Inside <compassion-program> the player takes the program from context: no src of its own.
    expect(player.hasAttribute('src')).to.equal(false);
  });

  it('marks the meditate step done when the player logs a practice of that meditation', async () => {
    const page = await mountCourse(courseProgram(), { storage: 'memory' });
    const { course, root, provider } = page;
    course.openWeek(1);
    await page.rendered();
    const fired: StepCompleteEvent[] = [];
    course.addEventListener('ck-step-complete', (e) => fired.push(e));
    const player = $(root, 'meditation-player');
    player.dispatchEvent(new PracticeLoggedEvent({ programId: provider.sdk!.id, sessionId: 's1', mode: 'guided', meditationId: 'other', minutes: 5 }));
    await page.rendered();
    expect(page.doneBox(1).checked).to.equal(false);
    player.dispatchEvent(new PracticeLoggedEvent({ programId: provider.sdk!.id, sessionId: 's2', mode: 'guided', meditationId: 'calm', minutes: 5 }));
    await waitFor(() => provider.sdk!.progress.isComplete('w1-meditate'), 'the meditate step to be done');
    await page.rendered();
    expect(page.doneBox(1).checked).to.equal(true);
    expect(fired.map((e) => e.detail.stepId)).to.deep.equal(['w1-meditate']);
  });

  it('swaps in the journal when defined and gives it the template, prompt, week and step, marked embedded', async () => {
    const page = await mountCourse(courseProgram(), { storage: 'memory' });
    const { course, root } = page;
    course.openWeek(3);
    await page.rendered();
    expect($(root, '[part~="step-reflect"] [part~="prompt"]').textContent).to.contain('What stood out in week 3?');
    customElements.define('reflection-journal', StandInJournal);
    const journal = await waitFor(() => root.querySelector('reflection-journal'), 'the journal');
    expect(journal.getAttribute('template')).to.equal('free');
    expect(journal.getAttribute('prompt')).to.equal('What stood out in week 3?');
    expect(journal.getAttribute('week-id')).to.equal('week-3');
    expect(journal.getAttribute('step-id')).to.equal('w3-reflect-1');
    expect(journal.hasAttribute('embedded')).to.equal(true);
    // The journal shows the prompt itself, so the course does not repeat it.
    expect(root.querySelector('[part~="step-reflect"] [part~="prompt"]')).to.equal(null);
  });

  it('marks the reflect step done when the journal saves a non-empty answer for that step, and not done when it is emptied', async () => {
    const page = await mountCourse(courseProgram(), { storage: 'memory' });
    const { course, root, provider } = page;
    course.openWeek(1, 'w1-reflect-1');
    await page.rendered();
    const sdk = provider.sdk!;
    const journal = await sdk.loadJournal();
    // The real journal element reads the journal; the stand-in does not, so the test does.
    await journal.load();
    const element = $(root, 'reflection-journal');
    const saved = async (stepId: string, text: string, id?: string) => {
      const entry = await journal.save({ ...(id ? { id } : {}), templateId: 'free', weekId: 'week-1', stepId, fields: { text } });
      element.dispatchEvent(new EntrySavedEvent({ programId: sdk.id, entryId: entry.id, templateId: 'free', revision: entry.revision, created: !id, weekId: 'week-1', stepId }));
      return entry.id;
    };
    await saved('w2-reflect-1', 'For another step');
    await page.rendered();
    expect(sdk.progress.isComplete('w1-reflect-1')).to.equal(false);
    // An entry saved with nothing in it is not an answer.
    const id = await saved('w1-reflect-1', '   ');
    await new Promise((r) => setTimeout(r, 50));
    expect(sdk.progress.isComplete('w1-reflect-1')).to.equal(false);
    await saved('w1-reflect-1', 'What stood out was kindness.', id);
    await waitFor(() => sdk.progress.isComplete('w1-reflect-1'), 'the reflect step to be done');
    await saved('w1-reflect-1', '', id);
    await waitFor(() => !sdk.progress.isComplete('w1-reflect-1'), 'the emptied reflect step to be not done');
    // Deleting the answered entry (to "recently deleted") makes the step not done too.
    await saved('w1-reflect-1', 'Kindness, again.', id);
    await waitFor(() => sdk.progress.isComplete('w1-reflect-1'), 'the answered step to be done again');
    await journal.delete(id);
    await waitFor(() => !sdk.progress.isComplete('w1-reflect-1'), 'the step whose answer was deleted to be not done');
  });

  it('passes its own src and storage on when it stands alone', async () => {
    const course = await fixture<CompassionCourseElement>(html`<compassion-course src="/packages/default-program/program.json" storage="memory"></compassion-course>`);
    const root = course.shadowRoot!;
    await waitFor(() => root.querySelector('[part~="overview"]'), 'the program');
    course.openWeek(1);
    await rendered(course);
    for (const el of root.querySelectorAll('meditation-player, reflection-journal')) {
      expect(el.getAttribute('src')).to.equal('/packages/default-program/program.json');
      expect(el.getAttribute('storage')).to.equal('memory');
    }
    expect(root.querySelectorAll('meditation-player, reflection-journal').length).to.equal(4);
  });
});
