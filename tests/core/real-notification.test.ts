// One real notification through node-notifier to a real notification daemon (dunst under Xvfb
// and a private D-Bus session), read back from dunst's history. Skipped, with the reason, where
// those tools are missing.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const TOOLS = ['dunst', 'dunstctl', 'dbus-run-session', 'xvfb-run', 'notify-send'];
const missing = TOOLS.filter((tool) => spawnSync('which', [tool]).status !== 0);
if (missing.length > 0) console.log(`real notification test skipped: missing ${missing.join(', ')}`);

const CHILD = path.join(import.meta.dirname, 'support', 'notify-child.ts');

it.skipIf(missing.length > 0)('raises a notification that the daemon shows', () => {
  const title = `Practice Messenger test ${process.pid}`;
  // dunst starts in the background; wait until it answers, notify, then read its history.
  const script = [
    'dunst >/dev/null 2>&1 &',
    'for i in $(seq 1 100); do dunstctl is-paused >/dev/null 2>&1 && break; sleep 0.05; done',
    `"${process.execPath}" --import tsx "${CHILD}" "$TITLE" "New secure message"`,
    // History lists closed notifications: close what is shown, then look for ours.
    'for i in $(seq 1 100); do dunstctl close-all; dunstctl history | grep -q "$TITLE" && break; sleep 0.05; done',
    'dunstctl history',
  ].join('\n');
  const out = execFileSync('xvfb-run', ['-a', 'dbus-run-session', '--', 'sh', '-c', script], {
    env: { ...process.env, TITLE: title },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(out).toContain(title);
});
