import { expect } from 'chai';
import { html } from 'lit';
import '../../../src/elements/compassion-program/define.js';
import '../../../src/elements/compassion-course/define.js';
import type { CompassionProgramElement } from '../../../src/elements/compassion-program/compassion-program.js';
import { ProgramError, openProgram, parseProgram, programJsonSchema, validateProgram } from '../../../src/sdk/index.js';
import { expectAccessible } from '../../helpers/axe.js';
import { cleanup, fixture, waitFor } from '../../helpers/fixture.js';
import { makeProgram } from '../../fixtures/programs.js';

// Issue 15, point 5: program files that help their author.

/** Calls to console[method] while `run` runs, the real console still receiving them. */
async function captureConsole(method: 'warn' | 'error', run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console[method];
  console[method] = (...args: unknown[]) => {
    seen.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  try {
    await run();
  } finally {
    console[method] = original;
  }
  return seen;
}

/** A provider holding its program inline (built with the DOM: Lit does not bind inside <script>). */
async function inlineProvider(json: string, withCourse = false): Promise<CompassionProgramElement> {
  const box = await fixture<HTMLDivElement>(html`<div></div>`);
  const provider = document.createElement('compassion-program') as CompassionProgramElement;
  provider.setAttribute('storage', 'memory');
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = json;
  provider.append(script);
  if (withCourse) provider.append(document.createElement('compassion-course'));
  box.append(provider);
  await provider.updateComplete;
  return provider;
}

function syntaxError(source: string): ProgramError {
  try {
    parseProgram(source);
  } catch (e) {
    expect(e).to.be.instanceOf(ProgramError);
    return e as ProgramError;
  }
  throw new Error('expected a syntax error');
}

describe('program files that help their author', () => {
  afterEach(cleanup);

  it('accepts "$schema" without a warning, and the published schema describes it', () => {
    const { warnings } = validateProgram({ $schema: './node_modules/compassion-kit/dist/program.schema.json', ...makeProgram() });
    expect(warnings).to.deep.equal([]);
    const schema = programJsonSchema() as { $defs: Record<string, { properties: Record<string, unknown> }>; $ref?: string; properties?: Record<string, unknown> };
    const root = schema.properties ?? schema.$defs.Program!.properties;
    expect(root).to.have.property('$schema');
  });

  it('names the line and column of a trailing comma, which the engine does not', () => {
    const lines = JSON.stringify(makeProgram(), null, 2).split('\n');
    // A comma after the last field of the first week ("...": "...",\n    }).
    const closing = lines.findIndex((l, i) => i > 5 && /^\s{4}\}/.test(l));
    lines[closing - 1] += ',';
    const e = syntaxError(lines.join('\n'));
    expect(e.code).to.equal('invalid-json');
    expect(e.message).to.contain(`line ${closing}, column ${lines[closing - 1]!.length}`).and.to.match(/comma after the last item/);
    const inList = syntaxError('{\n  "weeks": [\n    1,\n    2,\n  ]\n}');
    expect(inList.message).to.contain('line 4, column 6').and.to.contain('a comma before "]"');
  });

  it('names the line and column of other mistakes authors make', () => {
    expect(syntaxError("{\n  'id': 'x'\n}").message).to.contain('line 2, column 3').and.to.contain('single quote');
    expect(syntaxError('{\n  "id": "x"\n  "title": "y"\n}').message).to.contain('line 3, column 3').and.to.contain('"," or "}"');
    expect(syntaxError('{\n  "title": "two\nlines"\n}').message).to.contain('line 2, column 16').and.to.contain('line break inside a string');
    expect(syntaxError('{ "id": "x" ').message).to.contain('line 1, column 13').and.to.contain('the end of the file');
  });

  it('logs the warnings of a program once, with their paths, however many elements open it', async () => {
    const program = { ...makeProgram(), colour: 'blue' };
    const text = JSON.stringify(program);
    const warnings = await captureConsole('warn', async () => {
      const a = await openProgram({ text, storage: 'memory' });
      const b = await openProgram({ text, storage: 'memory' });
      a.close();
      b.close();
    });
    const ours = warnings.filter((w) => w.startsWith('compassion-kit:'));
    expect(ours).to.have.length(1);
    expect(ours[0]).to.contain(`"${program.id}"`).and.to.contain('1 warning').and.to.contain('colour: is not a known field of Program');
  });

  it('shows participants a calm message and keeps the developer detail behind a disclosure and in the console', async () => {
    let el!: CompassionProgramElement;
    const errors = await captureConsole('error', async () => {
      el = await inlineProvider('{ "id": "x", }');
      await waitFor(() => el.state.status === 'error', 'the error');
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
    });
    const status = el.shadowRoot!.querySelector<HTMLElement>('[part="status"][role="alert"]')!;
    const details = status.querySelector<HTMLDetailsElement>('details[part="error-details"]')!;
    expect(details.open).to.equal(false);
    // What a participant sees with the disclosure closed: no JSON, no paths.
    expect(status.innerText).to.contain('This program cannot be shown right now').and.to.contain('let the clinic know');
    expect(status.innerText).not.to.contain('JSON');
    expect(status.innerText).to.contain("Details for the site's developer");
    await expectAccessible(el);
    details.querySelector('summary')!.click();
    expect(details.open).to.equal(true);
    expect(details.innerText).to.contain('not valid JSON at line 1, column 12').and.to.contain('a comma before "}"');
    await expectAccessible(el);
    // Logged once, though the provider rendered the error more than once.
    expect(errors.filter((e) => e.includes('not valid JSON'))).to.have.length(1);
  });

  it('logs a file with hundreds of mistakes as one readable report: the first 50 with their paths, then a count', async () => {
    const program = makeProgram(6);
    program.weeks.forEach((week, w) => {
      week.steps = Array.from({ length: 50 }, (_, s) => ({ id: `w${w}-s${s}`, kind: 'meditate' as const, title: 'Practise', meditation: `missing-${w * 50 + s}` }));
    });
    const errors = await captureConsole('error', async () => {
      const el = await inlineProvider(JSON.stringify(program));
      await waitFor(() => el.state.status === 'error', 'the error');
    });
    expect(errors).to.have.length(1);
    const lines = errors[0].split('\n');
    expect(lines[1]).to.equal('  weeks[0].steps[0].meditation: no meditation with id "missing-0"');
    expect(lines).to.have.length(1 + 50 + 1);
    expect(lines.at(-1)).to.equal('  … and 250 more');
  });

  it('takes a program inline, from a <script type="application/json"> inside <compassion-program>', async () => {
    const program = makeProgram(1, { title: 'An inline program' });
    const provider = await inlineProvider(JSON.stringify(program), true);
    await waitFor(() => provider.sdk, 'the inline program to open');
    expect(provider.sdk!.content.program.title).to.equal('An inline program');
    // Relative URLs inside resolve against the page, as they would for a file beside it.
    expect(provider.sdk!.content.resolveUrl('audio/x.mp3')).to.equal(new URL('audio/x.mp3', location.href).href);
    const course = provider.querySelector('compassion-course')!;
    await waitFor(() => (course.shadowRoot?.textContent ?? '').includes('An inline program'), 'the course to show the inline program');
  });

  it('asks participants to check their connection only when the connection failed; a missing file is the clinic\'s to fix', async () => {
    const hint = async (src: string) => {
      const el = await fixture<CompassionProgramElement>(html`<compassion-program src=${src} storage="memory"></compassion-program>`);
      await waitFor(() => el.state.status === 'error', 'the error');
      await el.updateComplete;
      const status = el.shadowRoot!.querySelector<HTMLElement>('[part="status"]')!;
      return { text: status.innerText, retry: !!status.querySelector('[part="retry-button"]') };
    };
    const unreachable = await hint('http://127.0.0.1:9/program.json');
    expect(unreachable.text).to.contain('check your connection');
    expect(unreachable.retry).to.equal(true);
    const missing = await hint('/__test/no-such-program.json');
    expect(missing.text).to.contain('let the clinic know').and.not.to.contain('connection');
    expect(missing.retry, 'a server error may pass: Try again stays').to.equal(true);
  });

  it('still refuses a program URL that is not served as JSON, and says how to fix it', async () => {
    const el = await fixture<CompassionProgramElement>(html`<compassion-program src="/__test/html" storage="memory"></compassion-program>`);
    await waitFor(() => el.state.status === 'error', 'the error');
    const error = el.state.status === 'error' ? (el.state.error as ProgramError) : undefined;
    expect(error!.code).to.equal('wrong-content-type');
    expect(error!.message).to.contain('serve it as application/json');
  });
});
