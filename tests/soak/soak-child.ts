// One engine process of the soak (`npm run soak`): restores its saved session (signs in on its first
// run), syncs in small pages, and sends a message every few tens of ms, printing `queued <subject>`
// once each send is committed to its outbox. The soak kills it with SIGKILL at a random moment.
// With `drain`, it sends nothing, waits until caught up with an empty outbox, prints `drained`, exits.
import path from 'node:path';
import { createEngine } from '../../main/core/engine.js';
import { JsonFilePreferenceStore } from '../../main/core/stores/json-file-preference-store.js';
import { JsonFileSecretStore } from '../../main/core/stores/json-file-secret-store.js';

const [dataDir, serverUrl, email, password, recipientId, runId, mode] = process.argv.slice(2) as string[];
const secrets = new JsonFileSecretStore(path.join(dataDir ?? '', 'secrets.json'));
const engine = createEngine({
  dataDir: dataDir ?? '',
  appInfo: { name: 'Practice Messenger', version: 'soak', host: 'web' },
  defaultServerUrl: null,
  secrets,
  preferences: new JsonFilePreferenceStore(path.join(dataDir ?? '', 'preferences.json')),
  notifier: { notify: () => {} },
  tuning: { syncPageSize: 40, notificationWindowMs: 0 },
});
const say = (line: string) => process.stdout.write(`${line}\n`);

engine.subscribe((event, payload) => {
  if (event === 'syncStatus' && 'syncedMessages' in payload) say(`page ${payload.syncedMessages}`);
});

async function start(): Promise<void> {
  if (secrets.get('token')) await engine.start();
  else await engine.handlers.signIn({ serverUrl: serverUrl ?? '', email: email ?? '', password: password ?? '' });
  const session = await engine.handlers.getSession({});
  const practiceId = session.practices[0]?.id;
  if (!session.signedIn || !practiceId) throw new Error('soak child: not signed in');
  say('ready');
  if (mode === 'drain') return drain();
  for (let n = 0; ; n++) {
    const subject = `soak ${runId}-${n}`;
    await engine.handlers.sendMessage({ practiceId, to: [recipientId ?? ''], subject, body: `body of ${subject}` });
    say(`queued ${subject}`);
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 60));
  }
}

async function drain(): Promise<void> {
  for (;;) {
    const status = await engine.handlers.getSyncStatus({});
    const outbox = await engine.handlers.getOutbox({});
    const pending = outbox.items.filter((item) => item.status === 'pending').length;
    if (status.state === 'online' && status.initialSyncDone && pending === 0) {
      await engine.stop();
      say('drained');
      process.exit(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

start().catch((error: unknown) => {
  process.stderr.write(`soak child failed: ${error instanceof Error ? error.name : 'error'}\n`);
  process.exit(1);
});
