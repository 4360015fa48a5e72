// The only module that imports the PostgreSQL driver's pool: a pg Pool for Kysely that reads BIGINT
// as a number (our times and sequence numbers stay far below 2^53) and prepares each distinct
// statement once per connection, so PostgreSQL parses and plans the hot queries only once.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Schema } from '../schema.js';

const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export const postgresTypes = types;

/** Transaction control and DDL go through unnamed; everything else is a named prepared statement. */
const UNPREPARED = /^\s*(begin|start|commit|rollback|savepoint|release|set|create|alter|drop|listen|unlisten)\b/i;

export interface PostgresPoolOptions {
  max?: number;
}

export function postgresPool(url: string, options: PostgresPoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, types, max: options.max ?? 20, idleTimeoutMillis: 30_000 });
  // A dropped idle connection (PostgreSQL restarted) is an 'error' on the pool: the pool already
  // discards it and the next query opens a new one, so it must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Kysely over a pool whose clients run each distinct SQL text as a named (prepared) statement. */
export function postgresKysely(pool: pg.Pool): Kysely<Schema> {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    if (UNPREPARED.test(text)) return undefined;
    let name = names.get(text);
    if (!name) {
      name = `pm${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };
  const preparing = {
    connect: async () => {
      const client = await pool.connect();
      return {
        query: (text: string, values: unknown[]) => client.query({ name: nameOf(text), text, values }),
        release: (destroy?: boolean) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool: preparing as unknown as pg.Pool }) });
}
