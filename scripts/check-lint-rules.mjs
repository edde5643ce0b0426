// Proves the structure rules in eslint.config.mjs still bite: lints deliberate violations, given
// in memory under the path where each would live, and fails unless ESLint reports each with the
// rule that guards it (and passes the well-formed controls). Part of `npm run lint`, so a config
// edit that silently drops a layer rule, the member order or the line limit fails CI.
import { ESLint } from 'eslint';

const eslint = new ESLint();

const element = (body) => `import { LitElement, html } from 'lit';\n${body}`;
const longFile = Array.from({ length: 600 }, (_, i) => `export const value${i} = ${i};`).join('\n');

/** Each case: where the code would live, the code, and the rule that must fail it (null: must pass). */
const cases = [
  {
    what: 'an element importing howler',
    filePath: 'src/elements/example-widget/example-widget.ts',
    code: element(`import { Howl } from 'howler';\nexport const sound = new Howl({ src: ['a.ogg'] });\nexport class ExampleWidget extends LitElement {\n  override render() {\n    return html\`\`;\n  }\n}\n`),
    rule: 'no-restricted-imports',
  },
  {
    what: 'an element opening IndexedDB with idb',
    filePath: 'src/elements/example-widget/internal/store.ts',
    code: `import { openDB } from 'idb';\nexport const db = openDB('x', 1);\n`,
    rule: 'no-restricted-imports',
  },
  {
    what: 'an element building an audio engine',
    filePath: 'src/elements/example-widget/internal/session.ts',
    code: `import { AudioEngine } from '../../../sdk/audio/engine.js';\nexport const make = () => new AudioEngine();\n`,
    rule: 'no-restricted-imports',
  },
  {
    what: 'an element opening the database',
    filePath: 'src/elements/example-widget/internal/data.ts',
    code: `import { Database } from '../../../sdk/store/database.js';\nexport const make = (id: string) => new Database(id);\n`,
    rule: 'no-restricted-imports',
  },
  {
    what: 'an SDK module importing Lit',
    filePath: 'src/sdk/store/example.ts',
    code: `import { html } from 'lit';\nexport const view = () => html\`<p></p>\`;\n`,
    rule: 'no-restricted-imports',
  },
  {
    what: 'an SDK module importing an element',
    filePath: 'src/sdk/content/example.ts',
    code: `import { CompassionCourseElement } from '../../elements/compassion-course/compassion-course.js';\nexport const tag = CompassionCourseElement.name;\n`,
    rule: 'no-restricted-imports',
  },
  {
    what: 'an SDK module importing a controller',
    filePath: 'src/sdk/example.ts',
    code: `import { ProgramController } from '../controllers/program-controller.js';\nexport const name = ProgramController.name;\n`,
    rule: 'no-restricted-imports',
  },
  {
    what: 'a 600-line source file',
    filePath: 'src/sdk/content/example.ts',
    code: `${longFile}\n`,
    rule: 'max-lines',
  },
  {
    what: 'an element with its members out of order (a method before a property, the constructor last)',
    filePath: 'src/elements/example-widget/example-widget.ts',
    code: element(
      `import { property } from 'lit/decorators.js';\nexport class ExampleWidget extends LitElement {\n  greet(): string {\n    return this.name;\n  }\n  @property() name = '';\n  constructor() {\n    super();\n  }\n  override render() {\n    return html\`<p>\${this.greet()}</p>\`;\n  }\n}\n`,
    ),
    rule: '@typescript-eslint/member-ordering',
  },
  // Controls: the same places with well-formed code pass, so the failures above are the rules' doing.
  {
    what: 'a well-ordered element that asks a controller (control)',
    filePath: 'src/elements/example-widget/example-widget.ts',
    code: element(
      `import { property } from 'lit/decorators.js';\nimport type { AudioEngine } from '../../sdk/audio/engine.js';\nexport class ExampleWidget extends LitElement {\n  engine: AudioEngine | undefined;\n  @property() name = '';\n  constructor() {\n    super();\n  }\n  get label(): string {\n    return this.name;\n  }\n  override render() {\n    return html\`<p>\${this.label}</p>\`;\n  }\n}\n`,
    ),
    rule: null,
  },
  {
    what: 'a controller building an audio engine (control)',
    filePath: 'src/controllers/example-controller.ts',
    code: `import { AudioEngine } from '../sdk/audio/engine.js';\nexport const make = () => new AudioEngine();\n`,
    rule: null,
  },
  {
    what: 'a plain SDK module (control)',
    filePath: 'src/sdk/content/example.ts',
    code: `import { ProgramError } from '../errors.js';\nexport const fail = () => new ProgramError('invalid-program', 'x');\n`,
    rule: null,
  },
];

let failures = 0;
for (const { what, filePath, code, rule } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  const errors = result.messages.filter((m) => m.severity === 2);
  const fatal = errors.find((m) => m.fatal);
  const ok = fatal ? false : rule === null ? errors.length === 0 : errors.some((m) => m.ruleId === rule);
  const seen = errors.map((m) => `${m.ruleId ?? 'parse error'} (${m.line}:${m.column}) ${m.message}`);
  if (ok) {
    console.log(`ok   ${what}: ${rule ? `fails with ${rule}` : 'passes'}`);
  } else {
    failures++;
    console.error(`FAIL ${what} (${filePath}): expected ${rule ? `an error from ${rule}` : 'no errors'}; got ${seen.length ? `\n       ${seen.join('\n       ')}` : 'no errors'}`);
  }
}
if (failures) {
  console.error(`check-lint-rules: ${failures} of ${cases.length} cases did not lint as eslint.config.mjs promises.`);
  process.exit(1);
}
console.log(`check-lint-rules: all ${cases.length} cases lint as expected.`);
