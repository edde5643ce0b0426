import { expect } from 'chai';
import { waitFor } from './helpers/fixture.js';

// The plain-HTML consumer (issue 15): the page in docs/embedding/plain-html.md, word for word but
// for the script's and the program's paths, on a copy of the built dist/cdn folder served at
// another path (test/fixtures/cdn-copy-middleware.mjs). Needs the CDN build (npm run build:cdn).
const DOC_SCRIPT = '/assets/compassion-kit/0.1.0/compassion-kit.js';
const DOC_PROGRAM = '/programs/self-compassion/program.json';
const DB = 'compassion-kit:cft-self-compassion';

const deleteDb = () =>
  new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
const shadowText = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('plain-HTML consumer of a copied CDN folder', () => {
  before(deleteDb);
  after(deleteDb);

  it('renders the course overview, the player with its play button and the journal from the page in docs/embedding/plain-html.md, loading every script from the copy', async () => {
    const doc = await (await fetch('/docs/embedding/plain-html.md')).text();
    const page = /```html\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(page, 'the html block in docs/embedding/plain-html.md').to.be.a('string');
    expect(page).to.contain(DOC_SCRIPT).and.to.contain(DOC_PROGRAM);
    const html = page!.replace(DOC_SCRIPT, '%BASE%/compassion-kit/compassion-kit.js').replace(DOC_PROGRAM, '/packages/default-program/program.json');

    const made = await fetch('/__test/cdn-copy', { method: 'POST', body: html });
    expect(made.ok, await made.clone().text()).to.equal(true);
    const { page: url, base } = (await made.json()) as { page: string; base: string };
    const frame = document.createElement('iframe');
    frame.src = url;
    frame.style.inlineSize = '900px';
    frame.style.blockSize = '1200px';
    document.body.append(frame);
    try {
      await new Promise((resolve) => (frame.onload = resolve));
      const win = frame.contentWindow!;
      const d = frame.contentDocument!;
      const course = d.querySelector('compassion-course')!;
      const player = d.querySelector('meditation-player')!;
      const journal = d.querySelector('reflection-journal')!;
      await waitFor(() => course.shadowRoot?.querySelector('[part~="overview"]'), 'the course overview', 10000);
      const play = await waitFor(() => player.shadowRoot?.querySelector<HTMLButtonElement>('[part~="play-button"]'), "the player's play button", 10000);
      expect(play.disabled).to.equal(false);
      expect(shadowText(player)).to.contain('Cultivating');
      await waitFor(() => journal.shadowRoot?.querySelector('[part~="empty"]'), 'the (empty) journal', 10000);
      for (const tag of ['compassion-program', 'compassion-course', 'meditation-player', 'reflection-journal']) {
        expect(win.customElements.get(tag), tag).to.be.a('function');
      }

      const resources = win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const scripts = resources.map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.js'));
      expect(scripts.length, 'scripts loaded').to.be.greaterThan(3);
      expect(scripts.filter((p) => !p.startsWith(`${base}/compassion-kit/`)), 'scripts from anywhere but the copy').to.deep.equal([]);
      expect(resources.filter((r) => r.responseStatus >= 400).map((r) => `${r.responseStatus} ${r.name}`), 'failed requests').to.deep.equal([]);
    } finally {
      frame.remove();
      await fetch(`/__test/cdn-copy/remove?id=${base.split('/').pop()!}`, { method: 'POST' });
    }
  });
});
