// The Electron host's settings from the environment. Pure Node: nothing from Electron is needed.
import { describe, expect, it } from 'vitest';
import { readElectronHostConfig } from '../../main/electron/app-config.js';

describe('readElectronHostConfig', () => {
  it('reads the demo server, the dev renderer and the test profile in development', () => {
    const config = readElectronHostConfig(
      {
        PRACTICE_SERVER_URL: 'http://127.0.0.1:4010',
        ELECTRON_RENDERER_URL: 'http://localhost:5173',
        PRACTICE_MESSENGER_USER_DATA: '/tmp/pm-profile',
        PRACTICE_MESSENGER_E2E: '1',
      },
      false,
    );
    expect(config).toEqual({
      practiceServerUrl: 'http://127.0.0.1:4010',
      rendererDevUrl: 'http://localhost:5173',
      userDataDir: '/tmp/pm-profile',
      e2e: true,
    });
  });

  it('ignores the dev server, profile override and test hooks in a packaged app', () => {
    const config = readElectronHostConfig(
      {
        ELECTRON_RENDERER_URL: 'http://localhost:5173',
        PRACTICE_MESSENGER_USER_DATA: '/tmp/x',
        PRACTICE_MESSENGER_E2E: '1',
      },
      true,
    );
    expect(config).toEqual({ practiceServerUrl: null, rendererDevUrl: null, userDataDir: null, e2e: false });
  });

  it('treats empty values as unset and names a bad one', () => {
    expect(readElectronHostConfig({ PRACTICE_SERVER_URL: '' }, false).practiceServerUrl).toBeNull();
    expect(() => readElectronHostConfig({ PRACTICE_SERVER_URL: 'not a url' }, false)).toThrow(/PRACTICE_SERVER_URL/);
  });
});
