// Numbered migrations: entry N takes the cache from user_version N-1 to N, in one transaction.
import type { Db } from '../driver.js';
import { migration001 } from './001-initial.js';
import { migration002 } from './002-own-client-id-and-unread-counts.js';
import { migration003 } from './003-thread-index-replies-only.js';
import { migration004 } from './004-team-workflow.js';

export const migrations: readonly string[] = [migration001, migration002, migration003, migration004];

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new Error('cache schema is newer than this app');
  for (let version = current + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1] as string);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
