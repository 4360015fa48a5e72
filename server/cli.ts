// `npm run server [-- --demo]`: starts the practice server from the environment, prints one line
// with its URL when ready (scripts parse it), and stops cleanly on SIGINT/SIGTERM.
// `npm run server -- publish-update <folder>` publishes desktop updates instead (publish-update-cli.ts).
import { ConfigError, optionsFromEnvironment } from './config/cli-options.js';
import { runPublishUpdate } from './publish-update-cli.js';
import { startPracticeServer } from './start.js';

async function main(): Promise<void> {
  if (process.argv[2] === 'publish-update') process.exit(await runPublishUpdate(process.argv.slice(3), process.env));
  const options = optionsFromEnvironment(process.argv.slice(2), process.env);
  // Notes go to stderr so that stdout carries only the log lines and the one "listening" line.
  // Never the URL itself: it may carry a password.
  console.error(options.databaseUrl ? 'Database: PostgreSQL (DATABASE_URL).' : `Data folder: ${options.dataDir}`);
  if (!options.smtpUrl) console.error('Email alerts are off: SMTP_URL is not set.');
  const server = await startPracticeServer(options);
  if (options.demo) console.error(server.seeded ? 'Demo data written.' : 'Demo data already present: left as it is.');
  console.log(`Practice server listening on ${server.url}`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping.`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Could not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if ((error as { code?: string }).code === 'EADDRINUSE') {
    console.error('That port is already in use. Set PORT to another port (0 picks any free port).');
  } else {
    console.error(error instanceof ConfigError ? error.message : error);
  }
  process.exit(1);
});
