import { expect } from 'chai';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/define.js';
import type { CompassionProgramElement } from '../../src/elements/compassion-program/compassion-program.js';
import type { MeditationPlayer } from '../../src/elements/meditation-player/meditation-player.js';
import type { ReflectionJournal } from '../../src/elements/reflection-journal/reflection-journal.js';
import ar from '../../src/locales/ar.js';
import de from '../../src/locales/de.js';
import es from '../../src/locales/es.js';
import type { LocaleCatalog } from '../../src/locales/registry.js';
import type { Program } from '../../src/sdk/content/types.js';
import { expectAccessible } from '../helpers/axe.js';
import { CourseObject, rendered } from '../helpers/course-object.js';
import { cleanup, fixture, settle, waitFor } from '../helpers/fixture.js';
import { JournalObject, opened } from '../helpers/journal-object.js';
import { $$, maybe, part, text } from '../helpers/query.js';
import { englishFor, englishPaths, englishShown, leaves } from './english-words.js';

const ES_PROGRAM = '/content/samples/es-program.json';
const AR_PROGRAM = '/content/samples/rtl-program.json';
const MISSING = '/content/samples/no-such-program.json';

interface Locale {
  tag: 'es' | 'de' | 'ar';
  catalog: LocaleCatalog;
  /** A program in that language (content is exempt from the check); German reuses the Spanish one under lang="de". */
  src: string;
  /** Set on the provider or element: only where the program's own locale is not the one under test. */
  lang?: string;
}

const LOCALES: Locale[] = [
  { tag: 'es', catalog: es, src: ES_PROGRAM },
  { tag: 'de', catalog: de, src: ES_PROGRAM, lang: 'de' },
  { tag: 'ar', catalog: ar, src: AR_PROGRAM },
];

const programs = new Map<string, Program>();
async function programAt(src: string): Promise<Program> {
  if (!programs.has(src)) programs.set(src, (await (await fetch(src)).json()) as Program);
  return programs.get(src)!;
}

const opened_: CompassionProgramElement[] = [];
/** A provider holding `inner`, with the locale's program; resolves once the program is open and `inner` has rendered. */
async function inProvider<T extends Element>(locale: Locale, inner: TemplateResult): Promise<{ provider: CompassionProgramElement; el: T }> {
  const program = await programAt(locale.src);
  const provider = await fixture<CompassionProgramElement>(
    html`<compassion-program .program=${program} src=${locale.src} storage="memory" lang=${ifDefined(locale.lang)}>${inner}</compassion-program>`,
  );
  opened_.push(provider);
  await waitFor(() => provider.sdk, 'the program to open');
  const el = provider.firstElementChild as T;
  await settle(el);
  return { provider, el };
}

function expectNoEnglish(root: Element, locale: Locale, state: string): void {
  const shown = englishShown(root, englishFor(locale.catalog));
  expect(shown, `English interface text in ${locale.tag}, ${state}:\n  ${shown.join('\n  ')}`).to.deep.equal([]);
}

describe('locales', () => {
  afterEach(() => {
    cleanup();
    for (const p of opened_.splice(0)) p.sdk?.close();
  });

  it('finds English on an English page (the check can fail)', async () => {
    const el = await fixture<HTMLElement>(html`<reflection-journal src=${MISSING} storage="memory"></reflection-journal>`);
    await waitFor(() => el.shadowRoot?.querySelector('.error'), 'the error');
    await settle(el);
    expect(englishShown(el, englishFor(es))).to.include.members(['"Your journal cannot be shown right now."', '"Need support now?"']);
  });

  for (const locale of LOCALES) {
    describe(`${locale.tag}`, () => {
      it('has a word for every English word', () => {
        const translated = leaves(locale.catalog);
        const missing = englishPaths().filter((p) => !translated.has(p));
        expect(missing, `missing in ${locale.tag}`).to.deep.equal([]);
      });

      it('shows no English while the program loads', async () => {
        const provider = await fixture<CompassionProgramElement>(
          // 20 s: on a busy machine the 3 s default answered (with an invalid program) before the check ran.
          html`<compassion-program src="/__test/slow?ms=20000" lang=${locale.tag}>
            <compassion-course></compassion-course>
            <meditation-player meditation-id="x"></meditation-player>
            <reflection-journal></reflection-journal>
            <practice-log></practice-log>
          </compassion-program>`,
        );
        await Promise.all([...provider.children].map((c) => settle(c)));
        expect(provider.sdk).to.equal(undefined);
        expectNoEnglish(provider, locale, 'loading');
      });

      it('shows no English when the program cannot load, in every element alone', async () => {
        const page = await fixture<HTMLElement>(html`<div>
          <compassion-program src=${MISSING} lang=${locale.tag}><p>-</p></compassion-program>
          <compassion-course src=${MISSING} lang=${locale.tag} storage="memory"></compassion-course>
          <meditation-player src=${MISSING} meditation-id="x" lang=${locale.tag} storage="memory"></meditation-player>
          <reflection-journal src=${MISSING} lang=${locale.tag} storage="memory"></reflection-journal>
          <practice-log src=${MISSING} lang=${locale.tag} storage="memory"></practice-log>
        </div>`);
        for (const el of page.children) {
          await waitFor(() => el.shadowRoot?.querySelector('[part~="error"], [part~="status"][role="alert"], .error'), `<${el.localName}> to show its error`);
          await settle(el);
        }
        expectNoEnglish(page, locale, 'load error');
        for (const el of page.children) if (el.localName !== 'compassion-program') (el.shadowRoot!.querySelector<HTMLElement>('[part~="support-button"]'))?.click();
        await Promise.all([...page.children].map((c) => settle(c)));
        expectNoEnglish(page, locale, 'load error with the support dialog open');
        if (locale.tag !== 'de') await expectAccessible(page.querySelector('reflection-journal')!);
      });

      it('shows no English in the course, from the overview through week 1 to its close', async () => {
        const { provider, el } = await inProvider<HTMLElement>(locale, html`<compassion-course></compassion-course>`);
        const course = new CourseObject(provider, el as never);
        await waitFor(() => part(course.root, 'overview'), 'the overview');
        await rendered(el);
        expectNoEnglish(el, locale, 'course overview');
        if (locale.tag !== 'de') await expectAccessible(el);
        await course.openWeek(1);
        await waitFor(() => part(course.root, 'step-bar'), 'the week to open');
        for (let i = 0; i < 10 && !part(course.root, 'week-close'); i++) {
          // Wait for the embedded player or journal of this part, which load on first use.
          await waitFor(() => !$$(course.root, '[part~="embed-loading"]').length, 'the embeds of this part', 8000);
          for (const embed of $$(course.root, 'meditation-player, reflection-journal')) {
            await settle(embed);
            await waitFor(() => !maybe(embed, '.loading'), `<${embed.localName}> to render`, 8000);
          }
          await rendered(el);
          expectNoEnglish(el, locale, `week 1, part ${i + 1}`);
          if (i === 1 && locale.tag !== 'de') await expectAccessible(el);
          await course.next();
        }
        expectNoEnglish(el, locale, 'the close of week 1');
      });

      it('shows no English in the player: guided, timer, breathing, transcript and support dialog', async () => {
        const program = await programAt(locale.src);
        const meditation = program.meditations[0]!.id;
        const { el } = await inProvider<MeditationPlayer>(locale, html`<meditation-player meditation-id=${meditation}></meditation-player>`);
        await waitFor(() => part(el, 'play-button'), 'the guided player');
        await settle(el);
        expectNoEnglish(el, locale, 'guided player');
        if (locale.tag !== 'de') await expectAccessible(el);
        const toggle = $$<HTMLButtonElement>(el, 'button').find((b) => b.getAttribute('aria-expanded') === 'false' && /transcript|Transkript|transcripción|النص/i.test(text(b)));
        if (toggle) {
          toggle.click();
          await settle(el);
          await waitFor(() => !maybe(el, '[part~="transcript"] .loading'), 'the transcript');
          expectNoEnglish(el, locale, 'transcript open');
        }
        for (const mode of ['timer', 'breathing'] as const) {
          el.mode = mode;
          await settle(el);
          await waitFor(() => !maybe(el, '[data-loading-part]'), `the ${mode} to load`);
          await settle(el);
          expectNoEnglish(el, locale, `${mode} mode`);
          if (locale.tag !== 'de') await expectAccessible(el);
        }
      });

      it('shows no English in the journal: list, filters, a new entry and every section', async () => {
        const { el } = await inProvider<ReflectionJournal>(locale, html`<reflection-journal></reflection-journal>`);
        await waitFor(() => !maybe(el, '.loading'), 'the journal to render');
        const journal = new JournalObject(el);
        expectNoEnglish(el, locale, 'empty journal');
        if (locale.tag !== 'de') await expectAccessible(el);
        const program = await programAt(locale.src);
        $$<HTMLButtonElement>(el, '.starts button')[0]!.click();
        await opened(el);
        await waitFor(() => part(el, 'editor'), 'the new entry');
        expectNoEnglish(el, locale, 'a new entry');
        if (locale.tag !== 'de') await expectAccessible(el);
        expect(program.templates.length).to.be.greaterThan(0);
        // Something written, so the list has an entry (and its toolbar, search and cards).
        await journal.write('—');
        await waitFor(() => el.saveStateText && !/…/.test(el.saveStateText), 'the entry to be kept');
        const sections = $$<HTMLButtonElement>(el, '.nav-item').map((b) => text(b));
        for (const label of sections) {
          await journal.openSection(label);
          await settle(el);
          expectNoEnglish(el, locale, `section "${label}"`);
        }
        await journal.openSection(sections[0]!);
        await journal.openFilters();
        expectNoEnglish(el, locale, 'the list with an entry, search and filters');
        if (locale.tag !== 'de') await expectAccessible(el);
      });

      it('shows no English in the practice log, empty and with a session', async () => {
        const { provider, el } = await inProvider<HTMLElement>(locale, html`<practice-log></practice-log>`);
        await waitFor(() => part(el, 'empty'), 'the empty log');
        expectNoEnglish(el, locale, 'empty practice log');
        const now = Date.now();
        await provider.sdk!.practice.log({ mode: 'timer', startedAt: now - 600_000, endedAt: now, seconds: 600 });
        await waitFor(() => part(el, 'chart') ?? part(el, 'sessions'), 'the logged session');
        await settle(el);
        expectNoEnglish(el, locale, 'practice log with a session');
        if (locale.tag !== 'de') await expectAccessible(el);
      });
    });
  }
});
