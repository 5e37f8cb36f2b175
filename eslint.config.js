// One lint setup for the whole tree. Besides style, it enforces the import arrows of
// DESIGN.md: core imports nothing of ours outside core, the renderer imports only the
// contract's types, labs and main reach core only through core/index.ts, and only
// main/electron/ may import electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const coreImpure = [
  { object: 'Date', property: 'now', message: 'core/ is deterministic: use the simulated Clock.' },
  { object: 'Math', property: 'random', message: 'core/ is deterministic: use the seeded Rng.' },
  { object: 'performance', property: 'now', message: 'core/ is deterministic: use the simulated Clock.' },
];
const noElectron = {
  name: 'electron',
  message: 'Only main/electron/ imports electron (keep the Electron glue thin).',
};
/** restrict builds the import rule for a folder: its own patterns plus the electron ban. */
const restrict = (patterns) => ['error', { paths: [noElectron], patterns }];

const coreTimers = ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask'].map((name) => ({
  name,
  message: 'core/ is deterministic: schedule on the simulated EventQueue.',
}));

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'test/artifacts/', 'coverage/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    files: ['main/**', 'scripts/**', 'bin/**', 'test/**', '*.config.*', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.ts', '**/*.svelte', '**/*.js', '**/*.mjs'],
    ignores: ['main/electron/**'],
    rules: { 'no-restricted-imports': restrict([]) },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/core/**', '**/main/**', '**/labs/**'],
              allowTypeImports: true,
              message: 'renderer/ imports only types from the contract (main/common/contract.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/main/**', '**/main', '**/renderer/**', '**/labs/**'],
          message: 'core/ imports nothing of ours outside core/.',
        },
        {
          group: ['node:*', 'fs', 'path', 'os', 'child_process', 'ws'],
          message: 'core/ is pure: no Node or network modules.',
        },
      ]),
      'no-restricted-properties': ['error', ...coreImpure],
      'no-restricted-globals': ['error', ...coreTimers],
    },
  },
  {
    files: ['labs/**', 'main/**'],
    ignores: ['**/*.test.ts', 'main/electron/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/core/*/**', '**/core/*', '!**/core/index', '!**/core/index.js'],
          message: 'Reach core/ only through core/index.ts.',
        },
        { group: ['**/renderer/**'], message: 'main/ and labs/ never import the renderer.' },
      ]),
    },
  },
);
