// The schema's history, in order: one numbered file per change, for SQLite and PostgreSQL alike.
import { migration0001 } from './0001-initial-schema.js';
import { migration0002 } from './0002-shared-state.js';
import { migration0003 } from './0003-team-workflow.js';
import { migration0004 } from './0004-alert-message-link.js';
import type { Migration } from './migration.js';

export const migrations: Migration[] = [migration0001, migration0002, migration0003, migration0004];
