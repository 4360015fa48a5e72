// Types for demo-server.mjs (plain JS so `npm start` needs no build step), for the tests that import it.
import type { ChildProcess } from 'node:child_process';
export function runningDemoServer(dataDir: string): Promise<string | null>;
export function startOrReuseDemoServer(
  root: string,
  dataDir: string,
  options?: { port?: number; env?: NodeJS.ProcessEnv },
): Promise<{ url: string; child: ChildProcess | null; reused: boolean }>;
