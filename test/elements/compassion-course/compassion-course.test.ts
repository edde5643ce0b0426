import { expect } from 'chai';
import { html } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import { CompassionCourseElement } from '../../../src/elements/compassion-course/compassion-course.js';
import { StepCompleteEvent, WeekCompleteEvent, ProgramCompleteEvent } from '../../../src/sdk/events.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cdp } from '../../helpers/cdp.js';
import { cleanup, fixture, waitFor } from '../../helpers/fixture.js';
import { courseProgram, stepIds } from '../../fixtures/course-program.js';
import { mountBrokenCourse, mountCourse, rendered } from '../../helpers/course-object.js';
import { unmountAll } from '../../helpers/mount.js';
import { $, $$, text } from '../../helpers/query.js';

describe('<compassion-course>', () => {

  afterEach(async () => {
    await cdp('Emulation.setEmulatedMedia', { features: [] });
    await unmountAll();
  });

  describe('overview', () => {
    it('is accessible at the start', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { course } = page;
      await expectAccessible(course);
    });

    it('shows the title, introduction, disclaimer, progress and every week', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { root } = page;
      expect(text($(root, '[part~="title"]'))).to.equal('Test Program');
      expect($(root, '[part~="title"]').localName).to.equal('h2');
      expect(text($(root, '[part~="introduction"]'))).to.contain('Welcome to the test program.');
      expect($(root, '[part~="introduction"] strong').textContent).to.equal('test');
      expect(text($(root, '[part~="disclaimer"]'))).to.contain('does not replace, therapy');
      expect(text($(root, '[part~="progress"]'))).to.contain('Week 1 of 3').and.contain('0 of 12 steps done');
      expect(text($(root, '[part~="continue-button"]'))).to.equal('Start week 1');
      expect($$(root, '[part~="week-item"]')).to.have.length(3);
      expect($$(root, '[part~="week-item-current"]')).to.have.length(1);
      expect($$(root, '[part~="week-item-available"]')).to.have.length(2);
    });

    it('puts the week list in a labelled nav inside a labelled section', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { root } = page;
      const section = $(root, 'section[part~="overview"]');
      expect(root.getElementById(section.getAttribute('aria-labelledby')!)?.textContent).to.equal('Test Program');
      const nav = $(root, 'nav[part~="week-list"]');
      expect(root.getElementById(nav.getAttribute('aria-labelledby')!)?.textContent).to.equal('Weeks');
      expect(nav.querySelector('ol')).to.exist;
    });

    it('links to the group registration only when the clinic gives a URL', async () => {
      const first = await mountCourse(courseProgram(), { storage: 'memory' });
      const link = $(first.root, '[part~="register-link"]') as HTMLAnchorElement;
      expect(link.href).to.equal('https://clinic.example/register');
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.contain('noopener');
      expect(text(link)).to.contain('Register for the group');
      cleanup();
      const second = await mountCourse(courseProgram({ registerUrl: null }), { storage: 'memory' });
      expect(second.root.querySelector('[part~="register-link"]')).to.equal(null);
    });

    it('puts the support button at the inline end of the header and opens the dialog', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { root } = page;
      const header = $(root, '[part~="header"]');
      const button = header.querySelector<HTMLButtonElement>('[part~="support-button"]')!;
      expect(button).to.exist;
      expect(header.lastElementChild).to.equal(button);
      button.click();
      const dialog = $(root, '[part~="support-dialog"]') as HTMLDialogElement;
      await waitFor(() => dialog.open, 'the support dialog to open');
      expect(text(dialog)).to.contain('emergency services');
      dialog.close();
    });

    it('is accessible mid-program and says which week the participant is in', async () => {
      const program = courseProgram();
      const page = await mountCourse(program, { storage: 'memory' });
      const { course, root, provider } = page;
      for (const id of stepIds(program).slice(0, 6)) await provider.sdk!.progress.complete(id);
      await page.rendered();
      expect(text($(root, '[part~="progress"]'))).to.contain('Week 2 of 3').and.contain('6 of 12 steps done');
      expect(text($(root, '[part~="continue-button"]'))).to.equal('Continue');
      expect($$(root, '[part~="week-item-done"]')).to.have.length(1);
      expect($$(root, '[part~="week-item"]')[1]!.getAttribute('part')).to.contain('week-item-current');
      expect(text($$(root, '[part~="week-item"]')[1])).to.contain('2 of 4 steps done');
      await expectAccessible(course);
    });

    it('is accessible with everything complete and shows a quiet completion message instead of Continue', async () => {
      const program = courseProgram();
      const page = await mountCourse(program, { storage: 'memory' });
      const { course, root, provider } = page;
      for (const id of stepIds(program)) await provider.sdk!.progress.complete(id);
      await page.rendered();
      expect(text($(root, '[part~="progress"]'))).to.contain('All 3 weeks done').and.contain('12 of 12 steps done');
      expect(root.querySelector('[part~="continue-button"]')).to.equal(null);
      expect(text($(root, '[part~="completion"]'))).to.contain('You have completed the program');
      expect($$(root, '[part~="week-item-done"]')).to.have.length(3);
      await expectAccessible(course);
    });

    it('is accessible in the dark theme, overview and week view', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory', theme: 'dark' });
      const { course } = page;
      expect(getComputedStyle(course).colorScheme).to.equal('dark');
      await expectAccessible(course);
      course.openWeek(1);
      await page.rendered();
      await expectAccessible(course);
    });

    it('follows a dark system preference unless told to stay light', async () => {
      await cdp('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { course } = page;
      expect(getComputedStyle(course).colorScheme).to.equal('dark');
      await expectAccessible(course);
      course.theme = 'light';
      await page.rendered();
      expect(getComputedStyle(course).colorScheme).to.equal('light');
    });

    it('lays out within 320 px without horizontal scrolling', async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const page = await mountCourse(courseProgram(), { storage: 'memory' });
        const { course, root } = page;
        expect(course.scrollWidth).to.be.at.most(320);
        page.weekLink(1).click();
        await page.rendered();
        expect(course.scrollWidth).to.be.at.most(320);
        for (const el of $$(root, 'button, input, a.button')) {
          const box = el.getBoundingClientRect();
          if (box.width === 0) continue;
          expect(box.right, `${el.localName} "${text(el)}" overflows`).to.be.at.most(320.5);
        }
        await expectAccessible(course);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('follows the custom properties it documents', async () => {
      // Reduced motion: colours are read at once instead of mid-transition.
      await cdp('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { course, root } = page;
      course.style.setProperty('--compassion-course-background', 'rgb(4, 5, 6)');
      course.style.setProperty('--compassion-course-card-background', 'rgb(1, 2, 3)');
      course.style.setProperty('--compassion-course-max-width', '30rem');
      course.style.setProperty('--compassion-course-accent', 'rgb(200, 0, 100)');
      course.style.setProperty('--compassion-course-heading-font', 'serif');
      course.style.setProperty('--compassion-course-card-radius', '3px');
      await page.rendered();
      expect(getComputedStyle($(root, '[part~="progress"]')).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle($(root, '[part~="progress"]')).borderTopLeftRadius).to.equal('3px');
      expect(getComputedStyle($(root, '[part~="base"]')).maxWidth).to.equal('480px');
      expect(getComputedStyle($(root, '[part~="title"]')).fontFamily).to.equal('serif');
      expect(getComputedStyle($(root, '.week-item.current .week-row')).borderTopColor).to.equal('rgb(200, 0, 100)');
      expect(getComputedStyle(course).backgroundColor).to.equal('rgb(4, 5, 6)');
    });

    it('follows global design tokens', async () => {
      await cdp('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
      const page = await mountCourse(courseProgram(), { storage: 'memory', theme: 'light' });
      const { course, root } = page;
      course.style.setProperty('--ck-color-accent', 'rgb(10, 20, 30)');
      await page.rendered();
      expect(getComputedStyle($(root, '[part~="continue-button"]')).backgroundColor).to.equal('rgb(10, 20, 30)');
    });
  });

  describe('week view', () => {
    it('is accessible with every step kind and shows theory, key ideas and the checklist', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { course, root } = page;
      page.weekLink(2).click();
      await page.rendered();
      expect(text($(root, '[part~="title"]'))).to.equal('Week 2 title');
      expect(text(root)).to.contain('Week 2 of 3').and.contain('Week 2 summary sentence.');
      expect($$(root, '[part~="key-ideas"] li').map(text)).to.deep.equal(['Idea 2a', 'Idea 2b']);
      const theory = $(root, '[part~="theory"]');
      expect($$(root, '[part~="theory"] h3').map(text)).to.deep.equal(['Theory 2', 'More theory 2']);
      expect(theory.querySelector('h4')?.textContent).to.equal('A heading');
      expect(theory.querySelector('em')?.textContent).to.equal('emphasis');
      expect(theory.querySelector('blockquote')).to.exist;
      const kinds = $$(root, '[part~="step"]').map((li) => li.getAttribute('part'));
      expect(kinds).to.deep.equal(['step step-read', 'step step-meditate', 'step step-reflect', 'step step-practice']);
      expect($$(root, '[part~="step"] h4').map(text)).to.deep.equal(['Read week 2', 'Listen week 2', 'Reflect week 2', 'Practise week 2']);
      expect(text($(root, '[part~="prompt"]'))).to.contain('What stood out in week 2?');
      expect($$(root, '[part~="step-checkbox"]')).to.have.length(4);
      await expectAccessible(course);
    });

    it('says honestly that the player and the journal are not on the page', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { course, root } = page;
      course.openWeek(1);
      await page.rendered();
      const placeholders = $$(root, '[part~="placeholder"]').map(text);
      expect(placeholders[0]).to.contain('The meditation player is not available on this page').and.contain('Calm breathing').and.contain('5 minutes');
      expect(placeholders[1]).to.contain('The reflection journal is not available on this page');
      expect(root.querySelector('meditation-player, reflection-journal')).to.equal(null);
    });

    it('gives each checkbox a name that contains its visible label and is described by the step title', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { course, root } = page;
      course.openWeek(1);
      await page.rendered();
      // The read step closes the week's overview: "I've read this" (issue 11).
      const read = page.doneBox(0);
      expect(root.querySelector(`label[for="${read.id}"]`)?.textContent).to.equal('I’ve read this');
      expect(root.getElementById(read.getAttribute('aria-describedby')!)?.textContent).to.equal('Read week 1');
      const box = page.doneBox(1);
      expect(root.querySelector(`label[for="${box.id}"]`)?.textContent).to.equal('I’ve done this');
      expect(root.getElementById(box.getAttribute('aria-describedby')!)?.textContent).to.equal('Listen week 1');
    });

    it('uses headings in order: program or week h2, sections h3, steps h4', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { course, root } = page;
      course.openWeek(1);
      await page.rendered();
      const levels = $$(root, 'section h2, section h3, section h4, section h5, section h6').map((h) => Number(h.localName[1]));
      expect(levels[0]).to.equal(2);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading ${i} skips a level`).to.be.at.most(1);
    });

    it('moves focus to the week heading when a week opens and to the overview heading when going back', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { root } = page;
      page.weekLink(3).click();
      await page.rendered();
      expect(root.activeElement).to.equal($(root, '[part~="title"]'));
      expect(text(root.activeElement)).to.equal('Week 3 title');
      $(root, '[part~="back-button"]').click();
      await page.rendered();
      expect(text(root.activeElement)).to.equal('Test Program');
    });

    it('moves between weeks with previous and next', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { course, root } = page;
      course.openWeek(2);
      await page.rendered();
      const nav = $(root, 'nav[part~="week-nav"]');
      expect(nav.getAttribute('aria-label')).to.be.a('string').and.not.empty;
      nav.querySelector<HTMLButtonElement>('.next')!.click();
      await page.rendered();
      expect(text($(root, '[part~="title"]'))).to.equal('Week 3 title');
      $(root, 'nav[part~="week-nav"] .prev').click();
      await page.rendered();
      $(root, 'nav[part~="week-nav"] .prev').click();
      await page.rendered();
      expect(text($(root, '[part~="title"]'))).to.equal('Week 1 title');
      expect(root.querySelector('nav[part~="week-nav"] .prev')).to.equal(null);
    });

    it('marks read steps done and not done, and remembers them in the store', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { course, root, provider } = page;
      course.openWeek(1);
      await page.rendered();
      await page.tick(0);
      expect(provider.sdk!.progress.isComplete('w1-read')).to.equal(true);
      expect($$(root, '[part~="step"]')[0]!.getAttribute('part')).to.contain('step-done');
      expect(text($$(root, '[part~="step"]')[0])).to.match(/Done \d+ \w+/);
      await page.tick(0);
      expect(provider.sdk!.progress.isComplete('w1-read')).to.equal(false);
    });

    it('saves an optional note with a practice step, and lets it be edited afterwards', async () => {
      const program = courseProgram();
      const page = await mountCourse(program, { storage: 'memory' });
      const { course, root, provider } = page;
      course.openWeek(1);
      await page.rendered();
      const note = $(root, '[part~="note"]') as HTMLTextAreaElement;
      expect(root.querySelector(`label[for="${note.id}"]`)?.textContent).to.contain('optional');
      note.value = 'Held the door for a neighbour.';
      note.dispatchEvent(new Event('input'));
      await page.tick(3);
      expect(provider.sdk!.progress.snapshot.completed.get('w1-practice')?.note).to.equal('Held the door for a neighbour.');
      note.value = 'Held the door, and smiled.';
      note.dispatchEvent(new Event('input'));
      await page.rendered();
      const save = $$(root, '.note button').find((b) => text(b) === 'Save note')!;
      save.click();
      await waitFor(() => provider.sdk!.progress.snapshot.completed.get('w1-practice')?.note === 'Held the door, and smiled.', 'the edited note to be saved');
      await page.rendered();
      expect(text($(root, '.note'))).to.contain('Note kept until this page closes (not saved on this device).');
      await expectAccessible(course);
    });

    it('fires step, week and program events on the element when the participant finishes them', async () => {
      const program = courseProgram({ weeks: 1 });
      const page = await mountCourse(program, { storage: 'memory' });
      const { course } = page;
      const seen: Event[] = [];
      for (const type of ['ck-step-complete', 'ck-week-complete', 'ck-program-complete']) course.addEventListener(type, (e) => seen.push(e));
      course.openWeek(1);
      await page.rendered();
      for (let i = 0; i < 4; i++) await page.tick(i);
      const steps = seen.filter((e): e is StepCompleteEvent => e instanceof StepCompleteEvent);
      expect(steps.map((e) => e.detail.stepId)).to.deep.equal(stepIds(program));
      expect(steps[3]!.detail).to.deep.equal({ programId: program.id, weekId: 'week-1', stepId: 'w1-practice', completedSteps: 4, totalSteps: 4 });
      expect(steps[0]!.bubbles && steps[0]!.composed).to.equal(true);
      const week = seen.find((e): e is WeekCompleteEvent => e instanceof WeekCompleteEvent);
      expect(week?.detail).to.deep.equal({ programId: program.id, weekId: 'week-1', weekNumber: 1 });
      const done = seen.find((e): e is ProgramCompleteEvent => e instanceof ProgramCompleteEvent);
      expect(done?.detail).to.deep.equal({ programId: program.id, weeks: 1 });
      expect(seen.every((e) => e.target === course)).to.equal(true);
    });

    it('fires nothing when progress changes without the participant acting', async () => {
      const program = courseProgram();
      const page = await mountCourse(program, { storage: 'memory' });
      const { course, provider } = page;
      let fired = 0;
      for (const type of ['ck-step-complete', 'ck-week-complete', 'ck-program-complete']) course.addEventListener(type, () => fired++);
      for (const id of stepIds(program)) await provider.sdk!.progress.complete(id);
      await page.rendered();
      expect(fired).to.equal(0);
    });

    it('shows a gentle completion moment when a week is finished, with the way to the next week', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { course, root } = page;
      course.openWeek(1);
      await page.rendered();
      for (let i = 0; i < 4; i++) await page.tick(i);
      const moment = $(root, '[part~="completion"]');
      expect(text(moment)).to.contain('Week 1 is complete').and.contain('Week 2 is ready whenever you are');
      expect(text(moment)).not.to.match(/streak|missed|behind|late|overdue/i);
      expect(text(root.querySelector('[role="status"][aria-live]'))).to.contain('Week 1 is complete');
      await expectAccessible(course);
      moment.querySelector<HTMLButtonElement>('button')!.click();
      await page.rendered();
      expect(text($(root, '[part~="title"]'))).to.equal('Week 2 title');
      expect(root.querySelector('[part~="completion"]')).to.equal(null);
    });

    it('celebrates the end of the program once, quietly', async () => {
      const program = courseProgram({ weeks: 2 });
      const page = await mountCourse(program, { storage: 'memory' });
      const { course, root, provider } = page;
      for (const id of stepIds(program).slice(0, 7)) await provider.sdk!.progress.complete(id);
      course.openWeek(2);
      await page.rendered();
      await page.tick(3);
      expect(text($(root, '[part~="completion"]'))).to.contain('You have completed the program');
      await expectAccessible(course);
    });

    it('does not animate the completion moment under reduced motion', async () => {
      await cdp('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });
      try {
        const program = courseProgram({ weeks: 1 });
        const page = await mountCourse(program, { storage: 'memory' });
        const { course, root } = page;
        course.openWeek(1);
        await page.rendered();
        for (let i = 0; i < 4; i++) await page.tick(i);
        const style = getComputedStyle($(root, '[part~="completion"]'));
        expect(style.animationName === 'none' || parseFloat(style.animationDuration) === 0).to.equal(true);
      } finally {
        await cdp('Emulation.setEmulatedMedia', { features: [] });
      }
    });

    it('keeps the checkbox honest and says so when progress cannot be saved', async () => {
      const page = await mountCourse(courseProgram(), { storage: 'memory' });
      const { course, root, provider } = page;
      course.openWeek(1);
      await page.rendered();
      const sdk = provider.sdk!;
      const original = sdk.progress.complete.bind(sdk.progress);
      // The store refusing a write (as on a full disk) is simulated at the SDK boundary; the browser is untouched.
      sdk.progress.complete = () => Promise.reject(new Error('Storage is full while saving your progress: nothing was saved.'));
      const errors: Event[] = [];
      sdk.addEventListener('ck-error', (e) => errors.push(e));
      try {
        page.doneBox(0).click();
        await waitFor(() => root.querySelector('[part~="step"] [role="alert"]'), 'the save error');
        await page.rendered();
        expect(page.doneBox(0).checked).to.equal(false);
        expect(text(root.querySelector('[part~="step"] [role="alert"]'))).to.contain('could not be saved').and.contain('Storage is full');
        expect(errors).to.have.length(1);
        await expectAccessible(course);
      } finally {
        sdk.progress.complete = original;
      }
      await page.tick(0);
      expect(root.querySelector('[part~="step"] [role="alert"]')).to.equal(null);
    });
  });

  describe('loading and errors', () => {
    it('works alone with a src, and is accessible', async () => {
      const course = await fixture<CompassionCourseElement>(html`<compassion-course src="/packages/default-program/program.json" storage="memory"></compassion-course>`);
      expect(course).to.be.instanceOf(CompassionCourseElement);
      const root = course.shadowRoot!;
      await waitFor(() => root.querySelector('[part~="overview"]'), 'the default program to load');
      expect(text($(root, '[part~="title"]'))).to.contain('Self-Compassion');
      expect($$(root, '[part~="week-item"]')).to.have.length(14);
      expect(text($(root, '[part~="progress"]'))).to.contain('Week 1 of 14');
      await expectAccessible(course);
    });

    it('shows a loading message with the support button while the program loads', async () => {
      const course = await fixture<CompassionCourseElement>(html`<compassion-course src="/packages/default-program/program.json?loading" storage="memory"></compassion-course>`);
      const root = course.shadowRoot!;
      const status = $(root, '[part~="status"]');
      expect(status.getAttribute('role')).to.equal('status');
      expect(text(status)).to.equal('Loading the course…');
      expect(root.querySelector('[part~="support-button"]')).to.exist;
      await expectAccessible(course);
      await waitFor(() => root.querySelector('[part~="overview"]'), 'the program to load');
      expect(root.querySelector('[part~="status"]')).to.equal(null);
    });

    it('lists every problem of an invalid program with its path, and is accessible', async () => {
      const course = await fixture<CompassionCourseElement>(html`<compassion-course src="/test/fixtures/course-invalid-program.json" storage="memory"></compassion-course>`);
      const root = course.shadowRoot!;
      const error = await waitFor(() => root.querySelector('[part~="error"]'), 'the error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.contain('This course cannot be shown right now');
      const issues = $$(root, '[part~="error-list"] li').map(text);
      expect(issues.some((i) => i.startsWith('weeks[0].steps[1].meditation') && i.includes('no meditation with id "missing-meditation"'))).to.equal(true);
      expect(issues.some((i) => i.startsWith('weeks[0].summary'))).to.equal(true);
      expect(root.querySelector('[part~="support-button"]')).to.exist;
      expect(root.querySelector('[part~="retry-button"]')).to.equal(null);
      await expectAccessible(course);
    });

    it('offers to try again when the program file is missing, and fetches it afresh', async () => {
      const url = `/test/fixtures/course-no-such-file.json?${Date.now()}`;
      const course = await fixture<CompassionCourseElement>(html`<compassion-course src=${url} storage="memory"></compassion-course>`);
      const root = course.shadowRoot!;
      const error = await waitFor(() => root.querySelector('[part~="error"]'), 'the error');
      expect(text(error)).to.contain('HTTP 404');
      await expectAccessible(course);
      const fetches = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith(url)).length;
      const before = fetches();
      $(root, '[part~="retry-button"]').click();
      await waitFor(() => fetches() > before, 'a second request for the program file');
      await waitFor(() => root.querySelector('[part~="retry-button"]'), 'the error again');
      expect(course.src).to.equal(url);
    });

    it('keeps following progress after being moved in the page', async () => {
      const course = await fixture<CompassionCourseElement>(html`<compassion-course src="/packages/default-program/program.json?moved" storage="memory"></compassion-course>`);
      const root = course.shadowRoot!;
      await waitFor(() => root.querySelector('[part~="overview"]'), 'the program');
      const elsewhere = document.createElement('section');
      document.body.append(elsewhere);
      try {
        elsewhere.append(course);
        await rendered(course);
        const { sharedProgram } = await import('../../../src/sdk/program.js');
        const sdk = await sharedProgram('/packages/default-program/program.json?moved', 'memory');
        await sdk.progress.complete('w1-read');
        await waitFor(() => text(root.querySelector('[part~="progress"]')).includes('1 of'), 'the moved course to show the new progress');
      } finally {
        elsewhere.remove();
      }
    });

    it('says what is missing when it has neither a provider nor a src', async () => {
      const course = await fixture<CompassionCourseElement>(html`<compassion-course></compassion-course>`);
      const root = course.shadowRoot!;
      const error = await waitFor(() => root.querySelector('[part~="error"]'), 'the error');
      expect(text(error)).to.contain('src');
    });

    it('defers to the provider’s message when the program inside <compassion-program> is invalid', async () => {
      const page = await mountBrokenCourse({ schemaVersion: 1, id: 'broken' });
      const { course, root } = page;
      const error = $(root, '[part~="error"]');
      expect(text(error)).to.contain('the message above explains why');
      expect(root.querySelector('[part~="error-list"]')).to.equal(null);
      await expectAccessible(course);
    });
  });
});
