// A ceiling on password-hash work across all sign-ins: a few run at once, a bounded queue waits, and
// the rest are refused at once. Each scrypt at N=2^17 takes ~128 MiB and a libuv thread for ~0.4 s;
// unbounded, a flood of sign-ins would take every core and the threads that file reads also need.

export class HashGateFull extends Error {
  constructor() {
    super('too much password-hash work queued');
    this.name = 'HashGateFull';
  }
}

export interface HashGateLimits {
  /** Hashes running at once: at most half of libuv's 4 threads, so file I/O keeps moving. */
  running: number;
  /** Sign-ins waiting for a turn; past this, refused at once. */
  waiting: number;
}

export const HASH_GATE_LIMITS: HashGateLimits = { running: 2, waiting: 32 };

export class HashGate {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limits: HashGateLimits = HASH_GATE_LIMITS) {}

  /** Runs `work` when a slot frees; rejects with HashGateFull when the queue is already full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.running) {
      if (this.queue.length >= this.limits.waiting) throw new HashGateFull();
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      // The slot passes straight to the next waiter; only when none waits does it free.
      if (next) next();
      else this.running -= 1;
    }
  }
}
