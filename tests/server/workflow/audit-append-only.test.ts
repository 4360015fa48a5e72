// The audit trail is append-only in storage, not only in the API: the database itself refuses to
// change or delete an event (triggers, on SQLite and PostgreSQL alike), tried here directly on the
// server's own database while it runs.
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPracticeServer } from '../../support/practice-server.js';
import { startWorkflowServer } from './workflow-world.js';

let server: TestPracticeServer;

beforeAll(async () => ({ server } = await startWorkflowServer()));
afterAll(() => server.cleanup());

/** Runs `statements` straight on the server's database; resolves with each one's error (or null). */
async function tryDirectly(statements: string[]): Promise<(string | null)[]> {
  const outcomes: (string | null)[] = [];
  if (server.databaseUrl) {
    const client = new pg.Client(server.databaseUrl);
    await client.connect();
    try {
      for (const statement of statements) {
        outcomes.push(
          await client.query(statement).then(
            () => null,
            (error: Error) => error.message,
          ),
        );
      }
    } finally {
      await client.end();
    }
    return outcomes;
  }
  const db = new Sqlite(join(server.dataDir, 'practice.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    for (const statement of statements) {
      try {
        db.exec(statement);
        outcomes.push(null);
      } catch (error) {
        outcomes.push((error as Error).message);
      }
    }
  } finally {
    db.close();
  }
  return outcomes;
}

async function countAndFirst(): Promise<{ count: number; first: string }> {
  const query = "SELECT count(*) AS n, min(action || ' ' || actor_id) AS first FROM audit_events";
  if (server.databaseUrl) {
    const client = new pg.Client(server.databaseUrl);
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string; first: string }>(query);
      return { count: Number(rows[0]!.n), first: rows[0]!.first };
    } finally {
      await client.end();
    }
  }
  const db = new Sqlite(join(server.dataDir, 'practice.sqlite'), { readonly: true });
  try {
    const row = db.prepare(query).get() as { n: number; first: string };
    return { count: row.n, first: row.first };
  } finally {
    db.close();
  }
}

describe('audit storage', () => {
  it('refuses UPDATE and DELETE on audit events, whatever the statement, and keeps every event', async () => {
    const before = await countAndFirst();
    expect(before.count).toBeGreaterThan(0); // the demo's sign-ins and seeding wrote some
    const statements = [
      "UPDATE audit_events SET action = 'sign_out' WHERE action = 'sign_in'",
      "UPDATE audit_events SET ip = '0.0.0.0'",
      'DELETE FROM audit_events WHERE seq = (SELECT min(seq) FROM audit_events)',
      'DELETE FROM audit_events',
      ...(server.databaseUrl ? ['TRUNCATE audit_events'] : []),
    ];
    const outcomes = await tryDirectly(statements);
    // Each statement matches rows (row triggers fire only for rows a statement touches).
    for (const [index, outcome] of outcomes.entries()) expect(outcome, statements[index]).toMatch(/append-only/);
    expect(await countAndFirst()).toEqual(before);
  });

  it('still takes new events after the refusals', async () => {
    const before = await countAndFirst();
    const response = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.org', password: 'wrong-password' }),
    });
    expect(response.status).toBe(401);
    expect((await countAndFirst()).count).toBe(before.count + 1);
  });
});
