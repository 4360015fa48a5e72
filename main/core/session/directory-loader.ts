// Staff names and practice settings, fetched once per session (the sync feed carries later changes);
// tried again after the next successful pull when it fails.
import type { PracticeRef } from '../../../common/http/index.js';
import type { AccountCache } from '../cache/account-cache.js';
import type { ServerClient } from '../sync/server-client.js';

export class DirectoryLoader {
  private loaded = false;

  constructor(
    private readonly deps: {
      cache: AccountCache;
      client: ServerClient;
      practices: PracticeRef[];
      isStopped(): boolean;
      /** After a practice's directory is stored (the workflow refreshes its own server state then). */
      afterPractice(practiceId: string): Promise<void>;
      onLoaded(practiceIds: string[]): void;
    },
  ) {}

  async loadOnce(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    const { cache, client, practices } = this.deps;
    try {
      for (const practice of practices) {
        const [{ users }, { settings }] = await Promise.all([client.users(practice.id), client.settings(practice.id)]);
        if (this.deps.isStopped()) return;
        await cache.writer.putDirectory(practice.id, users, settings);
        await this.deps.afterPractice(practice.id);
      }
      this.deps.onLoaded(practices.map((p) => p.id));
    } catch {
      this.loaded = false;
    }
  }
}
