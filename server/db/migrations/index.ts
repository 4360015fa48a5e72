// The schema's history, in order: one numbered file per change, applied by `user_version`.
import { migration0001 } from './0001-initial-schema.js';

export interface Migration {
  version: number;
  sql: string;
}

export const migrations: Migration[] = [migration0001];
