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
