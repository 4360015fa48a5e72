// Test helper: the server suites' PostgreSQL. The `server-postgres` vitest project starts one private
// PostgreSQL 15 cluster per run (globalSetup below, scripts/lib/private-postgres.ts) and every test
// server gets a fresh database in it; the default project runs the same suites on SQLite.
import pg from 'pg';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { startPrivatePostgres } from '../../scripts/lib/private-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

/** True in the `server-postgres` project. */
export const onPostgres = (): boolean => process.env.PRACTICE_TEST_DATABASE === 'postgres';

/** globalSetup of the `server-postgres` project: one cluster for the whole run, removed after. */
export default async function startClusterForRun(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPrivatePostgres();
  project.provide('postgresAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}

let counter = 0;

/** A new, empty database in the run's cluster; its URL. */
export async function freshDatabaseUrl(): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `practice_${process.pid}_${Date.now().toString(36)}_${(counter += 1)}`;
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database URL on the PostgreSQL project, null (SQLite in the data folder) on the default one. */
export const testDatabaseUrl = async (): Promise<string | null> => (onPostgres() ? freshDatabaseUrl() : null);
