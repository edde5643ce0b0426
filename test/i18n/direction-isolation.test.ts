import { expect } from 'chai';
import { html } from 'lit';
import '../../src/define.js';
import type { CompassionProgramElement } from '../../src/elements/compassion-program/compassion-program.js';
import ar from '../../src/locales/ar.js';
import type { CourseStrings } from '../../src/elements/compassion-course/strings.js';
import type { JournalStrings } from '../../src/elements/reflection-journal/strings.js';
import type { Program } from '../../src/sdk/content/types.js';
import { expectAccessible } from '../helpers/axe.js';
import { cleanup, fixture, waitFor } from '../helpers/fixture.js';
import { ENGLISH } from './english-words.js';

const ES_PROGRAM = '/content/samples/es-program.json';
const AR_PROGRAM = '/content/samples/rtl-program.json';

interface Case {
  name: string;
  src: string;
  /** The interface language, set on the provider. */
  lang: 'ar' | 'en';
  words: { course: CourseStrings; journal: JournalStrings };
}

// Latin titles in an Arabic sentence, and Arabic titles in an English one.
const CASES: Case[] = [
  { name: 'a Spanish program in Arabic', src: ES_PROGRAM, lang: 'ar', words: { course: { ...ENGLISH.course, ...ar.course } as CourseStrings, journal: { ...ENGLISH.journal, ...ar.journal } as JournalStrings } },
  { name: 'an Arabic program in English', src: AR_PROGRAM, lang: 'en', words: { course: ENGLISH.course as CourseStrings, journal: ENGLISH.journal as JournalStrings } },
];

/** A translated sentence cut where the program's text goes. */
function around(sentence: (text: string) => string): [string, string] {
  const [before = '', after = ''] = sentence('\u0001').split('\u0001');
  return [before, after];
}

const providers: CompassionProgramElement[] = [];
async function inProvider(c: Case, inner: ReturnType<typeof html>): Promise<{ provider: CompassionProgramElement; program: Program; el: HTMLElement }> {
  const program = (await (await fetch(c.src)).json()) as Program;
  const provider = await fixture<CompassionProgramElement>(html`<compassion-program .program=${program} src=${c.src} storage="memory" lang=${c.lang}>${inner}</compassion-program>`);
  providers.push(provider);
  await waitFor(() => provider.sdk, 'the program to open');
  return { provider, program, el: provider.firstElementChild as HTMLElement };
}

/** The isolation element around `title` inside `host`, checked to hold exactly the program's text and to isolate it. */
function expectIsolated(host: Element, title: string, sentence: (text: string) => string): void {
  const bdi = host.querySelector('bdi');
  expect(bdi, `a <bdi> in "${host.textContent}"`).to.exist;
  expect(bdi!.textContent).to.equal(title);
  expect(getComputedStyle(bdi!).unicodeBidi).to.equal('isolate');
  // The translated words stay outside it, in the sentence's own order.
  const [before, after] = around(sentence);
  expect(host.textContent!.trim()).to.equal(`${before}${title}${after}`.trim());
}

describe('program text inside translated sentences', () => {
  afterEach(() => {
    cleanup();
    for (const p of providers.splice(0)) p.sdk?.close();
  });

  for (const c of CASES) {
    describe(c.name, () => {
      it('isolates the title under the course’s Continue button', async () => {
        const { program, el } = await inProvider(c, html`<compassion-course></compassion-course>`);
        const target = await waitFor(() => el.shadowRoot?.querySelector('.continue-target'), 'where Continue leads');
        const week = program.weeks[0]!;
        // Nothing done yet: Continue leads to week 1 (its overview, or its first step).
        const title = target.querySelector('bdi')?.textContent ?? '';
        expect([week.title, ...week.steps.map((s) => s.title)]).to.include(title);
        expectIsolated(target, title, (text) => c.words.course.continueTarget(week.number, text));
        await expectAccessible(el);
      });

      it('isolates the week’s title in the journal’s “Week N: title” headings', async () => {
        const { provider, program, el } = await inProvider(c, html`<reflection-journal></reflection-journal>`);
        const week = program.weeks[0]!;
        await provider.sdk!.journal.save({ templateId: program.templates[0]!.id, fields: {}, weekId: week.id });
        const heading = await waitFor(() => el.shadowRoot?.querySelector('.group-title'), 'the week’s group heading');
        expectIsolated(heading, week.title, (text) => c.words.journal.weekGroup(week.number, text));
      });
    });
  }
});
