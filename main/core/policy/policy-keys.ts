// Where each policy key lives: its name in policy.json and its value under the Group Policy registry key.
// build/policy/windows/*.admx writes exactly these values (tests/electron-unit/policy.test.ts checks).
import type { ManagedPolicyKey } from '../../../common/desktop/index.js';

export const POLICY_REGISTRY_KEY = 'HKLM\\SOFTWARE\\Policies\\PracticeMessenger';

export type RegistryKind = 'string' | 'flag' | 'number';

/** JSON key -> registry value name and how its REG_SZ / REG_DWORD data reads. */
export const POLICY_KEYS: Record<ManagedPolicyKey, { registryValue: string; kind: RegistryKind }> = {
  serverUrl: { registryValue: 'ServerUrl', kind: 'string' },
  updatesEnabled: { registryValue: 'UpdatesEnabled', kind: 'flag' },
  maxNotificationContent: { registryValue: 'MaxNotificationContent', kind: 'string' },
  maxIdleLockMinutes: { registryValue: 'MaxIdleLockMinutes', kind: 'number' },
  startAtLogin: { registryValue: 'StartAtLogin', kind: 'flag' },
  closeToTray: { registryValue: 'CloseToTray', kind: 'flag' },
};

/** The machine-wide policy file: only administrators can write these folders. */
export function policyFilePath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return `${env.ProgramData ?? 'C:\\ProgramData'}\\PracticeMessenger\\policy.json`;
  if (platform === 'darwin') return '/Library/Application Support/PracticeMessenger/policy.json';
  return '/etc/practice-messenger/policy.json';
}
