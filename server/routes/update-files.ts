// GET /updates/<file>: the desktop app's updates, as `npm run server -- publish-update` stored them, served byte for
// byte (latest*.yml exactly as electron-builder wrote it, with its sha512s), with Range support for differential
// downloads. No sign-in needed: installers hold no practice data, and the app verifies what it downloads.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ensureUpdatesFolder } from '../services/updates/publish-update.js';
import { CHANNEL_FILE } from '../services/updates/update-release.js';

export async function registerUpdateFiles(app: FastifyInstance, folder: string): Promise<void> {
  ensureUpdatesFolder(folder);
  await app.register(fastifyStatic, {
    root: folder,
    prefix: '/updates/',
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny', // half-copied files are .name.part
    cacheControl: false, // set per file below
    setHeaders: (response, path) => {
      const name = path.split(/[\\/]/).at(-1) ?? '';
      // A channel file changes with every release; an installer's name carries its version.
      response.setHeader('Cache-Control', CHANNEL_FILE.test(name) ? 'no-cache' : 'public, max-age=86400');
    },
  });
}
