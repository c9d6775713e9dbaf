// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Processes are rooms with locked doors: these rules keep the doors locked. */
const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'stream', 'url', 'events', 'util', 'worker_threads'];
const builtinPaths = (message) => nodeBuiltins.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', '.takt/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinPaths('src/shared is pure: no node built-ins.'),
          patterns: [
            { group: ['electron', 'react', 'react-dom', 'dexie', 'node:*'], message: 'src/shared is pure: no electron, node:*, DOM or React.' },
            { group: ['**/main/**', '**/renderer/**', '**/server/**', '**/preload/**', '**/cli/**'], message: 'src/shared imports only src/shared.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: builtinPaths('The renderer has no Node access.'),
          patterns: [
            { group: ['**/main/**', '**/server/**', '**/cli/**', '**/preload/**'], message: 'The renderer only sees TerminalApi (src/shared/api.ts).' },
            { group: ['electron', 'node:*'], message: 'The renderer has no Node or Electron access.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'Central runs under plain Node.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'], message: 'The server imports only src/shared.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/window.ts', 'src/main/security.ts', 'src/main/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: "Only main/index.ts, window.ts, security.ts and ipc.ts import 'electron'; the rest runs under plain Node." },
            { group: ['**/renderer/**'], message: 'Main never imports the renderer.' },
          ],
        },
      ],
    },
  },
);
