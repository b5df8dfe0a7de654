/**
 * Where two V8 heap snapshots differ (bench/live.ts, BENCH_LIVE_HEAP_SNAPSHOTS): live objects
 * grouped by type and constructor name, the groups that grew most first (count and self bytes).
 * `npx tsx bench/heap-diff.ts before.heapsnapshot after.heapsnapshot [rows]`.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Type/name → [count, self bytes]. */
function groups(path: string): Map<string, [number, number]> {
  const heap = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = types[heap.nodes[i + typeAt]!]!;
    // Strings by their type only (their text would make one group each); objects by constructor.
    const name =
      type === 'string' || type === 'concatenated string' || type === 'sliced string'
        ? ''
        : heap.strings[heap.nodes[i + nameAt]!]!.slice(0, 60);
    const key = `${type} ${name}`;
    const group = out.get(key) ?? [0, 0];
    group[0] += 1;
    group[1] += heap.nodes[i + sizeAt]!;
    out.set(key, group);
  }
  return out;
}

const [beforePath, afterPath, rows = '30'] = process.argv.slice(2);
if (!beforePath || !afterPath) throw new Error('usage: heap-diff.ts before.heapsnapshot after.heapsnapshot [rows]');
const before = groups(beforePath);
const after = groups(afterPath);
const keys = new Set([...before.keys(), ...after.keys()]);
const diff = [...keys].map((key) => {
  const [c0, s0] = before.get(key) ?? [0, 0];
  const [c1, s1] = after.get(key) ?? [0, 0];
  return { key, count: c1 - c0, bytes: s1 - s0 };
});
diff.sort((a, b) => b.bytes - a.bytes);
const total = diff.reduce((sum, d) => sum + d.bytes, 0);
console.log(`self bytes ${total >= 0 ? '+' : ''}${(total / 1024).toFixed(0)} KiB`);
for (const d of diff.slice(0, Number(rows)))
  console.log(`${(d.bytes / 1024).toFixed(1).padStart(9)} KiB ${String(d.count).padStart(7)}  ${d.key}`);
