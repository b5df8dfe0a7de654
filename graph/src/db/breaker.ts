/**
 * A small circuit breaker for the database: after `failureThreshold` consecutive connection
 * failures it opens, and calls fail at once instead of each waiting for a connection timeout.
 * After `openMs` one call goes through as a probe (half-open): success closes the circuit,
 * failure opens it again.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit, default 3. */
  failureThreshold?: number;
  /** Milliseconds the circuit stays open before a probe, default 1 000. */
  openMs?: number;
  now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private probing = false;
  private readonly failureThreshold: number;
  private readonly openMs: number;
  private readonly now: () => number;

  constructor(options: BreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 3;
    this.openMs = options.openMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.probing || this.now() - this.openedAt < this.openMs ? 'open' : 'half-open';
  }

  /**
   * Whether a call may go to the database now. In half-open state the first caller becomes the
   * probe (and must report `succeeded` or `failed`); the others are refused until it answers.
   */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open') return false;
    this.probing = true;
    return true;
  }

  /** The database answered (a query error counts: it says the database is there). */
  succeeded(): void {
    this.failures = 0;
    this.openedAt = null;
    this.probing = false;
  }

  /** A connection failure (not a query error: those say the database answered). */
  failed(): void {
    this.probing = false;
    this.failures += 1;
    if (this.openedAt !== null || this.failures >= this.failureThreshold) this.openedAt = this.now();
  }
}
