import { beforeAll, describe, expect, it } from 'vitest';
import { Graph } from '@trame/graph';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { codeOf, gql, gqlAs, testApp } from './support/http.ts';
import { useTestApp } from './support/app.ts';

let small: SmallProject;

const t = useTestApp();
beforeAll(async () => {
  small = await buildSmallProject(t.graph, 2, 2);
});

const PROJECT = /* GraphQL */ `
  query Project($id: ID!, $asOf: DateTime) {
    project(id: $id, asOf: $asOf) {
      id name asOf
      territory { id name }
      engagements { id level actor { id name kind } }
      objectives { id title dimensions actor { id } }
      positions { id value version actor { id } objective { id title } }
      conflicts { id status intensity arbitration objectiveA { id } objectiveB { id } }
    }
  }
`;

const CREATE_ACTOR = /* GraphQL */ `
  mutation CreateActor($input: CreateActorInput!, $validFrom: DateTime) {
    createActor(input: $input, validFrom: $validFrom) { id name kind version validFrom validTo }
  }
`;

async function snapshot(projectId: string) {
  const result = await gql<{ project: Record<string, unknown> }>(t.app, PROJECT, { id: projectId });
  expect(result.errors).toBeUndefined();
  const { asOf: _readAt, ...content } = result.data!.project;
  return content;
}

describe('GraphQL over HTTP', () => {
  it('reads a project with all its content, references followed', async () => {
    const result = await gql<{ project: { engagements: { actor: { name: string } }[]; territory: { id: string } } }>(
      t.app,
      PROJECT,
      {
        id: small.project.id,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.project.territory.id).toBe(small.territory.id);
    expect(result.data?.project.engagements.map((e) => e.actor.name).sort()).toEqual(['Acteur 1', 'Acteur 2']);
  });

  it('creates, updates and ends through mutations, attributed to the acting user', async () => {
    const created = await gql<{ createActor: { id: string; version: number } }>(t.app, CREATE_ACTOR, {
      input: { territoryId: small.territory.id, name: 'AMAP de test', kind: 'ASSOCIATION' },
      validFrom: '2018-05-01',
    });
    expect(created.errors).toBeUndefined();
    const actorId = created.data!.createActor.id;
    const engaged = await gql<{ createEngagement: { id: string; version: number; actor: { name: string } } }>(
      t.app,
      `mutation($input: CreateEngagementInput!) { createEngagement(input: $input, validFrom: "2018-06-01") { id version actor { name } } }`,
      { input: { actorId, projectId: small.project.id, level: 'CONCERNE' } },
    );
    expect(engaged.errors).toBeUndefined();
    expect(engaged.data!.createEngagement.actor.name).toBe('AMAP de test');
    const { id, version } = engaged.data!.createEngagement;
    const updated = await gql<{ updateEngagement: { level: string; version: number } }>(
      t.app,
      `mutation($id: ID!, $version: Int!) { updateEngagement(id: $id, version: $version, patch: { level: COOPERANT }, validFrom: "2020-01-01") { level version } }`,
      { id, version },
    );
    expect(updated.data?.updateEngagement).toEqual({ level: 'COOPERANT', version: version + 1 });
    const timeline = await gql<{
      projectTimeline: { changes: { op: string; author: string; authorId: string; entityId: string }[] };
    }>(
      t.app,
      `query($p: ID!, $e: ID) { projectTimeline(projectId: $p, entityId: $e) { changes { op author authorId entityId } hasMore endCursor } }`,
      { p: small.project.id, e: id },
    );
    // Attributed to the signed-in user: display name and id.
    const authorId = t.admin.user.id;
    expect(timeline.data?.projectTimeline.changes).toEqual([
      { op: 'UPDATE', author: 'Pilote de test', authorId, entityId: id },
      { op: 'CREATE', author: 'Pilote de test', authorId, entityId: id },
    ]);
    const ended = await gql<{ endEngagement: { validTo: string } }>(
      t.app,
      `mutation($id: ID!, $version: Int!) { endEngagement(id: $id, version: $version, validFrom: "2022-06-30") { validTo } }`,
      { id, version: version + 1 },
    );
    expect(ended.data?.endEngagement.validTo).toBe('2022-06-30T00:00:00.000Z');
  });

  it('reads the map as it stood at a past date', async () => {
    const before = await gql<{ project: { engagements: unknown[] } }>(t.app, PROJECT, {
      id: small.project.id,
      asOf: '2017-06-01',
    });
    expect(codeOf(before)).toBe('NOT_FOUND'); // the project began in 2018
    const early = await gql<{ project: { engagements: unknown[] } }>(t.app, PROJECT, {
      id: small.project.id,
      asOf: '2018-01-01',
    });
    expect(early.data?.project.engagements).toHaveLength(2);
  });

  it('returns Cytoscape-ready elements', async () => {
    const result = await gql<{ projectMap: { nodes: { id: string; kind: string }[]; edges: unknown[] } }>(
      t.app,
      `query($id: ID!) { projectMap(projectId: $id) { projectId asOf nodes { id kind label parent data } edges { id kind source target data } ecosystems { id } perimeterOrder } }`,
      { id: small.project.id },
    );
    expect(result.errors).toBeUndefined();
    const kinds = result.data!.projectMap.nodes.map((n) => n.kind);
    expect(kinds.filter((k) => k === 'ACTOR')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'OBJECTIVE')).toHaveLength(2);
  });
});

/** A Graph that counts its read transactions. */
class CountingGraph extends Graph {
  reads = 0;
  override read<T>(...args: Parameters<Graph['read']>): Promise<T> {
    this.reads += 1;
    return super.read(...(args as [never]));
  }
}

describe('one project state per query operation', () => {
  it('reads the state once for `project` and `projectMap` asked together', async () => {
    const counting = new CountingGraph(t.graph.driver, t.graph.database);
    const countingApp = await testApp(counting);
    try {
      const reads = async (query: string) => {
        counting.reads = 0;
        const result = await gql(countingApp, query, { id: small.project.id });
        expect(result.errors).toBeUndefined();
        return counting.reads;
      };
      const mapOnly = await reads(`query($id: ID!) { projectMap(projectId: $id) { nodes { id } } }`);
      const both = await reads(
        `query($id: ID!) { project(id: $id) { id objectives { id } } projectMap(projectId: $id) { nodes { id } } }`,
      );
      // Besides the state, each request reads its principal (the token) and the project's access
      // resource (its territory): once each, whatever the number of fields.
      const access = 2;
      expect(mapOnly).toBe(access + 1);
      expect(both).toBe(access + 1);
      const twoDates = await reads(
        `query($id: ID!) { project(id: $id) { id } projectMap(projectId: $id, asOf: "2019-01-01") { nodes { id } } }`,
      );
      expect(twoDates).toBe(access + 2);
    } finally {
      await countingApp.close();
    }
  });

  it('reads afresh after each write of a mutation operation', async () => {
    const own = await buildSmallProject(t.graph, 1, 0);
    const create = (alias: string, title: string) =>
      `${alias}: createObjective(input: {projectId: $id, title: "${title}", dimensions: [ECOLOGIQUE], nature: MATERIEL}) { id project { objectives { id } } }`;
    const result = await gql<Record<string, { id: string; project: { objectives: { id: string }[] } }>>(
      t.app,
      `mutation($id: ID!) { ${create('first', 'Premier objectif du lot')} ${create('second', 'Second objectif du lot')} }`,
      { id: own.project.id },
    );
    expect(result.errors).toBeUndefined();
    const { first, second } = result.data!;
    expect(first!.project.objectives.map((o) => o.id)).toContain(first!.id);
    expect(second!.project.objectives.map((o) => o.id)).toEqual(expect.arrayContaining([first!.id, second!.id]));
  });
});

/** A Graph whose access-rule lookups (the first read inside an operation) wait for `release`. */
class GatedGraph extends Graph {
  gate: Promise<void> | null = null;
  override async read<T>(...args: Parameters<Graph['read']>): Promise<T> {
    if (this.gate && String(args[0]).includes('readProjectResource')) await this.gate;
    return super.read(...(args as [never]));
  }
}

describe('operations at once (TRAME_MAX_CONCURRENT_OPERATIONS)', () => {
  /** While one operation is held inside its execution, does a second (anonymous `viewer`) finish? */
  async function secondFinishesWhileFirstHeld(limit: number): Promise<boolean> {
    const gated = new GatedGraph(t.graph.driver, t.graph.database);
    const app = await testApp(gated, { maxConcurrentOperations: limit });
    let release = () => {};
    gated.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      const first = gql(app, `{ project(id: "${small.project.id}") { name } }`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      let secondDone = false;
      const second = gqlAs(app, null, '{ viewer { kind } }').then((result) => {
        secondDone = true;
        return result;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const finished = secondDone;
      release();
      expect((await first).errors).toBeUndefined();
      expect((await second).data).toEqual({ viewer: { kind: 'ANONYMOUS' } });
      return finished;
    } finally {
      release();
      await app.close();
    }
  }

  it('runs one operation at a time with a limit of 1: the next waits its turn, then runs', async () => {
    expect(await secondFinishesWhileFirstHeld(1)).toBe(false);
  });

  it('runs them side by side within the limit', async () => {
    expect(await secondFinishesWhileFirstHeld(2)).toBe(true);
  });
});

describe('re-pointing and reverting through the API', () => {
  it('re-points a position to another objective and a conflict to another pair, then reverts the move', async () => {
    const [o1, o2] = small.objectives;
    const extra = await gql<{ createObjective: { id: string } }>(
      t.app,
      `mutation($p: ID!) { createObjective(input: { projectId: $p, title: "Objectif ajouté", dimensions: [ECOLOGIQUE], nature: IMMATERIEL, confidential: false }) { id } }`,
      { p: small.project.id },
    );
    const o3 = extra.data!.createObjective.id;
    const position = await gql<{ createPosition: { id: string; version: number } }>(
      t.app,
      `mutation($a: ID!, $o: ID!) { createPosition(input: { actorId: $a, objectiveId: $o, value: 1 }) { id version } }`,
      { a: small.actors[0]!.id, o: o3 },
    );
    const { id, version } = position.data!.createPosition;
    const moved = await gql<{ updatePosition: { objective: { id: string }; version: number } }>(
      t.app,
      `mutation($id: ID!, $v: Int!, $o: ID!) { updatePosition(id: $id, version: $v, patch: { objectiveId: $o }) { version objective { id } } }`,
      { id, v: version, o: o2!.id },
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updatePosition.objective.id).toBe(o2!.id);

    const conflict = await gql<{ createConflict: { id: string; version: number } }>(
      t.app,
      `mutation($a: ID!, $b: ID!) { createConflict(input: { objectiveAId: $a, objectiveBId: $b, intensity: 2, status: IDENTIFIE, confidential: false }) { id version } }`,
      { a: o1!.id, b: o2!.id },
    );
    const repointed = await gql<{ updateConflict: { objectiveB: { id: string } } }>(
      t.app,
      `mutation($id: ID!, $v: Int!, $b: ID!) { updateConflict(id: $id, version: $v, patch: { objectiveBId: $b }) { objectiveB { id } } }`,
      { id: conflict.data!.createConflict.id, v: conflict.data!.createConflict.version, b: o3 },
    );
    expect(repointed.data?.updateConflict.objectiveB.id).toBe(o3);

    const log = await gql<{ projectTimeline: { changes: { id: string; op: string }[] } }>(
      t.app,
      `query($p: ID!, $e: ID!) { projectTimeline(projectId: $p, entityId: $e, first: 1) { changes { id op } } }`,
      { p: small.project.id, e: id },
    );
    const reverted = await gql<{ revertChange: { __typename: string; version: number; objectiveId?: string } }>(
      t.app,
      `mutation($c: ID!) { revertChange(changeId: $c) { __typename version ... on Position { objectiveId } } }`,
      { c: log.data!.projectTimeline.changes[0]!.id },
    );
    expect(reverted.errors).toBeUndefined();
    expect(reverted.data!.revertChange).toMatchObject({ __typename: 'Position', objectiveId: o3 });
    const again = await gql(t.app, `mutation($c: ID!) { revertChange(changeId: $c) { id } }`, {
      c: log.data!.projectTimeline.changes[0]!.id,
    });
    expect(codeOf(again)).toBe('REVERT_NOT_APPLICABLE');
  });
});

describe('bad input: a stable code, a message a pilot can act on, nothing changed', () => {
  it.each([
    ['an unknown project id', PROJECT, { id: 'prj-does-not-exist' }, 'NOT_FOUND'],
    ['a malformed id', PROJECT, { id: 'Pas un id' }, 'INVALID_ID'],
    ['an invalid date', PROJECT, { id: 'prj-x', asOf: '2021-02-30' }, 'INVALID_DATE'],
  ])('%s', async (_label, query, variables, code) => {
    const result = await gql(t.app, query, variables);
    expect(codeOf(result)).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(/\S/);
  });

  it('refuses a position out of range, in French, and stores nothing', async () => {
    const before = await snapshot(small.project.id);
    const result = await gql(t.app, `mutation($input: CreatePositionInput!) { createPosition(input: $input) { id } }`, {
      input: { actorId: small.actors[0]!.id, objectiveId: small.objectives[0]!.id, value: 7 },
    });
    expect(codeOf(result)).toBe('INVALID_POSITION');
    expect(result.errors?.[0]?.message).toBe('la position doit être comprise entre -4 et 4');
    expect(await snapshot(small.project.id)).toEqual(before);
  });

  it('refuses a conflict between an objective and itself', async () => {
    const objectiveId = small.objectives[0]!.id;
    const result = await gql(t.app, `mutation($input: CreateConflictInput!) { createConflict(input: $input) { id } }`, {
      input: { objectiveAId: objectiveId, objectiveBId: objectiveId, intensity: 2, status: 'IDENTIFIE', confidential: false },
    });
    expect(codeOf(result)).toBe('SAME_OBJECTIVE');
  });

  it('refuses an empty name', async () => {
    const result = await gql(t.app, CREATE_ACTOR, { input: { territoryId: small.territory.id, name: '  ', kind: 'ELU' } });
    expect(codeOf(result)).toBe('REQUIRED_FIELD');
    expect(result.errors?.[0]?.extensions?.field).toBe('name');
  });

  it('refuses an unknown enum value before running anything', async () => {
    const result = await gql(t.app, CREATE_ACTOR, { input: { territoryId: small.territory.id, name: 'X', kind: 'PIRATE' } });
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a dangling reference', async () => {
    const result = await gql(t.app, CREATE_ACTOR, { input: { territoryId: uniqueId('ter'), name: 'X', kind: 'ELU' } });
    expect(codeOf(result)).toBe('DANGLING_REFERENCE');
  });

  it('refuses a stale version and returns the current state', async () => {
    const project = await gql<{ project: { positions: unknown[] } }>(t.app, PROJECT, { id: small.project.id });
    expect(project.errors).toBeUndefined();
    const created = await gql<{ createPosition: { id: string; version: number } }>(
      t.app,
      `mutation($input: CreatePositionInput!) { createPosition(input: $input) { id version } }`,
      { input: { actorId: small.actors[1]!.id, objectiveId: small.objectives[1]!.id, value: 2 } },
    );
    const { id, version } = created.data!.createPosition;
    const update = `mutation($id: ID!, $version: Int!, $value: Int) { updatePosition(id: $id, version: $version, patch: { value: $value }) { version value } }`;
    expect((await gql(t.app, update, { id, version, value: 3 })).errors).toBeUndefined();
    const stale = await gql(t.app, update, { id, version, value: -1 });
    expect(codeOf(stale)).toBe('VERSION_CONFLICT');
    expect(stale.errors?.[0]?.extensions?.current).toMatchObject({ id, version: version + 1, value: 3 });
  });

  it('refuses a comparison whose start follows its end', async () => {
    const result = await gql(
      t.app,
      `query($id: ID!) { projectDiff(projectId: $id, from: "2022-01-01", to: "2020-01-01") { summary { added } } }`,
      {
        id: small.project.id,
      },
    );
    expect(codeOf(result)).toBe('INVALID_RANGE');
  });

  it('masks unexpected errors: no internal text leaks', async () => {
    const broken = await testApp({
      ...t.graph,
      read: async () => {
        throw new Error('Neo.DatabaseError.Secret internal detail');
      },
    } as unknown as Graph);
    const result = await gql(broken, `{ territories { id } }`);
    await broken.close();
    expect(codeOf(result)).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(result)).not.toContain('Secret internal detail');
  });

  it('refuses a syntax error and an over-deep query with codes', async () => {
    expect(codeOf(await gql(t.app, `{ territories { id `))).toBe('GRAPHQL_PARSE_FAILED');
  });
});
