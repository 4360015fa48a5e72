// @vitest-environment jsdom
// The renderer reports user input to the host for the idle lock, throttled, and stops when asked.
import { afterEach, describe, expect, it } from 'vitest';
import { setDesktopApiForTests } from '../api/client.js';
import { createFakeDesktopApi } from '../testing/fake-desktop-api.js';
import { ACTIVITY_THROTTLE_MS, reportUserActivity } from './activity-reporter.js';

let stop = () => undefined as void;
afterEach(() => stop());

describe('reportUserActivity', () => {
  it('reports keyboard and pointer input at most once per throttle window, until stopped', () => {
    const api = createFakeDesktopApi();
    setDesktopApiForTests(api);
    let now = 1_000;
    stop = reportUserActivity(window, () => now);
    const reports = () => api.calls.filter((c) => c.method === 'reportActivity').length;
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    window.dispatchEvent(new Event('pointerdown'));
    expect(reports()).toBe(1);
    now += ACTIVITY_THROTTLE_MS;
    window.dispatchEvent(new Event('wheel'));
    expect(reports()).toBe(2);
    stop();
    now += ACTIVITY_THROTTLE_MS;
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'b' }));
    expect(reports()).toBe(2);
  });
});
