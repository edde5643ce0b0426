import { html, type TemplateResult } from 'lit';
import '../../src/elements/reflection-journal/define.js';
import type { CompassionProgramElement } from '../../src/elements/compassion-program/compassion-program.js';
import type { ReflectionJournal } from '../../src/elements/reflection-journal/reflection-journal.js';
import type { Program } from '../../src/sdk/content/types.js';
import type { CompassionProgram } from '../../src/sdk/program.js';
import { closeJournals } from '../fixtures/journal-helpers.js';
import { settle, waitFor } from './fixture.js';
import { mountProgram, unmountAll } from './mount.js';
import { $, $$, button, maybe, text } from './query.js';

export interface Mounted {
  provider: CompassionProgramElement;
  journal: ReflectionJournal;
  sdk: CompassionProgram;
  /** The first journal, driven the way a participant would. */
  page: JournalObject;
}

/**
 * `<compassion-program .program>` around one or more journals (the shared mount: a new SDK object
 * per call, as a new tab would have), resolved once the first journal has read its entries.
 */
export async function mountJournal(program: Program, inner: TemplateResult = html`<reflection-journal></reflection-journal>`, storage: 'indexeddb' | 'memory' = 'indexeddb'): Promise<Mounted> {
  const { provider, sdk } = await mountProgram(program, inner, { storage });
  const journal = provider.querySelector('reflection-journal')!;
  await waitFor(() => sdk.journal.snapshot.loaded, 'the journal to load');
  await settle(journal);
  await waitFor(() => !maybe(journal, '.loading'), 'the journal to render');
  return { provider, journal, sdk, page: new JournalObject(journal) };
}

/** Removes the fixtures, closes their SDK objects (and any the test opened) and deletes the databases. */
export async function unmountJournals(): Promise<void> {
  await unmountAll();
  await closeJournals();
}

/** Lets Lit render, then waits until no view loaded on first use still says "Opening…". */
export async function opened(el: Element | null | undefined): Promise<void> {
  await settle(el);
  // A view still opening, or a list still reading its page, tags or search results (aria-busy).
  const loading = () => !!el && ($$(el, '.loading').some((p) => text(p) === 'Opening…') || $$(el, '[aria-busy="true"]').length > 0);
  await waitFor(() => !loading(), 'the view to open');
  await settle(el);
}

/** Sets a field's value as typing would (one input event) and lets Lit render. */
export async function typeInto(el: Element, field: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await settle(el);
}

/** The save-state line's text. */
export function saveState(el: Element): string {
  return $(el, '[part="save-state"]').textContent!.trim();
}

/** Waits (after the pending render, so an old "Saved at" does not count) until the save state matches. */
export async function waitForSaveState(el: Element, pattern: RegExp, timeout = 5000): Promise<string> {
  await settle(el);
  return waitFor(
    () => {
      const said = saveState(el);
      return pattern.test(said) ? said : '';
    },
    `the save state to match ${pattern} (it says "${saveState(el)}")`,
    timeout,
  );
}

/** Opens a section of the full journal from its "Sections" menu (see `JournalObject.openSection`). */
export function openSection(journal: ReflectionJournal, label: string | RegExp): Promise<void> {
  return new JournalObject(journal).openSection(label);
}

/** A `<reflection-journal>` as a participant uses it: write, save, open sections and entries. */
export class JournalObject {
  constructor(readonly el: ReflectionJournal) {}

  /** Types `value` into the first long-text field (or the field labelled `label`). */
  async write(value: string, label?: string): Promise<void> {
    const field = label ? this.field(label) : $<HTMLTextAreaElement>(this.el, '.editor textarea');
    await typeInto(this.el, field, value);
  }

  /** Opens one entry's "More" (title, tags, History, Delete), if it has one and it is closed. */
  async more(): Promise<void> {
    const more = maybe<HTMLButtonElement>(this.el, '[part="more-button"]');
    if (more?.getAttribute('aria-expanded') === 'false') {
      more.click();
      await settle(this.el);
    }
  }

  /** Types the entry's title (opening "More" first in step mode). */
  async title(value: string): Promise<void> {
    await this.more();
    await typeInto(this.el, $<HTMLInputElement>(this.el, '#entry-title'), value);
  }

  /** Presses "Save now" and waits until the line says it is saved (or kept, in memory-only mode). */
  async saveNow(): Promise<string> {
    await this.click('Save now');
    return waitForSaveState(this.el, /^(Saved at|Kept until)/);
  }

  /** Opens a section of the full journal ("Backup and import", "Privacy lock", …) from the "Sections" menu and waits until it is shown. */
  async openSection(label: string | RegExp): Promise<void> {
    await this.expand('#sections-button');
    const item = $$<HTMLButtonElement>(this.el, '.nav-item').find((b) => (typeof label === 'string' ? text(b).includes(label) : label.test(text(b))));
    if (!item) throw new Error(`no section "${String(label)}" in the Sections menu`);
    item.click();
    await opened(this.el);
  }

  /** Starts a new entry of the template titled `title` from the "New entry" menu. */
  async newEntry(title: string): Promise<void> {
    await this.expand('#new-button');
    const item = $$<HTMLButtonElement>(this.el, '#new-menu button').find((b) => text(b) === title);
    if (!item) throw new Error(`no template "${title}" under New entry`);
    item.click();
    await opened(this.el);
  }

  /** Shows the search field and filters ("Search and filters"), if they are hidden, and waits for them (they load on first use). */
  async openFilters(): Promise<void> {
    await this.expand('#find-button');
    await opened(this.el);
  }

  /** Presses a disclosure button (Sections, New entry, Search and filters) if its panel is closed. */
  async expand(selector: string): Promise<void> {
    const toggle = $<HTMLButtonElement>(this.el, selector);
    if (toggle.getAttribute('aria-expanded') !== 'true') {
      toggle.click();
      await opened(this.el);
    }
  }

  /** Opens the entry whose card heading contains `title`. */
  async openEntry(title: string): Promise<void> {
    const link = $$<HTMLButtonElement>(this.el, '.card-title button').find((b) => text(b).includes(title));
    if (!link) throw new Error(`no entry "${title}" in the list`);
    link.click();
    await opened(this.el);
  }

  /** Presses the button labelled `label`, then waits until any view it opens is shown. */
  async click(label: string | RegExp): Promise<void> {
    button(this.el, label).click();
    await opened(this.el);
  }

  /** What the save-state line says. */
  get saveState(): string {
    return saveState(this.el);
  }

  /** The polite announcement line. */
  get announcement(): string {
    return text($(this.el, '[part="announcement"]'));
  }

  /** The input or textarea whose label contains `label`. */
  field(label: string): HTMLInputElement | HTMLTextAreaElement {
    const found = $$<HTMLLabelElement>(this.el, 'label').find((l) => text(l).includes(label));
    const control = found?.htmlFor ? maybe<HTMLInputElement | HTMLTextAreaElement>(this.el, `#${CSS.escape(found.htmlFor)}`) : null;
    if (!control) throw new Error(`no field labelled "${label}"`);
    return control;
  }
}
