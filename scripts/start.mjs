#!/usr/bin/env node
// `npm start`: build, start the demo practice server (unless PRACTICE_SERVER_URL names one), then open the
// Electron app; where Electron's binary can't be had, say so in one line and serve the browser host instead.
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { electronBinary, ensureElectronBinary, prepareElectronSqlite } from './lib/electron-binary.mjs';
import { preferredPort } from './lib/free-port.mjs';
import { runToCompletion, startAndWaitForLine } from './lib/processes.mjs';

const root = new URL('..', import.meta.url).pathname;
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

async function startDemoServer() {
  const dataDir = process.env.DEMO_DATA_DIR ?? join(homedir(), '.practice-messenger', 'demo-server');
  const port = process.env.PORT ?? String(await preferredPort(8787));
  console.log(`Starting the demo practice server (data in ${dataDir}) ...`);
  const { child, match } = await startAndWaitForLine(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'server/cli.ts'), '--demo'],
    { cwd: root, env: { LOG_LEVEL: 'warn', ...process.env, DATA_DIR: dataDir, PORT: port } },
    /Practice server listening on (http:\/\/\S+)/,
    60_000,
  );
  children.push(child);
  return match[1];
}

async function main() {
  console.log('Building the app ...');
  await runToCompletion(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    quiet: true,
  });

  const serverUrl = process.env.PRACTICE_SERVER_URL || (await startDemoServer());
  console.log(`Practice server: ${serverUrl}`);
  const env = { ...process.env, PRACTICE_SERVER_URL: serverUrl };

  let electron = null;
  if (!wantWeb) {
    const ready = await ensureElectronBinary(root);
    if (ready.ok) {
      const binding = await prepareElectronSqlite(root);
      if (binding.ok) electron = { path: electronBinary(root), binding: binding.path };
      else
        console.log(
          `Electron is here, but its SQLite module could not be built (${binding.reason}); opening the browser host instead.`,
        );
    } else {
      console.log(`Electron's binary could not be obtained (${ready.reason}); opening the browser host instead.`);
    }
  }

  if (electron) {
    const child = spawn(electron.path, [root], {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, PM_SQLITE_NATIVE_BINDING: electron.binding },
    });
    children.push(child);
    child.on('exit', (code) => {
      stopAll();
      process.exit(code ?? 0);
    });
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
  child.on('exit', (code) => {
    stopAll();
    process.exit(code ?? 0);
  });
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
