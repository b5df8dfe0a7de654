/**
 * The territory review's analysis at scale, without the database: seeded synthetic project
 * states of the L shape (many projects sharing a territory's actors), then `analyseMactor`, the
 * network analysis (coalitions, brokers) and the whole `analyse`, one after another, with the
 * heap after each step and the process's peak resident memory.
 *
 *   npx tsx bench/mactor-scale.ts [actors] [objectives] [positions] [influences] [projects]
 *   STEPS=analyse npx tsx bench/mactor-scale.ts …   (only the whole review)
 *
 * Defaults: 2000 actors, 3000 objectives, 20000 positions, 4000 influences, 40 projects (the
 * benchmark's L). Run one shape per process: the peak resident memory is the process's.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  analyse,
  analyseMactor,
  brokers,
  coalitions,
  sparseMatrix,
  type EntityRecord,
  type EntityType,
  type FieldValues,
  type MatrixCell,
  type ProjectState,
} from '@trame/graph';
import { mulberry32 } from './generate.ts';

export interface Shape {
  actors: number;
  objectives: number;
  positions: number;
  influences: number;
  projects: number;
}

export const L_SHAPE: Shape = { actors: 2000, objectives: 3000, positions: 20_000, influences: 4000, projects: 40 };

const AT = new Date('2026-01-01T00:00:00Z');
const SINCE = new Date('2020-01-01T00:00:00Z');
const LEVELS = ['CONCERNE', 'INFORME', 'PARTICIPANT', 'COOPERANT', 'MOTEUR'];
const POSITIONS = [-4, -3, -2, -1, 0, 1, 1, 2, 2, 3, 3, 4];

function record(type: EntityType, id: string, projectId: string | null, values: FieldValues): EntityRecord {
  return {
    id,
    type,
    version: 1,
    projectId,
    territoryId: 'ter',
    validFrom: SINCE,
    validTo: new Date('9999-12-31T00:00:00Z'),
    versionFrom: SINCE,
    versionTo: AT,
    recordedAt: SINCE,
    values,
  };
}

/**
 * Seeded project states: every actor is engaged in some project, and each project engages about
 * 1.8 × its share of the actors (as bench/generate.ts) and holds its share of the objectives,
 * positions, influences, cooperations and conflicts.
 */
export function syntheticStates(shape: Shape, seed = 1): ProjectState[] {
  const rng = mulberry32(seed);
  const int = (n: number) => Math.floor(rng() * n);
  const pad = (i: number) => String(i).padStart(5, '0');
  const actorIds = Array.from({ length: shape.actors }, (_, i) => `act-${pad(i)}`);
  const territory = record('Territory', 'ter', null, { name: 'Territoire' });
  const share = (total: number) => Math.max(1, Math.round(total / shape.projects));
  const engagedPerProject = Math.min(shape.actors, Math.max(2, Math.round((1.8 * shape.actors) / shape.projects)));
  let objectiveNo = 0;
  return Array.from({ length: shape.projects }, (_, p) => {
    const projectId = `prj-${pad(p)}`;
    const project = record('Project', projectId, projectId, { name: `Projet ${p}` });
    const engaged = new Set(actorIds.filter((_, i) => i % shape.projects === p));
    while (engaged.size < engagedPerProject) engaged.add(actorIds[int(shape.actors)]!);
    const members = [...engaged];
    const pickActor = () => members[int(members.length)]!;
    const entities: EntityRecord[] = members.map((id) => record('Actor', id, null, { name: `Acteur ${id}` }));
    members.forEach((actorId, i) =>
      entities.push(record('Engagement', `eng-${p}-${i}`, projectId, { actorId, projectId, level: LEVELS[int(5)]! })),
    );
    const objectives = Array.from({ length: share(shape.objectives) }, () => `obj-${pad(objectiveNo++)}`);
    for (const id of objectives)
      entities.push(record('Objective', id, projectId, { title: `Objectif ${id}`, actorId: rng() < 0.8 ? pickActor() : null }));
    const seen = new Set<string>();
    const fresh = (key: string) => {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    for (let made = 0, tries = 0; made < share(shape.positions) && tries < 20 * shape.positions; tries++) {
      const actorId = pickActor();
      const objectiveId = objectives[int(objectives.length)]!;
      if (fresh(`pos|${actorId}|${objectiveId}`))
        entities.push(record('Position', `pos-${p}-${made++}`, projectId, { actorId, objectiveId, value: POSITIONS[int(12)]! }));
    }
    for (let made = 0, tries = 0; made < share(shape.influences) && tries < 20 * shape.influences; tries++) {
      const [fromActorId, toActorId] = [pickActor(), pickActor()];
      if (fromActorId !== toActorId && fresh(`inf|${fromActorId}|${toActorId}`)) {
        entities.push(
          record('Influence', `inf-${p}-${made++}`, projectId, { projectId, fromActorId, toActorId, value: 1 + int(4) }),
        );
      }
    }
    for (let i = 0; i < share(shape.influences / 2); i++) {
      const [actorAId, actorBId] = [pickActor(), pickActor()];
      if (actorAId !== actorBId)
        entities.push(record('Cooperation', `coo-${p}-${i}`, projectId, { projectId, actorAId, actorBId }));
    }
    for (let i = 0; i < share(0.07 * (shape.positions + shape.influences) * 0.8); i++) {
      const [objectiveAId, objectiveBId] = [objectives[int(objectives.length)]!, objectives[int(objectives.length)]!];
      if (objectiveAId !== objectiveBId)
        entities.push(
          record('Conflict', `cfl-${p}-${i}`, projectId, {
            objectiveAId,
            objectiveBId,
            intensity: 1 + int(4),
            status: 'IDENTIFIE',
          }),
        );
    }
    for (let i = 0; i < 4; i++) {
      entities.push(
        record('Ecosystem', `eco-${p}-${i}`, projectId, {
          name: `Écosystème ${i}`,
          memberIds: Array.from({ length: 3 + int(6) }, pickActor),
        }),
      );
      entities.push(
        record('Externality', `ext-${p}-${i}`, projectId, {
          description: `Effet ${i}`,
          sign: 'NEGATIVE',
          status: 'IDENTIFIEE',
          affectedActorIds: [pickActor(), pickActor()],
        }),
      );
    }
    const byId = new Map<string, EntityRecord>([project, territory, ...entities].map((e) => [e.id, e]));
    return { at: AT, project, territory, entities, byId };
  });
}

/** MACTOR's input as assemble.ts builds it: engaged actors, every objective, strongest influence per pair, last position. */
function mactorInput(states: ProjectState[]) {
  const all = states.flatMap((s) => s.entities);
  const actors = [...new Set(all.filter((e) => e.type === 'Engagement').map((e) => String(e.values.actorId)))].sort();
  const actorIndex = new Map(actors.map((id, i) => [id, i]));
  const objectives = all
    .filter((e) => e.type === 'Objective')
    .map((e) => e.id)
    .sort();
  const objectiveIndex = new Map(objectives.map((id, j) => [id, j]));
  const cell = (
    e: EntityRecord,
    row: string,
    rows: Map<string, number>,
    column: string,
    columns: Map<string, number>,
  ): MatrixCell => [rows.get(String(e.values[row]))!, columns.get(String(e.values[column]))!, Number(e.values.value)];
  const influences = all
    .filter((e) => e.type === 'Influence')
    .map((e) => cell(e, 'fromActorId', actorIndex, 'toActorId', actorIndex));
  const positions = all
    .filter((e) => e.type === 'Position')
    .map((e) => cell(e, 'actorId', actorIndex, 'objectiveId', objectiveIndex));
  return {
    actors,
    objectives,
    mid: sparseMatrix(actors.length, actors.length, influences, Math.max),
    mao2: sparseMatrix(actors.length, objectives.length, positions),
    cooperations: all
      .filter((e) => e.type === 'Cooperation')
      .map((e) => [String(e.values.actorAId), String(e.values.actorBId)] as [string, string]),
  };
}

const mib = (bytes: number) => Math.round(bytes / 1048576);
const heap = () => mib(process.memoryUsage().heapUsed);

function step<T>(name: string, run: () => T): T {
  const started = performance.now();
  const value = run();
  console.log(`${name.padEnd(28)} ${String(Math.round(performance.now() - started)).padStart(8)} ms   heap ${heap()} MiB`);
  return value;
}

function main(): void {
  const [actors, objectives, positions, influences, projects] = Object.entries(L_SHAPE).map(([, fallback], i) =>
    Number(process.argv[2 + i] ?? fallback),
  );
  const shape: Shape = {
    actors: actors!,
    objectives: objectives!,
    positions: positions!,
    influences: influences!,
    projects: projects!,
  };
  const states = syntheticStates(shape);
  const count = (type: EntityType) => states.reduce((n, s) => n + s.entities.filter((e) => e.type === type).length, 0);
  const input = mactorInput(states);
  console.log(
    `shape: ${input.actors.length} actors, ${input.objectives.length} objectives, ${count('Position')} positions, ` +
      `${count('Influence')} influences, ${count('Cooperation')} cooperations, ${count('Conflict')} conflicts, ${shape.projects} projects; heap ${heap()} MiB`,
  );
  // Each step's result is dropped before the whole review runs.
  const steps = new Set((process.env.STEPS ?? 'mactor,analyse').split(','));
  if (steps.has('mactor')) {
    const mactor = step('analyseMactor', () => analyseMactor(input));
    const graphInput = { actors: input.actors, convergence: mactor.orders[2].caa, cooperations: input.cooperations };
    step('coalitions (Louvain)', () => coalitions(graphInput));
    step('brokers (betweenness)', () => brokers(graphInput));
  }
  const analysis = steps.has('analyse') ? step('analyse (whole review)', () => analyse(states, new Map())) : null;
  console.log(
    `peak resident ${mib(process.resourceUsage().maxRSS * 1024)} MiB` +
      (analysis
        ? `; ${analysis.unworkedDivergences.length} unworked divergences, ${analysis.coalitions.communities.length} coalitions`
        : ''),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
