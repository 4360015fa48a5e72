// The team workflow in the real encrypted cache (writer thread + read connection): the new change kinds
// from /sync (and kinds it does not know skipped), receipts with names, the portal queue with unsent actions
// on top, the unread rule for portal ownership and urgency, snooze in and out, mute, templates saved offline,
// forwarded files, and migration 4 over an existing cache.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change, PortalThread, Template } from '../../common/http/index.js';
import type { AccountCache } from '../../main/core/cache/account-cache.js';
import { openEncrypted } from '../../main/core/cache/driver.js';
import { migrate, migrations } from '../../main/core/cache/migrations/index.js';
import { openTestCache, pageText, type TestCache } from './support/cache-fixture.js';
import { DR_LEE, KEY, ME, P1, P2, PATIENT, message, messageChange, state } from './support/synthetic.js';

const PRIYA = { kind: 'staff' as const, id: 'u-priya', name: 'Priya Shah' };

let t: TestCache;
let cache: AccountCache;

beforeEach(async () => {
  t = await openTestCache('core-workflow-');
  cache = t.cache;
  await cache.writer.replacePractices([
    { id: P1, name: 'Sunrise' },
    { id: P2, name: 'Lakeside' },
  ]);
  await t.store(
    [ME, DR_LEE, PRIYA].map((u) => ({ kind: 'user', practiceId: P1, user: { id: u.id, name: u.name, role: 'staff' } })),
    'c0',
  );
});
afterEach(async () => {
  await t.close();
});

const thread = (over: Partial<PortalThread> = {}): PortalThread => ({
  threadId: 'th-1',
  practiceId: P1,
  patient: { id: PATIENT.id, name: PATIENT.name },
  subject: 'Refill',
  status: 'open',
  owner: null,
  lastMessageAt: '2026-11-01T10:00:00.000Z',
  waitingSince: '2026-11-01T10:00:00.000Z',
  ...over,
});
const threadChange = (th: PortalThread): Change => ({ kind: 'portalThread', practiceId: th.practiceId, thread: th });
const inbox = (practiceId = P1) => cache.reader.listFolder(practiceId, 'inbox', null, 50).rows.map((r) => r.id);
const unread = () => cache.reader.unreadCounts([P1, P2]);

describe('sync of the second-wave change kinds', () => {
  it('skips a change kind it does not know and stores the rest of the page with its cursor', async () => {
    const m = message();
    const future = { kind: 'reaction', practiceId: P1, messageId: m.id, emoji: 'thumbs-up' };
    const text = JSON.stringify({ changes: [future, messageChange(m)], cursor: 'c-future', more: false });
    await cache.writer.storeSyncPages([text], true);
    expect(cache.reader.syncCursor()).toBe('c-future');
    expect(inbox()).toEqual([m.id]);
  });

  it('still refuses a page whose known change is off the contract (nothing stored)', async () => {
    const broken = { kind: 'receipt', practiceId: P1, messageId: 'm-1', userId: DR_LEE.id, readAt: 'yesterday' };
    const text = pageText([messageChange(message()), broken as unknown as Change], 'c-bad');
    await expect(cache.writer.storeSyncPages([text], true)).rejects.toMatchObject({ code: 'bad_response' });
    expect(cache.reader.syncCursor()).toBe('c0');
  });

  it('keeps receipts on the user’s own messages, named, and never un-reads one', async () => {
    const mine = message({
      sender: ME,
      recipients: [DR_LEE, PRIYA],
      receipts: [
        { userId: DR_LEE.id, readAt: null },
        { userId: PRIYA.id, readAt: null },
      ],
    });
    await t.store([messageChange(mine, { read: true })], 'c1');
    const receipt = (readAt: string): Change => ({
      kind: 'receipt',
      practiceId: P1,
      messageId: mine.id,
      userId: DR_LEE.id,
      readAt,
    });
    await t.store([receipt('2026-11-02T10:42:00.000Z'), receipt('2026-11-03T08:00:00.000Z')], 'c2');
    // A receipt for a message not cached (yet) changes nothing and fails nothing.
    await t.store([{ ...receipt('2026-11-02T10:00:00.000Z'), messageId: 'm-unknown' } as Change], 'c3');
    expect(cache.reader.thread(mine.id)?.[0]?.receipts).toEqual([
      { userId: DR_LEE.id, name: 'Dr. Lee', readAt: '2026-11-02T10:42:00.000Z' },
      { userId: PRIYA.id, name: 'Priya Shah', readAt: null },
    ]);
    const theirs = message({ receipts: [{ userId: ME.id, readAt: null }] });
    await t.store([messageChange(theirs)], 'c4');
    expect(cache.reader.thread(theirs.id)?.[0]).not.toHaveProperty('receipts');
  });

  it('stores templates, removes them, and keeps mute per thread', async () => {
    const tpl: Template = {
      id: 'tpl-1',
      title: 'Reminder',
      body: 'Hi {patient.firstName}',
      scope: 'practice',
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    const m = message();
    await t.store(
      [
        messageChange(m),
        { kind: 'template', practiceId: P1, template: tpl },
        { kind: 'template', practiceId: P1, template: { ...tpl, id: 'tpl-2', title: 'Another' } },
        { kind: 'threadState', practiceId: P1, threadState: { threadId: m.threadId, muted: true } },
      ],
      'c1',
    );
    expect(cache.reader.workflow.templates(P1).map((x) => x.title)).toEqual(['Another', 'Reminder']);
    expect(cache.reader.workflow.templates(P2)).toEqual([]);
    expect(cache.reader.workflow.threadMuted(m.threadId)).toBe(true);
    await t.store([{ kind: 'templateRemoved', practiceId: P1, templateId: 'tpl-2' }], 'c2');
    expect(cache.reader.workflow.templates(P1).map((x) => x.id)).toEqual(['tpl-1']);
  });
});

describe('portal queue', () => {
  it('lists threads by filter, oldest waiting first, opening on the newest message', async () => {
    const first = message({ id: 'th-1', threadId: 'th-1', source: 'portal', sender: PATIENT, recipients: [] });
    const reply = message({ threadId: 'th-1', sender: DR_LEE, recipients: [PATIENT], inReplyTo: 'th-1' });
    await t.store(
      [
        messageChange(first),
        messageChange(reply),
        threadChange(thread({ waitingSince: '2026-11-01T10:00:00.000Z' })),
        threadChange(thread({ threadId: 'th-2', waitingSince: '2026-11-01T08:00:00.000Z' })),
        threadChange(thread({ threadId: 'th-3', owner: { id: DR_LEE.id, name: 'Dr. Lee' } })),
        threadChange(thread({ threadId: 'th-4', status: 'closed', owner: { id: ME.id, name: ME.name } })),
      ],
      'c1',
    );
    const ids = (filter: 'unassigned' | 'mine' | 'open' | 'closed') =>
      cache.reader.workflow.portalThreads(P1, filter).map((x) => x.threadId);
    expect(ids('unassigned')).toEqual(['th-2', 'th-1']);
    expect(ids('open')).toEqual(['th-2', 'th-1', 'th-3']);
    expect(ids('mine')).toEqual([]);
    expect(ids('closed')).toEqual(['th-4']);
    expect(cache.reader.workflow.portalThread('th-1')?.lastMessageId).toBe(reply.id);
    expect(cache.reader.workflow.portalThread('th-2')?.lastMessageId).toBe('th-2');
  });

  it('shows an unsent claim at once (pending), and the server’s answer when it comes', async () => {
    await t.store([threadChange(thread())], 'c1');
    await cache.writer.queuePortalAction(P1, 'th-1', { action: 'claim', takeOver: false }, 'Claim');
    const pending = cache.reader.workflow.portalThread('th-1');
    expect(pending).toMatchObject({ owner: { id: ME.id, name: 'Front Desk' }, pending: true, problem: null });
    expect(cache.reader.workflow.portalThreads(P1, 'mine').map((x) => x.threadId)).toEqual(['th-1']);
    // A sync page with the server's older view does not hide the unsent claim.
    await t.store([threadChange(thread())], 'c2');
    expect(cache.reader.workflow.portalThread('th-1')?.owner?.id).toBe(ME.id);
    const item = cache.reader.outboxItems().find((i) => i.kind === 'portalThread')!;
    await cache.writer.outboxPortalApplied(item.id, thread({ owner: { id: ME.id, name: ME.name } }));
    expect(cache.reader.workflow.portalThread('th-1')).toMatchObject({ pending: false, owner: { id: ME.id } });
    expect(cache.reader.outboxItems()).toEqual([]);
  });

  it('says why a queued claim was refused, and shows the server’s owner', async () => {
    await t.store([threadChange(thread())], 'c1');
    await cache.writer.queuePortalAction(P1, 'th-1', { action: 'claim', takeOver: false }, 'Claim');
    const item = cache.reader.outboxItems()[0]!;
    await cache.writer.outboxFailed(item.id, 'Dr. Lee already claimed this conversation.');
    await t.store([threadChange(thread({ owner: { id: DR_LEE.id, name: 'Dr. Lee' } }))], 'c2');
    expect(cache.reader.workflow.portalThread('th-1')).toMatchObject({
      owner: { id: DR_LEE.id },
      pending: false,
      problem: 'Dr. Lee already claimed this conversation.',
    });
  });

  it('overlays assign, release and close in the order taken', async () => {
    await t.store([threadChange(thread())], 'c1');
    await cache.writer.queuePortalAction(
      P1,
      'th-1',
      { action: 'assign', userId: PRIYA.id, userName: PRIYA.name },
      'Assign',
    );
    expect(cache.reader.workflow.portalThread('th-1')?.owner).toEqual({ id: PRIYA.id, name: PRIYA.name });
    await cache.writer.queuePortalAction(P1, 'th-1', { action: 'release' }, 'Release');
    await cache.writer.queuePortalAction(P1, 'th-1', { action: 'close' }, 'Close');
    expect(cache.reader.workflow.portalThread('th-1')).toMatchObject({ owner: null, status: 'closed' });
    expect(cache.reader.workflow.portalThreads(P1, 'closed').map((x) => x.threadId)).toEqual(['th-1']);
    expect(cache.reader.workflow.portalThreads(P1, 'open')).toEqual([]);
  });
});

describe('unread count', () => {
  it('counts portal messages only while their thread is unassigned or the user’s, and counts urgent ones', async () => {
    const portal = message({ id: 'th-1', threadId: 'th-1', source: 'portal', sender: PATIENT, recipients: [] });
    const urgent = message({ priority: 'urgent' });
    await t.store([messageChange(portal), messageChange(urgent), threadChange(thread())], 'c1');
    expect(unread()).toEqual({ total: 2, byPractice: { [P1]: 2, [P2]: 0 }, urgent: 1 });
    await t.store([threadChange(thread({ owner: { id: DR_LEE.id, name: 'Dr. Lee' } }))], 'c2');
    expect(unread()).toEqual({ total: 1, byPractice: { [P1]: 1, [P2]: 0 }, urgent: 1 });
    await t.store([threadChange(thread({ owner: { id: ME.id, name: ME.name } }))], 'c3');
    expect(unread().total).toBe(2);
    expect(cache.reader.listFolder(P1, 'inbox', null, 10).rows.find((r) => r.id === urgent.id)?.priority).toBe(
      'urgent',
    );
    await cache.writer.queueState(urgent.id, { read: true });
    expect(unread()).toEqual({ total: 1, byPractice: { [P1]: 1, [P2]: 0 }, urgent: 0 });
  });
});

describe('snooze', () => {
  it('takes a message out of the Inbox, To Do and the unread count until it wakes, unread', async () => {
    const m = message();
    await t.store([messageChange(m, { flagged: true })], 'c1');
    const until = new Date(Date.now() + 3_600_000).toISOString();
    await cache.writer.queueState(m.id, { snoozedUntil: until });
    expect(inbox()).toEqual([]);
    expect(cache.reader.listFolder(P1, 'todo', null, 10).rows).toEqual([]);
    expect(unread().total).toBe(0);
    const [row] = cache.reader.listFolder(P1, 'snoozed', null, 10).rows;
    expect(row).toMatchObject({ id: m.id, snoozedUntil: until });
    expect(cache.reader.workflow.nextSnoozeDue()).toBe(until);
    expect(await cache.writer.wakeSnoozes(new Date().toISOString())).toEqual([]);
    expect(await cache.writer.wakeSnoozes(until)).toEqual([m.id]);
    expect(inbox()).toEqual([m.id]);
    expect(unread().total).toBe(1);
    expect(cache.reader.listFolder(P1, 'snoozed', null, 10).rows).toEqual([]);
    expect(cache.reader.workflow.nextSnoozeDue()).toBeNull();
  });

  it('reports a snooze the server ended (so it notifies), not a plain state change', async () => {
    const m = message();
    const until = '2026-12-01T08:00:00.000Z';
    await t.store([messageChange(m, { read: true, snoozedUntil: until })], 'c1');
    expect(cache.reader.thread(m.id)?.[0]?.state.snoozedUntil).toBe(until);
    const flagged = await t.store(
      [{ kind: 'state', practiceId: P1, state: state(m, { read: true, flagged: true, snoozedUntil: until }) }],
      'c2',
    );
    expect(flagged.wokenIds).toEqual([]);
    const woken = await t.store(
      [{ kind: 'state', practiceId: P1, state: state(m, { read: false, snoozedUntil: null }) }],
      'c3',
    );
    expect(woken.wokenIds).toEqual([m.id]);
    expect(inbox()).toEqual([m.id]);
  });
});

describe('templates saved here', () => {
  const body = { title: 'Closed today', body: 'We are closed today.', scope: 'practice' as const };

  it('shows a new template at once under a local id, and sends one create however often it is changed', async () => {
    const created = await cache.writer.queueTemplateSave(P1, null, body);
    expect(created.id).toMatch(/^local-/);
    await cache.writer.queueTemplateSave(P1, created.id, { ...body, title: 'Closed all day' });
    const items = cache.reader.outboxItems().filter((i) => i.kind === 'template');
    expect(items).toHaveLength(1);
    expect(cache.reader.workflow.templates(P1)).toMatchObject([
      { id: created.id, title: 'Closed all day', pending: true },
    ]);
    const server: Template = { ...body, title: 'Closed all day', id: 'tpl-9', updatedAt: new Date().toISOString() };
    await cache.writer.outboxTemplateSaved(items[0]!.id, P1, created.id, server);
    expect(cache.reader.workflow.templates(P1)).toEqual([{ ...server, pending: false }]);
  });

  it('drops a create never sent when the template is deleted, and moves queued work to the server id', async () => {
    const never = await cache.writer.queueTemplateSave(P1, null, body);
    await cache.writer.queueTemplateDelete(P1, never.id);
    expect(cache.reader.outboxItems()).toEqual([]);
    expect(cache.reader.workflow.templates(P1)).toEqual([]);

    const sent = await cache.writer.queueTemplateSave(P1, null, body);
    const create = cache.reader.outboxItems()[0]!;
    await cache.writer.outboxTemplateAttempted(create.id, { op: 'save', template: body, attempted: true });
    await cache.writer.queueTemplateDelete(P1, sent.id);
    const server: Template = { ...body, id: 'tpl-10', updatedAt: new Date().toISOString() };
    await cache.writer.outboxTemplateSaved(create.id, P1, sent.id, server);
    const [remaining] = cache.reader.outboxItems();
    expect(remaining).toMatchObject({ kind: 'template', description: 'Delete the template “Closed today”' });
    expect(t.peek().prepare('SELECT target FROM outbox').get()).toEqual({ target: 'tpl-10' });
  });

  it('refuses to change or delete a template it does not have, and stores nothing', async () => {
    await expect(cache.writer.queueTemplateSave(P1, 'tpl-nope', body)).rejects.toMatchObject({ code: 'not_found' });
    await expect(cache.writer.queueTemplateDelete(P1, 'tpl-nope')).rejects.toMatchObject({ code: 'not_found' });
    expect(cache.reader.outboxItems()).toEqual([]);
  });
});

describe('mute and forward', () => {
  it('shows an unsent mute at once over the server’s state', async () => {
    const m = message();
    await t.store([messageChange(m)], 'c1');
    await cache.writer.queueThreadMuted(P1, m.threadId, true);
    expect(cache.reader.workflow.threadMuted(m.threadId)).toBe(true);
    await t.store([{ kind: 'threadState', practiceId: P1, threadState: { threadId: m.threadId, muted: false } }], 'c2');
    expect(cache.reader.workflow.threadMuted(m.threadId)).toBe(true);
  });

  it('forwards a cached file by its server id: no upload queued, the file shown on the new message', async () => {
    const file = {
      id: 'att-1',
      kind: 'file' as const,
      name: 'lab.pdf',
      size: 48213,
      mimeType: 'application/pdf',
      sha256: 'a'.repeat(64),
    };
    const original = message({ attachments: [file] });
    await t.store([messageChange(original)], 'c1');
    const id = await cache.writer.queueMessage(
      ME,
      P1,
      {
        to: [PRIYA.id],
        subject: 'Fwd: Lab results ready',
        body: '',
        attachments: [{ kind: 'file', id: 'att-1', fromMessageId: original.id }],
        priority: 'urgent',
      },
      null,
    );
    expect(cache.reader.thread(id)?.[0]?.message).toMatchObject({ attachments: [file], priority: 'urgent' });
    const payload = JSON.parse(
      (t.peek().prepare(`SELECT payload FROM outbox WHERE kind = 'send'`).get() as { payload: string }).payload,
    );
    expect(payload.request).toMatchObject({ attachments: [{ kind: 'file', id: 'att-1' }], priority: 'urgent' });
    expect(payload.uploaded).toEqual({ 'att-1': 'att-1' });
    await expect(
      cache.writer.queueMessage(
        ME,
        P1,
        {
          to: [PRIYA.id],
          subject: 'x',
          body: '',
          attachments: [{ kind: 'file', id: 'att-x', fromMessageId: original.id }],
        },
        null,
      ),
    ).rejects.toMatchObject({ code: 'unknown_attachment' });
    expect(cache.reader.outboxItems()).toHaveLength(1);
  });
});

describe('migration 4', () => {
  it('keeps an existing cache’s messages and counts, not snoozed, not urgent', () => {
    const file = path.join(t.dir, 'v3.db');
    const v3 = openEncrypted(file, KEY);
    for (const [i, sql] of migrations.slice(0, 3).entries()) {
      v3.exec(sql);
      v3.pragma(`user_version = ${i + 1}`);
    }
    v3.pragma('foreign_keys = OFF');
    const insert = v3.prepare(
      `INSERT INTO mailbox_state (message_rowid, practice_id, source, incoming, outgoing, sent_at, read, flagged, archived)
       VALUES (?, ?, 'staff', 1, 0, '2026-01-01', ?, 0, 0)`,
    );
    insert.run(1, P1, 0);
    insert.run(2, P1, 1);
    migrate(v3);
    expect(v3.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(v3.prepare('SELECT practice_id, source, n FROM unread_counts').all()).toEqual([
      { practice_id: P1, source: 'staff', n: 1 },
    ]);
    expect(v3.prepare('SELECT snoozed_until, urgent FROM mailbox_state ORDER BY 1').all()).toEqual([
      { snoozed_until: null, urgent: 0 },
      { snoozed_until: null, urgent: 0 },
    ]);
    v3.close();
  });
});
