// The updater's "is someone writing?" question against the real engine and a demo server: a draft with content in
// any practice means yes; signed out or an empty draft means no.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isComposing } from '../../main/core/update/compose-check.js';
import {
  makeEngine,
  signIn,
  startEngineTestServer,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';

let server: EngineTestServer;
let t: TestEngine;

beforeAll(async () => {
  server = await startEngineTestServer();
  t = makeEngine();
  await t.engine.start();
});
afterAll(async () => {
  await t?.stop();
  await server?.cleanup();
});

const emptyDraft = {
  to: [],
  patientId: null,
  encounterId: null,
  documentId: null,
  subject: '',
  body: '',
  attachments: [],
};

describe('isComposing', () => {
  it('is false when signed out', async () => {
    expect(await isComposing(t.engine.handlers)).toBe(false);
  });

  it('follows the drafts of every practice of the signed-in user', async () => {
    const session = await signIn(t, server.url, 'billing@sunrise.example'); // works for both practices
    const [first, second] = session.practices;
    if (!first || !second) throw new Error('billing should belong to two practices');
    expect(await isComposing(t.engine.handlers)).toBe(false);
    await t.engine.handlers.saveDraft({ practiceId: first.id, draft: emptyDraft });
    expect(await isComposing(t.engine.handlers)).toBe(false);
    await t.engine.handlers.saveDraft({ practiceId: second.id, draft: { ...emptyDraft, body: 'Call the lab' } });
    expect(await isComposing(t.engine.handlers)).toBe(true);
    await t.engine.handlers.saveDraft({ practiceId: second.id, draft: null });
    expect(await isComposing(t.engine.handlers)).toBe(false);
  });
});
