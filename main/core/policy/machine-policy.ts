// Reads the administrator's policy from this machine: the JSON file where only administrators write, and on Windows
// the Group Policy registry key (`reg query`, a few milliseconds, once at start). Problems are logged by key name.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ManagedPolicy } from '../../../common/desktop/index.js';
import { POLICY_REGISTRY_KEY, policyFilePath } from './policy-keys.js';
import { readManagedPolicy } from './read-policy.js';

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // no policy file: nothing is managed that way
  }
}

function regQuery(): string | null {
  try {
    return execFileSync('reg', ['query', POLICY_REGISTRY_KEY], { encoding: 'utf8', timeout: 5_000, windowsHide: true });
  } catch {
    return null; // exit code 1: no such key, so no Group Policy for this app
  }
}

export function readMachinePolicy(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): ManagedPolicy {
  const read = readManagedPolicy({
    readFile: () => readText(policyFilePath(platform, env)),
    readRegistry: () => (platform === 'win32' ? regQuery() : null),
  });
  for (const problem of read.problems) log(`policy: ${problem}`);
  const managed = Object.keys(read.policy);
  if (managed.length > 0) log(`policy: managed keys ${managed.join(', ')}`);
  return read.policy;
}
