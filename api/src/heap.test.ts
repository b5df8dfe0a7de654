import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// boundHeapGrowth sets V8's flag once the process runs (Node refuses it in NODE_OPTIONS): the same
// allocation pattern in two fresh processes, each calling it (0 leaves V8 alone), peak heaps compared.
const HEAP_MODULE = new URL('./heap.ts', import.meta.url).href;
const CHURN = `
const v8 = await import('node:v8');
const { boundHeapGrowth } = await import(${JSON.stringify(HEAP_MODULE)});
boundHeapGrowth(Number(process.argv[1]));
let peak = 0;
const live = [];
for (let round = 0; round < 200; round += 1) {
  const batch = [];
  for (let i = 0; i < 20000; i += 1) batch.push({ a: i, b: 'x' + i, c: [i, i + 1] });
  live.push(batch);
  if (live.length > 6) live.shift();
  peak = Math.max(peak, v8.getHeapStatistics().total_heap_size);
}
console.log(peak);
`;

async function peakHeap(percent: number): Promise<number> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHURN, String(percent)]);
  return Number(stdout.trim());
}

describe('boundHeapGrowth', () => {
  it('takes effect at run time: the heap stays closer to what is live than V8 left alone', async () => {
    const [free, bounded] = await Promise.all([peakHeap(0), peakHeap(20)]);
    expect(bounded).toBeLessThan(free * 0.85);
  }, 60_000);
});
