// The app's log and crash dumps at start (main/electron/logging/app-log.ts, issue 13 item 6): the file goes to the
// OS's log folder through electron-log's file writer, and crash dumps stay on this computer (uploads off).
// Electron is the recording fake; electron-log/main (which loads the real electron) is stood in for by
// electron-log/node, the same file writer.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { crashReporter, recorded } from './support/fake-electron.js';

vi.mock('electron', () => import('./support/fake-electron.js'));
vi.mock('electron-log/main', async () => {
  const log = (await import('electron-log/node')).default;
  log.transports.file.sync = true;
  return { default: log };
});

const saved = { info: console.info, warn: console.warn, error: console.error, log: console.log };
const logs = mkdtempSync(join(tmpdir(), 'pm-app-log-'));
afterAll(() => {
  Object.assign(console, saved);
  rmSync(logs, { recursive: true, force: true });
});

describe('startAppLog', () => {
  it('writes main.log in the OS log folder and keeps crash dumps local, never uploaded', async () => {
    recorded.paths.logs = logs;
    const { startAppLog } = await import('../../main/electron/logging/app-log.js');
    expect(startAppLog()).toBe(logs);
    expect(crashReporter.options).toMatchObject({ uploadToServer: false });
    const file = join(logs, 'main.log');
    await vi.waitFor(() => expect(existsSync(file)).toBe(true));
    expect(readFileSync(file, 'utf8')).toMatch(/\[info\]\s+app: Practice Messenger 0\.0\.0-test on \w+-\w+/);
  });
});
