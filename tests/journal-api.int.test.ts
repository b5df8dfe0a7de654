import { beforeAll, describe, expect, it } from 'vitest';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { gql } from './support/http.ts';
import { useTestApp } from './support/app.ts';

// The journal's reads: the project's change log with its actors' own changes, filtered, and undo.
const t = useTestApp();
let small: SmallProject;
beforeAll(async () => {
  small = await buildSmallProject(t.graph, 2, 1);
});

interface Change {
  id: string;
  op: string;
  entityId: string;
  entityType: string;
  author: string;
  causeId: string | null;
  title: string | null;
}
const TIMELINE = `query($p: ID!, $withActors: Boolean, $author: String, $type: EntityType, $e: ID) {
  projectTimeline(projectId: $p, first: 100, withActors: $withActors, author: $author, entityType: $type, entityId: $e) {
    changes { id op entityId entityType author causeId title } hasMore
  }
}`;
async function timeline(vars: Record<string, unknown>): Promise<Change[]> {
  const result = await gql<{ projectTimeline: { changes: Change[] } }>(t.app, TIMELINE, { p: small.project.id, ...vars });
  expect(result.errors).toBeUndefined();
  return result.data!.projectTimeline.changes;
}

describe('projectTimeline withActors, and undoing an actor’s end from the journal', () => {
  it('leaves the actors’ own changes out by default, and lists them with withActors', async () => {
    const actorId = small.actors[0]!.id;
    expect((await timeline({})).some((c) => c.entityId === actorId)).toBe(false);
    const all = await timeline({ withActors: true });
    expect(all.filter((c) => c.entityId === actorId)).toMatchObject([{ op: 'CREATE', entityType: 'Actor', title: 'Acteur 1' }]);
    // Still only this project's: the other project's changes are not there.
    expect(all.every((c) => c.entityType === 'Actor' || c.entityId !== small.territory.id)).toBe(true);
    // The filters apply to the actors' changes too.
    expect((await timeline({ withActors: true, type: 'Actor' })).map((c) => c.entityId).sort()).toEqual(
      small.actors.map((a) => a.id).sort(),
    );
    expect(await timeline({ withActors: true, author: 'personne-d-autre' })).toEqual([]);
  });

  it('shows an actor ended by mistake with its cascade; undoing the end brings actor and engagement back', async () => {
    const actor = small.actors[1]!;
    const ended = await gql(t.app, `mutation($id: ID!, $v: Int!) { endActor(id: $id, version: $v) { id validTo } }`, {
      id: actor.id,
      v: actor.version,
    });
    expect(ended.errors).toBeUndefined();
    const log = await timeline({ withActors: true });
    const end = log.find((c) => c.entityId === actor.id && c.op === 'END')!;
    expect(end).toBeDefined();
    // The engagement's end was caused by the actor's.
    expect(log.find((c) => c.entityType === 'Engagement' && c.op === 'END')).toMatchObject({ causeId: end.id });
    // The author filter finds the administrator's changes by their display name.
    expect((await timeline({ withActors: true, author: end.author })).map((c) => c.id)).toContain(end.id);

    const reverted = await gql<{ revertChange: { id: string } }>(
      t.app,
      `mutation($c: ID!) { revertChange(changeId: $c) { id } }`,
      {
        c: end.id,
      },
    );
    expect(reverted.errors).toBeUndefined();
    const map = await gql<{ projectMap: { nodes: { id: string }[] } }>(
      t.app,
      `query($p: ID!) { projectMap(projectId: $p) { nodes { id } } }`,
      {
        p: small.project.id,
      },
    );
    expect(map.data!.projectMap.nodes.map((n) => n.id)).toContain(actor.id);

    // Undone once, the end cannot be undone again: the refusal has its stable code.
    const again = await gql(t.app, `mutation($c: ID!) { revertChange(changeId: $c) { id } }`, { c: end.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('REVERT_NOT_APPLICABLE');
  });
});
