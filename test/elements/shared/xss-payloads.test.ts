import { expect } from 'chai';
import { XSS_PAYLOADS, XSS_URL_PAYLOADS, armXssTrap, findInjected, flushInjectedHandlers, xssFired } from '../../fixtures/xss-payloads.js';
import { urlProblem } from '../../../src/sdk/content/urls.js';

// The corpus and its detector are only worth something if they would catch a real injection.
describe('XSS payload corpus', () => {
  let host: HTMLElement | undefined;
  afterEach(() => {
    host?.remove();
    host = undefined;
  });

  it('has at least 30 distinct payloads', () => {
    expect(XSS_PAYLOADS.length).to.be.at.least(30);
    expect(new Set(XSS_PAYLOADS).size).to.equal(XSS_PAYLOADS.length);
  });

  it('runs script and is detected when parsed as HTML, so a passing inert test means something', async () => {
    armXssTrap();
    host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    // Deliberately unsafe: the sink the library must never use.
    shadow.append(document.createRange().createContextualFragment(XSS_PAYLOADS.slice(0, 3).join('')));
    await flushInjectedHandlers();
    expect(xssFired()).to.equal(true);
    const findings = findInjected(host);
    expect(findings).to.include('<script> element');
    expect(findings).to.include('<img onerror> handler attribute');
  });

  it('reports hostile URL attributes, including obfuscated schemes', () => {
    host = document.createElement('div');
    const a = document.createElement('a');
    a.setAttribute('href', ' java\tscript:void(0)');
    host.append(a);
    expect(findInjected(host)).to.deep.equal(['<a href=" java\tscript:void(0)"> uses javascript:']);
  });

  it('finds nothing in plain text holding every payload', () => {
    host = document.createElement('div');
    for (const payload of XSS_PAYLOADS) host.append(document.createTextNode(payload));
    expect(findInjected(host)).to.deep.equal([]);
  });

  it('has URL payloads that the content URL check refuses, every one', () => {
    for (const url of XSS_URL_PAYLOADS) expect(urlProblem(url), url).to.be.a('string');
  });
});
