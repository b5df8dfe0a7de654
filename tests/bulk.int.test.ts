/**
 * The bulk loader writes exactly the graph the domain commands write: one generated dataset
 * (every entity type, updates of values and references, ends, refLists, same-day changes) is
 * loaded both ways under different ids, and the normalised graphs are compared node by node.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, readProjectState, type EntityRecord } from '@trame/graph';
import { bulkLoad, loadThroughCommands, planBulk, type BulkOp } from '../graph/src/store/bulk.ts';
import { generateDataset, type Dataset, type SizeSpec } from '../bench/generate.ts';
import { useTestGraph } from './support/app.ts';

const tag = randomBytes(3).toString('hex');
const SPEC: SizeSpec = {
  name: 'equivalence',
  territories: 1,
  projects: 2,
  actors: 14,
  objectives: 20,
  relations: 70,
  changes: 0,
  updates: 160,
  minPerimeters: 3,
  from: new Date('2018-01-01T00:00:00Z'),
  to: new Date('2026-01-01T00:00:00Z'),
};

/** Edge cases the generator may not hit, after its history: clearing a field, same-day changes, a no-op. */
function extraOps(ds: Dataset): BulkOp[] {
  const p = ds.projects[0]!;
  const author = 'bench';
  const base = (iso: string, n: number) => ({
    validFrom: new Date(iso),
    recordedAt: new Date(new Date(iso).getTime() + 3_600_000),
    author,
    changeId: `chg-${ds.prefix}-x${n}`,
  });
  const objective = p.objectiveIds[0]!;
  return [
    { op: 'UPDATE', id: objective, patch: { description: 'Avant effacement' }, ...base('2026-02-01T00:00:00Z', 1) },
    { op: 'UPDATE', id: objective, patch: { description: '' }, ...base('2026-02-01T00:00:00Z', 2) },
    {
      op: 'UPDATE',
      id: objective,
      patch: { description: null, title: '  Titre avec espaces  ' },
      ...base('2026-02-02T00:00:00Z', 3),
    },
    { op: 'UPDATE', id: objective, patch: { title: 'Titre avec espaces' }, ...base('2026-02-03T00:00:00Z', 4) },
    {
      op: 'UPDATE',
      id: objective,
      patch: { dimensions: ['SOCIAL', 'SOCIAL', 'ECONOMIQUE'], confidential: true },
      ...base('2026-02-04T00:00:00Z', 5),
    },
  ];
}

interface Loaded {
  ds: Dataset;
  prefix: string;
}

let domain: Loaded;
let bulk: Loaded;

const t = useTestGraph();
beforeAll(async () => {
  const make = (prefix: string): Loaded => {
    const ds = generateDataset(SPEC, 20261126, prefix);
    ds.ops.push(...extraOps(ds));
    return { ds, prefix };
  };
  domain = make(`bkd${tag}`);
  bulk = make(`bkb${tag}`);
  await loadThroughCommands(t.graph, domain.ds.ops, { batch: 50 });
  await bulkLoad(t.graph, bulk.ds.ops, { batchSize: 97 });
}, 240_000);

afterAll(async () => {
  await t.graph.close();
});

/** Ids of one load → ids of the other: the prefixes differ, everything else is the same. */
function normaliser(prefix: string, changeKeys: Map<string, string>) {
  const pattern = new RegExp(prefix, 'g');
  const fix = (value: unknown): unknown => {
    if (typeof value === 'string') return (changeKeys.get(value) ?? value).replace(pattern, 'X');
    if (Array.isArray(value)) return value.map(fix);
    if (value instanceof Date) return value.toISOString();
    if (value !== null && typeof value === 'object') {
      if ('year' in value && 'nanosecond' in value) return String(value);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fix(v)]));
    }
    return value;
  };
  return fix;
}

async function snapshot(loaded: Loaded) {
  const territoryId = loaded.ds.territories[0]!.id;
  return t.graph.read(async (tx) => {
    const typed = (alias: string) => `[k IN keys(${alias}) | [k, ${alias}[k], valueType(${alias}[k])]]`;
    const changes = await tx.run(
      `MATCH (c:Change {territoryId: $t})-[:CHANGED]->(e:Entity)
       RETURN c.id AS id, e.id AS entityId, c.version AS version, ${typed('c')} AS props, labels(c) AS labels
       ORDER BY entityId, version`,
      { t: territoryId },
    );
    // Change ids are random on the domain path: name them by entity and version instead.
    const changeKeys = new Map<string, string>();
    for (const r of changes.records)
      changeKeys.set(r.get('id') as string, `change:${String(r.get('entityId'))}#${String(r.get('version'))}`);
    const fix = normaliser(loaded.prefix, changeKeys);
    const entities = await tx.run(
      `MATCH (e:Entity {territoryId: $t})
       CALL (e) {
         MATCH (e)-[:HAS_VERSION]->(v:Version)
         OPTIONAL MATCH (c:Change {id: v.changeId})
         CALL (v) {
           OPTIONAL MATCH (v)-[r:REFERS_TO]->(t:Entity)
           WITH r, t ORDER BY r.field, t.id
           RETURN collect(CASE WHEN r IS NULL THEN null ELSE [r.field, t.id, size(keys(r))] END) AS refs
         }
         WITH v, c, refs, EXISTS { (e)-[:LATEST]->(v) } AS latest
         ORDER BY v.validFrom, c.version
         RETURN collect({props: ${typed('v')}, labels: labels(v), refs: refs, latest: latest}) AS versions
       }
       RETURN e.id AS id, labels(e) AS labels, ${typed('e')} AS props, versions,
              COUNT { (e)-[:LATEST]->() } AS latestCount,
              COUNT { (e)<-[:CHANGED]-() } AS changedCount,
              COUNT { (e)-[:HAS_VERSION]->() } AS versionCount
       ORDER BY id`,
      { t: territoryId },
    );
    const counts = await tx.run(
      `MATCH (n) WHERE n.territoryId = $t
       WITH labels(n) AS labels, n
       RETURN labels, count(n) AS nodes,
              sum(COUNT { (n)-[:HAS_VERSION]->() }) AS hasVersion, sum(COUNT { (n)-[:LATEST]->() }) AS latest,
              sum(COUNT { (n)-[:REFERS_TO]->() }) AS refersTo, sum(COUNT { (n)-[:CHANGED]->() }) AS changed,
              sum(COUNT { (n)--() }) AS degree
`,
      { t: territoryId },
    );
    const sortProps = (props: unknown[][]) => [...props].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    return {
      counts: counts.records.map((r) => fix(r.toObject())).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
      entities: entities.records.map((r) =>
        fix({
          id: r.get('id'),
          labels: r.get('labels'),
          props: sortProps(r.get('props') as unknown[][]),
          latestCount: r.get('latestCount'),
          changedCount: r.get('changedCount'),
          versionCount: r.get('versionCount'),
          versions: (r.get('versions') as { props: unknown[][] }[]).map((v) => ({ ...v, props: sortProps(v.props) })),
        }),
      ),
      changes: changes.records.map((r) => fix({ labels: r.get('labels'), props: sortProps(r.get('props') as unknown[][]) })),
    };
  });
}

describe('bulk loading', () => {
  it('covers every entity type, updates, ends and the edge cases', () => {
    const ops = domain.ds.ops;
    expect(new Set(ops.filter((o) => o.op === 'CREATE').map((o) => (o as { type: string }).type)).size).toBe(15);
    expect(ops.filter((o) => o.op === 'END').length).toBeGreaterThan(0);
    expect(ops.filter((o) => o.op === 'UPDATE').length).toBeGreaterThan(100);
    expect(planBulk(ops).skipped).toBe(1); // the title that only differed by spaces
  });

  it('writes the same nodes, relationships and properties as the domain commands', async () => {
    const [a, b] = [await snapshot(domain), await snapshot(bulk)];
    expect(a.entities.length).toBeGreaterThan(100);
    expect(a.changes.length).toBe(domain.ds.ops.length - 1);
    expect(b.counts).toEqual(a.counts);
    expect(b.changes).toEqual(a.changes);
    for (let i = 0; i < a.entities.length; i += 1)
      expect(b.entities[i], String((a.entities[i] as { id: string }).id)).toEqual(a.entities[i]);
  });

  it('reads the same project states at several dates', async () => {
    const normalise = (prefix: string) => {
      const fix = normaliser(prefix, new Map());
      return (records: EntityRecord[]) => [...records].sort((x, y) => x.id.localeCompare(y.id)).map((r) => fix(r));
    };
    const dates = ['2018-03-01', '2019-07-14', '2021-01-01', '2023-06-30', '2025-12-31', '2026-02-01', '2026-03-01'].map(
      (d) => new Date(`${d}T12:00:00Z`),
    );
    for (let p = 0; p < domain.ds.projects.length; p += 1) {
      for (const moment of [...dates, null]) {
        const read = (loaded: Loaded) =>
          t.graph
            .read((tx) => readProjectState(tx, loaded.ds.projects[p]!.id, moment))
            .catch((error: unknown) => {
              if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
              throw error;
            });
        const [sa, sb] = [await read(domain), await read(bulk)];
        const label = `project ${p} at ${moment?.toISOString() ?? 'now'}`;
        if (sa === null || sb === null) {
          expect(sb, label).toBe(sa);
          continue;
        }
        expect(normalise(bulk.prefix)([sb.project, sb.territory, ...sb.entities]), label).toEqual(
          normalise(domain.prefix)([sa.project, sa.territory, ...sa.entities]),
        );
      }
    }
  });

  it('refuses what the commands refuse', () => {
    const ds = generateDataset({ ...SPEC, updates: 0 }, 1, `bkr${tag}`);
    const position = ds.ops.find((o) => o.op === 'CREATE' && o.type === 'Position') as Extract<BulkOp, { op: 'CREATE' }>;
    const dup = { ...position, id: `${position.id}-dup`, changeId: undefined };
    expect(() => planBulk([...ds.ops, dup])).toThrow(/existe déjà/);
    const early = { ...position, id: `${position.id}-early`, changeId: undefined, validFrom: new Date('2010-01-01T00:00:00Z') };
    expect(() => planBulk([...ds.ops, early])).toThrow(DomainError);
    const project = ds.ops.find((o) => o.op === 'CREATE' && o.type === 'Project')!;
    const end = {
      op: 'END' as const,
      id: project.id,
      validFrom: new Date('2026-01-02T00:00:00Z'),
      recordedAt: new Date('2026-01-02T00:00:00Z'),
      author: 'x',
    };
    expect(() => planBulk([...ds.ops, end])).toThrow(/cascade/);
  });
});
