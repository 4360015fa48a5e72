// The guards sign-in runs with (ServerContext.signIn): failed-attempt limiters, the ceiling on hash
// work, and the parameters new password hashes get.
import type { AttemptLimiter } from './attempt-limiter.js';
import type { HashGate } from './hash-gate.js';
import type { ScryptParams } from './passwords.js';

/** The sign-in guards a server runs with (ServerContext.signIn). */
export interface SignInGuards {
  perEmail: AttemptLimiter;
  perAddress: AttemptLimiter;
  hashGate: HashGate;
  /** Parameters for new hashes; older or weaker ones are upgraded on the next good sign-in. */
  hashing: ScryptParams;
}
