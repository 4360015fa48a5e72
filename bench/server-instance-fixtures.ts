// Child process of the server benchmarks: one practice server instance with the demo data (plus
// BENCH_BULK_MESSAGES extra messages when asked), on PostgreSQL when BENCH_DATABASE_URL is set, else
// SQLite in BENCH_DATA_DIR. Prints `URL <url>` once listening; SIGTERM closes it cleanly.
import { startPracticeServer } from '../server/start.js';
import { TEST_PASSWORD_HASHING } from '../tests/support/practice-server.js';

const bulk = Number(process.env.BENCH_BULK_MESSAGES ?? 0);
const server = await startPracticeServer({
  dataDir: process.env.BENCH_DATA_DIR ?? '',
  databaseUrl: process.env.BENCH_DATABASE_URL || null,
  port: 0,
  demo: true,
  logger: false,
  smtpUrl: null,
  // Cheap hashing as in the tests: the benchmarks sign in a few times and never time a sign-in.
  passwordHashing: TEST_PASSWORD_HASHING,
  ...(bulk > 0 ? { demoBulkMessages: bulk } : {}),
});
console.log(`URL ${server.url}`);
process.once('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
