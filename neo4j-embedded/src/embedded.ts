/**
 * Embedded Neo4j for local runs and tests, without Docker.
 *
 * A real Neo4j Community engine (5.26 LTS, from Maven Central) runs inside a small Java launcher
 * (neo4j-embedded/launcher) started with `java -cp`, with Bolt on 127.0.0.1. The app connects with
 * neo4j-driver exactly as to a Neo4j server (`bolt://127.0.0.1:<port>`, user `neo4j`).
 *
 * Needs Java 17 or 21 (`java` on PATH or JAVA_HOME) and, for the first build, Maven (`mvn`).
 * The first build downloads ~125 MB of jars into ~/.m2; later builds are skipped while
 * neo4j-embedded/launcher/target is up to date.
 *
 * Standard library only, and no environment variable read here: the caller passes every option
 * (Trame's are parsed once in api/src/config.ts).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { promises as fs, type Dirent } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { boltPassword } from './bolt-password.ts';

export interface EmbeddedNeo4jOptions {
  /** Folder holding Neo4j's data/ and logs/ (created if missing). */
  home: string;
  /** Bolt port, default 7687. */
  port?: number;
  /** Bolt listen host, default 127.0.0.1. */
  host?: string;
  /**
   * Password of user `neo4j`, at least 8 characters. Default: the one generated on first start
   * in `<home>/bolt-password` (mode 0600, see bolt-password.ts).
   */
  password?: string;
  /** JVM heap, e.g. '512m' (default) or '1g': `-Xmx`. */
  heap?: string;
  /** Initial JVM heap (`-Xms`), default = `heap`. A smaller value (e.g. '64m') saves ~250 MB RSS when idle. */
  initialHeap?: string;
  /** Neo4j page cache (off-heap), default '128m'. */
  pageCache?: string;
  /** Receives one line per event (build progress, launcher output). Default: stderr with a `[neo4j]` prefix. */
  log?: (line: string) => void;
  /** How long to wait for Bolt, default 180 000 ms (a loaded machine). */
  startTimeoutMs?: number;
  /** The Maven project of the launcher, default neo4j-embedded/launcher beside this file. */
  launcherDir?: string;
  /** A JDK to prefer over `java` on PATH (its bin/java). */
  javaHome?: string;
  /** Aborting stops a start in progress: the JVM is killed and the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

export interface EmbeddedNeo4j {
  uri: string;
  user: 'neo4j';
  password: string;
  /**
   * SIGTERM, wait for a clean shutdown, SIGKILL after `killAfterMs` (default 30 000 ms).
   * Idempotent: a second call returns the first call's promise.
   */
  stop(options?: { killAfterMs?: number }): Promise<void>;
  pid: number;
  /** Resolves when the JVM has exited, whatever the reason; `expected` is true after `stop()`. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; expected: boolean }>;
}

/** A required program (Java, Maven) is missing or too old. The message is one actionable line. */
export class MissingToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingToolError';
  }
}

export { BOLT_PASSWORD_FILE, boltPassword } from './bolt-password.ts';

/**
 * Trame's published password of old: still what the app uses with NEO4J_URI and no
 * NEO4J_PASSWORD (docker-compose's default); never the embedded Neo4j's any more.
 */
export const DEFAULT_NEO4J_PASSWORD = 'trame-local-password';
const DEFAULT_PORT = 7687;
const DEFAULT_HOST = '127.0.0.1';
/** The JVM heap when none is given (TRAME_NEO4J_HEAP's default). */
export const DEFAULT_NEO4J_HEAP = '512m';
const DEFAULT_PAGE_CACHE = '128m';
const DEFAULT_START_TIMEOUT_MS = 180_000;
const STOP_KILL_AFTER_MS = 30_000;
const MIN_PASSWORD_LENGTH = 8;
const MAIN_CLASS = 'org.trame.neo4j.Launcher';
const READY_PREFIX = 'TRAME_NEO4J_READY ';
const ERROR_PREFIX = 'TRAME_NEO4J_ERROR ';
const BUILD_STAMP = '.trame-build-stamp';
const LOCK_DIR = '.build-lock';
/** A lock older than this is considered abandoned even if its owner looks alive. */
const LOCK_STALE_MS = 30 * 60_000;
const LOCK_WAIT_MS = 30 * 60_000;
const MAVEN_TIMEOUT_MS = 30 * 60_000;

/**
 * JVM flags for Neo4j 5.26 on Java 17/21, as the Neo4j server launcher sets them (neo4j.conf
 * `server.jvm.additional`). Without the add-opens Neo4j still starts, but its page cache falls
 * back to a slower mode and native file advice fails (warnings in debug.log).
 */
export const NEO4J_JVM_FLAGS: readonly string[] = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dfile.encoding=UTF-8',
  '-Dlog4j2.disable.jmx=true',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
];

const INSTALL_HINT = 'or set NEO4J_URI to an existing Neo4j server.';

function defaultLog(line: string): void {
  process.stderr.write(`[neo4j] ${line}\n`);
}

/** neo4j-embedded/launcher/, next to src/, unless the caller names another folder. */
function launcherDir(override?: string): string {
  if (override) return path.resolve(override);
  return fileURLToPath(new URL('../launcher/', import.meta.url));
}

// ---------------------------------------------------------------------------------------------
// Tools

interface JavaInfo {
  command: string;
  major: number;
}

const javaInfoPromises = new Map<string, Promise<JavaInfo>>();

function run(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; output: string; error?: NodeJS.ErrnoException & { killed?: boolean } }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true,
        shell: process.platform === 'win32',
      },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (!error) return resolve({ code: 0, output });
        const errno = error as NodeJS.ErrnoException & { code?: unknown; killed?: boolean };
        resolve({ code: typeof errno.code === 'number' ? errno.code : null, output, error: errno });
      },
    );
  });
}

async function findJava(javaHome: string | undefined): Promise<JavaInfo> {
  const candidates: string[] = [];
  if (javaHome) {
    const fromHome = path.join(javaHome, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (await exists(fromHome)) candidates.push(fromHome);
  }
  candidates.push('java');
  for (const command of candidates) {
    const result = await run(command, ['-version']);
    if (result.error?.code === 'ENOENT') continue;
    const match = /version "(\d+)(?:\.(\d+))?/.exec(result.output);
    if (!match) continue;
    const first = Number(match[1]);
    const major = first === 1 ? Number(match[2] ?? 0) : first;
    if (major < 17) {
      throw new MissingToolError(
        `Java 17+ is required to run the embedded Neo4j (found Java ${major} at ${command}): ` +
          `install it (apt-get install openjdk-17-jdk-headless) and set JAVA_HOME, ${INSTALL_HINT}`,
      );
    }
    return { command, major };
  }
  throw new MissingToolError(
    `Java 17+ is required to run the embedded Neo4j: install it (apt-get install openjdk-17-jdk-headless) ${INSTALL_HINT}`,
  );
}

function checkJava(javaHome?: string): Promise<JavaInfo> {
  const key = javaHome ?? '';
  let found = javaInfoPromises.get(key);
  if (!found) {
    found = findJava(javaHome).catch((error: unknown) => {
      javaInfoPromises.delete(key);
      throw error;
    });
    javaInfoPromises.set(key, found);
  }
  return found;
}

async function checkMaven(): Promise<string> {
  const command = 'mvn';
  const result = await run(command, ['-v']);
  if (result.error?.code === 'ENOENT' || (result.code !== 0 && !/Apache Maven/.test(result.output))) {
    throw new MissingToolError(
      `Maven is required to build the embedded Neo4j launcher: install it (apt-get install maven) ${INSTALL_HINT}`,
    );
  }
  return command;
}

function javaFlagsFor(major: number): string[] {
  const flags = [...NEO4J_JVM_FLAGS];
  // Newer JDKs warn (and will refuse) about native access and sun.misc.Unsafe used by Neo4j 5.26.
  if (major >= 21) flags.push('--enable-native-access=ALL-UNNAMED');
  if (major >= 23) flags.push('--sun-misc-unsafe-memory-access=allow');
  return flags;
}

// ---------------------------------------------------------------------------------------------
// Build

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

async function mtimeMs(file: string): Promise<number | undefined> {
  try {
    return (await fs.stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(full));
    else newest = Math.max(newest, (await mtimeMs(full)) ?? 0);
  }
  return newest;
}

async function readClasspath(dir: string): Promise<string[] | undefined> {
  try {
    const text = await fs.readFile(path.join(dir, 'target', 'classpath.txt'), 'utf8');
    const entries = text
      .trim()
      .split(path.delimiter)
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0);
    return entries.length > 0 ? entries : undefined;
  } catch {
    return undefined;
  }
}

/** Up to date when the stamp written after the last successful build is newer than pom + sources, and all jars exist. */
async function upToDateClasspath(dir: string): Promise<string | undefined> {
  const stamp = await mtimeMs(path.join(dir, 'target', BUILD_STAMP));
  if (stamp === undefined) return undefined;
  const mainClass = `${path.join(dir, 'target', 'classes', ...MAIN_CLASS.split('.'))}.class`;
  if (!(await exists(mainClass))) return undefined;
  const sources = Math.max((await mtimeMs(path.join(dir, 'pom.xml'))) ?? 0, await newestMtime(path.join(dir, 'src')));
  if (sources > stamp) return undefined;
  const entries = await readClasspath(dir);
  if (!entries) return undefined;
  const present = await Promise.all(entries.map(exists));
  if (present.includes(false)) return undefined; // e.g. ~/.m2 was cleaned
  return [path.join(dir, 'target', 'classes'), ...entries].join(path.delimiter);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  since: number;
}

async function readLockOwner(lock: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(lock, 'owner.json'), 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

async function lockIsStale(lock: string): Promise<boolean> {
  const owner = await readLockOwner(lock);
  if (!owner) {
    // Owner file not written yet (or lost): only stale when the folder is old.
    const since = await mtimeMs(lock);
    return since === undefined || Date.now() - since > 60_000;
  }
  if (Date.now() - owner.since > LOCK_STALE_MS) return true;
  return owner.host === os.hostname() && !isProcessAlive(owner.pid);
}

/** Exclusive `mkdir` lock so that parallel processes never run Maven on the same folder at once. */
async function withBuildLock<T>(dir: string, log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  // Inside target/ (git-ignored): created here if it does not exist yet.
  await fs.mkdir(path.join(dir, 'target'), { recursive: true });
  const lock = path.join(dir, 'target', LOCK_DIR);
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    token: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    since: Date.now(),
  };
  const deadline = Date.now() + LOCK_WAIT_MS;
  let announced = false;
  for (;;) {
    try {
      await fs.mkdir(lock);
      await fs.writeFile(path.join(lock, 'owner.json'), JSON.stringify(me));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await lockIsStale(lock)) {
      // Move it aside first: a rename succeeds for one waiter only.
      const aside = `${lock}.stale-${me.token}`;
      try {
        await fs.rename(lock, aside);
        await fs.rm(aside, { recursive: true, force: true });
        log('Removed an abandoned build lock of the Neo4j launcher.');
      } catch {
        // Someone else took care of it.
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for the build lock ${lock}; delete it if no build is running.`);
    }
    if (!announced) {
      log('Waiting for another process that is building the Neo4j launcher...');
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  try {
    return await work();
  } finally {
    const owner = await readLockOwner(lock);
    if (owner?.token === me.token) await fs.rm(lock, { recursive: true, force: true });
  }
}

function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

function tail(text: string, lines: number): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .slice(-lines)
    .join('\n');
}

async function neo4jVersionInPom(dir: string): Promise<string | undefined> {
  try {
    const pom = await fs.readFile(path.join(dir, 'pom.xml'), 'utf8');
    return /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Builds neo4j-embedded/launcher (or `launcherDir`) with Maven when target/ is missing or older than pom.xml or the
 * Java sources (or `force`), and returns the full classpath for `java -cp`.
 */
export async function buildLauncher(
  opts: { log?: (l: string) => void; force?: boolean; launcherDir?: string; javaHome?: string } = {},
): Promise<{ classpath: string }> {
  const log = opts.log ?? defaultLog;
  const dir = launcherDir(opts.launcherDir);
  if (!(await exists(path.join(dir, 'pom.xml')))) {
    throw new Error(`Neo4j launcher project not found: ${path.join(dir, 'pom.xml')} is missing.`);
  }
  await checkJava(opts.javaHome);
  if (!opts.force) {
    const classpath = await upToDateClasspath(dir);
    if (classpath) return { classpath };
  }
  return withBuildLock(dir, log, async () => {
    if (!opts.force) {
      const classpath = await upToDateClasspath(dir); // built by another process meanwhile?
      if (classpath) return { classpath };
    }
    const mvn = await checkMaven();
    const version = await neo4jVersionInPom(dir);
    const m2 = path.join(os.homedir(), '.m2', 'repository', 'org', 'neo4j', 'neo4j', version ?? '');
    if (version && !(await exists(m2))) {
      log(
        `Building the Neo4j launcher: the first build downloads Neo4j ${version} (~125 MB of jars) from Maven Central into ~/.m2; this can take a few minutes.`,
      );
    } else {
      log('Building the Neo4j launcher with Maven...');
    }
    const started = Date.now();
    const result = await run(mvn, ['-q', '-B', 'package', '-DskipTests'], { cwd: dir, timeoutMs: MAVEN_TIMEOUT_MS });
    if (result.code !== 0) {
      const output = tail(stripAnsi(result.output), 30);
      throw new Error(
        `Maven build of the Neo4j launcher failed in ${dir}` +
          (result.error?.killed ? ' (timed out)' : '') +
          (output ? `:\n${output}` : ` (${result.error?.message ?? 'no output'})`),
      );
    }
    await fs.writeFile(path.join(dir, 'target', BUILD_STAMP), `${new Date().toISOString()}\n`);
    const classpath = await upToDateClasspath(dir);
    if (!classpath)
      throw new Error(`Maven build of the Neo4j launcher did not produce ${path.join(dir, 'target', 'classpath.txt')}.`);
    log(`Neo4j launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return { classpath };
  });
}

// ---------------------------------------------------------------------------------------------
// Start / stop

async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new Error(
            `Cannot start the embedded Neo4j: port ${port} on ${host} is already in use (another Neo4j?). ` +
              `Stop that process, choose another port, or set NEO4J_URI to use the server already running there.`,
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL') {
        reject(new Error(`Cannot start the embedded Neo4j: ${host} is not an address of this machine.`));
      } else {
        reject(error);
      }
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}

function uriHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * Starts Neo4j on `home` and resolves once Bolt accepts connections (the launcher prints
 * `TRAME_NEO4J_READY`). The JVM also stops when this Node process exits or dies.
 */
export async function startEmbeddedNeo4j(opts: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = opts.log ?? defaultLog;
  const host = opts.host ?? DEFAULT_HOST;
  const port = opts.port ?? DEFAULT_PORT;
  const heap = opts.heap ?? DEFAULT_NEO4J_HEAP;
  const initialHeap = opts.initialHeap ?? heap;
  const pageCache = opts.pageCache ?? DEFAULT_PAGE_CACHE;
  const startTimeoutMs = opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;

  if (!opts.home) throw new Error('startEmbeddedNeo4j: `home` (the data folder) is required.');
  const password = opts.password ?? boltPassword(opts.home);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`startEmbeddedNeo4j: invalid port ${port}.`);
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`The Neo4j password must be at least ${MIN_PASSWORD_LENGTH} characters long (Neo4j refuses shorter ones).`);
  }
  for (const [name, value] of [
    ['heap', heap],
    ['initialHeap', initialHeap],
  ] as const) {
    if (!/^\d+[kKmMgG]?$/.test(value)) throw new Error(`startEmbeddedNeo4j: invalid ${name} '${value}' (e.g. '512m', '1g').`);
  }

  const home = path.resolve(opts.home);
  await fs.mkdir(home, { recursive: true });
  const java = await checkJava(opts.javaHome);
  if (java.major > 21) {
    log(`Java ${java.major} is not supported by Neo4j 5.26 (Java 17 or 21 are); trying anyway.`);
  }
  const { classpath } = await buildLauncher({ log, launcherDir: opts.launcherDir, javaHome: opts.javaHome });
  await assertPortFree(host, port);
  opts.signal?.throwIfAborted();

  const args = [`-Xms${initialHeap}`, `-Xmx${heap}`, ...javaFlagsFor(java.major), '-cp', classpath, MAIN_CLASS];
  const child: ChildProcess = spawn(java.command, args, {
    cwd: home,
    env: {
      // Inherited as any child process's (PATH, locale); the launcher reads only the TRAME_NEO4J_* below.
      ...process.env,
      TRAME_NEO4J_HOME: home,
      TRAME_NEO4J_PORT: String(port),
      TRAME_NEO4J_HOST: host,
      NEO4J_PASSWORD: password,
      TRAME_NEO4J_PAGECACHE: pageCache,
      TRAME_NEO4J_PARENT_PID: String(process.pid),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });

  const stderrTail: string[] = [];
  let errorLine: string | undefined;
  let exited = false;
  let stopping = false;
  child.once('exit', () => {
    exited = true;
  });
  // 'close' comes after 'exit' once stdout/stderr are drained, so the last lines are in.
  const exitPromise = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    });
  });

  // Last resort: the JVM shuts itself down cleanly on SIGTERM. (If Node dies from a signal,
  // 'exit' does not fire; the launcher then notices within a second via TRAME_NEO4J_PARENT_PID.)
  const onParentExit = (): void => {
    if (!exited) child.kill('SIGTERM');
  };
  process.on('exit', onParentExit);
  void exitPromise.then(() => process.removeListener('exit', onParentExit));

  let onReady: ((uri: string) => void) | undefined;
  forEachLine(child.stdout, (line) => {
    if (line.startsWith(READY_PREFIX)) onReady?.(line.slice(READY_PREFIX.length).trim());
    log(line);
  });
  forEachLine(child.stderr, (line) => {
    if (line.startsWith(ERROR_PREFIX)) errorLine = line.slice(ERROR_PREFIX.length).trim();
    stderrTail.push(line);
    if (stderrTail.length > 40) stderrTail.shift();
    log(line);
  });

  const abort = (): void => {
    child.kill('SIGKILL');
  };
  opts.signal?.addEventListener('abort', abort, { once: true });
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `Embedded Neo4j did not become ready within ${Math.round(startTimeoutMs / 1000)} s ` +
            `(see ${path.join(home, 'logs', 'debug.log')})` +
            (stderrTail.length ? `:\n${stderrTail.join('\n')}` : '.'),
        ),
      );
    }, startTimeoutMs);
    opts.signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(opts.signal?.reason ?? new DOMException('The start was aborted.', 'AbortError'));
      },
      { once: true },
    );
    onReady = (readyUri) => {
      clearTimeout(timer);
      resolve(readyUri || `bolt://${uriHost(host)}:${port}`);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new MissingToolError(
              `Java 17+ is required to run the embedded Neo4j: install it (apt-get install openjdk-17-jdk-headless) ${INSTALL_HINT}`,
            )
          : error,
      );
    });
    void exitPromise.then(({ code, signal }) => {
      clearTimeout(timer);
      const detail =
        errorLine ?? (stderrTail.length ? `\n${stderrTail.join('\n')}` : `see ${path.join(home, 'logs', 'debug.log')}`);
      reject(new Error(`Embedded Neo4j exited before it was ready (${signal ?? `code ${code}`}): ${detail}`));
    });
  });
  onReady = undefined;
  opts.signal?.removeEventListener('abort', abort);

  const pid = child.pid ?? -1;
  const exitedPromise = exitPromise.then(({ code, signal }) => {
    if (!stopping) log(`Embedded Neo4j (pid ${pid}) exited unexpectedly (${signal ?? `code ${code}`}).`);
    return { code, signal, expected: stopping };
  });
  // Do not keep the Node process alive just for the database: on exit it gets SIGTERM.
  child.unref();
  unrefStream(child.stdout);
  unrefStream(child.stderr);

  let stopPromise: Promise<void> | undefined;
  const stop = (options: { killAfterMs?: number } = {}): Promise<void> => {
    stopPromise ??= (async () => {
      stopping = true;
      if (exited) return;
      const killAfterMs = options.killAfterMs ?? STOP_KILL_AFTER_MS;
      child.ref();
      child.kill('SIGTERM');
      const killer = setTimeout(() => {
        log(`Embedded Neo4j (pid ${pid}) did not stop within ${killAfterMs / 1000} s; killing it.`);
        child.kill('SIGKILL');
      }, killAfterMs);
      try {
        await exitPromise;
      } finally {
        clearTimeout(killer);
      }
    })();
    return stopPromise;
  };

  return { uri, user: 'neo4j', password, stop, pid, exited: exitedPromise };
}

function forEachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    let index: number;
    while ((index = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, index).replace(/\r$/, '');
      buffer = buffer.slice(index + 1);
      if (line.length > 0) onLine(line);
    }
  });
  stream.on('end', () => {
    if (buffer.length > 0) onLine(buffer);
    buffer = '';
  });
}

function unrefStream(stream: NodeJS.ReadableStream | null): void {
  (stream as unknown as { unref?: () => void } | null)?.unref?.();
}
