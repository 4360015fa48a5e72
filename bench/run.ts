// `npm run bench`: prints the machine, then runs each benchmark file in its own process (so memory
// figures are its own), one after another so they don't compete for the 2 cores.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && name !== 'run.ts' && !name.endsWith('.test.ts'))
  // Shared setup code lives in *-fixtures.ts files; only the rest are benchmarks.
  .filter((name) => !name.endsWith('-fixtures.ts'))
  .filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)))
  .sort();

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Machine: ${cpus().length} x ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`,
);
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', join(here, '../node_modules/tsx/dist/cli.mjs'), join(here, file)],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) failed++;
}
if (failed) {
  console.error(`\n${failed} benchmark file(s) failed.`);
  process.exit(1);
}
