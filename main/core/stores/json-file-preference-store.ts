// Preferences in a JSON file, for the browser host and tests (Electron uses electron-store).
import fs from 'node:fs';
import path from 'node:path';
import { Preferences } from '../../../common/desktop/index.js';
import type { PreferenceStore } from '../host-ports.js';
import { writeFileAtomic } from './write-file-atomic.js';

export class JsonFilePreferenceStore implements PreferenceStore {
  constructor(private readonly file: string) {}

  load(): Partial<Preferences> {
    try {
      const parsed = Preferences.partial().safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  save(prefs: Preferences): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, JSON.stringify(Preferences.parse(prefs), null, 2), 0o644);
  }
}
