import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';

// Participant and clinic text must never reach an HTML sink, and nothing may evaluate strings (S2, S3).
const bannedSinks = [
  { selector: "MemberExpression[property.name='innerHTML']", message: 'innerHTML is banned: render with Lit text bindings.' },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'outerHTML is banned: render with Lit text bindings.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'insertAdjacentHTML is banned.' },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'createContextualFragment is banned.' },
  { selector: "CallExpression[callee.name='eval']", message: 'eval is banned (strict CSP).' },
  { selector: "NewExpression[callee.name='Function']", message: 'new Function is banned (strict CSP).' },
  { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: 'document.write is banned.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'storybook-static/**', 'node_modules/**', 'custom-elements.json', 'test/doc-examples/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: { ...litA11y.configs.recommended.rules },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...bannedSinks],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML is banned (S2).' }, { name: 'lit-html/directives/unsafe-html.js', message: 'unsafeHTML is banned (S2).' }] },
      ],
      'no-implied-eval': 'error',
      'wc/guard-super-call': 'off',
    },
  },
  // Layers (docs/architecture.md): the SDK knows nothing of Lit or the elements; elements ask the
  // program and controllers, and never open stores or build audio engines themselves.
  {
    files: ['src/sdk/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*'], message: 'The SDK is plain TypeScript: no Lit (docs/architecture.md).' },
            { group: ['**/elements/**', '**/controllers/**', '**/context/**', '**/styles/**'], message: 'The SDK must not import the UI layers (docs/architecture.md).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/elements/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML is banned (S2).' },
            { name: 'lit-html/directives/unsafe-html.js', message: 'unsafeHTML is banned (S2).' },
            { name: 'howler', message: 'Elements never touch howler: ask a controller (docs/architecture.md).' },
            { name: 'idb', message: 'Elements never open stores: ask the program (docs/architecture.md).' },
          ],
          patterns: [
            {
              group: ['**/sdk/store/database.js', '**/sdk/store/backend.js', '**/sdk/audio/engine.js', '**/sdk/audio/howler-loader.js'],
              allowTypeImports: true,
              message: 'Elements never open stores or build audio engines: call the program or a controller in src/controllers (docs/architecture.md).',
            },
          ],
        },
      ],
      // One member order in every element (STYLE.md): fields, decorated state and properties, constructor, accessors, methods.
      '@typescript-eslint/member-ordering': [
        'error',
        {
          default: [
            'signature',
            'static-field',
            'static-method',
            ['private-instance-field', 'protected-instance-field', 'public-instance-field'],
            'private-decorated-field',
            'protected-decorated-field',
            'public-decorated-field',
            'constructor',
            ['get', 'set'],
            'method',
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    // Roughly where a file starts to hold two concerns (STYLE.md).
    rules: { 'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }] },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
