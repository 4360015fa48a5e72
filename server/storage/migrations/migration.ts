// One schema change: a version number and its DDL for each database (SQLite's tables are STRICT).
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}
