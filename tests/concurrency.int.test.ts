import { describe, expect, it } from 'vitest';
import { readTimeline } from '@trame/graph';
import { build, buildSmallProject } from './support/factories.ts';
import { gql } from './support/http.ts';
import { useTestApp } from './support/app.ts';

const t = useTestApp();

const READ = `query($id: ID!) { project(id: $id) { positions { id version value } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $value: Int) { updatePosition(id: $id, version: $v, patch: { value: $value }) { version value } }`;

describe('no lost update', () => {
  it('many concurrent writers: every acknowledged write is kept, every stale one refused cleanly', async () => {
    const small = await buildSmallProject(t.graph, 3, 2);
    const positions = await Promise.all(
      small.actors
        .slice(0, 2)
        .map((actor, i) => build(t.graph, 'Position', { actorId: actor.id, objectiveId: small.objectives[i]!.id, value: 0 })),
    );
    const acknowledged = new Map<string, { version: number; value: number }[]>(positions.map((p) => [p.id, []]));
    let refused = 0;

    // 12 writers, 6 rounds each: read the position, write a new value with the version read.
    const writer = async (w: number) => {
      for (let round = 0; round < 6; round += 1) {
        const target = positions[(w + round) % positions.length]!;
        const read = await gql<{ project: { positions: { id: string; version: number; value: number }[] } }>(t.app, READ, {
          id: small.project.id,
        });
        expect(read.errors).toBeUndefined();
        const current = read.data!.project.positions.find((p) => p.id === target.id)!;
        const value = ((w * 7 + round) % 9) - 4;
        const result = await gql<{ updatePosition: { version: number; value: number } }>(t.app, UPDATE, {
          id: target.id,
          v: current.version,
          value: value === current.value ? (value === 4 ? 3 : value + 1) : value,
        });
        if (result.errors) {
          expect(result.errors[0]!.extensions?.code).toBe('VERSION_CONFLICT');
          expect(result.errors[0]!.extensions?.current).toMatchObject({ id: target.id });
          refused += 1;
        } else {
          acknowledged.get(target.id)!.push(result.data!.updatePosition);
        }
      }
    };
    await Promise.all(Array.from({ length: 12 }, (_, w) => writer(w)));

    expect(refused).toBeGreaterThan(0); // the test really raced
    for (const position of positions) {
      const acks = acknowledged.get(position.id)!;
      const log = await t.graph.read((tx) => readTimeline(tx, small.project.id, { entityId: position.id, first: 200 }));
      const updates = log.changes.filter((c) => c.op === 'UPDATE').reverse();
      // Exactly the acknowledged writes, each with its own version, chained before → after.
      expect(updates.map((c) => c.version).sort((a, b) => a - b)).toEqual(acks.map((a) => a.version).sort((a, b) => a - b));
      expect(new Set(updates.map((c) => c.version)).size).toBe(updates.length);
      for (let i = 1; i < updates.length; i += 1) expect(updates[i]!.before.value).toBe(updates[i - 1]!.after.value);
      const final = await gql<{ project: { positions: { id: string; version: number; value: number }[] } }>(t.app, READ, {
        id: small.project.id,
      });
      const last = acks.sort((a, b) => a.version - b.version).at(-1);
      expect(final.data!.project.positions.find((p) => p.id === position.id)).toMatchObject({
        version: 1 + acks.length,
        value: last?.value ?? 0,
      });
    }
  });

  it('concurrent creations of the same position: one wins, the others get DUPLICATE_ENTITY', async () => {
    const small = await buildSmallProject(t.graph, 1, 1);
    const create = () =>
      gql(t.app, `mutation($a: ID!, $o: ID!) { createPosition(input: { actorId: $a, objectiveId: $o, value: 2 }) { id } }`, {
        a: small.actors[0]!.id,
        o: small.objectives[0]!.id,
      });
    const results = await Promise.all(Array.from({ length: 8 }, create));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) expect(r.errors![0]!.extensions?.code).toBe('DUPLICATE_ENTITY');
  });
});
