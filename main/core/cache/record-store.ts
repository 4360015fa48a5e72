// Patients, encounters and documents kept in the (encrypted) cache for offline reading.
import type { Db } from './driver.js';

export type RecordKind = 'patient' | 'encounter' | 'documentSearch' | 'patientSearch' | 'documentFile';

export class RecordStore {
  constructor(private readonly db: Db) {}

  put(practiceId: string, kind: RecordKind, key: string, value: unknown): void {
    this.db
      .prepare(
        `INSERT INTO records (practice_id, kind, key, json, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (practice_id, kind, key) DO UPDATE SET json = excluded.json, fetched_at = excluded.fetched_at`,
      )
      .run(practiceId, kind, key, JSON.stringify(value), new Date().toISOString());
  }

  get<T>(practiceId: string, kind: RecordKind, key: string): T | null {
    const row = this.db
      .prepare<[string, string, string], { json: string }>(
        'SELECT json FROM records WHERE practice_id = ? AND kind = ? AND key = ?',
      )
      .get(practiceId, kind, key);
    return row ? (JSON.parse(row.json) as T) : null;
  }
}
