// Remembers, for a moment, which bearer tokens the database just accepted: most requests then skip
// the sha256 and the lookup. Sign-out evicts at once; nothing else changes a token behind our back.
import type { TokenOwner } from './tokens.js';

const TTL_MS = 1_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  owner: TokenOwner;
  checkedAt: number;
  /** Practices the owner was found a member of within the same moment. */
  practices?: Set<string>;
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  // Shorter than the idle limit can shrink in that time (tokens are touched every idleMs/20 at most).
  private readonly ttlMs: number;

  constructor(idleMs: number) {
    this.ttlMs = Math.min(TTL_MS, idleMs / 2);
  }

  /** The owner if the database accepted `token` less than a moment ago. */
  get(token: string, now: number): TokenOwner | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const age = now - entry.checkedAt;
    if (age >= 0 && age < this.ttlMs) return entry.owner;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, owner: TokenOwner, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear(); // a bound, not a policy: it refills
    this.entries.set(token, { owner, checkedAt: now });
  }

  /** True if `token` is cached and its owner was found a member of `practiceId` in the same moment. */
  isMember(token: string, practiceId: string, now: number): boolean {
    return this.get(token, now) !== undefined && (this.entries.get(token)?.practices?.has(practiceId) ?? false);
  }

  rememberMember(token: string, practiceId: string): void {
    const entry = this.entries.get(token);
    if (entry) (entry.practices ??= new Set()).add(practiceId);
  }

  delete(token: string): void {
    this.entries.delete(token);
  }
}
