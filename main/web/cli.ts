// `npm run start:web` entry: the desktop engine behind the browser host, configured from the environment.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleWebEngine } from './assemble-engine.js';
import { readWebConfig } from './web-config.js';
import { startWebHost } from './web-host.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const config = readWebConfig(process.env);
  const engine = assembleWebEngine({
    appDataDir: config.appDataDir,
    practiceServerUrl: config.practiceServerUrl,
    packageJsonPath: join(root, 'package.json'),
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
