// Secrets in a JSON file readable by the owner only (mode 0600), for the browser host and tests.
// Electron keeps them with safeStorage instead.
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../host-ports.js';
import { writeFileAtomic } from './write-file-atomic.js';

export class JsonFileSecretStore implements SecretStore {
  readonly persistent = true;
  private values: Record<string, string>;

  constructor(private readonly file: string) {
    this.values = readSecrets(file);
  }

  get(name: string): string | null {
    return this.values[name] ?? null;
  }

  set(name: string, value: string): void {
    this.values = { ...this.values, [name]: value };
    this.flush();
  }

  delete(name: string): void {
    const { [name]: _removed, ...rest } = this.values;
    this.values = rest;
    this.flush();
  }

  private flush(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileAtomic(this.file, JSON.stringify(this.values), 0o600);
  }
}

function readSecrets(file: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** Secrets kept in memory only (`persistent: false`): gone when the process ends. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  constructor(readonly persistent = false) {}
  get(name: string): string | null {
    return this.values.get(name) ?? null;
  }
  set(name: string, value: string): void {
    this.values.set(name, value);
  }
  delete(name: string): void {
    this.values.delete(name);
  }
}
