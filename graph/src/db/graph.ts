import neo4j, { type Driver, type ManagedTransaction, type SessionConfig } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import type { BookmarkChain } from './bookmarks.ts';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  /** Always named: a cluster or Aura may have another default. */
  database: string;
}

/** Reads NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE; null when no URI is set. */
export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | null {
  if (!env.NEO4J_URI) return null;
  return {
    uri: env.NEO4J_URI,
    user: env.NEO4J_USER ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE ?? 'neo4j',
  };
}

export function createDriver(config: Neo4jConfig): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Counts and versions are small: plain numbers are simpler than Integer objects.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
  });
}

/** The store could not be reached; the API reports it as unavailable, never its details. */
export class GraphUnavailableError extends Error {
  override name = 'GraphUnavailableError';
}

const CONSTRAINT_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';

function mapError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === CONSTRAINT_FAILED) {
    return new DomainError('ID_TAKEN', "l'identifiant demandé est déjà utilisé");
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new GraphUnavailableError('the graph database is unavailable', { cause: error });
  }
  return error;
}

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
  constructor(
    readonly driver: Driver,
    readonly database: string,
  ) {}

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>, { bookmarks, ...options }: TxOptions = {}): Promise<T> {
    const session = this.driver.session(this.sessionConfig('READ', bookmarks));
    try {
      return await session.executeRead(work, options);
    } catch (error) {
      throw mapError(error);
    } finally {
      await session.close();
    }
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>, { bookmarks, ...options }: TxOptions = {}): Promise<T> {
    const session = this.driver.session(this.sessionConfig('WRITE', bookmarks));
    try {
      return await session.executeWrite(work, options);
    } catch (error) {
      throw mapError(error);
    } finally {
      await session.close();
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
