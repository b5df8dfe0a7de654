import { beforeEach, describe, expect, it, vi } from 'vitest';

// The reads themselves are graph/'s (tested against Neo4j in tests/live.int.test.ts); here, who
// reads what and when.
const calls: string[] = [];
vi.mock('@trame/graph', () => ({
  readProjectState: vi.fn(async (_tx: unknown, id: string) => {
    calls.push(`whole ${id}`);
    return { project: { id } };
  }),
  refreshProjectState: vi.fn(async (_tx: unknown, state: unknown, ids: Set<string>) => {
    calls.push(`refresh ${[...ids].sort().join(',')}`);
    return state;
  }),
  readHiddenEntityIds: vi.fn(async () => {
    calls.push('hidden');
    return new Set(['secret']);
  }),
}));

const { ProjectReads } = await import('./project-reads.ts');

const graph = { graph: { read: vi.fn(async (work: (tx: unknown) => Promise<unknown>) => work({})) } } as never;

beforeEach(() => {
  calls.length = 0;
});

describe('ProjectReads', () => {
  it('reads the whole state first, then only the changed entities; feeds asking together share one read', async () => {
    const reads = new ProjectReads();
    reads.acquire('prj-a');
    reads.acquire('prj-a');
    await reads.read(graph, 'prj-a', null, false);
    expect(calls).toEqual(['whole prj-a']);
    calls.length = 0;
    const [one, two] = await Promise.all([
      reads.read(graph, 'prj-a', new Set(['eng-1']), false),
      reads.read(graph, 'prj-a', new Set(['eng-2']), true),
    ]);
    expect(one).toBe(two);
    expect(calls.sort()).toEqual(['hidden', 'refresh eng-1,eng-2']);
    expect(one.hidden).toEqual(new Set(['secret']));
  });

  it('never hands a feed a read begun before it asked', async () => {
    const reads = new ProjectReads();
    reads.acquire('prj-b');
    await reads.read(graph, 'prj-b', null, false);
    calls.length = 0;
    const first = reads.read(graph, 'prj-b', new Set(['x']), false);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the first read has begun
    const second = reads.read(graph, 'prj-b', new Set(['y']), false);
    expect(await first).not.toBe(await second);
    expect(calls).toEqual(['refresh x', 'refresh y']);
  });

  it('after a failed read, reads the whole state again', async () => {
    const failing = { graph: { read: vi.fn(async () => Promise.reject(new Error('down'))) } } as never;
    const reads = new ProjectReads();
    reads.acquire('prj-c');
    await expect(reads.read(failing, 'prj-c', null, false)).rejects.toThrow('down');
    await reads.read(graph, 'prj-c', null, false);
    calls.length = 0;
    await expect(reads.read(failing, 'prj-c', new Set(['z']), false)).rejects.toThrow('down');
    await reads.read(graph, 'prj-c', new Set(['w']), false);
    expect(calls).toEqual(['whole prj-c']);
  });
});
