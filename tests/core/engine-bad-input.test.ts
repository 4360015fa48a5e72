// Every handler refuses bad input with an DesktopCallError carrying a code, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopMethodNames, type DesktopHandlers } from '../../common/desktop/index.js';
import { DesktopCallError } from '../../main/core/errors.js';
import {
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';

let server: EngineTestServer;
let t: TestEngine;
let sunrise: string;
let messageId: string;

beforeAll(async () => {
  server = await startEngineTestServer();
  t = makeEngine();
  sunrise = (await signIn(t, server.url, 'frontdesk@sunrise.example')).practices[0]?.id ?? '';
  await waitFor('directory', async () => (await t.engine.handlers.listStaff({ practiceId: sunrise })).users.length > 0);
  messageId = (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox' })).rows[0]?.id ?? '';
});
afterAll(async () => {
  await t?.stop();
  await server?.cleanup();
});

/** Everything a bad call could have touched. */
async function snapshot() {
  const h = t.engine.handlers;
  const folders = await Promise.all(
    (['inbox', 'archived', 'sent', 'todo'] as const).map((folder) =>
      h.listMessages({ practiceId: sunrise, folder, limit: 200 }),
    ),
  );
  return JSON.stringify([
    folders,
    await h.getOutbox({}),
    await h.getPreferences({}),
    await h.getUnreadCounts({}),
    await h.getPracticeSettings({ practiceId: sunrise }),
    await h.getDraft({ practiceId: sunrise }),
    await h.getSession({}),
  ]);
}

async function expectRefused(call: Promise<unknown>, code: string) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DesktopCallError);
  expect(error).toMatchObject({ code });
  expect((error as Error).message.length).toBeGreaterThan(5);
}

describe('malformed arguments', () => {
  const call = (name: keyof DesktopHandlers, args: unknown) =>
    (t.engine.handlers[name] as (a: unknown) => Promise<unknown>)(args);

  it.each(desktopMethodNames)('%s refuses an unknown field and wrong types', async (name) => {
    const before = await snapshot();
    await expectRefused(call(name, { unexpected: true }), 'invalid_arguments');
    await expectRefused(call(name, 'not an object'), 'invalid_arguments');
    expect(await snapshot()).toBe(before);
  });
});

describe('well-formed but wrong', () => {
  const h = () => t.engine.handlers;
  const cases: [string, () => Promise<unknown>, string][] = [
    ['unknown practice', () => h().listMessages({ practiceId: 'nope', folder: 'inbox' }), 'not_found'],
    [
      'bad page cursor',
      () => h().listMessages({ practiceId: sunrise, folder: 'inbox', cursor: 'garbage!' }),
      'invalid_arguments',
    ],
    ['unknown message', () => h().getThread({ messageId: 'nope' }), 'not_found'],
    ['state of unknown message', () => h().setMessageState({ messageId: 'nope', patch: { read: true } }), 'not_found'],
    ['empty state patch', () => h().setMessageState({ messageId, patch: {} }), 'invalid_arguments'],
    [
      'unknown recipient',
      () => h().sendMessage({ practiceId: sunrise, to: ['nobody'], subject: 's', body: 'b' }),
      'unknown_recipient',
    ],
    [
      'blank subject',
      () => h().sendMessage({ practiceId: sunrise, to: ['x'], subject: '   ', body: 'b' }),
      'invalid_arguments',
    ],
    [
      'no recipients',
      () => h().sendMessage({ practiceId: sunrise, to: [], subject: 's', body: 'b' }),
      'invalid_arguments',
    ],
    [
      'unknown staged file',
      () =>
        h().sendMessage({
          practiceId: sunrise,
          to: [messageId],
          subject: 's',
          body: 'b',
          attachments: [{ kind: 'file', id: 'staged-00000000-0000-0000-0000-000000000000' }],
        }),
      'unknown_recipient',
    ],
    ['reply to unknown', () => h().reply({ messageId: 'nope', body: 'hi' }), 'not_found'],
    ['empty reply', () => h().reply({ messageId, body: '  ' }), 'invalid_arguments'],
    ['bad base64', () => h().stageFile({ name: 'a', mimeType: 'text/plain', base64: '%%%' }), 'invalid_arguments'],
    ['unknown attachment', () => h().getAttachmentContent({ messageId, attachmentId: 'nope' }), 'not_found'],
    ['unknown outbox item', () => h().retryOutboxItem({ id: 123456 }), 'not_found'],
    [
      'settings of unknown practice',
      () =>
        h().savePracticeSettings({
          practiceId: 'nope',
          settings: { portalMessagesInInbox: true, emailNotifications: true },
        }),
      'not_found',
    ],
    ['draft of unknown practice', () => h().saveDraft({ practiceId: 'nope', draft: null }), 'not_found'],
    ['out-of-range preference', () => h().savePreferences({ idleLockMinutes: 100_000 }), 'invalid_arguments'],
    ['bad privacy level', () => h().savePreferences({ notificationPrivacy: 'loud' as 'full' }), 'invalid_arguments'],
    [
      'wrong password',
      () => h().signIn({ serverUrl: server.url, email: 'frontdesk@sunrise.example', password: 'wrong-password' }),
      'invalid_credentials',
    ],
    ['patient of unknown practice', () => h().getPatient({ practiceId: 'nope', patientId: 'x' }), 'not_found'],
    ['unknown patient', () => h().getPatient({ practiceId: sunrise, patientId: 'nope' }), 'not_found'],
  ];
  it.each(cases)('%s', async (_what, run, code) => {
    const before = await snapshot();
    await expectRefused(run(), code);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a staged file id that does not exist', async () => {
    const lee = (await t.engine.handlers.listStaff({ practiceId: sunrise, query: 'lee' })).users[0]?.id ?? '';
    const before = await snapshot();
    await expectRefused(
      t.engine.handlers.sendMessage({
        practiceId: sunrise,
        to: [lee],
        subject: 's',
        body: 'b',
        attachments: [{ kind: 'file', id: 'staged-00000000-0000-0000-0000-000000000000' }],
      }),
      'unknown_file',
    );
    expect(await snapshot()).toBe(before);
  });

  it('says what is too long and the limit, for a body or subject a screen let through (issue 14, item 2)', async () => {
    const lee = (await t.engine.handlers.listStaff({ practiceId: sunrise, query: 'lee' })).users[0]?.id ?? '';
    const before = await snapshot();
    const refusal = (args: { subject: string; body: string }) =>
      t.engine.handlers.sendMessage({ practiceId: sunrise, to: [lee], ...args }).then(
        () => null,
        (e: unknown) => e,
      );
    expect(await refusal({ subject: 's', body: 'b'.repeat(100_001) })).toMatchObject({
      code: 'invalid_arguments',
      message: 'The body is too long: it can have at most 100,000 characters.',
    });
    expect(await refusal({ subject: 's'.repeat(256), body: 'b'.repeat(100_001) })).toMatchObject({
      message:
        'The subject is too long: it can have at most 255 characters. The body is too long: it can have at most 100,000 characters.',
    });
    expect(
      await t.engine.handlers.reply({ messageId, body: 'r'.repeat(100_001) }).catch((e: unknown) => e),
    ).toMatchObject({ message: 'The body is too long: it can have at most 100,000 characters.' });
    expect(await snapshot()).toBe(before);
  });

  it('refuses calls that need a session when signed out', async () => {
    const other = makeEngine();
    try {
      await expectRefused(
        other.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox' }),
        'not_signed_in',
      );
      await expectRefused(other.engine.handlers.unlock({ password: 'x' }), 'not_signed_in');
    } finally {
      await other.stop();
    }
  });
});
