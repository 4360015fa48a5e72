// The app lock, decided by the engine for every host, against a real server and cache with a clock
// the test moves: idle = no input reported for the chosen minutes; the OS lock engages it at once;
// while locked, data calls are refused and content events wait; the password unlocks.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  DEMO_PASSWORD,
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';
import { ManualClock } from '../support/manual-clock.js';

let server: EngineTestServer;
beforeAll(async () => {
  server = await startEngineTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

const MINUTE = 60_000;
const lockEvents = (t: TestEngine) => t.events.filter((e) => e.event === 'locked').map((e) => e.payload);

async function signedIn(clock: ManualClock, minutes: number) {
  const t = makeEngine({ clock });
  await t.engine.handlers.savePreferences({ idleLockMinutes: minutes });
  const session = await signIn(t, server.url, 'frontdesk@sunrise.example');
  return { t, practiceId: session.practices[0]?.id ?? '', userId: session.user?.id ?? '' };
}

describe('idle lock in the engine', () => {
  it('locks after the chosen minutes without reported input, counting from the last input', async () => {
    const clock = new ManualClock();
    const { t } = await signedIn(clock, 2);
    try {
      clock.advance(2 * MINUTE - 1);
      expect(t.engine.locked).toBe(false);
      await t.engine.handlers.reportActivity({});
      clock.advance(2 * MINUTE - 1);
      t.engine.reportActivity(); // the host's own input report (Electron: system input)
      clock.advance(2 * MINUTE - 1);
      expect(t.engine.locked).toBe(false);
      expect(lockEvents(t)).toEqual([]);
      clock.advance(1);
      expect(t.engine.locked).toBe(true);
      expect(lockEvents(t)).toEqual([{ locked: true }]);
    } finally {
      await t.stop();
    }
  });

  it('refuses data calls while locked, holds content events, and unlocks only with the password', async () => {
    const clock = new ManualClock();
    const { t, practiceId, userId } = await signedIn(clock, 1);
    try {
      clock.advance(MINUTE);
      expect(t.engine.locked).toBe(true);
      for (const call of [
        () => t.engine.handlers.listMessages({ practiceId, folder: 'inbox' }),
        () => t.engine.handlers.searchMessages({ practiceId, query: 'a' }),
        () => t.engine.handlers.getOutbox({}),
      ]) {
        await expect(call()).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/locked/) });
      }
      expect((await t.engine.handlers.getUnreadCounts({})).total).toBeGreaterThan(0);

      // A message arriving under the lock still syncs (the badge moves), but the page hears nothing of it.
      const before = (await t.engine.handlers.getUnreadCounts({})).total;
      const eventsBefore = t.events.length;
      const lee = await apiLogin(server.url, 'dr.lee@sunrise.example');
      await lee.call('POST', `/practices/${practiceId}/messages`, {
        clientId: randomUUID(),
        to: [userId],
        subject: 'While locked',
        body: 'x',
      });
      await waitFor('badge event', () =>
        t.events
          .slice(eventsBefore)
          .some((e) => e.event === 'unreadCount' && (e.payload as { total: number }).total > before),
      );
      expect(t.events.slice(eventsBefore).map((e) => e.event)).not.toContain('changed');

      expect(await t.engine.handlers.unlock({ password: 'not-the-password' })).toEqual({ unlocked: false });
      expect(t.engine.locked).toBe(true);
      const atUnlock = t.events.length;
      expect(await t.engine.handlers.unlock({ password: DEMO_PASSWORD })).toEqual({ unlocked: true });
      expect(t.engine.locked).toBe(false);
      // Badge and sync status may move meanwhile; of the rest, the release comes first, then what was held.
      const content = t.events.slice(atUnlock).filter((e) => e.event !== 'syncStatus' && e.event !== 'unreadCount');
      expect(content.map((e) => e.event)).toEqual(['locked', 'changed']);
      expect(lockEvents(t).at(-1)).toEqual({ locked: false });
      expect((await t.engine.handlers.listMessages({ practiceId, folder: 'inbox' })).rows.length).toBeGreaterThan(0);

      // The count starts again from the unlock.
      clock.advance(MINUTE - 1);
      expect(t.engine.locked).toBe(false);
      clock.advance(1);
      expect(t.engine.locked).toBe(true);
    } finally {
      await t.stop();
    }
  });

  it('locks at once on the OS lock, never when signed out or set to 0, and sign-out ends it', async () => {
    const clock = new ManualClock();
    const signedOut = makeEngine({ clock });
    try {
      signedOut.engine.lockNow();
      clock.advance(600 * MINUTE);
      expect(signedOut.engine.locked).toBe(false);
    } finally {
      await signedOut.stop();
    }

    const { t } = await signedIn(clock, 0);
    try {
      clock.advance(600 * MINUTE);
      expect(t.engine.locked).toBe(false);
      t.engine.lockNow();
      expect(t.engine.locked).toBe(true);
      await t.engine.handlers.signOut({});
      expect(t.engine.locked).toBe(false);
      expect(lockEvents(t)).toEqual([{ locked: true }, { locked: false }]);
      await expect(t.engine.handlers.getOutbox({})).rejects.toMatchObject({ code: 'not_signed_in' });
    } finally {
      await t.stop();
    }
  });
});

describe('the lock across a restart', () => {
  const reopen = async (dir: string, clock: ManualClock) => {
    const t = makeEngine({ dir, clock });
    await t.engine.start();
    await waitFor('the saved session', () => t.last('syncStatus')?.state === 'online');
    return t;
  };

  it('reopens a saved session locked when the app was quit while locked, until the password is entered', async () => {
    const clock = new ManualClock();
    const { t, practiceId } = await signedIn(clock, 5);
    t.engine.lockNow();
    await t.stop();

    const again = await reopen(t.dir, clock);
    try {
      expect(again.engine.locked).toBe(true);
      await expect(again.engine.handlers.listMessages({ practiceId, folder: 'inbox' })).rejects.toMatchObject({
        code: 'locked',
      });
      await again.engine.handlers.unlock({ password: DEMO_PASSWORD });
      expect(again.engine.locked).toBe(false);
    } finally {
      await again.stop();
    }
    // Unlocked before quitting: the next start opens unlocked.
    const third = await reopen(t.dir, clock);
    try {
      expect(third.engine.locked).toBe(false);
      expect((await third.engine.handlers.listMessages({ practiceId, folder: 'inbox' })).rows.length).toBeGreaterThan(
        0,
      );
    } finally {
      await third.stop();
    }
  });

  it('starts unlocked after signing out from the lock screen and in again', async () => {
    const clock = new ManualClock();
    const { t } = await signedIn(clock, 5);
    t.engine.lockNow();
    await t.engine.handlers.signOut({});
    await t.stop();
    const again = makeEngine({ dir: t.dir, clock });
    try {
      await signIn(again, server.url, 'frontdesk@sunrise.example');
      expect(again.engine.locked).toBe(false);
    } finally {
      await again.stop();
    }
  });
});
