import { expect } from 'chai';
import { render } from 'lit';
import { renderMarkdown, type MarkdownOptions } from '../../../src/elements/shared/markdown.js';
import { XSS_PAYLOADS, armXssTrap, findInjected, flushInjectedHandlers, xssFired } from '../../fixtures/xss-payloads.js';

const mounted: HTMLElement[] = [];
function md(source: string | undefined, options?: MarkdownOptions): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  mounted.push(el);
  render(renderMarkdown(source, options), el);
  return el;
}
/** The rendered tree as compact tag names and text, ignoring Lit's comment markers. */
function shape(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = node as Element;
  const inner = [...el.childNodes].map(shape).join('');
  return el.localName === 'div' ? inner : `<${el.localName}>${inner}</${el.localName}>`;
}

describe('renderMarkdown', () => {
  afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

  it('renders nothing for empty or missing text', () => {
    expect(md(undefined).childElementCount).to.equal(0);
    expect(md('').textContent?.trim()).to.equal('');
  });

  it('renders paragraphs, joining the lines of each', () => {
    expect(shape(md('One line\nsame paragraph.\n\nSecond paragraph.'))).to.equal('<p>One line same paragraph.</p><p>Second paragraph.</p>');
  });

  it('maps # headings to the requested level and never past h6', () => {
    expect(shape(md('# Top\n## Next\n### Third'))).to.equal('<h3>Top</h3><h4>Next</h4><h5>Third</h5>');
    expect(shape(md('# Top', { headingLevel: 2 }))).to.equal('<h2>Top</h2>');
    expect(shape(md('# A\n## B\n### C', { headingLevel: 5 }))).to.equal('<h5>A</h5><h6>B</h6><h6>C</h6>');
  });

  it('renders emphasis and strong emphasis, nested', () => {
    expect(shape(md('*soft* and _also soft_ and **firm** and __also firm__'))).to.equal('<p><em>soft</em> and <em>also soft</em> and <strong>firm</strong> and <strong>also firm</strong></p>');
    expect(shape(md('**very *kind* words**'))).to.equal('<p><strong>very <em>kind</em> words</strong></p>');
    expect(shape(md('snake_case_word stays'))).to.equal('<p>snake_case_word stays</p>');
  });

  it('renders bulleted and numbered lists, with continuation lines', () => {
    expect(shape(md('- one\n* two\n+ three'))).to.equal('<ul><li>one</li><li>two</li><li>three</li></ul>');
    expect(shape(md('1. first\n2) second\n   continues here'))).to.equal('<ol><li>first</li><li>second continues here</li></ol>');
  });

  it('renders block quotes, with markdown inside', () => {
    expect(shape(md('> A *gentle* voice\n> - and a list'))).to.equal('<blockquote><p>A <em>gentle</em> voice</p><ul><li>and a list</li></ul></blockquote>');
  });

  it('opens https links to other sites in a new tab, safely, and says so to screen readers', () => {
    const a = md('[Read more](https://clinic.example/more)').querySelector('a')!;
    expect(a.href).to.equal('https://clinic.example/more');
    expect(a.target).to.equal('_blank');
    expect(a.rel).to.equal('noopener noreferrer');
    expect(a.querySelector('.visually-hidden')?.textContent).to.equal(' (opens in a new tab)');
    const translated = md('[Plus](https://clinic.example/)', { newTabText: '(nouvel onglet)' }).querySelector('a .visually-hidden');
    expect(translated?.textContent).to.equal(' (nouvel onglet)');
  });

  it('resolves relative links against the program file and keeps mailto, tel and same-site links in the page', () => {
    const el = md('[notes](notes/week-1.html) [mail](mailto:groups@clinic.example) [call](tel:+15550100) [here](/about)', { baseUrl: 'https://clinic.example/programs/cft.json' });
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://clinic.example/programs/notes/week-1.html',
      'mailto:groups@clinic.example',
      'tel:+15550100',
      'https://clinic.example/about',
    ]);
    expect(links.slice(1, 3).every((a) => !a.hasAttribute('target'))).to.equal(true);
    const local = md('[here](/about)').querySelector('a')!;
    expect(local.hasAttribute('target')).to.equal(false);
  });

  it('renders links with disallowed URLs as their words alone', () => {
    const bad = [
      'javascript:window.__xss=true',
      'JavaScript:window.__xss=true',
      'data:text/html,hi',
      'vbscript:msgbox(1)',
      'http://insecure.example/',
      '//evil.example/',
      'https:\\\\evil.example',
      'file:///etc/passwd',
    ];
    for (const url of bad) {
      const el = md(`Go [there](${url}) now.`);
      expect(el.querySelector('a'), url).to.equal(null);
      expect(el.textContent?.replace(/\s+/g, ' ').trim(), url).to.equal('Go there now.');
    }
  });

  it('leaves everything outside the subset as literal text', () => {
    const source = '`code` ![image](https://x.example/i.png) #### four <b>bold</b> | a | b |';
    const el = md(source);
    expect(el.querySelector('code, img, b, table, h4')).to.equal(null);
    expect(el.textContent).to.contain('`code`').and.contain('<b>bold</b>').and.contain('#### four').and.contain('| a | b |');
    // The image syntax becomes "!" and an ordinary link: never an <img> that loads anything.
    expect(el.querySelector('a')?.textContent).to.contain('image');
  });

  it('keeps every payload of the XSS corpus inert', async () => {
    armXssTrap();
    for (const payload of XSS_PAYLOADS) {
      const el = md(`${payload}\n\n# ${payload}\n\n- ${payload}\n\n> ${payload}\n\n**${payload}** [${payload}](https://ok.example)`);
      expect(findInjected(el), payload).to.deep.equal([]);
    }
    await flushInjectedHandlers();
    expect(xssFired()).to.equal(false);
  });
});
