/**
 * Keeps an embedded Neo4j running: when its JVM exits without being asked to (a crash, an
 * out-of-memory kill, a `kill -9`), it is started again on the same data folder and port after a
 * back-off (1 s, 2 s, 4 s… up to 30 s), with a log line each time. A run or a start that fails
 * within `stableAfterMs` of the previous start is a quick failure; after `maxQuickFailures` of
 * them in a row the supervisor gives up and says so (`gaveUp`). Neo4j recovers its transaction
 * log at each start, so every committed transaction survives the crash.
 */
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedNeo4jOptions } from './embedded.ts';

export interface SupervisorOptions {
  /** Quick failures in a row after which the supervisor gives up, default 5. */
  maxQuickFailures?: number;
  /** A run at least this long (ms) is healthy and resets the count, default 60 000. */
  stableAfterMs?: number;
  /** First restart delay (ms), doubled after each quick failure, default 1 000. */
  initialBackoffMs?: number;
  /** Longest restart delay (ms), default 30 000. */
  maxBackoffMs?: number;
  /** `stop()` waits this long (ms) for a clean shutdown before SIGKILL, default 6 000 (so Ctrl-C ends within 10 s). */
  killAfterMs?: number;
}

export type SupervisedState = 'running' | 'restarting' | 'stopped' | 'failed';

export interface SupervisedNeo4j {
  uri: string;
  user: 'neo4j';
  password: string;
  /** running; restarting (waiting or starting); stopped (by `stop()`); failed (gave up). */
  readonly state: SupervisedState;
  /** The running JVM's pid, null while none runs. */
  readonly pid: number | null;
  /** Successful restarts so far. */
  readonly restarts: number;
  /** Resolves with the reason when the supervisor gives up; stays pending otherwise. */
  readonly gaveUp: Promise<Error>;
  /** Cancels a pending restart (killing a JVM that is starting) and stops the running one. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts Neo4j like `startEmbeddedNeo4j` (its errors are this function's) and supervises it.
 */
export async function superviseEmbeddedNeo4j(options: EmbeddedNeo4jOptions & SupervisorOptions): Promise<SupervisedNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[neo4j] ${line}\n`));
  const maxQuickFailures = options.maxQuickFailures ?? 5;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  const initialBackoffMs = options.initialBackoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const killAfterMs = options.killAfterMs ?? 6_000;

  let current: EmbeddedNeo4j | null = await startEmbeddedNeo4j(options);
  const { uri, password } = current;
  let state: SupervisedState = 'running';
  let startedAt = Date.now();
  let quickFailures = 0;
  let restarts = 0;
  let stopping = false;
  let restarting: Promise<void> | null = null;
  let starting: AbortController | null = null;
  let cancelWait: (() => void) | null = null;
  let giveUp: (reason: Error) => void = () => {};
  const gaveUp = new Promise<Error>((resolve) => {
    giveUp = resolve;
  });

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      cancelWait = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      cancelWait = null;
    });

  const restart = async (reason: string): Promise<void> => {
    const downSince = Date.now();
    for (;;) {
      quickFailures = Date.now() - startedAt < stableAfterMs ? quickFailures + 1 : 1;
      if (quickFailures >= maxQuickFailures) {
        state = 'failed';
        const message =
          `The embedded Neo4j failed ${quickFailures} times in a row, each within ${Math.round(stableAfterMs / 1000)} s of its start ` +
          `(last: ${reason}); giving up. See ${options.home}/logs/debug.log.`;
        log(message);
        giveUp(new Error(message));
        return;
      }
      const delay = Math.min(initialBackoffMs * 2 ** (quickFailures - 1), maxBackoffMs);
      state = 'restarting';
      log(
        `Embedded Neo4j ${reason}; restarting it in ${(delay / 1000).toFixed(1)} s (quick failure ${quickFailures} of ${maxQuickFailures}).`,
      );
      await wait(delay);
      if (stopping) return;
      startedAt = Date.now();
      starting = new AbortController();
      try {
        const db = await startEmbeddedNeo4j({ ...options, log, signal: starting.signal });
        current = db;
        state = 'running';
        restarts += 1;
        log(`Embedded Neo4j restarted (pid ${db.pid}), ${((Date.now() - downSince) / 1000).toFixed(1)} s after it went down.`);
        watch(db);
        return;
      } catch (error) {
        if (stopping) return;
        reason = `failed to start again (${(error as Error).message.split('\n')[0]})`;
      } finally {
        starting = null;
      }
    }
  };

  const watch = (db: EmbeddedNeo4j): void => {
    void db.exited.then(({ expected }) => {
      if (current === db) current = null;
      if (expected || stopping) return;
      // startEmbeddedNeo4j has logged the exit and its cause already.
      restarting = restart('is down').finally(() => {
        restarting = null;
      });
    });
  };
  watch(current);

  let stopPromise: Promise<void> | undefined;
  return {
    uri,
    user: 'neo4j',
    password,
    get state() {
      return state;
    },
    get pid() {
      return current?.pid ?? null;
    },
    get restarts() {
      return restarts;
    },
    gaveUp,
    stop: () => {
      stopPromise ??= (async () => {
        stopping = true;
        if (state !== 'failed') state = 'stopped';
        cancelWait?.();
        starting?.abort();
        await restarting?.catch(() => {});
        await current?.stop({ killAfterMs });
      })();
      return stopPromise;
    },
  };
}
