import { expect } from 'chai';
import { ContextProvider } from '@lit/context';
import { html, LitElement } from 'lit';
import '../../../src/elements/compassion-course/define.js';
import type { CompassionCourseElement } from '../../../src/elements/compassion-course/compassion-course.js';
import type { CompassionProgramElement } from '../../../src/elements/compassion-program/compassion-program.js';
import { programContext } from '../../../src/context/program-context.js';
import { ProgramContent } from '../../../src/sdk/content/content.js';
import type { Program } from '../../../src/sdk/content/types.js';
import { validateProgram } from '../../../src/sdk/content/validate.js';
import { CompassionProgram } from '../../../src/sdk/program.js';
import { cleanup, fixture, waitFor } from '../../helpers/fixture.js';
import { courseProgram } from '../../fixtures/course-program.js';
import { XSS_PAYLOADS, XSS_URL_PAYLOADS, armXssTrap, findInjected, flushInjectedHandlers, xssFired } from '../../fixtures/xss-payloads.js';
import { rendered } from '../../helpers/course-object.js';
import { text } from '../../helpers/query.js';

/** Fields that name things or pick from fixed sets; every other string in a program is text a person reads. */
const STRUCTURAL = new Set(['schemaVersion', 'id', 'version', 'locale', 'dir', 'kind', 'meditation', 'template', 'policy', 'startDate', 'src', 'type', 'website', 'registerUrl', 'url', 'phone', 'text']);

/** A copy of `base` with every text field set to `payload` (and, with `hostileIdsAndUrls`, every id and URL made hostile too). */
function fillTextFields(base: Program, payload: string, options: { hostileIdsAndUrls?: boolean; url?: string } = {}): Program {
  let n = 0;
  const walk = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    if (typeof value !== 'string') return value;
    if (!STRUCTURAL.has(key)) return payload;
    if (options.hostileIdsAndUrls && key === 'id') return `${payload}-${n++}`;
    if (options.hostileIdsAndUrls && (key === 'registerUrl' || key === 'url' || key === 'website')) return options.url ?? payload;
    return value;
  };
  const filled = walk(structuredClone(base), '') as Program;
  // keyIdeas are strings inside an array under a text key.
  for (const week of filled.weeks) week.keyIdeas = [payload, `${payload} (again)`];
  if (options.hostileIdsAndUrls) {
    // Keep references pointing at the renamed meditation and template, so the steps render fully.
    for (const week of filled.weeks) {
      for (const step of week.steps) {
        if (step.kind === 'meditate') step.meditation = filled.meditations[0]!.id;
        if (step.kind === 'reflect') step.template = filled.templates[0]!.id;
      }
    }
  }
  return filled;
}

function baseProgram(): Program {
  const p = courseProgram({ weeks: 1 });
  p.support = {
    title: 'Support title',
    intro: 'Support intro',
    resources: [{ label: 'Line', description: 'A line', phone: '+1 555 0100', url: 'https://help.example', region: 'Here' }],
  };
  p.clinic!.contact = { email: 'a@b.example', address: 'Somewhere' };
  return p;
}

/** A stand-in provider that hands the course a program exactly as given: no validation, so only the renderer stands between content and the DOM. */
class RawProgramProvider extends LitElement {
  readonly provider = new ContextProvider(this, { context: programContext, initialValue: { status: 'loading' } });
  protected override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('raw-program-provider', RawProgramProvider);

/** Renders the overview and every week of the course, checking after each view that nothing became active. */
async function expectInert(course: CompassionCourseElement, payload: string): Promise<void> {
  const root = course.shadowRoot!;
  const check = async (where: string) => {
    await rendered(course);
    await flushInjectedHandlers();
    expect(xssFired(), `a payload ran (${where}): ${payload}`).to.equal(false);
    expect(findInjected(course), `${where}: ${payload}`).to.deep.equal([]);
  };
  await waitFor(() => root.querySelector('[part~="overview"]'), 'the overview');
  await check('overview');
  expect(text(root.querySelector('[part~="title"]'))).to.equal(payload.replace(/\s+/g, ' ').trim());
  course.openWeek(1);
  await check('week 1');
  (root.querySelector('[part~="support-button"]') as HTMLButtonElement).click();
  await check('support dialog');
  root.querySelector('dialog')?.close();
}

describe('<compassion-course> with hostile content', () => {
  let sdk: CompassionProgram | undefined;

  beforeEach(() => armXssTrap());
  afterEach(() => {
    sdk?.close();
    sdk = undefined;
    cleanup();
  });

  it('has a corpus of at least 30 payloads', () => {
    expect(XSS_PAYLOADS.length).to.be.at.least(30);
    expect(new Set(XSS_PAYLOADS).size).to.equal(XSS_PAYLOADS.length);
  });

  it('renders every payload that passes validation, in every text field, as inert text', async () => {
    const accepted = XSS_PAYLOADS.filter((payload) => {
      try {
        validateProgram(fillTextFields(baseProgram(), payload));
        return true;
      } catch {
        return false;
      }
    });
    expect(accepted.length, 'payloads the validator accepts in text fields').to.be.at.least(30);
    for (const payload of accepted) {
      const provider = await fixture<CompassionProgramElement>(html`<compassion-program storage="memory" .program=${fillTextFields(baseProgram(), payload)}>
        <compassion-course></compassion-course>
      </compassion-program>`);
      await expectInert(provider.querySelector('compassion-course')!, payload);
      provider.sdk?.close();
      cleanup();
    }
  });

  it('renders every payload inert even when the program skipped validation, with hostile ids and URLs too', async () => {
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const raw = fillTextFields(baseProgram(), payload, { hostileIdsAndUrls: true, url: XSS_URL_PAYLOADS[i % XSS_URL_PAYLOADS.length] });
      sdk = new CompassionProgram(new ProgramContent(raw, location.href), { storage: 'memory' });
      await sdk.ready;
      const provider = await fixture<RawProgramProvider>(html`<raw-program-provider><compassion-course></compassion-course></raw-program-provider>`);
      provider.provider.setValue({ status: 'ready', program: sdk });
      const course = provider.querySelector('compassion-course')!;
      await expectInert(course, payload);
      // A hostile registration URL never becomes a link.
      expect(course.shadowRoot!.querySelector('[part~="register-link"]')).to.equal(null);
      sdk.close();
      sdk = undefined;
      cleanup();
    }
  });

  it('shows the words of a hostile markdown link as text, without a link', async () => {
    const raw = baseProgram();
    (raw as { introduction: string }).introduction = `Before [click me](javascript:window.__xss=true) after.`;
    sdk = new CompassionProgram(new ProgramContent(raw, location.href), { storage: 'memory' });
    await sdk.ready;
    const provider = await fixture<RawProgramProvider>(html`<raw-program-provider><compassion-course></compassion-course></raw-program-provider>`);
    provider.provider.setValue({ status: 'ready', program: sdk });
    const course = provider.querySelector('compassion-course')!;
    await rendered(course);
    const intro = course.shadowRoot!.querySelector('[part~="introduction"]')!;
    expect(text(intro)).to.equal('Before click me after.');
    expect(intro.querySelector('a')).to.equal(null);
  });

  it('lists the validation problems of a hostile program as inert text', async () => {
    const hostile = baseProgram();
    (hostile as { introduction: string }).introduction = XSS_PAYLOADS.filter((p) => p.startsWith('[') || p.startsWith('**[')).join('\n\n');
    hostile.clinic!.registerUrl = XSS_URL_PAYLOADS[0]!;
    hostile.weeks[0]!.steps[1] = { id: 'w1-meditate', kind: 'meditate', title: 't', meditation: '<img src=x onerror=window.__xss=true>' };
    const url = URL.createObjectURL(new Blob([JSON.stringify(hostile)], { type: 'application/json' }));
    try {
      const course = await fixture<CompassionCourseElement>(html`<compassion-course src=${url} storage="memory"></compassion-course>`);
      const root = course.shadowRoot!;
      await waitFor(() => root.querySelector('[part~="error-list"]'), 'the list of problems');
      await flushInjectedHandlers();
      const items = [...root.querySelectorAll('[part~="error-list"] li')].map(text);
      expect(items.length).to.be.at.least(5);
      expect(items.join('\n')).to.contain('javascript:').and.contain('<img src=x onerror=window.__xss=true>');
      expect(xssFired()).to.equal(false);
      expect(findInjected(course)).to.deep.equal([]);
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
