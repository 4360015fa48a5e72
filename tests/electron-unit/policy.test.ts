// The administrator's policy (issue 13 item 2): where it is read from, which source wins, what a bad key does,
// how it caps preferences, and that the Group Policy template writes exactly the keys the app reads.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKFLOW_PREFERENCES, ManagedPolicy, Preferences } from '../../common/desktop/index.js';
import { preferencesWithinPolicy, serverRefusal } from '../../main/core/policy/apply-policy.js';
import { POLICY_KEYS, policyFilePath } from '../../main/core/policy/policy-keys.js';
import { parseRegQuery, readManagedPolicy } from '../../main/core/policy/read-policy.js';

const root = resolve(import.meta.dirname, '../..');

const REG_OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\PracticeMessenger',
  '    ServerUrl    REG_SZ    https://gpo.example.org',
  '    UpdatesEnabled    REG_DWORD    0x0',
  '    MaxIdleLockMinutes    REG_DWORD    0xa',
  '    CloseToTray    REG_DWORD    0x1',
  '',
].join('\r\n');

const sources = (file: string | null, registry: string | null = null) => ({
  readFile: () => file,
  readRegistry: () => registry,
});

describe('reading the policy', () => {
  it('reads the machine-wide JSON file', () => {
    const read = readManagedPolicy(
      sources(JSON.stringify({ serverUrl: 'https://file.example.org', maxNotificationContent: 'sender' })),
    );
    expect(read).toEqual({
      policy: { serverUrl: 'https://file.example.org', maxNotificationContent: 'sender' },
      problems: [],
    });
  });

  it('lets Group Policy win key by key over the file', () => {
    const file = JSON.stringify({ serverUrl: 'https://file.example.org', updatesEnabled: true, startAtLogin: true });
    const { policy } = readManagedPolicy(sources(file, REG_OUTPUT));
    expect(policy).toEqual({
      serverUrl: 'https://gpo.example.org',
      updatesEnabled: false,
      maxIdleLockMinutes: 10,
      closeToTray: true,
      startAtLogin: true,
    });
  });

  it('ignores a bad or unknown key, names it, and keeps the others', () => {
    const file = JSON.stringify({ serverUrl: 'ftp://nope', maxIdleLockMinutes: 5, colour: 'red', startAtLogin: 'yes' });
    const read = readManagedPolicy(sources(file));
    expect(read.policy).toEqual({ maxIdleLockMinutes: 5 });
    expect(read.problems).toEqual([
      'policy file: "serverUrl" has a value this app can\'t use; ignored',
      'policy file: unknown key "colour" ignored',
      'policy file: "startAtLogin" has a value this app can\'t use; ignored',
    ]);
  });

  it('ignores a file that is not a JSON object, and says so', () => {
    expect(readManagedPolicy(sources('{ not json'))).toEqual({
      policy: {},
      problems: ['policy file: not valid JSON; ignored'],
    });
    expect(readManagedPolicy(sources('[1]')).problems).toEqual(['policy file: not a JSON object; ignored']);
    expect(readManagedPolicy(sources(null))).toEqual({ policy: {}, problems: [] });
  });

  it('parses reg query output: strings, DWORDs in hex, other lines skipped', () => {
    expect(parseRegQuery(REG_OUTPUT)).toEqual({
      ServerUrl: 'https://gpo.example.org',
      UpdatesEnabled: 0,
      MaxIdleLockMinutes: 10,
      CloseToTray: 1,
    });
  });

  it('looks for the file where only administrators can write, per OS', () => {
    expect(policyFilePath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\PracticeMessenger\\policy.json',
    );
    expect(policyFilePath('darwin', {})).toBe('/Library/Application Support/PracticeMessenger/policy.json');
    expect(policyFilePath('linux', {})).toBe('/etc/practice-messenger/policy.json');
  });
});

describe('applying the policy', () => {
  const prefs: Preferences = {
    notificationPrivacy: 'full',
    idleLockMinutes: 30,
    startAtLogin: false,
    closeToTray: false,
    lastPracticeId: null,
    ...DEFAULT_WORKFLOW_PREFERENCES,
  };

  it('caps notification content and idle minutes, and fixes start at login and close to tray', () => {
    const policy: ManagedPolicy = {
      maxNotificationContent: 'sender',
      maxIdleLockMinutes: 10,
      startAtLogin: true,
      closeToTray: true,
    };
    expect(preferencesWithinPolicy(prefs, policy)).toEqual({
      ...prefs,
      notificationPrivacy: 'sender',
      idleLockMinutes: 10,
      startAtLogin: true,
      closeToTray: true,
    });
  });

  it('leaves choices within the maximums alone, and treats "lock off" (0) as above any maximum', () => {
    const policy: ManagedPolicy = { maxNotificationContent: 'sender', maxIdleLockMinutes: 10 };
    expect(preferencesWithinPolicy({ ...prefs, notificationPrivacy: 'generic', idleLockMinutes: 3 }, policy)).toEqual({
      ...prefs,
      notificationPrivacy: 'generic',
      idleLockMinutes: 3,
    });
    expect(preferencesWithinPolicy({ ...prefs, idleLockMinutes: 0 }, policy).idleLockMinutes).toBe(10);
    expect(preferencesWithinPolicy(prefs, {})).toEqual(prefs);
  });

  it('allows sign-in only to the policy server (same origin)', () => {
    const policy: ManagedPolicy = { serverUrl: 'https://messages.example.org' };
    expect(serverRefusal(policy, 'https://messages.example.org/')).toBeNull();
    expect(serverRefusal(policy, 'https://evil.example.org')).toMatch(
      /administrator .* https:\/\/messages\.example\.org/,
    );
    expect(serverRefusal({}, 'http://anything:8787')).toBeNull();
  });
});

describe('the Group Policy template', () => {
  const admx = readFileSync(join(root, 'build/policy/windows/PracticeMessenger.admx'), 'utf8');
  const adml = readFileSync(join(root, 'build/policy/windows/en-US/PracticeMessenger.adml'), 'utf8');

  it('writes every policy key, and only those, under the key the app reads', () => {
    const valueNames = [...admx.matchAll(/valueName="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(valueNames).toEqual(
      Object.values(POLICY_KEYS)
        .map((k) => k.registryValue)
        .sort(),
    );
    const keys = new Set([...admx.matchAll(/key="([^"]+)"/g)].map((m) => m[1]));
    expect([...keys]).toEqual(['SOFTWARE\\Policies\\PracticeMessenger']);
    expect(Object.keys(POLICY_KEYS).sort()).toEqual(Object.keys(ManagedPolicy.shape).sort());
  });

  it('offers the notification levels the app knows, and has a text for every string it uses', () => {
    const levels = [...admx.matchAll(/<string>([^<]+)<\/string>/g)].map((m) => m[1]);
    expect(levels).toEqual(['generic', 'sender', 'full']);
    const used = new Set([...admx.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]));
    const defined = new Set([...adml.matchAll(/<string id="([^"]+)"/g)].map((m) => m[1]));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    const presentations = new Set([...admx.matchAll(/\$\(presentation\.([^)]+)\)/g)].map((m) => m[1]));
    for (const id of presentations) expect(adml).toContain(`<presentation id="${id}">`);
  });

  it('ships an example policy.json that the app accepts as it is', () => {
    const example = JSON.parse(readFileSync(join(root, 'build/policy/policy.example.json'), 'utf8'));
    expect(readManagedPolicy(sources(JSON.stringify(example))).problems).toEqual([]);
    expect(Object.keys(example).sort()).toEqual(Object.keys(ManagedPolicy.shape).sort());
  });
});
