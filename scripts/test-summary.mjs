#!/usr/bin/env node
// Last step of `npm test`: one closing line over every runner (vitest, Playwright), skips counted apart from passes.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read('reports/vitest.json');
if (!vitest) {
  console.error('No vitest report (reports/vitest.json): did the unit tests run?');
  process.exit(1);
}
passed += vitest.numPassedTests;
failed += vitest.numFailedTests;
skipped += vitest.numPendingTests + vitest.numTodoTests;

const playwright = read('reports/playwright.json');
if (!playwright) {
  console.error('No Playwright report (reports/playwright.json): did the end-to-end tests run?');
  process.exit(1);
}
passed += playwright.stats.expected + playwright.stats.flaky;
failed += playwright.stats.unexpected;
skipped += playwright.stats.skipped;

if (passed === 0) {
  console.error('No test ran.');
  process.exit(1);
}
console.log(`Summary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
