// Child process for the kill test: signs in (first run) or restores the saved session, syncs in
// small pages, prints "done" when caught up. The parent SIGKILLs it at random moments.
import path from 'node:path';
import { createEngine } from '../../../main/core/engine.js';
import { JsonFilePreferenceStore } from '../../../main/core/stores/json-file-preference-store.js';
import { JsonFileSecretStore } from '../../../main/core/stores/json-file-secret-store.js';

const [dataDir, serverUrl, email, password] = process.argv.slice(2) as [string, string, string, string];
const secrets = new JsonFileSecretStore(path.join(dataDir, 'secrets.json'));
const engine = createEngine({
  dataDir,
  appInfo: { name: 'Practice Messenger', version: 'test', host: 'web' },
  defaultServerUrl: null,
  secrets,
  preferences: new JsonFilePreferenceStore(path.join(dataDir, 'preferences.json')),
  notifier: { notify: () => {} },
  tuning: { syncPageSize: 3 },
});
engine.subscribe((event, payload) => {
  if (event === 'syncStatus' && 'syncedMessages' in payload) process.stdout.write(`page ${payload.syncedMessages}\n`);
  if (event === 'syncStatus' && 'initialSyncDone' in payload && payload.initialSyncDone && payload.state === 'online') {
    process.stdout.write('done\n');
    void engine.stop().then(() => process.exit(0));
  }
});
process.stdout.write('started\n');
if (secrets.get('token')) await engine.start();
else await engine.handlers.signIn({ serverUrl, email, password });
