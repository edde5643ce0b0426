import { expect } from 'chai';
import { expectAccessible } from '../../helpers/axe.js';
import { cleanup, waitFor } from '../../helpers/fixture.js';
import { courseProgram } from '../../fixtures/course-program.js';
import { mountCourse } from '../../helpers/course-object.js';
import { unmountAll } from '../../helpers/mount.js';
import { $ } from '../../helpers/query.js';

describe('<compassion-course> practice notes survive a closed tab', () => {

  afterEach(async () => {
    await unmountAll();
    for (const key of Object.keys(localStorage)) if (key.startsWith('compassion-kit:draft:')) localStorage.removeItem(key);
  });

  it('puts a note typed for a step not yet done back in its field after the page closed, and says so', async () => {
    const program = courseProgram();
    const first = await mountCourse(program);
    first.course.openWeek(1);
    await first.rendered();
    const note = $(first.root, '[part~="note"]') as HTMLTextAreaElement;
    note.value = 'Tried the kind pause at lunch.';
    note.dispatchEvent(new Event('input'));
    // The page goes away before the participant ticks the step: nothing was saved to IndexedDB.
    first.provider.sdk!.close();
    cleanup();

    const second = await mountCourse(structuredClone(program));
    second.course.openWeek(1);
    await second.rendered();
    await waitFor(() => ($(second.root, '[part~="note"]') as HTMLTextAreaElement).value === 'Tried the kind pause at lunch.', 'the recovered note in its field');
    const line = await waitFor(() => second.root.querySelector('.note .recovered'), 'the recovery line');
    expect(line.textContent).to.match(/Recovered the note you wrote at/);
    expect(second.provider.sdk!.progress.isComplete('w1-practice')).to.equal(false);
    await expectAccessible(second.course);
  });
});
