// What the installers are told to be (electron-builder.yml), for the targets that can't be built here (MSI and NSIS
// need Windows, dmg needs macOS, deb/rpm need fpm from GitHub): issue 13 items 3 and 9.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mjs|cjs|js|yml)$/.test(f))
    .map((f) => join(dir, f));
}

describe('electron-builder.yml', () => {
  it('builds an MSI beside NSIS: per-machine, with a fixed upgrade code', () => {
    expect(config.win.target).toEqual(['nsis', 'msi']);
    expect(config.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    expect(config.msi.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
  });

  it('signs macOS builds with the hardened runtime and an entitlements file that allows only the JIT', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true, target: ['dmg', 'zip'] });
    const plist = readFileSync(join(root, config.mac.entitlements), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
  });

  it('builds deb and rpm before the AppImage, and never turns the sandbox off', () => {
    expect(config.linux.target).toEqual(['deb', 'rpm', 'AppImage']);
    const offenders = [
      ...sourcesUnder('main'),
      ...sourcesUnder('scripts'),
      ...sourcesUnder('build'),
      'electron-builder.yml',
    ].filter((file) =>
      /no-sandbox|disable-setuid-sandbox|enableSandbox\(\s*false/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('registers the practice-messenger:// scheme and publishes update files (latest*.yml) for a generic server', () => {
    expect(config.protocols).toEqual([{ name: 'Practice Messenger', schemes: ['practice-messenger'] }]);
    expect(config.publish).toMatchObject({ provider: 'generic' });
  });

  it('never rebuilds node_modules in place, and the renderer needs no extra file:// powers', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.afterPack).toBe('build/after-pack.mjs');
    expect(config.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });
});
