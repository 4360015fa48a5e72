// Test helper: one practice server instance as its own process (`server/cli.ts`), so a test can kill
// it (SIGKILL) as a crash would, with the environment the checks use (DATABASE_URL, ATTACHMENTS_URL...).
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export interface InstanceProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no clean shutdown, like a machine going down. */
  kill(): Promise<void>;
}

export async function startInstanceProcess(env: Record<string, string>, args: string[] = []): Promise<InstanceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/cli.ts'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', SMTP_URL: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('instance did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Practice server listening on (http:\/\/\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return {
    url,
    child,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
