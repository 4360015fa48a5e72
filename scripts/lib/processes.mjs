// Child-process helpers for the start script: run to completion, or start and wait for a line that says "ready".
import { spawn } from 'node:child_process';

/** Runs a command; rejects with its last output lines if it fails. */
export function runToCompletion(command, args, { cwd, env = process.env, quiet = false, shell = false }) {
  return new Promise((resolve, reject) => {
    // `shell` only for Windows' npx.cmd, which Node refuses to spawn directly (CVE-2024-27980).
    const child = spawn(command, args, { cwd, env, shell, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}:\n${output.trim()}`)),
    );
  });
}

/** Starts a long-running command and resolves once a line matches `pattern`; its output is passed through. */
export function startAndWaitForLine(command, args, { cwd, env }, pattern, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let done = false;
    const timer = setTimeout(
      () => finish(new Error(`no ready line within ${timeoutMs / 1000} s from ${args.at(-1)}`)),
      timeoutMs,
    );
    const finish = (error, match) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) {
        child.kill('SIGTERM');
        reject(error);
      } else resolve({ child, match });
    };
    const onData = (stream) => (chunk) => {
      stream.write(chunk);
      if (done) return;
      buffer += chunk;
      const match = buffer.match(pattern);
      if (match) finish(null, match);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('error', (error) => finish(error));
    child.on('exit', (code) => finish(new Error(`${args.at(-1)} exited with ${code} before it was ready`)));
  });
}
