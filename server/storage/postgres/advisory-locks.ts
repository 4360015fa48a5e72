// The advisory lock keys this server takes in PostgreSQL, in one place so that none collide.
// (Per-user keys are not needed: the feed sequencer serializes on its counter row instead.)
export const ADVISORY_LOCKS = {
  migrations: 7_301_001,
  demoSeed: 7_301_002,
  maintenance: 7_301_003,
} as const;
