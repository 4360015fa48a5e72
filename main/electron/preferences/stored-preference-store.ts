// The engine's PreferenceStore over electron-store, telling the host when preferences change so it
// can apply the ones it owns (start at login, idle lock minutes).
import { Preferences } from '../../../common/desktop/index.js';
import type { PreferenceStore } from '../../core/host-ports.js';

export interface PreferenceValueStore {
  get(key: 'preferences'): unknown;
  set(key: 'preferences', value: Preferences): void;
}

export class StoredPreferenceStore implements PreferenceStore {
  private readonly listeners = new Set<(prefs: Preferences) => void>();

  /** `defaults`: what this computer starts with where nothing is stored (close to tray depends on the desktop). */
  constructor(
    private readonly store: PreferenceValueStore,
    private readonly defaults: Partial<Preferences> = {},
  ) {}

  /** Keeps each stored field that is still valid, so one bad field doesn't reset the others. */
  load(): Partial<Preferences> {
    const raw = this.store.get('preferences');
    if (!raw || typeof raw !== 'object') return { ...this.defaults };
    const result: Record<string, unknown> = { ...this.defaults };
    for (const [key, schema] of Object.entries(Preferences.shape)) {
      const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
      if (parsed.success && parsed.data !== undefined) result[key] = parsed.data;
    }
    return result as Partial<Preferences>;
  }

  save(prefs: Preferences): void {
    const valid = Preferences.parse(prefs);
    this.store.set('preferences', valid);
    for (const listener of this.listeners) listener(valid);
  }

  onSaved(listener: (prefs: Preferences) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
