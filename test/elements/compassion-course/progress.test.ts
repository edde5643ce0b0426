import { expect } from 'chai';
import { cleanup, waitFor } from '../../helpers/fixture.js';
import { courseProgram } from '../../fixtures/course-program.js';
import { $, $$, doneBox, rendered, text, tick, weekLink, trackedMounts, type Mounted } from './helpers.js';

/** Removes the course and its provider, closing the provider's storage connection as a page unload would. */
function unmount(m: Mounted): void {
  m.provider.sdk?.close();
  cleanup();
}

describe('<compassion-course> progress', () => {
  const { mount, release } = trackedMounts();

  afterEach(async () => {
    await release();
  });

  it('keeps completed steps in IndexedDB: a new element on the same program shows the same state', async () => {
    const program = courseProgram();
    const first = await mount(program);
    expect(first.provider.sdk!.storage.mode).to.equal('indexeddb');
    weekLink(first.root, 1).click();
    await rendered(first.course);
    for (let i = 0; i < 4; i++) await tick(first.root, i, first.course);
    first.course.openWeek(2);
    await rendered(first.course);
    await tick(first.root, 0, first.course);
    unmount(first);

    // A fresh provider opens its own connection and reads everything back from IndexedDB.
    const second = await mount(structuredClone(program));
    await waitFor(() => text(second.root.querySelector('[part~="progress"]')).includes('5 of 12'), 'the stored progress');
    expect(text($(second.root, '[part~="progress"]'))).to.contain('Week 2 of 3');
    expect($$(second.root, '[part~="week-item"]')[0]!.getAttribute('part')).to.contain('week-item-done');
    second.course.openWeek(2);
    await rendered(second.course);
    expect(doneBox(second.root, 0).checked).to.equal(true);
    expect(doneBox(second.root, 1).checked).to.equal(false);
  });

  it('Continue goes to the next step still to do after the ones completed, even after re-creation', async () => {
    const program = courseProgram();
    const first = await mount(program);
    first.course.openWeek(1);
    await rendered(first.course);
    await tick(first.root, 0, first.course);
    await tick(first.root, 1, first.course);
    unmount(first);

    const second = await mount(structuredClone(program));
    await waitFor(() => text(second.root.querySelector('[part~="progress"]')).includes('2 of 12'), 'the stored progress');
    expect(text($(second.root, '[part~="progress"]'))).to.contain('Week 1: Reflect week 1');
    $(second.root, '[part~="continue-button"]').click();
    await rendered(second.course);
    expect(text($(second.root, '[part~="title"]'))).to.equal('Week 1 title');
    const heading = second.root.activeElement as HTMLElement;
    expect(heading.dataset.stepHeading).to.equal('w1-reflect-1');
  });

  it('Continue moves on to the next open week once a week is finished', async () => {
    const program = courseProgram();
    const first = await mount(program);
    first.course.openWeek(1);
    await rendered(first.course);
    for (let i = 0; i < 4; i++) await tick(first.root, i, first.course);
    unmount(first);

    const second = await mount(structuredClone(program));
    await waitFor(() => text(second.root.querySelector('[part~="progress"]')).includes('4 of 12'), 'the stored progress');
    $(second.root, '[part~="continue-button"]').click();
    await rendered(second.course);
    expect(text($(second.root, '[part~="title"]'))).to.equal('Week 2 title');
    expect((second.root.activeElement as HTMLElement).dataset.stepHeading).to.equal('w2-read');
  });

  it('Continue returns to the step the participant was last on, wherever it is', async () => {
    const program = courseProgram();
    const first = await mount(program);
    first.course.openWeek(3);
    await rendered(first.course);
    // Working in a step (focusing its note) makes it the participant's place.
    ($$(first.root, '[part~="note"]')[0] as HTMLTextAreaElement).focus();
    await waitFor(() => first.provider.sdk!.progress.snapshot.lastStepId === 'w3-practice', 'the visit to be stored');
    unmount(first);

    const second = await mount(structuredClone(program));
    await waitFor(() => text(second.root.querySelector('[part~="progress"]')).includes('Week 3: Practise week 3'), 'the stored place');
    $(second.root, '[part~="continue-button"]').click();
    await rendered(second.course);
    expect((second.root.activeElement as HTMLElement).dataset.stepHeading).to.equal('w3-practice');
    expect(text($(second.root, '[part~="title"]'))).to.equal('Week 3 title');
  });

  it('keeps a practice note across re-creation', async () => {
    const program = courseProgram();
    const first = await mount(program);
    first.course.openWeek(1);
    await rendered(first.course);
    const note = $(first.root, '[part~="note"]') as HTMLTextAreaElement;
    note.value = 'A walk by the river 🌊, slower than usual.';
    note.dispatchEvent(new Event('input'));
    await tick(first.root, 3, first.course);
    unmount(first);

    const second = await mount(structuredClone(program));
    second.course.openWeek(1);
    await rendered(second.course);
    await waitFor(() => ($(second.root, '[part~="note"]') as HTMLTextAreaElement).value === 'A walk by the river 🌊, slower than usual.', 'the stored note');
  });
});
