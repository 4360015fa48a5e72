// Lint, including the layer rules of DESIGN.md: each folder may import only the layers below it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Node's modules by bare name are matched exactly (a pattern 'http' would also catch our own common/http/).
import { builtinModules } from 'node:module';

const nodeBuiltins = ['node:*', ...builtinModules.filter((name) => !name.startsWith('_')).map((name) => `/${name}`)];
const electron = ['electron', 'electron/*', 'electron-store'];

/**
 * One restricted-import rule per layer: `forbidden` lists what no file in `files` may import. Entries starting
 * with "/" are exact module names; the rest are gitignore-style patterns over the import path.
 */
const layer = (files, forbidden, why) => {
  const message = `${why} (DESIGN.md import rules)`;
  const paths = forbidden.filter((f) => f.startsWith('/')).map((name) => ({ name: name.slice(1), message }));
  const group = forbidden.filter((f) => !f.startsWith('/'));
  return { files, rules: { 'no-restricted-imports': ['error', { paths, patterns: [{ group, message }] }] } };
};

const serverForbidden = ['**/main/**', '**/preload/**', '**/renderer/**', ...electron];
/** A server folder, by relative path from anywhere inside server/ (never common/http, which services need). */
const serverDirs = (names) =>
  names.flatMap((name) => [`./${name}/**`, `../${name}/**`, `../../${name}/**`, `../../../${name}/**`]);
const serverEntry = ['**/start.js', '**/cli.js'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/fixtures/lint/**',
      '.ci-data/**',
      'reports/**',
      '.electron-native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // new URL(..., import.meta.url).pathname is "/C:/..." on Windows, and every path built from it breaks (npm start
    // did, issue 13): fileURLToPath gives the OS's path everywhere.
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='pathname'][object.type='NewExpression']:has(MetaProperty)",
          message: 'Use fileURLToPath(new URL(..., import.meta.url)): .pathname is "/C:/..." on Windows.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  layer(
    ['common/**'],
    [
      '**/server/**',
      '**/main/**',
      '**/preload/**',
      '**/renderer/**',
      ...nodeBuiltins,
      ...electron,
      'react',
      'react-dom',
    ],
    'common/ imports nothing of ours and no node:, electron or DOM module',
  ),
  layer(['server/**'], serverForbidden, 'server/ imports common/ only'),
  // Inside server/: routes -> services -> storage; http/ is Fastify glue only (server/README.md "Layers").
  // Each repeats serverForbidden: a later rule for the same files replaces the earlier one's options.
  layer(
    ['server/storage/**'],
    [...serverForbidden, ...serverDirs(['services', 'routes', 'http', 'live', 'demo']), ...serverEntry],
    'server/storage/ is the bottom layer: it imports no services, routes or http',
  ),
  layer(
    ['server/services/**', 'server/live/**', 'server/demo/**'],
    [...serverForbidden, ...serverDirs(['routes', 'http']), ...serverEntry],
    'server services (and live/, demo/) import storage/, never routes/ or http/',
  ),
  layer(
    ['server/routes/**'],
    [...serverForbidden, ...serverDirs(['storage']), ...serverEntry],
    'server/routes/ reach the database through services/ only',
  ),
  layer(
    ['server/http/**'],
    [...serverForbidden, ...serverDirs(['storage', 'services', 'routes', 'live', 'demo']), ...serverEntry],
    'server/http/ is Fastify glue: it imports no routes, services or storage',
  ),
  layer(
    ['main/core/**'],
    [
      '**/server/**',
      '**/renderer/**',
      '**/preload/**',
      '**/main/electron/**',
      '**/main/web/**',
      '../electron/**',
      '../web/**',
      ...electron,
    ],
    'main/core imports common/ only, never electron or renderer',
  ),
  layer(
    ['main/electron/**'],
    ['**/server/**', '**/renderer/**', '**/preload/**', '**/main/web/**', '../web/**'],
    'main/electron imports main/core and common/',
  ),
  layer(
    ['main/web/**'],
    ['**/server/**', '**/renderer/**', '**/preload/**', '**/main/electron/**', '../electron/**', ...electron],
    'main/web imports main/core and common/, never electron',
  ),
  layer(
    ['preload/**'],
    ['**/server/**', '**/main/**', '**/renderer/**', ...nodeBuiltins],
    'preload/ imports common/ and electron only',
  ),
  layer(
    ['renderer/**'],
    ['**/server/**', '**/main/**', '**/preload/**', ...nodeBuiltins, ...electron],
    'renderer/ imports common/ only: no node:, no electron',
  ),
);
