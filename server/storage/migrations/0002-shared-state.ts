// Schema version 2: what several server instances must share moves into the database (the sign-in
// attempt limiter), and the lookups they all make get indexes (case-blind email, blob references).
import type { Migration } from './migration.js';

const BOTH = `
CREATE INDEX uploads_by_sha256 ON uploads(sha256);
CREATE INDEX documents_by_sha256 ON documents(sha256);
CREATE INDEX sign_in_attempts_by_key ON sign_in_attempts(key, at);
CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts(at);
`;

export const migration0002: Migration = {
  version: 2,
  name: 'shared state',
  sqlite: `
CREATE TABLE sign_in_attempts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'failed')),
  at INTEGER NOT NULL
) STRICT;
-- Queries match emails with lower(...) = ?, the same text in both databases.
CREATE INDEX staff_by_lower_email ON staff(lower(email));
CREATE INDEX patients_by_lower_portal_email ON patients(lower(portal_email));
${BOTH}`,
  postgres: `
CREATE TABLE sign_in_attempts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'failed')),
  at BIGINT NOT NULL
);
${BOTH}`,
};
