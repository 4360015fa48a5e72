#!/usr/bin/env node
// `npm start`: build, start the demo practice server (unless PRACTICE_SERVER_URL names one, or one already serves
// the demo folder), then open the Electron app; where Electron or its SQLite module can't be had, say so in one
// line and serve the browser host instead. `--web` (npm run start:web) always uses the browser host.
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOrReuseDemoServer } from './lib/demo-server.mjs';
import { electronBinary, ensureElectronBinary } from './lib/electron-binary.mjs';
import { prepareElectronSqlite } from './lib/electron-sqlite.mjs';
import { runToCompletion, startAndWaitForLine } from './lib/processes.mjs';

// fileURLToPath, not URL.pathname: on Windows the latter is "/C:/..." and every path built from it breaks.
const root = fileURLToPath(new URL('..', import.meta.url));
const wantWeb = process.argv.includes('--web');
const children = [];

function fail(message) {
  console.error(`Practice Messenger could not start: ${message}`);
  for (const child of children) child.kill('SIGTERM');
  process.exit(1);
}

function stopAll() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

async function demoServer() {
  const dataDir = process.env.DEMO_DATA_DIR ?? join(homedir(), '.practice-messenger', 'demo-server');
  const port = process.env.PORT === undefined ? undefined : Number(process.env.PORT);
  const demo = await startOrReuseDemoServer(root, dataDir, { port });
  if (demo.reused) console.log(`Using the demo practice server that is already running for ${dataDir}.`);
  else {
    console.log(`Started the demo practice server (data in ${dataDir}).`);
    children.push(demo.child);
  }
  return demo.url;
}

/** Electron and its SQLite module, or null after one line saying why the browser host opens instead. */
async function electronToRun() {
  const ready = await ensureElectronBinary(root);
  if (!ready.ok) {
    console.log(`Electron's binary could not be obtained (${ready.reason}); opening the browser host instead.`);
    return null;
  }
  const sqlite = await prepareElectronSqlite(root);
  if (!sqlite.ok) {
    console.log(`${sqlite.reason}; opening the browser host instead.`);
    return null;
  }
  return { path: electronBinary(root), binding: sqlite.path };
}

function exitWith(child) {
  child.on('exit', (code) => {
    stopAll();
    process.exit(code ?? 0);
  });
}

async function main() {
  console.log('Building the app ...');
  await runToCompletion(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    quiet: true,
  });

  const serverUrl = process.env.PRACTICE_SERVER_URL || (await demoServer());
  console.log(`Practice server: ${serverUrl}`);
  const env = { ...process.env, PRACTICE_SERVER_URL: serverUrl };

  const electron = wantWeb ? null : await electronToRun();
  if (electron) {
    const child = spawn(electron.path, [root], {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, PM_SQLITE_NATIVE_BINDING: electron.binding },
    });
    children.push(child);
    exitWith(child);
    return;
  }

  const { child } = await startAndWaitForLine(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'main/web/cli.ts')],
    { cwd: root, env },
    /^(http:\/\/127\.0\.0\.1:\d+\/\S*)$/m,
    60_000,
  );
  children.push(child);
  // The browser host has printed its address on a line of its own (its output is passed through).
  exitWith(child);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
