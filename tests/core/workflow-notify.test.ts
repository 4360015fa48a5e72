// Notification rules of the team workflow: urgent messages alert at once (no burst window) and again
// every interval until read, at most 10 times; quiet hours hold every alert back (and a held-back re-alert
// does not count); mute silences all but urgent; the snooze time rule; /sync pages with unknown kinds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_URGENT_REALERTS, type QuietHours } from '../../common/desktop/index.js';
import type { Message } from '../../common/http/index.js';
import { checkSnoozeTime } from '../../main/core/handlers/workflow-rules.js';
import type { NotificationRequest } from '../../main/core/host-ports.js';
import { NotificationDispatcher } from '../../main/core/notify/notification-dispatcher.js';
import { composeNotification } from '../../main/core/notify/notification-rules.js';
import { isQuietTime } from '../../main/core/notify/quiet-hours.js';
import { UrgentRealerter } from '../../main/core/notify/urgent-realerter.js';
import { parseSyncPage } from '../../main/core/sync/parse-sync-page.js';
import { message, messageChange } from './support/synthetic.js';

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00`);

describe('quiet hours', () => {
  const overnight: QuietHours = { enabled: true, start: '19:00', end: '07:00' };
  it('silences overnight from start to end, and not outside', () => {
    expect(['19:00', '23:59', '00:00', '06:59'].map((t) => isQuietTime(overnight, at(t)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['07:00', '12:00', '18:59'].map((t) => isQuietTime(overnight, at(t)))).toEqual([false, false, false]);
  });
  it('works within one day, and is off when not enabled', () => {
    const lunch: QuietHours = { enabled: true, start: '12:00', end: '13:00' };
    expect([isQuietTime(lunch, at('12:30')), isQuietTime(lunch, at('13:00'))]).toEqual([true, false]);
    expect(isQuietTime({ ...overnight, enabled: false }, at('23:00'))).toBe(false);
  });
});

describe('urgent alerts', () => {
  let shown: NotificationRequest[];
  let quiet: boolean;
  let read: Set<string>;
  const dispatcher = () =>
    new NotificationDispatcher({
      notifier: { notify: (request) => void shown.push(request) },
      privacy: () => 'generic',
      stillNotifiable: (m) => !read.has(m.id),
      onClick: () => undefined,
      windowMs: 60_000,
      quiet: () => quiet,
    });

  beforeEach(() => {
    vi.useFakeTimers();
    shown = [];
    quiet = false;
    read = new Set();
  });
  afterEach(() => vi.useRealTimers());

  it('alerts at once, outside the burst window, titled urgent and free of health data', () => {
    const urgent = message({ priority: 'urgent', subject: 'Ana Ruiz fell' });
    expect(dispatcher().raiseUrgent(urgent)).toBe(true);
    expect(shown).toEqual([{ title: 'Urgent secure message', body: '', target: expect.any(Object) }]);
  });

  it('re-alerts every interval until read, at most 10 times', () => {
    const d = dispatcher();
    const realerter = new UrgentRealerter({
      intervalMs: () => 120_000,
      stillUnread: (m) => !read.has(m.id),
      alert: (m) => d.raiseUrgent(m),
    });
    const a = message({ priority: 'urgent' });
    const b = message({ priority: 'urgent' });
    realerter.track(a);
    realerter.track(b);
    vi.advanceTimersByTime(119_000);
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(1_000);
    expect(shown).toHaveLength(2);
    read.add(b.id);
    vi.advanceTimersByTime(120_000 * 20);
    expect(shown).toHaveLength(1 + MAX_URGENT_REALERTS);
    expect(realerter.realerts(a.id)).toBe(0); // no longer tracked after the tenth
    realerter.stop();
  });

  it('holds alerts back in quiet hours without counting them, and resumes after', () => {
    const d = dispatcher();
    const realerter = new UrgentRealerter({
      intervalMs: () => 60_000,
      stillUnread: () => true,
      alert: (m) => d.raiseUrgent(m),
    });
    quiet = true;
    const m = message({ priority: 'urgent' });
    expect(d.raiseUrgent(m)).toBe(false);
    realerter.track(m);
    vi.advanceTimersByTime(60_000 * 30);
    expect(shown).toEqual([]);
    expect(realerter.realerts(m.id)).toBe(0);
    quiet = false;
    vi.advanceTimersByTime(60_000);
    expect(shown).toHaveLength(1);
    realerter.stop();
  });

  it('quiet hours hold back the batched notifications too', () => {
    const d = dispatcher();
    quiet = true;
    d.add([message()]);
    d.flush();
    expect(shown).toEqual([]);
  });
});

describe('notification wording', () => {
  it('says "Urgent" in the title at every privacy level, never the subject unless chosen', () => {
    const m: Message = message({ priority: 'urgent', subject: 'Ana Ruiz fell' });
    expect(composeNotification([m], 'sender', true)).toMatchObject({
      title: 'Urgent secure message',
      body: 'From Dr. Lee',
    });
    expect(composeNotification([m], 'full', true)).toMatchObject({ title: 'Urgent secure message from Dr. Lee' });
    expect(composeNotification([m], 'generic', false)?.title).toBe('New secure message');
  });
});

describe('snooze time', () => {
  const now = Date.parse('2026-12-01T09:00:00.000Z');
  it('must lie ahead, within a year', () => {
    expect(() => checkSnoozeTime('2026-12-01T10:00:00.000Z', now)).not.toThrow();
    expect(() => checkSnoozeTime('2026-12-01T08:59:59.000Z', now)).toThrow(/later than now/);
    expect(() => checkSnoozeTime('2027-12-02T09:00:00.000Z', now)).toThrow(/a year at most/);
  });
});

describe('parseSyncPage', () => {
  it('skips kinds it does not know, keeps the rest, and still refuses a known kind off the contract', () => {
    const m = message();
    const page = parseSyncPage({ changes: [{ kind: 'hologram', x: 1 }, messageChange(m)], cursor: 'c', more: false });
    expect(page?.changes).toEqual([messageChange(m)]);
    expect(parseSyncPage({ changes: [{ kind: 'state', practiceId: 'p' }], cursor: 'c', more: false })).toBeNull();
    expect(parseSyncPage({ changes: [{ notAKind: true }], cursor: 'c', more: false })).toBeNull();
  });
});
