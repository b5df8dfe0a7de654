import { readdirSync, readlinkSync } from 'node:fs';

/** One GraphQL request through HTTP, timed. */
export interface Outcome {
  started: number;
  ended: number;
  status: number;
  /** The created entity's id when the write was acknowledged. */
  id?: string;
  code?: string;
}

const CREATE = 'mutation($input: CreateTerritoryInput!) { createTerritory(input: $input) { id } }';

/**
 * Creates one territory through the API as `token` (an administrator's personal token); never
 * throws (a transport failure is `code: 'FETCH_FAILED'`).
 */
export async function createTerritory(url: string, name: string, token: string): Promise<Outcome> {
  const started = Date.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: CREATE, variables: { input: { name, code: '59', kind: 'COMMUNE' } } }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json()) as {
      data?: { createTerritory?: { id: string } } | null;
      errors?: { extensions?: { code?: string } }[];
    };
    const id = body.data?.createTerritory?.id;
    const code = body.errors?.[0]?.extensions?.code;
    return { started, ended: Date.now(), status: response.status, ...(id ? { id } : {}), ...(code ? { code } : {}) };
  } catch {
    return { started, ended: Date.now(), status: 0, code: 'FETCH_FAILED' };
  }
}

/** GET a path, timed. */
export async function timedGet(url: string): Promise<{ status: number; ms: number; retryAfter: string | null }> {
  const started = Date.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  await response.arrayBuffer();
  return { status: response.status, ms: Date.now() - started, retryAfter: response.headers.get('retry-after') };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Pids of processes whose working directory is `dir` (the embedded Neo4j runs in its data folder). Linux only. */
export function processesIn(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) === dir) pids.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return pids;
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
