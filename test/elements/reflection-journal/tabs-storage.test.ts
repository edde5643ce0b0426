import { expect } from 'chai';
import { html } from 'lit';
import { setUserAgent, setViewport } from '@web/test-runner-commands';
import { isWebKitWithStorageCap } from '../../../src/elements/reflection-journal/internal/platform.js';
import type { ReflectionJournal } from '../../../src/elements/reflection-journal/reflection-journal.js';
import type { Program } from '../../../src/sdk/content/types.js';
import { databaseName } from '../../../src/sdk/store/schema.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cdp } from '../../helpers/cdp.js';
import { fixture, waitFor } from '../../helpers/fixture.js';
import { journalProgram, openJournal, rawDatabase, trackDatabase } from '../../fixtures/journal-helpers.js';
import { uniqueId } from '../../fixtures/programs.js';
import { $, $$, button } from '../../helpers/query.js';
import { mountJournal, openSection, saveState, typeInto, unmountJournals, waitForSaveState, opened } from '../../helpers/journal-object.js';
import type { JournalEntry } from '../../../src/sdk/store/records.js';

afterEach(unmountJournals);

async function twoTabsOn(program: Program) {
  const seed = await openJournal(program);
  const entry = await seed.journal.save({ templateId: 'free-reflection', title: 'Shared', fields: { reflection: 'start' } });
  seed.close();
  const tag = html`<reflection-journal entry-id=${entry.id}></reflection-journal>`;
  const a = await mountJournal(program, tag);
  const b = await mountJournal(program, tag);
  const areaOf = (j: ReflectionJournal) => waitFor(() => j.shadowRoot!.querySelector<HTMLTextAreaElement>('#field-reflection'), 'the editor');
  return { a, b, entry, areaA: await areaOf(a.journal), areaB: await areaOf(b.journal) };
}

async function stored(programId: string, id: string): Promise<JournalEntry> {
  return ((await rawDatabase(programId)).entries as JournalEntry[]).find((e) => e.id === id)!;
}

describe('<reflection-journal> in several tabs', () => {
  it('detects the second save on one entry as a conflict, and "Keep mine" stores it with theirs in the history', async () => {
    const program = await journalProgram();
    const { a, b, entry, areaA, areaB } = await twoTabsOn(program);
    await typeInto(b.journal, areaB, 'written in tab B');
    await typeInto(a.journal, areaA, 'written in tab A');
    button(a.journal, 'Save now').click();
    await waitForSaveState(a.journal, /^Saved at/);
    await waitFor(() => b.journal.shadowRoot!.querySelector('[part="conflict"]'), 'tab B to report the conflict');
    await waitForSaveState(b.journal, /^Not saved — edited in another tab$/);
    expect((await stored(program.id, entry.id)).fields.reflection).to.equal('written in tab A');
    expect(areaB.value).to.equal('written in tab B');
    expect($(b.journal, '[part="conflict"]').getAttribute('role')).to.equal('alert');
    await expectAccessible(b.journal);
    button(b.journal, 'Keep mine').click();
    await waitForSaveState(b.journal, /^Saved at/);
    expect((await stored(program.id, entry.id)).fields.reflection).to.equal('written in tab B');
    const history = (await b.sdk.journal.revisions(entry.id)).map((r) => r.fields.reflection);
    expect(history).to.include('written in tab A');
    // Tab A had nothing unsaved, so it shows the newer text without asking.
    await waitFor(() => areaA.value === 'written in tab B', 'tab A to show the kept version');
  });

  it('"Reload the other version" shows the other tab’s text and keeps this one in the history', async () => {
    const program = await journalProgram();
    const { a, b, entry, areaA, areaB } = await twoTabsOn(program);
    // B has unsaved text when A's save lands.
    await typeInto(b.journal, areaB, 'version from B');
    await typeInto(a.journal, areaA, 'version from A');
    button(a.journal, 'Save now').click();
    await waitForSaveState(a.journal, /^Saved at/);
    await waitFor(() => b.journal.shadowRoot!.querySelector('[part="conflict"]'), 'the conflict');
    button(b.journal, 'Reload the other version').click();
    await waitFor(() => areaB.value === 'version from A', 'tab B to show A’s text');
    expect((await stored(program.id, entry.id)).fields.reflection).to.equal('version from A');
    expect((await b.sdk.journal.revisions(entry.id)).map((r) => r.fields.reflection)).to.include('version from B');
    expect(b.journal.shadowRoot!.querySelector('[part="conflict"]')).to.equal(null);
  });

  it('two journals on one page and one entry never overwrite each other silently', async () => {
    const program = await journalProgram();
    const { journal, provider, sdk } = await mountJournal(
      program,
      html`<reflection-journal step-id="w2-reflect-1"></reflection-journal><reflection-journal step-id="w2-reflect-1"></reflection-journal>`,
    );
    const [one, two] = [...provider.querySelectorAll('reflection-journal')] as ReflectionJournal[];
    expect(one).to.equal(journal);
    await typeInto(one!, $(one!, 'textarea'), 'first widget');
    await waitForSaveState(one!, /^Saved at/);
    await waitFor(() => $<HTMLTextAreaElement>(two!, 'textarea').value === 'first widget', 'the second widget to show the entry');
    await typeInto(one!, $(one!, 'textarea'), 'first widget, more');
    await typeInto(two!, $(two!, 'textarea'), 'second widget');
    await waitForSaveState(one!, /^Saved at/);
    await waitFor(() => saveState(two!) === 'Not saved — edited in another tab', 'the second widget to see the conflict');
    expect(sdk.journal.snapshot.entries).to.have.length(1);
    expect(sdk.journal.snapshot.entries[0]!.fields.answer).to.equal('first widget, more');
  });
});

describe('<reflection-journal> storage honesty', () => {
  it('keeps the text on screen when storage is full, says so, and saves once space is freed', async function () {
    this.timeout(120_000);
    const program = await journalProgram();
    const { journal, sdk } = await mountJournal(program, html`<reflection-journal template="free-reflection"></reflection-journal>`);
    const area = $<HTMLTextAreaElement>(journal, 'textarea');
    await typeInto(journal, area, 'saved before the disk filled');
    await waitForSaveState(journal, /^Saved at/);
    // A long letter: Chromium skips the quota check for small writes.
    const big = `written while full ${'x'.repeat(400_000)}`;
    await cdp('Storage.overrideQuotaForOrigin', { origin: location.origin, quotaSize: 1 });
    try {
      // Chromium's IndexedDB trusts its last free-space figure for up to 30 s
      // (BucketContext::kBucketSpaceCacheTimeLimit); only after that does the new quota apply.
      await new Promise((r) => setTimeout(r, 31_000));
      await typeInto(journal, area, big);
      await waitForSaveState(journal, /^Storage full — export your entries$/, 10_000);
      expect(area.value).to.equal(big);
      expect(sdk.storage.snapshot.full).to.equal(true);
      const banner = await waitFor(() => $$(journal, '[part="banner"]').find((b) => b.textContent!.includes('Storage on this device is full')), 'the storage-full banner');
      expect(banner.getAttribute('role')).to.equal('alert');
      expect(button(journal, 'Save a backup')).to.exist;
      await expectAccessible(journal);
      expect((await sdk.journal.get(sdk.journal.snapshot.entries[0]!.id))!.fields.reflection).to.equal('saved before the disk filled');
    } finally {
      await cdp('Storage.overrideQuotaForOrigin', { origin: location.origin }); // no size: back to the browser's own quota
    }
    button(journal, 'Save now').click();
    await waitForSaveState(journal, /^Saved at/, 10_000);
    expect((await sdk.journal.get(sdk.journal.snapshot.entries[0]!.id))!.fields.reflection).to.equal(big);
    await waitFor(() => !sdk.storage.snapshot.full, 'the full flag to clear');
  });

  it('shows a clear banner in memory-only mode', async () => {
    const { journal } = await mountJournal(await journalProgram(), undefined, 'memory');
    // The rare banners' words load when one is first needed.
    const banner = await waitFor(() => journal.shadowRoot!.querySelector('[part="banner"]'), 'the memory-only banner');
    expect(banner.textContent).to.contain('Entries are not being kept on this device');
    expect(banner.textContent).to.contain('memory only');
    await expectAccessible(journal);
  });

  it('asks to reload when a newer version holds the storage, instead of loading forever', async () => {
    const program = await journalProgram();
    trackDatabase(program.id);
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(databaseName(program.id), 99);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    newer.close();
    const { journal } = await mountJournal(program);
    await waitFor(() => journal.shadowRoot!.querySelector('[part="banner"]'), 'the newer-version banner');
    const texts = $$(journal, '[part="banner"]').map((b) => b.textContent!);
    expect(texts.some((t) => t.includes('A newer version is open in another tab'))).to.equal(true);
    expect(button(journal, 'Reload')).to.exist;
    await expectAccessible(journal);
  });

  it('warns about Safari’s seven-day deletion in Safari, or when asked, and never in Chrome by default', async () => {
    const program = await journalProgram();
    const always = await mountJournal(program, html`<reflection-journal safari-warning="always"></reflection-journal>`);
    // Its words and markup load with the other rare banners, the first time one shows.
    const warning = await waitFor(() => $$(always.journal, '[part="banner"]').find((b) => b.textContent!.includes('Safari may erase this journal')), 'the Safari banner');
    expect(warning!.textContent).to.contain('seven days');
    expect(warning!.querySelector('button')!.textContent).to.contain('Save a backup');
    await expectAccessible(always.journal);
    const plain = await mountJournal(await journalProgram());
    expect(plain.journal.shadowRoot!.textContent).to.not.contain('Safari may erase');
    const original = navigator.userAgent;
    await setUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15');
    try {
      plain.journal.requestUpdate();
      await waitFor(() => plain.journal.shadowRoot!.textContent!.includes('Safari may erase'), 'the Safari banner in Safari');
    } finally {
      await setUserAgent(original);
    }
  });

  it('recognises the browsers that erase storage after seven days', () => {
    const ua = {
      safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      chromeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0.6312.52 Mobile/15E148 Safari/604.1',
      chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36',
      chromeAndroid: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36',
      edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Edg/123.0.2420.65',
      firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0',
      headlessChromium: navigator.userAgent,
    };
    expect(Object.fromEntries(Object.entries(ua).map(([k, v]) => [k, isWebKitWithStorageCap(v)]))).to.deep.equal({
      safariMac: true,
      safariIphone: true,
      chromeIos: true,
      chromeMac: false,
      chromeAndroid: false,
      edge: false,
      firefox: false,
      headlessChromium: false,
    });
  });

  it('says whether the browser keeps the journal, and offers to ask it', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram());
    await openSection(journal, 'Backup and import');
    const status = $(journal, '[part="storage-status"]').textContent!;
    const persisted = sdk.storage.snapshot.persisted;
    if (persisted === true) expect(status).to.contain('agreed to keep');
    else if (persisted === false) {
      expect(status).to.contain('may delete this journal');
      expect(button(journal, 'Ask the browser to keep it')).to.exist;
    } else expect(status).to.contain('does not say');
    await waitFor(() => journal.shadowRoot!.querySelector('[part="storage-status"]')!.textContent!.includes('available'), 'the usage estimate');
  });
});

describe('<reflection-journal> everywhere', () => {
  it('has the "Need support now?" control at the end of the header, opening the crisis resources', async () => {
    const { journal } = await mountJournal(await journalProgram());
    const header = $(journal, '[part="header"]');
    const supportButton = $<HTMLButtonElement>(journal, '[part="support-button"]');
    expect(header.contains(supportButton)).to.equal(true);
    expect(supportButton.getBoundingClientRect().right).to.be.greaterThan($(journal, '.title').getBoundingClientRect().right);
    supportButton.click();
    const dialog = $<HTMLDialogElement>(journal, 'dialog.ck-support');
    expect(dialog.open).to.equal(true);
    await expectAccessible(journal);
    dialog.close();
  });

  it('the step view shows support too, and an unknown template is a clear error, not a blank widget', async () => {
    const { journal } = await mountJournal(await journalProgram(), html`<reflection-journal template="no-such-template"></reflection-journal>`);
    expect($(journal, '[role="alert"]').textContent).to.contain('The program has no journal template “no-such-template”');
    expect($(journal, '[part="support-button"]')).to.exist;
    await expectAccessible(journal);
  });

  it('works standalone with a src attribute and says so when the program cannot load', async () => {
    const el = await fixture<ReflectionJournal>(html`<reflection-journal src="/packages/default-program/missing-program.json" storage="memory"></reflection-journal>`);
    const alert = await waitFor(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the load error');
    expect(alert.textContent).to.contain('Your journal cannot be shown right now');
    await expectAccessible(el);
  });

  it('fits 320 px without sideways scrolling in every view', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const { journal, sdk } = await mountJournal(await journalProgram());
      await sdk.journal.save({ templateId: 'three-systems-check-in', title: 'A rather long title that needs to wrap on a narrow phone screen', fields: { threat: 3, note: 'x'.repeat(300) }, tags: ['averyveryverylongtagwithoutanyspaces'] });
      await opened(journal);
      const fits = async (what: string) => {
        await opened(journal);
        const frame = $(journal, '.journal');
        expect(frame.scrollWidth, what).to.be.at.most(frame.clientWidth + 1);
        expect(document.documentElement.scrollWidth, what).to.be.at.most(320);
        await expectAccessible(journal);
      };
      await fits('list');
      button(journal, 'A rather long title').click();
      await waitFor(() => journal.shadowRoot!.querySelector('[part="editor"]'), 'the editor');
      await fits('editor');
      for (const view of ['Share with my clinician', 'Backup and import', 'Privacy lock', 'Recently deleted']) {
        await openSection(journal, view);
        await fits(view);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('is accessible in dark mode', async () => {
    const { journal, sdk } = await mountJournal(await journalProgram(), html`<reflection-journal theme="dark"></reflection-journal>`);
    await sdk.journal.save({ templateId: 'weekly-reflection', title: 'Dark', fields: { answer: 'night', feelings: ['calm'] }, tags: ['t'] });
    await opened(journal);
    expect(getComputedStyle(journal).colorScheme).to.equal('dark');
    await expectAccessible(journal);
    button(journal, 'Dark').click();
    await waitFor(() => journal.shadowRoot!.querySelector('[part="editor"]'), 'the editor');
    await expectAccessible(journal);
    await openSection(journal, 'Privacy lock');
    await expectAccessible(journal);
  });

  it('lays out right to left with an RTL program, support still at the inline end', async () => {
    const rtl = (await (await fetch('/content/samples/rtl-program.json')).json()) as Program;
    const program = { ...rtl, id: uniqueId('rtl') };
    const { journal, sdk } = await mountJournal(program, html`<div dir="rtl" lang="ar"><reflection-journal></reflection-journal></div>`);
    await sdk.journal.save({ templateId: 'weekly-reflection', title: 'تأمل', fields: { answer: 'أشعر بالهدوء اليوم' }, weekId: rtl.weeks[0]!.id });
    await opened(journal);
    expect(getComputedStyle($(journal, '.journal')).direction).to.equal('rtl');
    const support = $(journal, '[part="support-button"]').getBoundingClientRect();
    const title = $(journal, '.title').getBoundingClientRect();
    expect(support.left).to.be.lessThan(title.left);
    await expectAccessible(journal);
    button(journal, 'تأمل').click();
    const area = await waitFor(() => journal.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea'), 'the editor');
    expect(area.getAttribute('dir')).to.equal('auto');
    expect(getComputedStyle(area).direction).to.equal('rtl');
    await expectAccessible(journal);
  });
});
