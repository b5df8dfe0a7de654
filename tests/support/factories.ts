import { createEntity, type EntityRecord, type EntityType, type Graph } from '@trame/graph';
import { uniqueId } from './graph.ts';

export const TEST_AUTHOR = 'test';

/** Creates one entity through the domain function and returns it. */
export async function build(
  graph: Graph,
  type: EntityType,
  input: Record<string, unknown>,
  options: { validFrom?: Date; id?: string } = {},
): Promise<EntityRecord> {
  return graph.write((tx) => createEntity(tx, { author: TEST_AUTHOR }, type, input, options));
}

export const at = (date: string) => new Date(`${date}T00:00:00Z`);

export interface SmallProject {
  territory: EntityRecord;
  project: EntityRecord;
  actors: EntityRecord[];
  objectives: EntityRecord[];
}

/** A territory with one project, `actorCount` engaged actors and `objectiveCount` objectives, from 2018-01-01. */
export async function buildSmallProject(graph: Graph, actorCount = 3, objectiveCount = 2): Promise<SmallProject> {
  const from = at('2018-01-01');
  const territory = await build(
    graph,
    'Territory',
    { name: `Commune ${uniqueId('t')}`, code: '62', kind: 'COMMUNE' },
    { validFrom: from },
  );
  const project = await build(graph, 'Project', { territoryId: territory.id, name: 'Projet de test' }, { validFrom: from });
  const actors: EntityRecord[] = [];
  for (let i = 0; i < actorCount; i += 1) {
    const actor = await build(
      graph,
      'Actor',
      { territoryId: territory.id, name: `Acteur ${i + 1}`, kind: 'ASSOCIATION' },
      { validFrom: from },
    );
    await build(graph, 'Engagement', { actorId: actor.id, projectId: project.id, level: 'INFORME' }, { validFrom: from });
    actors.push(actor);
  }
  const objectives: EntityRecord[] = [];
  for (let i = 0; i < objectiveCount; i += 1) {
    objectives.push(
      await build(
        graph,
        'Objective',
        { projectId: project.id, title: `Objectif ${i + 1}`, dimensions: ['SOCIAL'], nature: 'MATERIEL', confidential: false },
        { validFrom: from },
      ),
    );
  }
  return { territory, project, actors, objectives };
}
