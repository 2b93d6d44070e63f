// ESLint: TypeScript rules plus the layering table of docs/architecture.md as import bans.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import electronSecurityRules from './build/eslint-electron-security.cjs';

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*'];
const ban = (group, message) => ({ group, message });
const noNode = ban(nodeBuiltins, 'Node built-ins are not available in this layer.');
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const rawIpc = [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Raw IPC lives only in electron/main/ipc and electron/preload.' }];

/** Issue 13: HTTP clients core must not use directly (servers from node:http stay allowed). */
const networkPortOnly = 'Core makes HTTP requests only through the network port (NetworkPort.fetch, electron/core/network).';
const httpClientNames = ['request', 'get', 'Agent', 'globalAgent', 'ClientRequest'];
const bypassNetworkPort = [
  ...['node:http', 'http'].map((name) => ({ name, importNames: httpClientNames, message: networkPortOnly })),
  ...['node:https', 'https', 'undici', 'node:http2', 'http2'].map((name) => ({ name, message: networkPortOnly })),
];

/** The layering table: what each folder must not import. Exported so a test can prove it bites. */
export const layering = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'react', message: 'shared/ is pure TypeScript: no React.' }],
          patterns: [
            noNode,
            ban(
              ['**/electron/**', '**/renderer/**', 'react-dom', 'react-dom/*', '@core/*', '@main/*', '@preload/*', '@renderer/*'],
              'shared/ may import only shared/ and pure packages.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...bypassNetworkPort],
          patterns: [
            ban(
              ['**/main/**', '**/preload/**', '**/renderer/**', 'electron/*', '@main/*', '@preload/*', '@renderer/*'],
              'core/ may import only core/, shared/, Node and npm packages.',
            ),
            ban(['undici/*'], networkPortOnly),
          ],
        },
      ],
    },
  },
  {
    // Issue 13: every request core makes goes through the network port (electron/core/network/port.ts).
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...['fetch', 'XMLHttpRequest', 'EventSource'].map((name) => ({ name, message: networkPortOnly }))],
    },
  },
  {
    // The Node adapter of the network port is the one place that talks HTTP itself.
    files: ['electron/core/network/node-network.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ban(
              ['**/main/**', '**/preload/**', '**/renderer/**', 'electron/*', '@main/*', '@preload/*', '@renderer/*'],
              'core/ may import only core/, shared/, Node and npm packages.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rawIpc,
          patterns: [ban(['**/renderer/**', '**/preload/**', '@renderer/*', '@preload/*'], 'main/ may not import renderer/ or preload/.')],
        },
      ],
    },
  },
  {
    files: ['electron/main/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [ban(['**/renderer/**', '**/preload/**', '@renderer/*', '@preload/*'], 'main/ may not import renderer/ or preload/.')] },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noNode,
            ban(
              [
                '**/main/**',
                '**/core/**',
                '**/renderer/**',
                '**/shared/lib/**',
                '**/shared/models/**',
                '@main/*',
                '@core/*',
                '@renderer/*',
                '@shared/lib/*',
                '@shared/models/*',
              ],
              'preload/ may import only shared/ipc and electron.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            noNode,
            ban(['**/electron/**', 'electron/*', '@core/*', '@main/*', '@preload/*'], 'renderer/ talks to core only through window.deskbridge.'),
          ],
        },
      ],
    },
  },
  {
    // no-restricted-imports does not see require() or import(): close that back door too.
    files: ['shared/**/*.ts', 'electron/core/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='require']", message: 'Use import; require() bypasses the layering rules.' },
        { selector: 'ImportExpression[source.value=/^electron(\\/|$)/]', message: noElectron.message },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    ignores: ['test/main/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    // The web host is a host of its own, like Electron's: core and shared/, never Electron's glue.
    files: ['test/harness/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ban(['**/electron/main', '**/electron/main/**', 'electron/*', '@main/*'], 'test/harness may import core and shared/, never electron/main.'),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.value=/^electron(\\/|$)/]', message: noElectron.message },
        {
          selector: 'ImportExpression[source.value=/(^|\\/)electron\\/main(\\/|$)/]',
          message: 'test/harness may import core and shared/, never electron/main.',
        },
        { selector: 'ImportExpression[source.value=/^@main\\//]', message: 'test/harness may import core and shared/, never electron/main.' },
      ],
    },
  },
  {
    // The IT kit (CDK app, admin tool) runs on IT's machine: shared/, Node and npm packages only.
    files: ['deploy/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ban(
              ['**/electron/**', '**/renderer/**', '**/test/**', 'electron/*', '@core/*', '@main/*', '@preload/*', '@renderer/*'],
              'deploy/ may import only deploy/, shared/, Node and npm packages.',
            ),
          ],
        },
      ],
    },
  },
  {
    // The broker (broker mode) runs in AWS Lambda: broker/, shared/, Node and npm packages only.
    files: ['broker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            ban(
              ['**/electron/**', '**/renderer/**', '**/test/**', '**/deploy/**', 'electron/*'],
              'broker/ may import only broker/, shared/, Node and npm packages.',
            ),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='require']", message: 'Use import; require() bypasses the layering rules.' },
        { selector: 'ImportExpression[source.value=/^electron(\\/|$)/]', message: noElectron.message },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tsbuild/**', 'test/fixtures/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...layering,
  // Electron's security checklist as lint rules (also run by the security gate, test/security/gate.ts).
  ...electronSecurityRules.electronSecurity,
  { files: ['*.js', 'build/**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // Packaging hooks and config are CommonJS loaded by electron-builder.
  {
    files: ['build/**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
