// The encrypted cache through its sealed interface (CacheWriter in the writer thread, CacheReader
// here): schema, page storage with cursor, echo reconciliation, folder pages, unread counts,
// full-text search and what ends up on disk. A separate read-only connection inspects the file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountCache } from '../../main/core/cache/account-cache.js';
import { openEncrypted } from '../../main/core/cache/driver.js';
import { clientIdOfLocal, localMessageId } from '../../main/core/cache/message-ids.js';
import { migrate, migrations } from '../../main/core/cache/migrations/index.js';
import { openTestCache, type TestCache } from './support/cache-fixture.js';
import { DR_LEE, KEY, ME, P1, P2, PATIENT, message, messageChange, state } from './support/synthetic.js';

let t: TestCache;
let cache: AccountCache;
const file = () => t.file;
const dir = () => t.dir;

beforeEach(async () => {
  t = await openTestCache();
  cache = t.cache;
  await cache.writer.replacePractices([
    { id: P1, name: 'Sunrise' },
    { id: P2, name: 'Lakeside' },
  ]);
});
afterEach(async () => {
  await t.close();
});

describe('schema', () => {
  it('is at the latest migration, with STRICT tables and WAL', () => {
    const db = t.peek();
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        `SELECT name, strict FROM pragma_table_list WHERE type = 'table' AND schema = 'main' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'messages_fts%'`,
      )
      .all();
    expect(tables.length).toBeGreaterThanOrEqual(11);
    for (const t of tables) expect(t, t.name).toMatchObject({ strict: 1 });
  });

  it('keeps no message text in plaintext in the database, WAL or shm files', async () => {
    const canary = 'CANARY-ZEBRA-7781';
    const m = message({ subject: `subject ${canary}`, body: `body ${canary}`, patient: { id: 'x', name: canary } });
    await t.store([messageChange(m)], 'c1');
    for (const suffix of ['', '-wal', '-shm']) {
      const bytes = fs.existsSync(file() + suffix) ? fs.readFileSync(file() + suffix) : Buffer.alloc(0);
      expect(bytes.includes(canary), suffix).toBe(false);
      expect(bytes.includes(Buffer.from(canary, 'utf16le')), suffix).toBe(false);
    }
    expect(fs.readFileSync(file()).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    await cache.close();
    expect(fs.existsSync(`${file()}-wal`)).toBe(false);
    expect(fs.readFileSync(file()).includes(canary)).toBe(false);
  });
});

describe('sync pages', () => {
  it('stores a page and its cursor together, and replaying the page changes nothing', async () => {
    const a = message();
    const b = message({ source: 'portal', sender: PATIENT });
    const page = await t.store([messageChange(a), messageChange(b)], 'cursor-1');
    expect(page.insertedCount).toBe(2);
    expect(cache.reader.syncCursor()).toBe('cursor-1');
    expect(cache.reader.initialSyncDone()).toBe(false);
    const again = await t.store([messageChange(a), messageChange(b)], 'cursor-2', false);
    expect(again.insertedCount).toBe(0);
    expect(cache.reader.messageCount()).toBe(2);
    expect(cache.reader.syncCursor()).toBe('cursor-2');
    expect(cache.reader.initialSyncDone()).toBe(true);
  });

  it('refuses a page holding a change off the contract: nothing of it is stored, cursor included', async () => {
    const a = message();
    const broken = messageChange(message());
    (broken as { message: { subject: unknown } }).message.subject = null;
    await expect(t.store([messageChange(a), broken], 'cursor-2')).rejects.toMatchObject({ code: 'bad_response' });
    expect(cache.reader.syncCursor()).toBeNull();
    expect(cache.reader.messageCount()).toBe(0);
  });

  it('applies state, settings and directory changes', async () => {
    const a = message();
    await t.store([messageChange(a)], 'c1');
    await t.store(
      [
        { kind: 'state', practiceId: P1, state: state(a, { read: true, flagged: true }) },
        { kind: 'settings', practiceId: P1, settings: { portalMessagesInInbox: false, emailNotifications: true } },
        { kind: 'user', practiceId: P1, user: { id: DR_LEE.id, name: 'Dr. Lee', role: 'physician' } },
      ],
      'c2',
    );
    expect(cache.reader.listFolder(P1, 'todo', null, 10).rows.map((r) => [r.id, r.read])).toEqual([[a.id, true]]);
    expect(cache.reader.settings(P1)).toEqual({ portalMessagesInInbox: false, emailNotifications: true });
    expect(cache.reader.listStaff(P1, 'lee')).toEqual([{ id: DR_LEE.id, name: 'Dr. Lee', role: 'physician' }]);
  });

  it('turns a locally queued message into the server copy when its echo arrives (no duplicate)', async () => {
    const localId = await cache.writer.queueMessage(
      ME,
      P1,
      { to: [DR_LEE.id], subject: 'Coverage', body: 'Can you cover?' },
      null,
    );
    expect(cache.reader.listFolder(P1, 'sent', null, 10).rows[0]).toMatchObject({ id: localId, delivery: 'pending' });
    const clientId = clientIdOfLocal(localId);
    expect(localId).toBe(localMessageId(clientId));
    expect(cache.reader.deliveredIdOf(localId)).toBeNull();
    const echo = message({ sender: ME, recipients: [DR_LEE], clientId, subject: 'Coverage', body: 'Can you cover?' });
    expect((await t.store([messageChange(echo, { read: true })], 'c1')).insertedCount).toBe(0);
    const sent = cache.reader.listFolder(P1, 'sent', null, 10).rows;
    expect(sent.map((r) => [r.id, r.delivery])).toEqual([[echo.id, 'delivered']]);
    expect(cache.reader.messageCount()).toBe(1);
    expect(cache.reader.deliveredIdOf(localId)).toBe(echo.id);
    expect(cache.reader.deliveredIdOf(echo.id)).toBe(echo.id);
  });

  it('keeps the search index right when an indexed local message is replaced by its echo', async () => {
    const localId = await cache.writer.queueMessage(
      ME,
      P1,
      { to: [DR_LEE.id], subject: 'Draft words', body: 'first' },
      null,
    );
    expect(await cache.writer.indexForSearch()).toBe(1);
    const echo = message({ sender: ME, clientId: clientIdOfLocal(localId), subject: 'Final words', body: 'second' });
    await t.store([messageChange(echo, { read: true })], 'c1');
    await cache.writer.indexForSearch();
    expect(cache.reader.search(P1, 'final', 10).map((h) => h.row.id)).toEqual([echo.id]);
    expect(cache.reader.search(P1, 'draft', 10)).toEqual([]);
    expect(await cache.writer.checkIntegrity()).toEqual({ integrity: 'ok', searchIndex: 'ok' });
  });

  it('keeps a pending local state change visible over an older server state', async () => {
    const a = message();
    await t.store([messageChange(a)], 'c1');
    expect(await cache.writer.queueState(a.id, { archived: true })).toBe(P1);
    await t.store([{ kind: 'state', practiceId: P1, state: state(a, { read: true }) }], 'c2');
    const archived = cache.reader.listFolder(P1, 'archived', null, 10).rows;
    expect(archived.map((r) => [r.id, r.read, r.archived])).toEqual([[a.id, true, true]]);
  });
});

describe('reads', () => {
  it('pages a folder by keyset cursor, newest first, without gaps or repeats', async () => {
    const all = Array.from({ length: 23 }, () => message());
    await t.store(
      all.map((m) => messageChange(m)),
      'c',
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = cache.reader.listFolder(P1, 'inbox', cursor, 5);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((m) => m.id).reverse());
  });

  it('uses the folder indexes for pages', () => {
    const plan = (sql: string) =>
      (t.peek().prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(
      plan(`SELECT * FROM mailbox_state b WHERE b.practice_id = 'x' AND b.incoming = 1 AND b.archived = 0
        AND (b.sent_at, b.message_rowid) < ('z', 1) ORDER BY b.sent_at DESC, b.message_rowid DESC LIMIT 51`),
    ).toMatch(/box_inbox_all/);
  });

  it('files messages into inbox, archived, sent and to do, hiding portal messages where the setting says so', async () => {
    const incoming = message();
    const portal = message({ source: 'portal', sender: PATIENT, recipients: [] });
    const archived = message();
    const mine = message({ sender: ME, recipients: [DR_LEE] });
    const flagged = message();
    const other = message({ practiceId: P2 });
    await t.store(
      [
        messageChange(incoming),
        messageChange(portal),
        messageChange(archived, { archived: true }),
        messageChange(mine, { read: true }),
        messageChange(flagged, { flagged: true, read: true }),
        messageChange(other),
      ],
      'c',
    );
    const ids = (folder: 'inbox' | 'archived' | 'sent' | 'todo') =>
      cache.reader.listFolder(P1, folder, null, 50).rows.map((r) => r.id);
    expect(ids('inbox')).toEqual([flagged.id, portal.id, incoming.id]);
    expect(ids('archived')).toEqual([archived.id]);
    expect(ids('sent')).toEqual([mine.id]);
    expect(ids('todo')).toEqual([flagged.id]);
    expect(cache.reader.unreadCounts([P1, P2])).toEqual({ total: 3, byPractice: { [P1]: 2, [P2]: 1 }, urgent: 0 });
    await cache.writer.queueSettings(P1, { portalMessagesInInbox: false, emailNotifications: false });
    expect(ids('inbox')).toEqual([flagged.id, incoming.id]);
    expect(cache.reader.unreadCounts([P1, P2])).toEqual({ total: 2, byPractice: { [P1]: 1, [P2]: 1 }, urgent: 0 });
  });

  it('searches subject, body, sender and patient name with snippets, treating FTS syntax as text', async () => {
    const a = message({ subject: 'Refill request', body: 'Needs amoxicillin refill soon' });
    const b = message({ patient: { id: 'pt1', name: 'Ana Ruiz' }, subject: 'Appointment' });
    const c = message({ sender: { kind: 'staff', id: 'u9', name: 'Nurse Kowalski' } });
    await t.store(
      [a, b, c].map((m) => messageChange(m)),
      'c',
    );
    expect(cache.reader.search(P1, 'amoxi', 10)).toEqual([]);
    expect(await cache.writer.indexForSearch()).toBe(3);
    expect(await cache.writer.indexForSearch()).toBe(0);
    const hit = (q: string) => cache.reader.search(P1, q, 10).map((h) => h.row.id);
    expect(hit('amoxi')).toEqual([a.id]);
    expect(cache.reader.search(P1, 'amoxicillin', 10)[0]?.snippet).toContain('amoxicillin');
    expect(hit('ruiz')).toEqual([b.id]);
    expect(hit('kowalski')).toEqual([c.id]);
    expect(hit('"refill" *:(')).toEqual([a.id]);
    expect(hit('***')).toEqual([]);
    expect(cache.reader.search(P2, 'refill', 10)).toEqual([]);
  });

  it('returns a thread oldest first with each message state and delivery', async () => {
    const first = message();
    const reply = message({ threadId: first.threadId, inReplyTo: first.id, sender: ME, recipients: [DR_LEE] });
    await t.store([messageChange(first), messageChange(reply, { read: true })], 'c');
    const thread = cache.reader.thread(reply.id);
    expect(thread?.map((v) => [v.message.id, v.state.read, v.delivery])).toEqual([
      [first.id, false, 'delivered'],
      [reply.id, true, 'delivered'],
    ]);
    expect(thread?.[0]?.message).toEqual(first);
  });

  it('finds a thread by its root and its replies (the thread index holds replies only), nothing else', async () => {
    const first = message();
    const other = message();
    const reply = message({ threadId: first.threadId, inReplyTo: first.id });
    const later = message({ threadId: first.threadId, inReplyTo: reply.id });
    await t.store(
      [first, other, reply, later].map((m) => messageChange(m)),
      'c',
    );
    const ids = (messageId: string) => cache.reader.thread(messageId)?.map((v) => v.message.id);
    expect(ids(first.id)).toEqual([first.id, reply.id, later.id]);
    expect(ids(later.id)).toEqual([first.id, reply.id, later.id]);
    expect(ids(other.id)).toEqual([other.id]);
  });
});

describe('unread counter', () => {
  const counted = () =>
    t
      .peek()
      .prepare(
        `SELECT practice_id, source, count(*) AS n FROM mailbox_state WHERE incoming = 1 AND archived = 0 AND read = 0
         GROUP BY practice_id, source ORDER BY 1, 2`,
      )
      .all();
  const kept = () =>
    t.peek().prepare('SELECT practice_id, source, n FROM unread_counts WHERE n > 0 ORDER BY 1, 2').all();

  it('stays equal to a full count through inserts, state changes, echoes and local actions', async () => {
    const all = Array.from({ length: 60 }, (_, i) =>
      message(i % 3 === 0 ? { source: 'portal', sender: PATIENT } : i % 5 === 0 ? { practiceId: P2 } : {}),
    );
    await t.store(
      all.map((m, i) => messageChange(m, { read: i % 4 === 0 })),
      'c1',
    );
    expect(kept()).toEqual(counted());
    expect(kept().length).toBeGreaterThan(1);
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const m = all[Math.floor(random() * all.length)] ?? message();
      const patch = { read: random() < 0.5, archived: random() < 0.3, flagged: random() < 0.2 };
      if (random() < 0.5) await cache.writer.queueState(m.id, patch);
      else await t.store([{ kind: 'state', practiceId: m.practiceId, state: state(m, patch) }], `s${round}`);
    }
    await cache.writer.queueMessage(ME, P1, { to: [DR_LEE.id], subject: 'Mine', body: 'x' }, null);
    expect(kept()).toEqual(counted());
  });

  it('is filled from existing rows when migration 2 runs on a version 1 cache', () => {
    const file = path.join(dir(), 'v1.db');
    const v1 = openEncrypted(file, KEY);
    v1.exec(migrations[0] ?? '');
    v1.pragma('user_version = 1');
    const insert = v1.prepare(
      `INSERT INTO mailbox_state (message_rowid, practice_id, source, incoming, outgoing, sent_at, read, flagged, archived)
       VALUES (?, ?, ?, 1, 0, '2026-01-01', ?, 0, ?)`,
    );
    v1.pragma('foreign_keys = OFF');
    insert.run(1, P1, 'staff', 0, 0);
    insert.run(2, P1, 'staff', 1, 0);
    insert.run(3, P1, 'portal', 0, 0);
    insert.run(4, P2, 'staff', 0, 1);
    migrate(v1);
    expect(v1.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(v1.prepare('SELECT practice_id, source, n FROM unread_counts ORDER BY 1, 2').all()).toEqual([
      { practice_id: P1, source: 'portal', n: 1 },
      { practice_id: P1, source: 'staff', n: 1 },
    ]);
    v1.close();
  });
});
