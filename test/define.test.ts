import { expect } from 'chai';
import * as kit from '../src/index.js';

describe('registration', () => {
  it('importing the side-effect-free entry registers no element', () => {
    expect(kit.ELEMENT_TAGS.length).to.be.greaterThan(0);
    for (const tag of kit.ELEMENT_TAGS) expect(customElements.get(tag), tag).to.equal(undefined);
    expect(kit.CompassionProgramElement).to.be.a('function');
    expect(kit.openProgram).to.be.a('function');
  });

  it('loading the CDN file twice, plus the npm define module, defines each element once and throws nothing', async () => {
    // A clinic page: the tags are in the document before the script arrives.
    const page = document.createElement('div');
    for (const tag of kit.ELEMENT_TAGS) page.append(document.createElement(tag));
    document.body.append(page);
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    try {
      // Two <script type="module"> tags with different URLs are two separate copies of the library.
      for (const copy of ['a', 'b']) {
        const script = document.createElement('script');
        script.type = 'module';
        script.src = `/dist/cdn/compassion-kit.js?copy=${copy}`;
        const loaded = new Promise((resolve, reject) => {
          script.onload = resolve;
          script.onerror = () => reject(new Error(`could not load ${script.src}: run npm run build:cdn first`));
        });
        document.head.append(script);
        await loaded;
      }
      // The CDN entry loads each element's code when it finds the tag.
      await Promise.all(kit.ELEMENT_TAGS.map((tag) => customElements.whenDefined(tag)));
      const first = kit.ELEMENT_TAGS.map((tag) => customElements.get(tag));
      for (const [i, tag] of kit.ELEMENT_TAGS.entries()) expect(first[i], `${tag} after the CDN file`).to.be.a('function');
      const npmDefine = '/src/define.ts';
      await import(/* @vite-ignore */ npmDefine);
      expect(kit.ELEMENT_TAGS.map((tag) => customElements.get(tag))).to.deep.equal(first);
      await new Promise((r) => setTimeout(r, 50));
      expect(errors).to.deep.equal([]);
    } finally {
      page.remove();
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    }
  });
});
