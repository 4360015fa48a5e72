// `npm run bench [-- NAME...] [-- --json FILE]`: prints the machine, then runs each benchmark file in
// its own process (so memory figures are its own), one after another so they don't compete for the
// 2 cores. With --json, every figure is also written to FILE as {bench, name, value, unit, target, met}.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECORDS_FILE_ENV, type BenchRecord } from './report.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0 && !jsonFile) {
  console.error('--json needs a file name: npm run bench -- --json out.json');
  process.exit(2);
}
const only = args.filter((_, i) => jsonAt < 0 || (i !== jsonAt && i !== jsonAt + 1));
const files = fs
  .readdirSync(here)
  .filter((name) => name.endsWith('.ts') && name !== 'run.ts' && name !== 'report.ts' && !name.endsWith('.test.ts'))
  // Shared setup code lives in *-fixtures.ts files; only the rest are benchmarks.
  .filter((name) => !name.endsWith('-fixtures.ts'))
  .filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)))
  .sort();

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Machine: ${cpus().length} x ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`,
);
const recordsFile = join(fs.mkdtempSync(join(tmpdir(), 'bench-records-')), 'records.jsonl');
fs.writeFileSync(recordsFile, '');
let failed = 0;
for (const file of files) {
  console.log(
    `\n== ${file} (load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', join(here, '../node_modules/tsx/dist/cli.mjs'), join(here, file)],
    { stdio: 'inherit', env: { ...process.env, [RECORDS_FILE_ENV]: recordsFile } },
  );
  if (run.status !== 0) failed++;
}
if (jsonFile) {
  const records = fs
    .readFileSync(recordsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as BenchRecord);
  fs.writeFileSync(resolve(jsonFile), `${JSON.stringify(records, null, 2)}\n`);
  console.log(`\n${records.length} figures written to ${jsonFile}`);
}
fs.rmSync(dirname(recordsFile), { recursive: true, force: true });
if (failed) {
  console.error(`\n${failed} benchmark file(s) failed.`);
  process.exit(1);
}
