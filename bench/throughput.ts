/**
 * Throughput under load for the scale bench: a server in its own process (Trame's API, or the
 * raw-Cypher baseline behind a bare fastify route), driven by autocannon with N concurrent
 * clients (keep-alive connections, one request in flight each) for a fixed number of requests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort } from '@trame/neo4j-embedded/disposable';
import { peakRssMiB, rssMiB } from './lib.ts';

export interface ServerProcess {
  /** Base URL, e.g. http://127.0.0.1:4321 */
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `script` (a path relative to bench/) with `node --import tsx`, with `env` added to this
 * process's, on a free port; resolves when it prints `readyLine`.
 */
export async function startServerProcess(script: string, readyLine: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], {
    cwd: fileURLToPath(new URL('../', import.meta.url)),
    // NODE_OPTIONS cleared: the bench's own larger heap limit is not the server's.
    env: { ...process.env, NODE_OPTIONS: '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${stderr}`)), 180_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(readyLine)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${String(code)}): ${stderr}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Samples a process's resident memory every `everyMs` until stopped: the largest sample, in MiB. */
export function watchRss(pid: number, everyMs = 200): { stop(): { maxSampledMiB: number | null; peakMiB: number | null } } {
  let max: number | null = null;
  const sample = () => {
    const now = rssMiB(pid);
    if (now !== null && (max === null || now > max)) max = now;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { maxSampledMiB: max, peakMiB: peakRssMiB(pid) };
    },
  };
}

export interface LoadRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  /** A response body containing this text counts as failed (e.g. a GraphQL `"errors"`). */
  failsIf?: string;
}

export interface LoadResult {
  connections: number;
  durationSeconds: number;
  /** Answered with 2xx and without `failsIf`. */
  ok: number;
  failed: number;
  errors: number;
  timeouts: number;
  perSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

/**
 * Runs `connections` concurrent clients sending `request` back to back until `perClient` ×
 * `connections` requests are answered: a fixed amount of work rather than a fixed window, so that
 * reads slower than the window (a busy shared machine) still count whole.
 */
export async function runLoad(request: LoadRequest, connections: number, perClient: number): Promise<LoadResult> {
  let bodyFailures = 0;
  const result = await autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections,
    pipelining: 1,
    amount: perClient * connections,
    timeout: 120,
    // A body check only when asked: reading every body costs the load generator, alike for both sides.
    ...(request.failsIf
      ? {
          setupClient: (client: autocannon.Client) => {
            client.on('body', (body: Buffer) => {
              if (body.includes(request.failsIf!)) bodyFailures += 1;
            });
          },
        }
      : {}),
  });
  const twoXx = result['2xx'];
  const ok = twoXx - bodyFailures;
  return {
    connections,
    durationSeconds: result.duration,
    ok,
    failed: result.non2xx + bodyFailures,
    errors: result.errors,
    timeouts: result.timeouts,
    perSecond: ok / result.duration,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  };
}
