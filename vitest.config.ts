// Unit and integration tests: node by default; component tests opt into jsdom with a file comment.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'out/**', 'tests/e2e/**', 'tests/electron/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    allowOnly: false,
    passWithNoTests: false,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
