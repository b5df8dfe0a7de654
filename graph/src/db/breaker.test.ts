import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './breaker.ts';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold and while calls succeed', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 1_000, now: time.now });
    breaker.failed();
    breaker.failed();
    expect(breaker.state).toBe('closed');
    breaker.succeeded();
    breaker.failed();
    breaker.failed();
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.state).toBe('closed');
  });

  it('opens after consecutive failures, then lets one probe through after openMs', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 1_000, now: time.now });
    breaker.failed();
    breaker.failed();
    breaker.failed();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    time.advance(999);
    expect(breaker.tryAcquire()).toBe(false);
    time.advance(1);
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true); // the probe
    expect(breaker.tryAcquire()).toBe(false); // others wait for it
    breaker.succeeded();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('a failed probe opens the circuit again for openMs', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 500, now: time.now });
    breaker.failed();
    time.advance(500);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.failed();
    expect(breaker.tryAcquire()).toBe(false);
    time.advance(499);
    expect(breaker.state).toBe('open');
    time.advance(1);
    expect(breaker.tryAcquire()).toBe(true);
  });
});
