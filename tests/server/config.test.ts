// The CLI's settings: default data folder per OS, PORT/HOST/SMTP_URL/PUBLIC_URL parsing, --demo.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, optionsFromEnvironment } from '../../server/config/cli-options.js';
import { defaultDataDir } from '../../server/config/data-dir.js';

describe('default data folder', () => {
  it('follows each OS convention', () => {
    expect(defaultDataDir('linux', {})).toBe(join(homedir(), '.local', 'share', 'practice-messenger-server'));
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data' })).toBe(join('/data', 'practice-messenger-server'));
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toBe(
      join('C:\\Users\\a\\AppData\\Roaming', 'practice-messenger-server'),
    );
    expect(defaultDataDir('darwin', {})).toBe(
      join(homedir(), 'Library', 'Application Support', 'practice-messenger-server'),
    );
  });
});

describe('options from the environment', () => {
  it('uses the documented defaults', () => {
    const options = optionsFromEnvironment([], {});
    expect(options).toMatchObject({ port: 8787, host: '127.0.0.1', smtpUrl: null, demo: false });
    expect(options.dataDir).toBe(defaultDataDir(process.platform, {}));
  });

  it('reads PORT, HOST, DATA_DIR, SMTP_URL, PUBLIC_URL and --demo', () => {
    const options = optionsFromEnvironment(['--demo'], {
      PORT: '0',
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/x',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      PUBLIC_URL: 'https://messages.example',
    });
    expect(options).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      smtpUrl: 'smtp://127.0.0.1:2525',
      publicUrl: 'https://messages.example',
      demo: true,
    });
  });

  it('refuses a bad port, a bad public URL and unknown arguments with a clear message', () => {
    expect(() => optionsFromEnvironment([], { PORT: '70000' })).toThrow(ConfigError);
    expect(() => optionsFromEnvironment([], { PORT: 'abc' })).toThrow(/PORT/);
    expect(() => optionsFromEnvironment([], { PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
    expect(() => optionsFromEnvironment(['--demp'], {})).toThrow(/--demp/);
  });
});
