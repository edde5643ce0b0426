import { expect } from 'chai';
import { html } from 'lit';
import type { ReflectionJournal } from '../../../src/elements/reflection-journal/reflection-journal.js';
import { journalLock } from '../../../src/sdk/crypto/journal-lock.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cdp } from '../../helpers/cdp.js';
import { settle, waitFor } from '../../helpers/fixture.js';
import { journalProgram } from '../../fixtures/journal-helpers.js';
import { $, $$, button } from '../../helpers/query.js';
import { mountJournal, typeInto, unmountJournals, waitForSaveState, opened } from '../../helpers/journal-object.js';

afterEach(unmountJournals);

const PASS = 'correct horse battery staple';

/** Two reflect steps of week 1, side by side, as a course's week shows them. */
const twoSteps = (attrs: { embedded: boolean; safari?: 'always' }) => html`
  <reflection-journal ?embedded=${attrs.embedded} step-id="w1-reflect-2" safari-warning=${attrs.safari ?? 'never'}></reflection-journal>
  <reflection-journal ?embedded=${attrs.embedded} step-id="w1-reflect-3" safari-warning=${attrs.safari ?? 'never'}></reflection-journal>
`;

function journals(provider: Element): ReflectionJournal[] {
  return [...provider.querySelectorAll('reflection-journal')];
}

async function ready(all: ReflectionJournal[]): Promise<void> {
  await waitFor(() => all.every((j) => j.shadowRoot!.querySelector('[part="editor"]')), 'every journal to show its entry');
  await Promise.all(all.map((j) => settle(j)));
}

function banners(journal: ReflectionJournal): string[] {
  return $$(journal, '[part="banner"]').map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
}

describe('<reflection-journal embedded>', () => {
  it('has its own "Need support now?" button alone, and none when embedded', async () => {
    // Each in a provider of its own: a provider holding two elements shows one control for both (issue 11).
    const alone = (await mountJournal(await journalProgram(), html`<reflection-journal step-id="w1-reflect-2"></reflection-journal>`)).journal;
    await ready([alone]);
    expect(alone.shadowRoot!.querySelector('[part="support-button"]')).to.exist;
    expect(alone.shadowRoot!.querySelector('dialog.ck-support')).to.exist;
    const embedded = (await mountJournal(await journalProgram(), html`<reflection-journal embedded step-id="w1-reflect-3"></reflection-journal>`)).journal;
    await ready([embedded]);
    expect(embedded.shadowRoot!.querySelector('[part="support-button"]')).to.equal(null);
    expect(embedded.shadowRoot!.querySelector('dialog.ck-support')).to.equal(null);
    expect(embedded.shadowRoot!.textContent).not.to.contain('Need support now?');
  });

  it('reflects the embedded property, and the support button returns when it is removed', async () => {
    const { journal } = await mountJournal(await journalProgram(), html`<reflection-journal step-id="w1-reflect-2"></reflection-journal>`);
    journal.embedded = true;
    await opened(journal);
    expect(journal.hasAttribute('embedded')).to.equal(true);
    expect(journal.shadowRoot!.querySelector('[part="support-button"]')).to.equal(null);
    journal.removeAttribute('embedded');
    await opened(journal);
    expect(journal.embedded).to.equal(false);
    expect($(journal, '[part="support-button"]')).to.exist;
  });

  it('has no header row and no landmark, and its heading is an h5 naming the template (or the title written)', async () => {
    const { provider, sdk } = await mountJournal(await journalProgram(), twoSteps({ embedded: true }));
    const [first] = journals(provider);
    await ready(journals(provider));
    const step = sdk.content.step('w1-reflect-2')!.step;
    if (step.kind !== 'reflect') throw new Error('w1-reflect-2 is not a reflect step');
    const template = sdk.content.template(step.template)!;
    expect(first!.shadowRoot!.querySelector('[part="header"]')).to.equal(null);
    expect(first!.shadowRoot!.querySelector('h2, h3, h4')).to.equal(null);
    const heading = $(first!, '.view-title');
    expect(heading.localName).to.equal('h5');
    expect(heading.textContent).to.equal(template.title);
    expect($(first!, '[part="editor"]').hasAttribute('aria-label')).to.equal(false);
    expect(first!.shadowRoot!.querySelector('section, nav, [role="region"], [role="search"]')).to.equal(null);
    // The course around it names the week and the step, so the entry does not repeat them.
    expect(first!.shadowRoot!.querySelector('.context')).to.equal(null);
    expect($(first!, '[part="prompt"]').textContent).to.equal(step.prompt);
    await typeInto(first!, $(first!, '#entry-title'), 'Monday');
    await waitForSaveState(first!, /^Saved at/);
    expect($(first!, '.view-title').textContent).to.equal('Monday');
    expect($(first!, '.context').textContent).to.equal(template.title);
  });

  it('passes axe with two embedded entries side by side, also with their histories open', async () => {
    const { provider } = await mountJournal(await journalProgram(), twoSteps({ embedded: true }));
    const all = journals(provider);
    await ready(all);
    for (const journal of all) {
      await typeInto(journal, $(journal, 'textarea'), `written in ${journal.stepId}`);
      await waitForSaveState(journal, /^Saved at/);
    }
    const checkAll = async () => {
      for (const journal of all) await expectAccessible(journal);
      // Together too, as one page: no two landmarks may look alike.
      await expectAccessible(provider);
    };
    await checkAll();
    for (const journal of all) {
      button(journal, 'History').click();
      const history = await waitFor(() => journal.shadowRoot!.querySelector('[part="history"]'), 'the history');
      expect(history.localName).to.equal('div');
      expect(history.getAttribute('role')).to.equal('group');
      expect($(journal, '#history-title').localName).to.equal('h6');
    }
    await checkAll();
  });

  it('leaves the memory-only and newer-version banners to the host, and only the first embedded entry warns about Safari', async () => {
    const program = await journalProgram();
    const memory = await mountJournal(program, html`<reflection-journal step-id="w1-reflect-2"></reflection-journal><reflection-journal embedded step-id="w1-reflect-3"></reflection-journal>`, 'memory');
    const [alone, embedded] = journals(memory.provider);
    await ready([alone!, embedded!]);
    await waitFor(() => banners(alone!).length, 'the memory-only banner');
    expect(banners(alone!).some((t) => t.includes('Entries are not being kept on this device'))).to.equal(true);
    expect(banners(embedded!)).to.deep.equal([]);
    await unmountJournals();

    const stored = await mountJournal(await journalProgram(), twoSteps({ embedded: true, safari: 'always' }));
    const [first, second] = journals(stored.provider);
    await ready([first!, second!]);
    await waitFor(() => banners(first!).some((t) => t.includes('Safari may erase this journal')), 'the Safari banner on the first journal');
    expect(banners(second!)).to.deep.equal([]);
    await expectAccessible(stored.provider);
  });

  it('puts the Lock button beside the entry heading and shows the unlock form under an h5', async () => {
    const { provider, sdk } = await mountJournal(await journalProgram(), twoSteps({ embedded: true }));
    const [first] = journals(provider);
    await ready(journals(provider));
    const lock = journalLock(sdk);
    await lock.enable(PASS);
    const lockButton = await waitFor(() => first!.shadowRoot!.querySelector<HTMLButtonElement>('.entry-head [part="lock-button"]'), 'the Lock button beside the heading');
    await expectAccessible(first!);
    lockButton.click();
    const form = await waitFor(() => first!.shadowRoot!.querySelector('[part="unlock-form"]'), 'the unlock form');
    expect(form.querySelector('.view-title')!.localName).to.equal('h5');
    expect(form.hasAttribute('aria-label')).to.equal(false);
    await expectAccessible(provider);
  });

  it('shows "storage full" on the entry whose save it stopped, not on the others', async function () {
    this.timeout(90_000);
    const { provider, sdk } = await mountJournal(await journalProgram(), twoSteps({ embedded: true }));
    const [first, second] = journals(provider);
    await ready([first!, second!]);
    await typeInto(second!, $(second!, 'textarea'), 'saved before the disk filled');
    await waitForSaveState(second!, /^Saved at/);
    // A long text: Chromium skips the quota check for small writes.
    const big = `written while full ${'x'.repeat(400_000)}`;
    await cdp('Storage.overrideQuotaForOrigin', { origin: location.origin, quotaSize: 1 });
    try {
      // Chromium's IndexedDB trusts its last free-space figure for up to 30 s; only then does the new quota apply.
      await new Promise((r) => setTimeout(r, 31_000));
      await typeInto(second!, $(second!, 'textarea'), big);
      await waitForSaveState(second!, /^Storage full — export your entries$/, 10_000);
      expect(sdk.storage.snapshot.full).to.equal(true);
      await settle(first!);
      const full = await waitFor(() => $$(second!, '[part="banner"]').find((b) => b.textContent!.includes('Storage on this device is full')), 'the storage-full banner');
      expect(full.getAttribute('role')).to.equal('alert');
      expect(button(second!, 'Save a backup')).to.exist;
      expect(banners(first!)).to.deep.equal([]);
      expect($<HTMLTextAreaElement>(second!, 'textarea').value).to.equal(big);
      await expectAccessible(provider);
    } finally {
      await cdp('Storage.overrideQuotaForOrigin', { origin: location.origin }); // no size: back to the browser's own quota
    }
    button(second!, 'Save now').click();
    await waitForSaveState(second!, /^Saved at/, 10_000);
    expect(banners(second!)).to.deep.equal([]);
  });
});
