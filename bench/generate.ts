import {
  createEntity,
  updateEntity,
  type ChangeContext,
  type EntityRecord,
  type Graph,
} from '@trame/graph';

/**
 * A seeded generator of realistic projects, loaded through the domain functions so the graph
 * and its history are exactly what the API would have written.
 */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ProjectSize {
  actors: number;
  objectives: number;
  positionsPerObjective: number;
  influencesPerActor: number;
}

export const SIZE_S: ProjectSize = { actors: 50, objectives: 80, positionsPerObjective: 3, influencesPerActor: 2 };

export interface GeneratedProject {
  territoryId: string;
  projectId: string;
  /** Entities that history rounds update. */
  engagements: EntityRecord[];
  positions: EntityRecord[];
  createdAt: Date;
}

const LEVELS = ['CONCERNE', 'INFORME', 'PARTICIPANT', 'COOPERANT', 'MOTEUR'];
const KINDS = ['ELU', 'SERVICE', 'ENTREPRISE', 'ASSOCIATION', 'HABITANT', 'INSTITUTION', 'TIERS', 'FINANCEUR'];
const BATCH = 100;

async function inBatches<T>(graph: Graph, items: T[], work: (tx: Parameters<Parameters<Graph['write']>[0]>[0], item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    await graph.write(async (tx) => {
      for (const item of batch) await work(tx, item);
    });
  }
}

/** One project created on `start`, every entity at once. */
export async function generateProject(graph: Graph, seed: number, size: ProjectSize, start: Date): Promise<GeneratedProject> {
  const random = mulberry32(seed);
  const ctx: ChangeContext = { author: 'bench' };
  const opts = { validFrom: start };
  const { territory, project } = await graph.write(async (tx) => {
    const territory = await createEntity(tx, ctx, 'Territory', { name: `Territoire ${seed}`, code: '62', kind: 'COMMUNE' }, opts);
    const project = await createEntity(tx, ctx, 'Project', { territoryId: territory.id, name: `Projet ${seed}` }, opts);
    return { territory, project };
  });
  const actors: EntityRecord[] = [];
  const engagements: EntityRecord[] = [];
  await inBatches(graph, Array.from({ length: size.actors }, (_, i) => i), async (tx, i) => {
    const actor = await createEntity(tx, ctx, 'Actor', { territoryId: territory.id, name: `Acteur ${i}`, kind: KINDS[i % KINDS.length] }, opts);
    actors.push(actor);
    engagements.push(
      await createEntity(tx, ctx, 'Engagement', { actorId: actor.id, projectId: project.id, level: LEVELS[Math.floor(random() * 3)] }, opts),
    );
  });
  const objectives: EntityRecord[] = [];
  await inBatches(graph, Array.from({ length: size.objectives }, (_, i) => i), async (tx, i) => {
    objectives.push(
      await createEntity(
        tx,
        ctx,
        'Objective',
        {
          projectId: project.id,
          actorId: actors[i % actors.length]!.id,
          title: `Objectif ${i}`,
          dimensions: ['SOCIAL'],
          nature: 'MATERIEL',
          confidential: false,
        },
        opts,
      ),
    );
  });
  const positions: EntityRecord[] = [];
  const pairs = objectives.flatMap((objective, o) =>
    Array.from({ length: size.positionsPerObjective }, (_, k) => ({ objective, actor: actors[(o * 7 + k * 13) % actors.length]! })),
  );
  await inBatches(graph, pairs, async (tx, { objective, actor }) => {
    positions.push(
      await createEntity(tx, ctx, 'Position', { actorId: actor.id, objectiveId: objective.id, value: Math.floor(random() * 9) - 4 }, opts),
    );
  });
  const influencePairs = actors.flatMap((actor, a) =>
    Array.from({ length: size.influencesPerActor }, (_, k) => ({ from: actor, to: actors[(a + 1 + k * 5) % actors.length]! })),
  );
  await inBatches(graph, influencePairs, async (tx, { from, to }) => {
    await createEntity(tx, ctx, 'Influence', { projectId: project.id, fromActorId: from.id, toActorId: to.id, value: 1 + Math.floor(random() * 4) }, opts);
  });
  for (let i = 0; i + 1 < objectives.length; i += 8) {
    await graph.write((tx) =>
      createEntity(tx, ctx, 'Conflict', { objectiveAId: objectives[i]!.id, objectiveBId: objectives[i + 1]!.id, intensity: 2, status: 'IDENTIFIE', confidential: false }, opts),
    );
  }
  return { territoryId: territory.id, projectId: project.id, engagements, positions, createdAt: start };
}

/**
 * `changes` dated updates spread evenly over [from, to): engagement levels and position values
 * moving, as pilots record them after meetings.
 */
export async function generateHistory(graph: Graph, project: GeneratedProject, seed: number, changes: number, from: Date, to: Date): Promise<void> {
  const random = mulberry32(seed);
  const ctx: ChangeContext = { author: 'bench' };
  const span = to.getTime() - from.getTime();
  const targets = [...project.engagements, ...project.positions];
  const steps = Array.from({ length: changes }, (_, i) => ({ at: new Date(from.getTime() + Math.floor((span * i) / changes)), i }));
  await inBatches(graph, steps, async (tx, { at, i }) => {
    const target = targets[Math.floor(random() * targets.length)]!;
    const patch = target.type === 'Engagement' ? { level: LEVELS[i % LEVELS.length] } : { value: (i % 9) - 4 };
    await updateEntity(tx, ctx, target.type, target.id, patch, { validFrom: at });
  });
}
