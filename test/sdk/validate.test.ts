import { expect } from 'chai';
import {
  FIELD_TYPES,
  ProgramError,
  STEP_KINDS,
  UNLOCK_POLICIES,
  loadProgram,
  parseProgram,
  programJsonSchema,
  validateProgram,
  type ProgramIssue,
} from '../../src/sdk/index.js';
import { makeProgram } from '../fixtures/programs.js';

/** The issues a validation throws (fails the test when it does not throw). */
function issuesOf(input: unknown): ProgramIssue[] {
  try {
    validateProgram(input);
  } catch (e) {
    expect(e).to.be.instanceOf(ProgramError);
    expect((e as ProgramError).code).to.equal('invalid-program');
    return [...(e as ProgramError).issues];
  }
  throw new Error('expected the program to be rejected');
}

function errorAt(issues: ProgramIssue[], path: string): string {
  const found = issues.find((i) => i.path === path && i.severity === 'error');
  expect(found, `no error at ${path}; got ${JSON.stringify(issues)}`).to.exist;
  return found!.message;
}

const clone = <T>(v: T): T => structuredClone(v);

describe('program validation', () => {
  it('accepts the shipped default program without errors or warnings', async () => {
    const program = await (await fetch('/packages/default-program/program.json')).json();
    const { warnings, program: valid } = validateProgram(program);
    expect(warnings).to.deep.equal([]);
    expect(valid.weeks).to.have.length(14);
    expect(Object.isFrozen(valid.weeks[0])).to.equal(true);
  });

  it('accepts the Arabic right-to-left sample program', async () => {
    const program = await (await fetch('/content/samples/rtl-program.json')).json();
    expect(validateProgram(program).program.dir).to.equal('rtl');
  });

  it('accepts a program of 1 week and one of 52 weeks', () => {
    expect(validateProgram(makeProgram(1)).program.weeks).to.have.length(1);
    expect(validateProgram(makeProgram(52)).program.weeks).to.have.length(52);
  });

  it('names a missing required field by its path', () => {
    const p = clone(makeProgram()) as unknown as Record<string, unknown>;
    delete p.title;
    expect(errorAt(issuesOf(p), 'title')).to.equal('is required');
  });

  it('reports a wrong type with what it found', () => {
    const p = clone(makeProgram()) as unknown as { weeks: { number: unknown }[] };
    p.weeks[1]!.number = 'two';
    expect(errorAt(issuesOf(p), 'weeks[1].number')).to.match(/must be a number, not string "two"/);
  });

  it('suggests the meditation id that was probably meant', () => {
    const p = clone(makeProgram());
    p.meditations.push({ ...p.meditations[0]!, id: 'safe-place' });
    (p.weeks[3 - 3]!.steps[1] as { meditation: string }).meditation = 'safe-plase';
    expect(errorAt(issuesOf(p), 'weeks[0].steps[1].meditation')).to.equal('no meditation with id "safe-plase" (did you mean "safe-place"?)');
  });

  it('reports a journal template that does not exist', () => {
    const p = clone(makeProgram());
    (p.weeks[1]!.steps[2] as { template: string }).template = 'letters';
    expect(errorAt(issuesOf(p), 'weeks[1].steps[2].template')).to.match(/no journal template with id "letters"/);
  });

  it('rejects an unknown step kind and lists the allowed ones', () => {
    const p = clone(makeProgram()) as unknown as { weeks: { steps: { kind: string }[] }[] };
    p.weeks[0]!.steps[0]!.kind = 'raed';
    expect(errorAt(issuesOf(p), 'weeks[0].steps[0].kind')).to.match(/must be one of "read", "meditate", "reflect", "practice", "measure", not string "raed" \(did you mean "read"\?\)/);
  });

  it('rejects an unknown unlock policy', () => {
    const p = clone(makeProgram()) as unknown as { unlock: { policy: string } };
    p.unlock.policy = 'monthly';
    expect(errorAt(issuesOf(p), 'unlock.policy')).to.match(/must be one of "all-open", "weekly", "sequential"/);
  });

  it('rejects javascript:, data:, http: and protocol-relative URLs anywhere in content', () => {
    const p = clone(makeProgram());
    p.clinic = { name: 'Clinic', website: 'javascript:alert(1)', registerUrl: 'http://clinic.example' };
    p.support = { resources: [{ label: 'Line', url: '//evil.example' }] };
    p.meditations[0]!.audio[0]!.src = 'data:audio/ogg;base64,AAAA';
    p.weeks[0]!.theory[0]!.body = 'See [this](java\nscript:alert(1)) page.';
    const issues = issuesOf(p);
    expect(errorAt(issues, 'clinic.website')).to.match(/uses "javascript:"/);
    expect(errorAt(issues, 'clinic.registerUrl')).to.match(/uses "http:"/);
    expect(errorAt(issues, 'support.resources[0].url')).to.match(/protocol-relative/);
    expect(errorAt(issues, 'meditations[0].audio[0].src')).to.match(/uses "data:"/);
  });

  it('rejects an unsafe link inside markdown text', () => {
    const p = clone(makeProgram());
    p.weeks[1]!.theory[0]!.body = 'Read [more](javascript:alert(1)).';
    expect(errorAt(issuesOf(p), 'weeks[1].theory[0].body')).to.match(/link "javascript:alert\(1\)" uses "javascript:"/);
  });

  it('accepts https, mailto, tel and relative URLs', () => {
    const p = clone(makeProgram());
    p.clinic = { name: 'Clinic', website: 'https://clinic.example', registerUrl: '/groups' };
    p.support = { resources: [{ label: 'Mail', url: 'mailto:help@clinic.example' }, { label: 'Call', url: 'tel:+15555550100' }] };
    expect(() => validateProgram(p)).not.to.throw();
  });

  it('reports duplicate ids, out-of-order week numbers and impossible scales', () => {
    const p = clone(makeProgram(3));
    p.weeks[2]!.id = 'week-1';
    p.weeks[1]!.number = 5;
    p.weeks[2]!.steps[0]!.id = 'w1-read';
    p.templates[0]!.fields.push({ id: 'mood', type: 'scale', label: 'Mood', min: 10, max: 0 });
    p.templates[0]!.fields.push({ id: 'mood2', type: 'choice', label: 'Pick', options: ['a', 'a'] });
    const issues = issuesOf(p);
    expect(errorAt(issues, 'weeks[2].id')).to.match(/already used by weeks\[0\]/);
    expect(errorAt(issues, 'weeks[1].number')).to.match(/must be 2/);
    expect(errorAt(issues, 'weeks[2].steps[0].id')).to.match(/"w1-read" is already used by weeks\[0\]\.steps\[0\]/);
    expect(errorAt(issues, 'templates[0].fields[1].max')).to.match(/greater than min/);
    expect(errorAt(issues, 'templates[0].fields[2].options')).to.match(/same option twice/);
  });

  it('explains the expected form of an id or phone number in words', () => {
    const p = clone(makeProgram());
    p.id = 'Bad Id';
    p.support = { resources: [{ label: 'Line', phone: 'call us' }] };
    const issues = issuesOf(p);
    expect(errorAt(issues, 'id')).to.equal('"Bad Id" has the wrong form (expected lowercase letters, digits and dashes)');
    expect(errorAt(issues, 'support.resources[0].phone')).to.match(/expected digits, spaces and \+ \( \) -/);
  });

  it('rejects a start date that is not a real day', () => {
    const p = clone(makeProgram());
    p.unlock = { policy: 'weekly', startDate: '2026-02-30' };
    expect(errorAt(issuesOf(p), 'unlock.startDate')).to.match(/not a date in the form YYYY-MM-DD/);
  });

  it('collects every error, not just the first', () => {
    const p = clone(makeProgram()) as unknown as Record<string, unknown>;
    delete p.id;
    delete p.locale;
    p.dir = 'up';
    const issues = issuesOf(p).filter((i) => i.severity === 'error');
    expect(issues.map((i) => i.path)).to.include.members(['id', 'locale', 'dir']);
  });

  it('reports unknown fields as warnings instead of dropping them silently', () => {
    const p = clone(makeProgram()) as unknown as Record<string, unknown> & { weeks: Record<string, unknown>[] };
    p.colour = 'blue';
    p.weeks[0]!.sumary = 'typo';
    const { warnings } = validateProgram(p);
    expect(warnings.map((w) => w.path)).to.have.members(['colour', 'weeks[0].sumary']);
    expect(warnings.find((w) => w.path === 'weeks[0].sumary')!.message).to.match(/did you mean "summary"/);
  });

  it('names the line and column of a JSON syntax error', () => {
    try {
      parseProgram('{\n  "id": "x",\n  oops\n}');
      expect.fail('should throw');
    } catch (e) {
      expect((e as ProgramError).code).to.equal('invalid-json');
      expect((e as ProgramError).message).to.match(/line 3, column 3/);
    }
  });
});

describe('loading a program from a URL', () => {
  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (e) {
      expect(e).to.be.instanceOf(ProgramError);
      return (e as ProgramError).code;
    }
    throw new Error('expected the load to fail');
  }

  it('loads and validates the default program, remembering its URL for relative links', async () => {
    const loaded = await loadProgram('/packages/default-program/program.json');
    expect(loaded.url).to.equal(new URL('/packages/default-program/program.json', location.href).href);
    expect(loaded.program.id).to.equal('cft-self-compassion');
  });

  it('reports a missing file as http-status with the status code', async () => {
    const error = await loadProgram('/content/nope.json').catch((e: ProgramError) => e);
    expect((error as ProgramError).code).to.equal('http-status');
    expect((error as ProgramError).message).to.match(/HTTP 404/);
  });

  it('reports a file that is not JSON (e.g. an HTML page) as wrong-content-type', async () => {
    expect(await codeOf(loadProgram('/__test/html'))).to.equal('wrong-content-type');
  });

  it('reports a file over the size limit as too-large', async () => {
    expect(await codeOf(loadProgram('/packages/default-program/program.json', { maxBytes: 1000 }))).to.equal('too-large');
  });

  it('reports a server that does not answer in time as timeout', async () => {
    expect(await codeOf(loadProgram('/__test/slow', { timeoutMs: 300 }))).to.equal('timeout');
  });

  it('reports an unreachable server as network', async () => {
    expect(await codeOf(loadProgram('http://127.0.0.1:9/program.json'))).to.equal('network');
  });

  it('reports broken JSON as invalid-json', async () => {
    expect(await codeOf(loadProgram('/__test/broken-json'))).to.equal('invalid-json');
  });

  it('reports an invalid program as invalid-program with the file named', async () => {
    const error = (await loadProgram('/__test/invalid-program').catch((e) => e)) as ProgramError;
    expect(error.code).to.equal('invalid-program');
    expect(error.message).to.contain('/__test/invalid-program');
    expect(error.issues.some((i) => i.path === 'weeks')).to.equal(true);
  });
});

describe('program JSON Schema', () => {
  it('docs/program.schema.json is what the validator descriptor generates (run `npm run schema` after changing the format)', async () => {
    const published = await (await fetch('/docs/program.schema.json')).json();
    expect(published).to.deep.equal(JSON.parse(JSON.stringify(programJsonSchema())));
  });

  it('lists the same fixed values as the TypeScript as-const arrays', () => {
    const defs = programJsonSchema().$defs as Record<string, { properties?: Record<string, { enum?: string[]; const?: string }>; oneOf?: { $ref: string }[] }>;
    expect(defs.Unlock!.properties!.policy!.enum).to.deep.equal([...UNLOCK_POLICIES]);
    const stepKinds = ['ReadStep', 'MeditateStep', 'ReflectStep', 'PracticeStep', 'MeasureStep'].map((n) => defs[n]!.properties!.kind!.const);
    expect(stepKinds).to.deep.equal([...STEP_KINDS]);
    const fieldTypes = [...defs.TextField!.properties!.type!.enum!, defs.ScaleField!.properties!.type!.const, ...defs.ChoiceField!.properties!.type!.enum!];
    expect(fieldTypes.sort()).to.deep.equal([...FIELD_TYPES].sort());
  });
});
