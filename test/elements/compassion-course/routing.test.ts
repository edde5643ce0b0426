import { expect } from 'chai';
import { sendMouse } from '@web/test-runner-commands';
import { expectAccessible } from '../../helpers/axe.js';
import { waitFor } from '../../helpers/fixture.js';
import { courseProgram } from '../../fixtures/course-program.js';
import { mountCourse } from '../../helpers/course-object.js';
import { unmountAll } from '../../helpers/mount.js';
import { $, text } from '../../helpers/query.js';

const title = (root: ShadowRoot) => text(root.querySelector('[part~="title"]'));

/**
 * `history.back()`, but only to an entry of this page: the tab's first entry is about:blank, and
 * going back to it would end the test run. Fails with the tab's entries instead.
 */
function backWithinPage(): void {
  // The Navigation API (Chromium) lists this tab's entries; TypeScript's DOM types lack it.
  const { navigation } = window as unknown as { navigation: { entries(): NavigationHistoryEntry[]; currentEntry: NavigationHistoryEntry | null } };
  const entries = navigation.entries();
  const index = navigation.currentEntry?.index ?? -1;
  const list = entries.map((e) => (e.url ? new URL(e.url).hash || '(no hash)' : '?')).join(' | ');
  expect(index > 0 && entries[index - 1]?.sameDocument, `an entry of this page to go back to (entries: ${list}; at ${index})`).to.equal(true);
  history.back();
}

describe('<compassion-course> routing', () => {
  const start = `${location.pathname}${location.search}`;

  // Chrome turns a navigation made before the page's load event into a replacement, so a history
  // entry the course writes early would be missing and the last `history.back()` would leave the
  // test page for about:blank. Start once the page has loaded.
  before(async () => {
    if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  });

  afterEach(async () => {
    await unmountAll();
    history.replaceState(null, '', start);
  });

  describe('routing="hash"', () => {
    it('opens the week named in the hash when it loads', async () => {
      history.replaceState(null, '', `${start}#week-2`);
      const page = await mountCourse(courseProgram(), { storage: 'memory', routing: 'hash' });
      const { root } = page;
      await waitFor(() => title(root) === 'Week 2 title', 'week 2 to open');
    });

    it('opens a week and scrolls to a step when the hash changes, moving focus there', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory', routing: 'hash' });
      const { root } = page;
      expect(title(root)).to.equal('Test Program');
      location.hash = '#week-3';
      await waitFor(() => title(root) === 'Week 3 title', 'week 3 to open');
      await page.rendered();
      expect(text(root.activeElement)).to.equal('Week 3 title');
      location.hash = '#week-2/step-3';
      await waitFor(() => title(root) === 'Week 2 title', 'week 2 to open');
      await page.rendered();
      expect((root.activeElement as HTMLElement).dataset.stepHeading).to.equal('w2-reflect-1');
    });

    it('accepts a step id after the week as well as a position', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory', routing: 'hash' });
      const { root } = page;
      location.hash = '#week-1/w1-practice';
      await waitFor(() => title(root) === 'Week 1 title', 'week 1 to open');
      await page.rendered();
      expect((root.activeElement as HTMLElement).dataset.stepHeading).to.equal('w1-practice');
    });

    it('writes the hash when the participant navigates, so the back button returns', async () => {
      // Each step follows a real click of the participant's: in a tab whose history is full (the
      // test runner reuses one tab for every file), Chrome first prunes entries a page added
      // without a user gesture, and the back button would skip them (see backWithinPage).
      history.pushState(null, '', start);
      const page = await mountCourse(courseProgram(), { storage: 'memory', routing: 'hash' });
      const { root, course } = page;
      const gesture = async () => {
        const box = $(root, '[part~="title"]').getBoundingClientRect();
        await sendMouse({ type: 'click', position: [Math.round(box.left + 4), Math.round(box.top + box.height / 2)] });
      };
      const link = page.weekLink(2) as HTMLAnchorElement;
      expect(link.localName).to.equal('a');
      expect(link.getAttribute('href')).to.equal('#week-2');
      await gesture();
      link.click();
      await page.rendered();
      expect(location.hash).to.equal('#week-2');
      expect(title(root)).to.equal('Week 2 title');
      await gesture();
      $(root, '[part~="week-nav"] .next').click();
      await page.rendered();
      expect(location.hash).to.equal('#week-3');
      await gesture();
      course.openWeek(1, 'w1-reflect-1');
      await page.rendered();
      expect(location.hash).to.equal('#week-1/step-3');

      backWithinPage();
      await waitFor(() => title(root) === 'Week 3 title', 'back to week 3');
      backWithinPage();
      await waitFor(() => title(root) === 'Week 2 title', 'back to week 2');
      backWithinPage();
      await waitFor(() => title(root) === 'Test Program', 'back to the overview');
      expect(location.hash).to.equal('');
    });

    it('drops the fragment, not leaving a bare "#", when going back to the overview', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory', routing: 'hash' });
      const { root, course } = page;
      course.openWeek(2);
      await page.rendered();
      $(root, '[part~="back-button"]').click();
      await page.rendered();
      expect(location.href.endsWith(start)).to.equal(true);
      expect(title(root)).to.equal('Test Program');
    });

    it('shows the overview with a notice for a week the program does not have', async () => {
      history.replaceState(null, '', `${start}#week-99`);
      const page = await mountCourse(courseProgram(), { storage: 'memory', routing: 'hash' });
      const { root, course } = page;
      await waitFor(() => root.querySelector('[part~="notice"]'), 'the notice');
      expect(text($(root, '[part~="notice"]'))).to.contain('There is no “week-99” in this program');
      expect(title(root)).to.equal('Test Program');
      await expectAccessible(course);
    });

    it('ignores hashes that belong to the host page', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory', routing: 'hash' });
      const { root, course } = page;
      course.openWeek(2);
      await page.rendered();
      location.hash = '#contact-us';
      await new Promise((r) => setTimeout(r, 50));
      await page.rendered();
      expect(title(root)).to.equal('Week 2 title');
    });

    it('shows a locked week named in the hash as locked', async () => {
      history.replaceState(null, '', `${start}#week-3/step-2`);
      const program = courseProgram({ weeks: 3, unlock: { policy: 'sequential' } });
      const page = await mountCourse(program, { storage: 'memory', routing: 'hash' });
      const { root, provider } = page;
      await waitFor(() => title(root) === 'Week 3 title', 'week 3 to open');
      expect(root.querySelector('[part~="locked"]')).to.exist;
      // Looking at a locked week does not make it the participant's place.
      expect(provider.sdk!.progress.snapshot.lastStepId).to.equal(undefined);
    });
  });

  describe('routing="none"', () => {
    it('leaves the URL alone while navigating, and ignores hash changes', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { root, course } = page;
      const before = location.href;
      const length = history.length;
      page.weekLink(2).click();
      await page.rendered();
      expect(title(root)).to.equal('Week 2 title');
      $(root, '[part~="back-button"]').click();
      await page.rendered();
      course.openWeek(3, 'w3-practice');
      await page.rendered();
      expect(location.href).to.equal(before);
      expect(history.length).to.equal(length);
      location.hash = '#week-1';
      await new Promise((r) => setTimeout(r, 50));
      await page.rendered();
      expect(title(root)).to.equal('Week 3 title');
    });

    it('renders weeks as buttons, not links', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      expect(page.weekLink(1).localName).to.equal('button');
    });
  });
});
