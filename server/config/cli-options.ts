// Reads the server's settings from the command line and environment (see the issue / README).
import { defaultDataDir } from './data-dir.js';
import { DEFAULT_HOST, DEFAULT_PORT, type PracticeServerOptions } from '../start.js';

export class ConfigError extends Error {}

export function optionsFromEnvironment(argv: string[], env: NodeJS.ProcessEnv): PracticeServerOptions {
  const unknown = argv.filter((arg) => arg !== '--demo');
  if (unknown.length > 0) throw new ConfigError(`Unknown argument ${unknown[0]}. The only option is --demo.`);
  const port = env.PORT === undefined || env.PORT === '' ? DEFAULT_PORT : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError('PORT must be a whole number from 0 to 65535.');
  const publicUrl = env.PUBLIC_URL || undefined;
  if (publicUrl && !/^https?:\/\//.test(publicUrl))
    throw new ConfigError('PUBLIC_URL must start with http:// or https://.');
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError('DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite database).');
  const attachmentsUrl = env.ATTACHMENTS_URL || null;
  if (attachmentsUrl && !/^(file:\/\/\/|s3:\/\/[^/]+)/.test(attachmentsUrl))
    throw new ConfigError('ATTACHMENTS_URL must be file:///a/folder or s3://bucket.');
  return {
    dataDir: env.DATA_DIR || defaultDataDir(process.platform, env),
    databaseUrl,
    attachmentsUrl,
    port,
    host: env.HOST || DEFAULT_HOST,
    smtpUrl: env.SMTP_URL || null,
    publicUrl,
    updatesDir: env.UPDATES_DIR || undefined,
    demo: argv.includes('--demo'),
    logger: true,
    trustProxy: trustProxy(env.TRUST_PROXY),
  };
}

/** TRUST_PROXY: unset = none; `true` = any; or the proxies' addresses/CIDRs, comma-separated (e.g. `127.0.0.1`). */
function trustProxy(value: string | undefined): boolean | string | undefined {
  if (value === undefined || value === '' || value === 'false') return undefined;
  return value === 'true' ? true : value;
}
