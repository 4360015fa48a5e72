// Unit and integration tests: node by default; component tests opt into jsdom with a file comment.
// Two projects: `unit` runs everything (the server on SQLite); `server-postgres` runs the server
// suites again on PostgreSQL (a private cluster per run, a fresh database per test server), plus the
// suites of several instances on one database (tests/server/cluster/), which only PostgreSQL allows.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // No include/exclude here: `extends: true` concatenates arrays, so each project lists its own
    // (with them at the root, server-postgres ran every unit test a second time).
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    allowOnly: false,
    passWithNoTests: false,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.{ts,tsx}'],
          exclude: ['node_modules/**', 'out/**', 'tests/e2e/**', 'tests/electron/**', 'tests/server/cluster/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server-postgres',
          include: ['tests/server/**/*.test.ts'],
          globalSetup: ['tests/support/practice-server-postgres.ts'],
          env: { PRACTICE_TEST_DATABASE: 'postgres' },
        },
      },
    ],
  },
});
