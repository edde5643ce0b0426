import { expect } from 'chai';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/define.js';
import type { CompassionProgramElement } from '../../src/elements/compassion-program/compassion-program.js';
import type { ReflectionJournal } from '../../src/elements/reflection-journal/reflection-journal.js';
import type { JournalStrings } from '../../src/elements/reflection-journal/strings.js';
import ar from '../../src/locales/ar.js';
import de from '../../src/locales/de.js';
import es from '../../src/locales/es.js';
import type { LocaleCatalog } from '../../src/locales/registry.js';
import { journalLock } from '../../src/sdk/crypto/journal-lock.js';
import { StorageError } from '../../src/sdk/errors.js';
import { expectAccessible } from '../helpers/axe.js';
import { cleanup, fixture, waitFor } from '../helpers/fixture.js';
import { typeInto } from '../helpers/journal-object.js';
import { $$, text } from '../helpers/query.js';
import { ENGLISH, englishFor, englishShown } from './english-words.js';

const ES_PROGRAM = '/content/samples/es-program.json';
const AR_PROGRAM = '/content/samples/rtl-program.json';
const PASS = 'lantern harbour willow seven';
// What the storage says (a developer's detail, shown after the journal's own words): no words of any language.
const STORAGE_SAYS = 'E_IO 0x5';

interface Language {
  tag: 'en' | 'es' | 'de' | 'ar';
  /** Undefined for English: the journal's own words. */
  catalog?: LocaleCatalog;
  src: string;
  lang?: string;
}

const LANGUAGES: Language[] = [
  { tag: 'en', src: ES_PROGRAM, lang: 'en' },
  { tag: 'es', catalog: es, src: ES_PROGRAM },
  { tag: 'de', catalog: de, src: ES_PROGRAM, lang: 'de' },
  { tag: 'ar', catalog: ar, src: AR_PROGRAM },
];

/** The words the journal should show in `language`. */
const words = (language: Language): JournalStrings => ({ ...ENGLISH.journal, ...language.catalog?.journal }) as JournalStrings;

const providers: CompassionProgramElement[] = [];
async function provider(language: Language): Promise<CompassionProgramElement> {
  const program = (await (await fetch(language.src)).json()) as unknown;
  const el = await fixture<CompassionProgramElement>(
    html`<compassion-program .program=${program} src=${language.src} storage="memory" lang=${ifDefined(language.lang)}><p>-</p></compassion-program>`,
  );
  providers.push(el);
  await waitFor(() => el.sdk, 'the program to open');
  return el;
}

function journalIn(parent: Element, template?: string): ReflectionJournal {
  const el = document.createElement('reflection-journal');
  if (template) el.setAttribute('template', template);
  parent.append(el);
  return el;
}

const alerts = (el: Element) => $$(el, '[role="alert"]').map((a) => text(a));

/** In English the check finds the message (so it can fail); in another language it finds no English at all. */
function expectLanguage(el: Element, language: Language, english: string): void {
  if (!language.catalog) {
    expect(englishShown(el, englishFor(es)).some((found) => found.includes(english))).to.equal(true);
    return;
  }
  const shown = englishShown(el, englishFor(language.catalog));
  expect(shown, `English interface text in ${language.tag}:\n  ${shown.join('\n  ')}`).to.deep.equal([]);
}

describe('journal messages in every language', () => {
  afterEach(() => {
    cleanup();
    for (const p of providers.splice(0)) p.sdk?.close();
  });

  for (const language of LANGUAGES) {
    describe(language.tag, () => {
      it('says that the journal could not be read, in the journal’s language', async () => {
        const p = await provider(language);
        p.sdk!.journal.load = () => Promise.reject(new StorageError('unavailable', STORAGE_SAYS));
        const el = journalIn(p);
        const expected = words(language).readFailed(STORAGE_SAYS);
        await waitFor(() => alerts(el).includes(expected), `"${expected}"`);
        expectLanguage(el, language, 'Your journal could not be read');
        await expectAccessible(el);
      });

      it('says that the journal was not locked while the open text cannot be saved, in the journal’s language', async () => {
        const p = await provider(language);
        const sdk = p.sdk!;
        const lock = journalLock(sdk);
        await lock.enable(PASS);
        const el = journalIn(p, sdk.content.program.templates[0]!.id);
        const field = await waitFor(() => el.shadowRoot?.querySelector<HTMLTextAreaElement | HTMLInputElement>('[part~="textarea"], [part~="input"]'), 'the entry’s first field');
        sdk.journal.save = () => Promise.reject(new StorageError('write-failed', STORAGE_SAYS));
        await typeInto(el, field, '—');
        await waitFor(() => el.shadowRoot!.textContent!.includes(STORAGE_SAYS), 'the failed save');
        (await waitFor(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="lock-button"]'), 'the Lock button')).click();
        const refusal = words(language).notSavedNotLocked;
        await waitFor(() => alerts(el).some((a) => a.startsWith(refusal) && a.includes(STORAGE_SAYS)), `"${refusal}"`);
        expect(lock.state).to.equal('unlocked');
        expect(field.value).to.equal('—');
        expectLanguage(el, language, 'so the journal was not locked');
        await expectAccessible(el);
      });

      it('names the button that clears a chosen answer in the journal’s language', async () => {
        // The Spanish program has scales and choices (the Arabic sample has none), in the language under test.
        const p = await provider({ ...language, src: ES_PROGRAM, lang: language.lang ?? language.tag });
        const template = p.sdk!.content.program.templates.find((t) => t.fields.some((f) => f.type === 'scale' || f.type === 'choice'))!;
        const el = journalIn(p, template.id);
        (await waitFor(() => el.shadowRoot?.querySelector<HTMLInputElement>('input[type="radio"]'), 'a scale or a choice')).click();
        const clear = await waitFor(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button.clear'), 'the button that clears the answer');
        expect(text(clear)).to.contain(words(language).clearAnswer);
        expectLanguage(el, language, 'Clear');
        await expectAccessible(el);
      });
    });
  }
});
