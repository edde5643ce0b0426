import { expect } from 'chai';
import { cleanup, waitFor } from '../../helpers/fixture.js';
import { courseProgram } from '../../fixtures/course-program.js';
import { mountCourse, type CourseObject } from '../../helpers/course-object.js';
import { unmountAll } from '../../helpers/mount.js';
import { $, $$, text } from '../../helpers/query.js';

/** Removes the course and its provider, closing the provider's storage connection as a page unload would. */
function unmount(m: CourseObject): void {
  m.provider.sdk?.close();
  cleanup();
}

describe('<compassion-course> progress', () => {

  afterEach(async () => {
    await unmountAll();
  });

  it('keeps completed steps in IndexedDB: a new element on the same program shows the same state', async () => {
    const program = courseProgram();
    const first = await mountCourse(program);
    expect(first.provider.sdk!.storage.mode).to.equal('indexeddb');
    first.weekLink(1).click();
    await first.rendered();
    for (let i = 0; i < 4; i++) await first.tick(i);
    first.course.openWeek(2);
    await first.rendered();
    await first.tick(0);
    unmount(first);

    // A fresh provider opens its own connection and reads everything back from IndexedDB.
    const second = await mountCourse(structuredClone(program));
    await waitFor(() => text(second.root.querySelector('[part~="progress"]')).includes('5 of 12'), 'the stored progress');
    expect(text($(second.root, '[part~="progress"]'))).to.contain('Week 2 of 3');
    expect($$(second.root, '[part~="week-item"]')[0]!.getAttribute('part')).to.contain('week-item-done');
    second.course.openWeek(2);
    await second.rendered();
    expect(second.doneBox(0).checked).to.equal(true);
    expect(second.doneBox(1).checked).to.equal(false);
  });

  it('Continue goes to the next step still to do after the ones completed, even after re-creation', async () => {
    const program = courseProgram();
    const first = await mountCourse(program);
    first.course.openWeek(1);
    await first.rendered();
    await first.tick(0);
    await first.tick(1);
    unmount(first);

    const second = await mountCourse(structuredClone(program));
    await waitFor(() => text(second.root.querySelector('[part~="progress"]')).includes('2 of 12'), 'the stored progress');
    expect(text($(second.root, '[part~="progress"]'))).to.contain('Week 1: Reflect week 1');
    $(second.root, '[part~="continue-button"]').click();
    await second.rendered();
    expect(text($(second.root, '[part~="title"]'))).to.equal('Week 1 title');
    const heading = second.root.activeElement as HTMLElement;
    expect(heading.dataset.stepHeading).to.equal('w1-reflect-1');
  });

  it('Continue moves on to the next open week once a week is finished', async () => {
    const program = courseProgram();
    const first = await mountCourse(program);
    first.course.openWeek(1);
    await first.rendered();
    for (let i = 0; i < 4; i++) await first.tick(i);
    unmount(first);

    const second = await mountCourse(structuredClone(program));
    await waitFor(() => text(second.root.querySelector('[part~="progress"]')).includes('4 of 12'), 'the stored progress');
    $(second.root, '[part~="continue-button"]').click();
    await second.rendered();
    // Week 2's overview is not read yet: Continue opens it first, at the week's heading.
    expect(text($(second.root, '[part~="title"]'))).to.equal('Week 2 title');
    expect(second.root.activeElement).to.equal($(second.root, '[part~="title"]'));
  });

  it('Continue opens the first step not done in the current week, not the place last visited', async () => {
    const program = courseProgram();
    const first = await mountCourse(program);
    first.course.openWeek(1);
    await first.rendered();
    await first.tick(0);
    // Looking at week 3 (even working in it) does not move "Continue" away from week 1.
    await first.openWeek(3, 'w3-practice');
    await waitFor(() => first.provider.sdk!.progress.snapshot.lastStepId === 'w3-practice', 'the visit to be stored');
    unmount(first);

    const second = await mountCourse(structuredClone(program));
    await waitFor(() => text(second.root.querySelector('[part~="progress"]')).includes('Week 1: Listen week 1'), 'the place to continue from');
    $(second.root, '[part~="continue-button"]').click();
    await second.rendered();
    expect((second.root.activeElement as HTMLElement).dataset.stepHeading).to.equal('w1-meditate');
    expect(text($(second.root, '[part~="title"]'))).to.equal('Week 1 title');
  });

  it('keeps a practice note across re-creation', async () => {
    const program = courseProgram();
    const first = await mountCourse(program);
    first.course.openWeek(1);
    await first.rendered();
    const note = $(first.root, '[part~="note"]') as HTMLTextAreaElement;
    note.value = 'A walk by the river 🌊, slower than usual.';
    note.dispatchEvent(new Event('input'));
    await first.tick(3);
    unmount(first);

    const second = await mountCourse(structuredClone(program));
    second.course.openWeek(1);
    await second.rendered();
    await waitFor(() => ($(second.root, '[part~="note"]') as HTMLTextAreaElement).value === 'A walk by the river 🌊, slower than usual.', 'the stored note');
  });
});
