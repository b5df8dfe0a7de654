import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the exchange module in the browser', () => {
  it('bundles for the browser with no Node built-in and no database driver', { timeout: 60_000 }, async () => {
    const result = await build({
      entryPoints: [new URL('./index.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(result.errors).toEqual([]);
    // A Node built-in would be marked « (disabled) » or « node: »; chardet's fs is swapped for its browser stub.
    expect(inputs.filter((input) => /neo4j-driver|^\(disabled\)|^node:/.test(input))).toEqual([]);
    // Bytes are Uint8Array/ArrayBuffer throughout: no Buffer in the module's own code.
    const own = inputs.filter((input) => input.includes('graph/src/exchange/'));
    expect(own.length).toBeGreaterThan(10);
    for (const file of own) expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bBuffer\b(?<!ArrayBuffer)/);
  });
});
