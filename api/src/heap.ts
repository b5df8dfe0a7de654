import { setFlagsFromString } from 'node:v8';

/**
 * Bounds how far V8 lets the API's heap grow past what is live before a full collection.
 *
 * V8 sets the next full-collection threshold at the live size times a factor it picks from its
 * own speed, up to 4 under a high allocation rate. A map read allocates about 50 MiB, most of it
 * short-lived: under 50 concurrent XL map reads, the live set peaked near 100 MiB while the
 * process's resident memory reached 403–444 MiB (bench/results/scale.md). A fixed factor of
 * 1 + percent/100 keeps the garbage in proportion to what is live; unlike a heap cap
 * (`--max-old-space-size`), it can never fail an operation that needs more.
 *
 * `--heap-growing-percent` is read at each collection, so setting it once the process runs takes
 * effect (Node does not accept it in NODE_OPTIONS).
 *
 * @param percent 1–400: the factor is 1 + percent/100; 0 leaves V8's own heuristics.
 */
export function boundHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
}
