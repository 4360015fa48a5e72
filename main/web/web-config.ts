// Browser host settings from the environment (README: PRACTICE_SERVER_URL, APP_DATA_DIR, WEB_PORT).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PRACTICE_SERVER_URL: z.url().optional(),
  APP_DATA_DIR: z.string().min(1).optional(),
  WEB_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

export interface WebConfig {
  practiceServerUrl: string | null;
  appDataDir: string;
  port: number;
}

export function readWebConfig(env: NodeJS.ProcessEnv): WebConfig {
  const parsed = Env.safeParse({
    PRACTICE_SERVER_URL: env.PRACTICE_SERVER_URL || undefined,
    APP_DATA_DIR: env.APP_DATA_DIR || undefined,
    WEB_PORT: env.WEB_PORT || undefined,
  });
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
    throw new Error(`Check these environment settings: ${names}.`);
  }
  return {
    practiceServerUrl: parsed.data.PRACTICE_SERVER_URL ?? null,
    appDataDir: parsed.data.APP_DATA_DIR ?? join(homedir(), '.practice-messenger-web'),
    port: parsed.data.WEB_PORT ?? 0,
  };
}
