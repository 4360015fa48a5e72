// The Electron host's settings from the environment and command line (README: PRACTICE_SERVER_URL).
import { z } from 'zod';

/** Passed by the login item we register, so a start at login goes straight to the tray. */
export const START_HIDDEN_ARG = '--start-hidden';

const Env = z.object({
  PRACTICE_SERVER_URL: z.url().optional(),
  ELECTRON_RENDERER_URL: z.url().optional(),
  PRACTICE_MESSENGER_USER_DATA: z.string().min(1).optional(),
  PRACTICE_MESSENGER_E2E: z.enum(['1']).optional(),
});

export interface ElectronHostConfig {
  /** The server `npm start` launched, offered on the sign-in form. */
  practiceServerUrl: string | null;
  /** electron-vite's dev server; ignored in a packaged app, which only ever loads its own files. */
  rendererDevUrl: string | null;
  /** Separate profile folder for tests and side-by-side runs; ignored in a packaged app. */
  userDataDir: string | null;
  /** Exposes test hooks in the main process (Playwright reads the tray tooltip and badge through them). */
  e2e: boolean;
}

const blankToUndefined = (value: string | undefined) => (value ? value : undefined);

export function readElectronHostConfig(env: NodeJS.ProcessEnv, isPackaged: boolean): ElectronHostConfig {
  const parsed = Env.safeParse({
    PRACTICE_SERVER_URL: blankToUndefined(env.PRACTICE_SERVER_URL),
    ELECTRON_RENDERER_URL: blankToUndefined(env.ELECTRON_RENDERER_URL),
    PRACTICE_MESSENGER_USER_DATA: blankToUndefined(env.PRACTICE_MESSENGER_USER_DATA),
    PRACTICE_MESSENGER_E2E: blankToUndefined(env.PRACTICE_MESSENGER_E2E),
  });
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
    throw new Error(`Check these environment settings: ${names}.`);
  }
  const data = parsed.data;
  return {
    practiceServerUrl: data.PRACTICE_SERVER_URL ?? null,
    rendererDevUrl: isPackaged ? null : (data.ELECTRON_RENDERER_URL ?? null),
    userDataDir: isPackaged ? null : (data.PRACTICE_MESSENGER_USER_DATA ?? null),
    e2e: !isPackaged && data.PRACTICE_MESSENGER_E2E === '1',
  };
}
