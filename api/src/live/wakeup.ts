/**
 * A flag a producer raises and a consumer waits for: signals raised while the consumer is busy
 * merge into one wake-up (a burst of notices costs the consumer one more pass, not one each).
 */
export class Wakeup {
  #pending = false;
  #closed = false;
  #waiter: ((awake: boolean) => void) | null = null;

  /** Raises the flag (wakes the waiting consumer). */
  signal(): void {
    if (this.#closed) return;
    this.#pending = true;
    this.#release(true);
  }

  /** Ends: the consumer's wait resolves false, now and for good. */
  close(): void {
    this.#closed = true;
    this.#release(false);
  }

  /** Resolves true once the flag is raised (and lowers it), false once closed. */
  wait(): Promise<boolean> {
    if (this.#closed) return Promise.resolve(false);
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      this.#waiter = (awake) => {
        if (awake) this.#pending = false;
        resolve(awake);
      };
    });
  }

  #release(awake: boolean): void {
    const waiter = this.#waiter;
    this.#waiter = null;
    waiter?.(awake);
  }
}
