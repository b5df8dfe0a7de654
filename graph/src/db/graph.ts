import neo4j, { isRetryableError, type Driver, type ManagedTransaction, type SessionConfig } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import type { BookmarkChain } from './bookmarks.ts';
import { CircuitBreaker, type BreakerOptions } from './breaker.ts';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  /** Always named: a cluster or Aura may have another default. */
  database: string;
  /** How long opening a connection may take, default 1 000 ms (NEO4J_CONNECTION_TIMEOUT_MS). */
  connectionTimeoutMs?: number;
}

export const DEFAULT_CONNECTION_TIMEOUT_MS = 1_000;

/**
 * The driver, tuned to fail fast: a connection attempt gives up after `connectionTimeoutMs`,
 * waiting for a pooled connection after that plus 500 ms, and the driver's own retries of managed
 * transactions are cut to one — they would retry an unreachable database for 30 s. `Graph`
 * retries transient errors (deadlocks) itself, and never unavailability.
 */
export function createDriver(config: Neo4jConfig): Driver {
  const connectionTimeout = config.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS;
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Counts and versions are small: plain numbers are simpler than Integer objects.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionTimeout,
    connectionAcquisitionTimeout: connectionTimeout + 500,
    // A connection idle for over a second is checked before use, within the acquisition timeout:
    // a database that stopped answering (frozen, not dead) then fails fast too.
    connectionLivenessCheckTimeout: 1_000,
    maxTransactionRetryTime: 0,
  });
}

/** The store could not be reached; the API reports it as unavailable, never its details. */
export class GraphUnavailableError extends Error {
  override name = 'GraphUnavailableError';
}

const CONSTRAINT_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';
/** Driver and server codes that mean "the database is not there", not "the query failed". */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

function isUnavailable(error: unknown): boolean {
  if (error instanceof GraphUnavailableError) return true;
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  // The pool's acquisition timeout carries no code.
  return typeof message === 'string' && message.startsWith('Connection acquisition timed out');
}

function mapError(error: unknown): unknown {
  if (error instanceof DomainError || error instanceof GraphUnavailableError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === CONSTRAINT_FAILED) {
    return new DomainError('ID_TAKEN', "l'identifiant demandé est déjà utilisé");
  }
  if (isUnavailable(error)) {
    return new GraphUnavailableError('the graph database is unavailable', { cause: error });
  }
  return error;
}

/** Transient errors (deadlocks, lock timeouts) are retried for up to this long, with back-off. */
const TRANSIENT_RETRY_MS = 30_000;
const FIRST_RETRY_DELAY_MS = 50;

export interface TxOptions {
  /** Milliseconds before the server aborts the transaction. */
  timeout?: number;
  metadata?: Record<string, unknown>;
  /** The client's bookmarks: wait for them, and (writes) record the commit's (db/bookmarks.ts). */
  bookmarks?: BookmarkChain | null;
}

/**
 * The one place that opens sessions: each unit of work runs in a managed transaction (retried
 * on transient errors, so it must be idempotent) and the session is closed in `finally`.
 */
export class Graph {
  /** Fails calls at once after consecutive connection failures; see breaker.ts. */
  readonly breaker: CircuitBreaker;

  constructor(
    readonly driver: Driver,
    readonly database: string,
    options: { breaker?: BreakerOptions } = {},
  ) {
    this.breaker = new CircuitBreaker(options.breaker);
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.execute('READ', work, options);
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.execute('WRITE', work, options);
  }

  /**
   * Whether the database answers `RETURN 1` within `timeoutMs` (readiness). Never throws.
   */
  async ping(timeoutMs = 2_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const answered = this.read((tx) => tx.run('RETURN 1'), { timeout: timeoutMs }).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answered, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Runs `work` in a managed transaction. Transient errors are retried with back-off for up to
   * 30 s; an unreachable database is not (the caller hears it within about two connection
   * timeouts as GraphUnavailableError), and while the breaker is open calls fail at once.
   */
  private async execute<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
    { bookmarks, ...options }: TxOptions,
  ): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      if (!this.breaker.tryAcquire()) throw new GraphUnavailableError('the graph database is unavailable (circuit open)');
      const session = this.driver.session(this.sessionConfig(mode, bookmarks));
      try {
        const result = mode === 'READ' ? await session.executeRead(work, options) : await session.executeWrite(work, options);
        this.breaker.succeeded();
        return result;
      } catch (error) {
        if (isUnavailable(error)) {
          this.breaker.failed();
          throw mapError(error);
        }
        this.breaker.succeeded();
        const delay = Math.min(FIRST_RETRY_DELAY_MS * 2 ** attempt, 5_000) * (0.8 + Math.random() * 0.4);
        if (!(error instanceof DomainError) && isRetryableError(error) && Date.now() - started + delay < TRANSIENT_RETRY_MS) {
          await new Promise((resolve) => setTimeout(resolve, delay));
          continue;
        }
        throw mapError(error);
      } finally {
        await session.close().catch(() => {});
      }
    }
  }

  /**
   * How every session is opened. On a cluster the driver routes READ sessions to readers and
   * WRITE sessions to the leader; with a bookmark chain, the session waits for the client's
   * bookmarks and a write records its own. Code opening a session outside read/write (one
   * transaction for a whole operation) takes its configuration from here too.
   */
  sessionConfig(mode: 'READ' | 'WRITE', bookmarks: BookmarkChain | null = null): SessionConfig {
    return {
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(bookmarks ? { bookmarkManager: mode === 'READ' ? bookmarks.forReads : bookmarks.forWrites } : {}),
    };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** The driver-to-domain error mapping above, for units of work run outside `Graph` (the API's per-operation transaction). */
export { mapError as mapGraphError };
