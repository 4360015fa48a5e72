// `npm run start:web` entry: the desktop engine behind the browser host, configured from the environment.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAppInfo } from '../core/app-info.js';
import { createEngine } from '../core/engine.js';
import { NodeNotifierNotifier } from '../core/notify/node-notifier-notifier.js';
import { JsonFilePreferenceStore } from '../core/stores/json-file-preference-store.js';
import { JsonFileSecretStore } from '../core/stores/json-file-secret-store.js';
import { readWebConfig } from './web-config.js';
import { startWebHost } from './web-host.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const config = readWebConfig(process.env);
  mkdirSync(config.appDataDir, { recursive: true, mode: 0o700 });
  const engine = createEngine({
    dataDir: config.appDataDir,
    appInfo: { ...readAppInfo(join(root, 'package.json')), host: 'web' },
    defaultServerUrl: config.practiceServerUrl,
    secrets: new JsonFileSecretStore(join(config.appDataDir, 'secrets.json')),
    preferences: new JsonFilePreferenceStore(join(config.appDataDir, 'preferences.json')),
    notifier: new NodeNotifierNotifier(),
  });
  await engine.start();
  const host = await startWebHost({ engine, rendererDir: join(root, 'out/renderer'), port: config.port });
  console.log('Practice Messenger (browser host) is ready. Open:');
  console.log(host.url);
  const stop = async () => {
    await host.close();
    await engine.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`Practice Messenger could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
