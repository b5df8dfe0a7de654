import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface DisposableNeo4j {
  uri: string;
  password: string;
  embedded: EmbeddedNeo4j;
  /** Stops Neo4j and removes its data folder. */
  dispose(): Promise<void>;
}

/** An embedded Neo4j on a free port with a temporary data folder: for tests and benchmarks. */
export async function startDisposableNeo4j(options: {
  password: string;
  heap?: string;
  log?: (line: string) => void;
}): Promise<DisposableNeo4j> {
  const home = mkdtempSync(join(tmpdir(), 'trame-neo4j-'));
  try {
    const embedded = await startEmbeddedNeo4j({
      home,
      port: await freePort(),
      password: options.password,
      heap: options.heap ?? '768m',
      ...(options.log ? { log: options.log } : {}),
    });
    return {
      uri: embedded.uri,
      password: options.password,
      embedded,
      dispose: async () => {
        await embedded.stop();
        rmSync(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(home, { recursive: true, force: true });
    throw error;
  }
}
