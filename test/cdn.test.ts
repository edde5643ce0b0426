import { expect } from 'chai';
import { cdp } from './helpers/cdp.js';
import { waitFor } from './helpers/fixture.js';

// These tests load the CDN build (npm run build:cdn), as a clinic's page does.
const ENTRY = '/dist/cdn/compassion-kit.js';
const KEY = Symbol.for('compassion-kit.autoloader');

interface CdnEntry {
  discover(root: ParentNode): void;
}
const importEntry = (copy: string): Promise<CdnEntry> => import(/* @vite-ignore */ `${ENTRY}?copy=${copy}`) as Promise<CdnEntry>;

describe('CDN autoloader', () => {
  afterEach(async () => {
    await cdp('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp('Network.disable');
  });

  it('requests the element chunk and the program file together with the core, not after it has run, and fetches the program once', async () => {
    // Every request takes 150 ms, so anything that waits for the core to arrive starts visibly later.
    await cdp('Network.enable');
    await cdp('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: -1, uploadThroughput: -1 });
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A clinic page with one player</title>
<script type="module" src="${ENTRY}"></script></head>
<body><compassion-program src="${location.origin}/packages/default-program/program.json" storage="memory">
<meditation-player meditation-id="safe-place"></meditation-player>
</compassion-program></body></html>`;
    document.body.append(frame);
    try {
      await new Promise((resolve) => (frame.onload = resolve));
      const win = frame.contentWindow!;
      const doc = frame.contentDocument!;
      const provider = doc.querySelector('compassion-program') as HTMLElement & { sdk?: unknown };
      await waitFor(() => provider.sdk, 'the program to load', 10000);
      const player = doc.querySelector('meditation-player')!;
      await waitFor(() => win.customElements.get('meditation-player') && (player.shadowRoot?.textContent ?? '').trim().length > 20, 'the player to render', 10000);
      // The provider was registered first: the player found it instead of asking for its own src.
      expect(player.shadowRoot!.textContent).not.to.contain('has no program');

      const requests = win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const find = (pattern: RegExp) => requests.filter((r) => pattern.test(new URL(r.name).pathname));
      const [core] = find(/compassion-kit-core-[\w-]+\.js$/);
      const [chunk] = find(/compassion-kit-meditation-player-[\w-]+\.js$/);
      const programs = find(/\/packages\/default-program\/program\.json$/);
      expect(core, 'the core chunk').to.not.equal(undefined);
      expect(chunk, 'the player chunk').to.not.equal(undefined);
      expect(chunk!.startTime, 'player chunk requested before the core arrived').to.be.below(core!.responseEnd);
      expect(programs.length, 'program.json requests (the preload is reused by the provider)').to.equal(1);
      expect(programs[0]!.startTime, 'program requested before the core arrived').to.be.below(core!.responseEnd);
    } finally {
      frame.remove();
    }
  });

  it('discover(root) loads elements the page observer cannot see, such as those in a shadow root, and a second copy of the script uses the first copy\'s loader', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    addEventListener('error', onError);
    try {
      const first = await importEntry('discover-a');
      const loader = (globalThis as unknown as Record<symbol, unknown>)[KEY];
      expect(loader, 'the shared loader').to.not.equal(undefined);

      shadow.append(document.createElement('reflection-journal'));
      await new Promise((r) => setTimeout(r, 100));
      expect(customElements.get('reflection-journal'), 'before discover()').to.equal(undefined);
      first.discover(shadow);
      await waitFor(() => customElements.get('reflection-journal'), '<reflection-journal> to be defined', 10000);
      expect(customElements.get('compassion-program'), 'the provider').to.be.a('function');

      // Two script tags with different URLs are two copies of the module: the second defines nothing itself.
      const second = await importEntry('discover-b');
      expect((globalThis as unknown as Record<symbol, unknown>)[KEY]).to.equal(loader);
      shadow.append(document.createElement('meditation-player'));
      second.discover(shadow);
      await waitFor(() => customElements.get('meditation-player'), '<meditation-player> to be defined', 10000);
      await new Promise((r) => setTimeout(r, 50));
      expect(errors).to.deep.equal([]);
    } finally {
      removeEventListener('error', onError);
      host.remove();
    }
  });

  it('a page with only the course fetches no player or journal code for the overview, and fetches the player and the journal when a week that holds them opens', async () => {
    // Each request takes 150 ms, so the week shows its calm loading line before the player arrives.
    await cdp('Network.enable');
    await cdp('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: -1, uploadThroughput: -1 });
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A clinic page with the course</title>
<script type="module" src="${ENTRY}"></script></head>
<body><compassion-program src="${location.origin}/packages/default-program/program.json" storage="memory">
<compassion-course></compassion-course>
</compassion-program></body></html>`;
    document.body.append(frame);
    try {
      await new Promise((resolve) => (frame.onload = resolve));
      const win = frame.contentWindow!;
      const course = frame.contentDocument!.querySelector('compassion-course') as HTMLElement & { openWeek(n: number): void };
      const shadow = () => course.shadowRoot;
      await waitFor(() => shadow()?.querySelector('[part~="overview"]'), 'the course overview', 10000);
      await new Promise((r) => setTimeout(r, 500));
      const chunks = () => (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => new URL(r.name).pathname.split('/').pop()!).filter((f) => f.startsWith('compassion-kit-'));
      const requested = (element: string) => chunks().some((f) => f.startsWith(`compassion-kit-${element}-`));
      expect(requested('compassion-course'), 'the course chunk').to.equal(true);
      expect(requested('meditation-player'), 'player chunk before a week opens').to.equal(false);
      expect(requested('reflection-journal'), 'journal chunk before a week opens').to.equal(false);
      expect(requested('journal-store'), "the journal's store code before a week opens").to.equal(false);
      expect(win.customElements.get('meditation-player')).to.equal(undefined);

      // Week 1 has a meditation and reflections.
      course.openWeek(1);
      await waitFor(() => shadow()!.querySelector('[part~="step-meditate"] [part~="embed-loading"]'), 'the calm loading line while the player loads', 10000);
      expect(shadow()!.querySelector('[part~="step-meditate"] [part~="placeholder"]'), 'no "not available" while it loads').to.equal(null);
      await waitFor(() => win.customElements.get('meditation-player') && win.customElements.get('reflection-journal'), 'the player and the journal to be defined', 10000);
      expect(requested('meditation-player'), 'player chunk once the week opened').to.equal(true);
      expect(requested('reflection-journal'), 'journal chunk once the week opened').to.equal(true);
      const player = await waitFor(() => shadow()!.querySelector('[part~="step-meditate"] meditation-player'), 'the player in the week');
      await waitFor(() => (player.shadowRoot?.textContent ?? '').trim().length > 20, 'the player to render', 10000);
      await waitFor(() => !shadow()!.querySelector('[part~="embed-loading"]'), 'the loading lines to go');
    } finally {
      frame.remove();
    }
  });
});
