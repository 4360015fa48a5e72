// Reads the administrator's policy: the machine-wide JSON file, then (Windows) Group Policy in the registry, which
// wins key by key. Each key is checked on its own: a bad one is named in `problems` and ignored, the rest apply.
import { ManagedPolicy, type ManagedPolicyKey } from '../../../common/desktop/index.js';
import { POLICY_KEYS, POLICY_REGISTRY_KEY } from './policy-keys.js';

export interface PolicySources {
  /** The policy file's text, or null when there is none. */
  readFile(): string | null;
  /** `reg query` output for POLICY_REGISTRY_KEY, or null (not Windows, or no such key). */
  readRegistry(): string | null;
}

export interface ReadPolicy {
  policy: ManagedPolicy;
  /** Key names and where they came from, for the log (never values: a server URL is fine, but keep one rule). */
  problems: string[];
}

/** `reg query` lines such as "    ServerUrl    REG_SZ    https://x" -> { ServerUrl: 'https://x' }, DWORDs as numbers. */
export function parseRegQuery(output: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s+(\S+)\s+(REG_SZ|REG_EXPAND_SZ|REG_DWORD)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [, name = '', type, data = ''] = match;
    values[name] = type === 'REG_DWORD' ? Number.parseInt(data, 16) : data.trim();
  }
  return values;
}

function fromRegistry(values: Record<string, string | number>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, { registryValue, kind }] of Object.entries(POLICY_KEYS)) {
    const value = values[registryValue];
    if (value === undefined) continue;
    out[key] = kind === 'flag' && typeof value === 'number' ? value !== 0 : value;
  }
  return out;
}

function validKeys(raw: Record<string, unknown>, source: string, problems: string[]): ManagedPolicy {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const schema = ManagedPolicy.shape[key as ManagedPolicyKey];
    if (!schema) {
      problems.push(`${source}: unknown key "${key}" ignored`);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
    else problems.push(`${source}: "${key}" has a value this app can't use; ignored`);
  }
  return out as ManagedPolicy;
}

export function readManagedPolicy(sources: PolicySources): ReadPolicy {
  const problems: string[] = [];
  let fromFile: ManagedPolicy = {};
  const text = sources.readFile();
  if (text !== null) {
    let raw: unknown = null;
    try {
      raw = JSON.parse(text);
    } catch {
      problems.push('policy file: not valid JSON; ignored');
    }
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      fromFile = validKeys(raw as Record<string, unknown>, 'policy file', problems);
    } else if (raw !== null) problems.push('policy file: not a JSON object; ignored');
  }
  const registry = sources.readRegistry();
  const fromGroupPolicy = registry
    ? validKeys(fromRegistry(parseRegQuery(registry)), POLICY_REGISTRY_KEY, problems)
    : {};
  return { policy: { ...fromFile, ...fromGroupPolicy }, problems };
}
