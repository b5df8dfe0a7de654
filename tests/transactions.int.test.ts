import { beforeAll, describe, expect, it } from 'vitest';
import { getEntity } from '@trame/graph';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { codeOf, gql } from './support/http.ts';
import { useTestApp } from './support/app.ts';

// One GraphQL mutation operation = one Neo4j transaction (api/src/graphql/transaction.ts).

let small: SmallProject;

const t = useTestApp();
beforeAll(async () => {
  small = await buildSmallProject(t.graph, 2, 2);
});

const exists = async (id: string) => (await t.graph.read((tx) => getEntity(tx, id))) !== null;

async function positionCount(projectId: string): Promise<number> {
  const result = await gql<{ project: { positions: unknown[] } }>(
    t.app,
    `query($id: ID!) { project(id: $id) { positions { id } } }`,
    { id: projectId },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.project.positions.length;
}

function milestoneField(alias: string, id: string): string {
  return `${alias}: createMilestone(id: "${id}", input: { projectId: "${small.project.id}", name: "Bilan", date: "2021-05-01" }, validFrom: "2021-03-01") { id }`;
}

function positionField(alias: string, actorId: string, objectiveId: string, value: number): string {
  return `${alias}: createPosition(input: { actorId: "${actorId}", objectiveId: "${objectiveId}", value: ${value} }, validFrom: "2021-03-01") { id value }`;
}

describe('a mutation operation runs in one transaction', () => {
  it('records nothing when a later field fails, and says which field failed', async () => {
    const milestoneId = uniqueId('mil');
    const result = await gql(
      t.app,
      `mutation { ${milestoneField('a', milestoneId)} ${positionField('b', small.actors[0]!.id, small.objectives[0]!.id, 99)} }`,
    );
    expect(result.data).toBeNull();
    expect(codeOf(result)).toBe('INVALID_POSITION');
    expect(result.errors?.[0]?.path).toEqual(['b']);
    expect(result.errors?.[0]?.extensions).toMatchObject({ rolledBack: true, failedField: 'b', field: 'value' });
    expect(await exists(milestoneId)).toBe(false);
  });

  it('does not run the fields after a failed one, and each says so', async () => {
    const first = uniqueId('mil');
    const last = uniqueId('mil');
    const result = await gql(
      t.app,
      `mutation { ${milestoneField('a', first)} ${positionField('b', small.actors[0]!.id, small.objectives[0]!.id, 99)} ${milestoneField('c', last)} }`,
    );
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => [e.path?.[0], e.extensions?.code])).toEqual([
      ['b', 'INVALID_POSITION'],
      ['c', 'NOT_EXECUTED'],
    ]);
    expect(result.errors?.[1]?.message).toMatch(/« c » n'a pas été exécuté : le champ « b »/);
    expect(await exists(first)).toBe(false);
    expect(await exists(last)).toBe(false);
  });

  it('rolls back when Neo4j itself refuses a write (a taken id), the earlier fields included', async () => {
    const milestoneId = uniqueId('mil');
    const result = await gql(
      t.app,
      `mutation { ${milestoneField('a', milestoneId)} b: createActor(id: "${small.actors[0]!.id}", input: { territoryId: "${small.territory.id}", name: "Doublon", kind: ELU }) { id } }`,
    );
    expect(result.data).toBeNull();
    expect(codeOf(result)).toBe('ID_TAKEN');
    expect(await exists(milestoneId)).toBe(false);
  });

  it('lets each field see what the fields before it wrote, and commits them together', async () => {
    const actorId = uniqueId('act');
    const result = await gql<{ a: { id: string }; b: { id: string; actor: { name: string } } }>(
      t.app,
      `mutation {
        a: createActor(id: "${actorId}", input: { territoryId: "${small.territory.id}", name: "Nouvel acteur", kind: ELU }, validFrom: "2021-03-01") { id }
        b: createEngagement(input: { actorId: "${actorId}", projectId: "${small.project.id}", level: INFORME }, validFrom: "2021-03-01") { id actor { name } }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.b.actor.name).toBe('Nouvel acteur');
    expect(await exists(actorId)).toBe(true);
    expect(await exists(result.data!.b.id)).toBe(true);
  });

  it('records a whole 30-position MACTOR matrix atomically in one request', async () => {
    const matrix = await buildSmallProject(t.graph, 6, 5);
    const fields = (poison: boolean) =>
      matrix.actors.flatMap((actor, i) =>
        matrix.objectives.map((objective, j) =>
          positionField(`p${i}_${j}`, actor.id, objective.id, poison && i === 5 && j === 4 ? 99 : ((i + j) % 9) - 4),
        ),
      );
    const refused = await gql(t.app, `mutation { ${fields(true).join('\n')} }`);
    expect(codeOf(refused)).toBe('INVALID_POSITION');
    expect(refused.errors?.[0]?.path).toEqual(['p5_4']);
    expect(await positionCount(matrix.project.id)).toBe(0);

    const recorded = await gql<Record<string, { id: string; value: number }>>(t.app, `mutation { ${fields(false).join('\n')} }`);
    expect(recorded.errors).toBeUndefined();
    expect(Object.keys(recorded.data!)).toHaveLength(30);
    expect(recorded.data!.p2_3!.value).toBe(1);
    expect(await positionCount(matrix.project.id)).toBe(30);
  });

  it('allows 100 aliases in a mutation but not 101, and 20 in a query', async () => {
    const ids = (n: number) =>
      Array.from({ length: n }, (_, i) => `c${i}: revertChange(changeId: "chg-absent-${i}") { id }`).join(' ');
    const hundred = await gql(t.app, `mutation { ${ids(100)} }`);
    expect(codeOf(hundred)).toBe('CHANGE_NOT_FOUND');
    const tooMany = await gql(t.app, `mutation { ${ids(101)} }`);
    expect(codeOf(tooMany)).toBe('QUERY_TOO_COMPLEX');
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ limit: 'aliases', max: 100 });
    const query = await gql(t.app, `{ ${Array.from({ length: 21 }, (_, i) => `t${i}: territories { id }`).join(' ')} }`);
    expect(codeOf(query)).toBe('QUERY_TOO_COMPLEX');
    expect(query.errors?.[0]?.extensions).toMatchObject({ limit: 'aliases', max: 20 });
    expect(query.errors?.[0]?.message).toMatch(/alias par requête/);
  });

  it('keeps concurrent mutation operations apart: each commits whole', async () => {
    const projects = await Promise.all([buildSmallProject(t.graph, 2, 2), buildSmallProject(t.graph, 2, 2)]);
    const results = await Promise.all(
      projects.flatMap((p) =>
        [0, 1].map((i) =>
          gql(
            t.app,
            `mutation { ${positionField('a', p.actors[i]!.id, p.objectives[0]!.id, 2)} ${positionField('b', p.actors[i]!.id, p.objectives[1]!.id, -2)} }`,
          ),
        ),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    for (const p of projects) expect(await positionCount(p.project.id)).toBe(4);
  });
});
