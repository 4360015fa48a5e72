// Which database a query runs on, for the few statements the two spell differently.
import { PostgresAdapter } from 'kysely';
import type { Executor } from './schema.js';

export const isPostgres = (db: Executor): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
