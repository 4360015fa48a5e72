// Which messages raise a notification, what it says at each privacy level, and burst coalescing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../common/http/index.js';
import type { NotificationRequest } from '../../main/core/host-ports.js';
import { NotificationDispatcher } from '../../main/core/notify/notification-dispatcher.js';
import { composeNotification, selectNotifiable } from '../../main/core/notify/notification-rules.js';
import { ME, PATIENT, P1, P2, message } from './support/synthetic.js';

const ctx = (o: { initialSyncDone?: boolean; hidePortalIn?: string[] } = {}) => ({
  initialSyncDone: o.initialSyncDone ?? true,
  portalMessagesShown: (id: string) => !(o.hidePortalIn ?? []).includes(id),
});
const stored = (m: Message, s: { read?: boolean; archived?: boolean; incoming?: boolean } = {}) => ({
  message: m,
  read: s.read ?? false,
  archived: s.archived ?? false,
  incoming: s.incoming ?? true,
});

describe('selectNotifiable', () => {
  it('notifies a new incoming unread message', () => {
    const m = message();
    expect(selectNotifiable([stored(m)], ctx())).toEqual([m]);
  });
  it('never for your own message', () => {
    expect(selectNotifiable([stored(message({ sender: ME }), { incoming: false })], ctx())).toEqual([]);
  });
  it('never for a message already read', () => {
    expect(selectNotifiable([stored(message(), { read: true })], ctx())).toEqual([]);
  });
  it('never for an archived message', () => {
    expect(selectNotifiable([stored(message(), { archived: true })], ctx())).toEqual([]);
  });
  it('never for portal messages where the practice hides them, but for those where it shows them', () => {
    const hidden = message({ source: 'portal', sender: PATIENT, practiceId: P1 });
    const shown = message({ source: 'portal', sender: PATIENT, practiceId: P2 });
    expect(selectNotifiable([stored(hidden), stored(shown)], ctx({ hidePortalIn: [P1] }))).toEqual([shown]);
  });
  it('never during the initial backfill', () => {
    expect(selectNotifiable([stored(message())], ctx({ initialSyncDone: false }))).toEqual([]);
  });
});

describe('composeNotification', () => {
  const m = message({
    sender: { kind: 'staff', id: 'u1', name: 'Dr. Lee' },
    subject: 'Potassium result',
    body: 'BODY-SECRET',
    patient: { id: 'p', name: 'PATIENT-SECRET' },
  });
  const text = (r: NotificationRequest | null) => `${r?.title}\n${r?.body}`;

  it('generic says only that a secure message arrived', () => {
    const r = composeNotification([m], 'generic');
    expect(r).toEqual({ title: 'New secure message', body: '', target: { practiceId: m.practiceId, messageId: m.id } });
  });
  it('sender adds the sender name only', () => {
    const r = composeNotification([m], 'sender');
    expect(text(r)).toContain('Dr. Lee');
    expect(text(r)).not.toContain('Potassium');
  });
  it('full adds sender and subject, never body or patient', () => {
    const r = composeNotification([m], 'full');
    expect(text(r)).toContain('Dr. Lee');
    expect(text(r)).toContain('Potassium result');
    for (const level of ['generic', 'sender', 'full'] as const) {
      expect(text(composeNotification([m], level))).not.toMatch(/BODY-SECRET|PATIENT-SECRET/);
    }
  });
  it('a burst becomes one count notification with no details', () => {
    const r = composeNotification([m, message(), message(), message(), message()], 'full');
    expect(r).toEqual({ title: '5 new secure messages', body: '', target: null });
  });
  it('nothing for nothing', () => {
    expect(composeNotification([], 'generic')).toBeNull();
  });
});

describe('NotificationDispatcher', () => {
  afterEach(() => vi.useRealTimers());

  it('coalesces a burst within the window, drops messages read meanwhile, and reports clicks', () => {
    vi.useFakeTimers();
    const raised: NotificationRequest[] = [];
    const clicks: unknown[] = [];
    const read = new Set<string>();
    const d = new NotificationDispatcher({
      notifier: { notify: (r, onClick) => (raised.push(r), onClick()) },
      privacy: () => 'generic',
      stillNotifiable: (msg) => !read.has(msg.id),
      onClick: (t) => clicks.push(t),
      windowMs: 200,
    });
    const [a, b, c] = [message(), message(), message()];
    d.add([a]);
    d.add([b, c]);
    read.add(c.id);
    expect(raised).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(raised).toEqual([{ title: '2 new secure messages', body: '', target: null }]);
    expect(clicks).toEqual([]);
    d.add([a]);
    vi.advanceTimersByTime(200);
    expect(raised[1]?.target).toEqual({ practiceId: a.practiceId, messageId: a.id });
    expect(clicks).toEqual([{ practiceId: a.practiceId, messageId: a.id }]);
  });

  it('survives a notifier that throws', () => {
    const d = new NotificationDispatcher({
      notifier: {
        notify: () => {
          throw new Error('no daemon');
        },
      },
      privacy: () => 'generic',
      stillNotifiable: () => true,
      onClick: () => {},
    });
    d.add([message()]);
    expect(() => d.flush()).not.toThrow();
  });
});
