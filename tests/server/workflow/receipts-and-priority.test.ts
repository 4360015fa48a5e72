// Priority and read receipts (API.md second wave): urgent/normal on the message, one receipt per
// staff recipient set on first read and never cleared, `receipt` changes to every staff viewer,
// and receipts never shown to patients.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalMessagesResponse, SendMessageResponse, type Change } from '../../../common/http/index.js';
import type { TestPracticeServer } from '../../support/practice-server.js';
import {
  changesSince,
  expectNoChanges,
  failure,
  feedEnds,
  newPortalThread,
  portalReply,
  readMessage,
  staffSend,
  startWorkflowServer,
  type WorkflowWorld,
} from './workflow-world.js';

let server: TestPracticeServer;
let w: WorkflowWorld;

beforeAll(async () => ({ server, w } = await startWorkflowServer()));
afterAll(() => server.cleanup());

const patchState = (api: WorkflowWorld['lee']['api'], messageId: string, patch: Record<string, unknown>) =>
  api('PATCH', `/practices/${w.sunriseId}/messages/${messageId}/state`, patch);

const receiptChanges = (changes: Change[], messageId: string) =>
  changes.filter((c) => c.kind === 'receipt' && c.messageId === messageId);

describe('priority', () => {
  it('carries the priority the sender chose, normal by default', async () => {
    const urgent = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id], { priority: 'urgent' });
    const plain = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id]);
    expect([urgent.priority, plain.priority]).toEqual(['urgent', 'normal']);
    expect((await readMessage(w.lee.api, w.sunriseId, urgent.id)).message.priority).toBe('urgent');
    const { changes } = await changesSince(w.lee.api);
    const synced = changes.find((c) => c.kind === 'message' && c.message.id === urgent.id);
    expect(synced?.kind === 'message' && synced.message.priority).toBe('urgent');
  });

  it('makes portal messages normal', async () => {
    const question = await newPortalThread(w.ana.api);
    expect(question.priority).toBe('normal');
  });

  it('refuses an unknown priority with 422 and stores nothing', async () => {
    const cursors = await feedEnds([w.desk.api, w.lee.api]);
    const response = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.lee.login.user.id],
      subject: 's',
      body: 'b',
      priority: 'high',
    });
    expect(failure(response)).toEqual([422, 'invalid_field']);
    await expectNoChanges([w.desk.api, w.lee.api], cursors, 'an unknown priority changed a feed');
  });
});

describe('read receipts', () => {
  it('lists one receipt per staff recipient, none read yet', async () => {
    const message = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id, w.billing.login.user.id]);
    expect(message.receipts).toEqual([
      { userId: w.lee.login.user.id, readAt: null },
      { userId: w.billing.login.user.id, readAt: null },
    ]);
  });

  it('sets readAt on first read, keeps it through unread and read again, and tells every staff viewer once', async () => {
    const message = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id, w.billing.login.user.id]);
    const cursors = await feedEnds([w.desk.api, w.lee.api, w.billing.api]);
    const before = Date.now();
    expect((await patchState(w.lee.api, message.id, { read: true })).status).toBe(200);
    const after = Date.now();
    const first = (await readMessage(w.desk.api, w.sunriseId, message.id)).message.receipts!;
    const leeReadAt = first.find((r) => r.userId === w.lee.login.user.id)?.readAt;
    expect(leeReadAt).toBeTruthy();
    expect(Date.parse(leeReadAt!)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(leeReadAt!)).toBeLessThanOrEqual(after + 1);
    expect(first.find((r) => r.userId === w.billing.login.user.id)?.readAt).toBeNull();

    expect((await patchState(w.lee.api, message.id, { read: false })).status).toBe(200);
    expect((await patchState(w.lee.api, message.id, { read: true })).status).toBe(200);
    const again = (await readMessage(w.billing.api, w.sunriseId, message.id)).message.receipts!;
    expect(again.find((r) => r.userId === w.lee.login.user.id)?.readAt).toBe(leeReadAt);

    for (const [index, api] of [w.desk.api, w.lee.api, w.billing.api].entries()) {
      const { changes } = await changesSince(api, cursors[index]);
      expect(receiptChanges(changes, message.id)).toEqual([
        {
          kind: 'receipt',
          practiceId: w.sunriseId,
          messageId: message.id,
          userId: w.lee.login.user.id,
          readAt: leeReadAt,
        },
      ]);
    }
  });

  it('gives no receipt change when the sender (not a recipient) marks their copy', async () => {
    const message = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id]);
    const cursors = await feedEnds([w.lee.api]);
    expect((await patchState(w.desk.api, message.id, { read: false })).status).toBe(200);
    expect((await patchState(w.desk.api, message.id, { read: true })).status).toBe(200);
    const { changes } = await changesSince(w.lee.api, cursors[0]);
    expect(receiptChanges(changes, message.id)).toEqual([]);
  });

  it('never shows receipts to a patient, and a staff reply to a patient has none', async () => {
    const question = await newPortalThread(w.ana.api);
    await patchState(w.desk.api, question.id, { read: true });
    const reply = await portalReply(w.desk.api, w.sunriseId, question.id);
    expect(reply.status).toBe(201);
    expect(SendMessageResponse.parse(reply.body).message.receipts).toEqual([]);
    const staffView = (await readMessage(w.lee.api, w.sunriseId, question.id)).message;
    expect(staffView.receipts?.find((r) => r.userId === w.desk.login.user.id)?.readAt).toBeTruthy();
    const response = await w.ana.api('GET', '/portal/messages');
    const mine = PortalMessagesResponse.parse(response.body).messages;
    expect(mine.some((m) => m.id === question.id)).toBe(true);
    expect(JSON.stringify(response.body)).not.toContain('"receipts"');
    expect(JSON.stringify(response.body)).not.toContain('readAt');
  });

  it('answers 404 and changes nothing when someone outside the message marks it read', async () => {
    const message = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id]);
    const cursors = await feedEnds([w.desk.api, w.lee.api]);
    expect(failure(await patchState(w.billing.api, message.id, { read: true }))).toEqual([404, 'not_found']);
    expect(failure(await patchState(w.ana.api, message.id, { read: true }))).toEqual([401, 'invalid_token']);
    await expectNoChanges([w.desk.api, w.lee.api], cursors, 'a refused read changed a feed');
    const receipts = (await readMessage(w.desk.api, w.sunriseId, message.id)).message.receipts;
    expect(receipts).toEqual([{ userId: w.lee.login.user.id, readAt: null }]);
  });
});
