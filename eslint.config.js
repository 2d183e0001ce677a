// Flat ESLint config: typescript-eslint recommended plus a purity zone for the core and contract.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'renderer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // Raw IPC only in the one preload file; everything else goes through the contract (style.md §1.2).
    files: ['**/*.{ts,tsx}'],
    ignores: ['electron/preload/**', 'electron/main/**', 'test/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: 'only electron/preload may use ipcRenderer' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The renderer renders snapshots and calls verbs: it may import only the contract.
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'the renderer talks to main only through window.imsgCompanion' }], patterns: [{ group: ['**/electron/core/**', '**/electron/main/**', '**/electron/cli/**', '**/electron/preload/**', 'node:*'], message: 'renderer imports only electron/contract' }] }],
    },
  },
  {
    // The domain runs in plain Node: no Electron, no DOM (design card).
    files: ['electron/core/**/*.ts', 'electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'core/contract must not import electron' }] }],
    },
  },
);
