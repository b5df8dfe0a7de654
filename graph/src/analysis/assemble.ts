import type { ProjectState } from '../reads/project-state.ts';
import type { EntityRecord } from '../store/records.ts';
import { analyseMactor, strongestDivergences, type Divergence, type MactorResult } from './mactor.ts';
import { actorNetwork, compareWithEcosystems, type Broker, type Coalitions, type EcosystemComparison } from './network.ts';
import { engagementLoad, tensionAge, type EngagementLoad } from './review.ts';
import { sparseMatrix, type MatrixCell } from './sparse-matrix.ts';

/**
 * From project states (what the graph held at a date) to the analyses of ANALYSIS.md: the
 * inputs are built here, the maths lives in mactor.ts and network.ts. Pure.
 */
export interface Label {
  id: string;
  label: string;
}

export interface Tension {
  conflict: Label;
  projectId: string;
  intensity: number;
  status: string;
  identifiedAt: Date;
  statusSince: Date;
  daysSinceIdentified: number;
  daysInStatus: number;
  objectives: Label[];
  /** Actors who own the objectives or took a position on them. */
  actors: Label[];
}

export interface ExternalityReview {
  externality: Label;
  projectId: string;
  sign: string;
  affected: Label[];
  /** Affected actors who are only « concerné non impliqué » in the project. */
  notInvolved: Label[];
}

export interface Analysis {
  at: Date;
  projects: Label[];
  actors: Label[];
  objectives: Label[];
  mactor: MactorResult;
  coalitions: Coalitions;
  ecosystems: (EcosystemComparison & { projectId: string })[];
  brokers: Broker[];
  /** Strongest 2DAA pairs with no conflict recorded between their objectives. */
  unworkedDivergences: Divergence[];
  tensions: Tension[];
  externalities: ExternalityReview[];
  engagementLoad: EngagementLoad[];
}

const title = (entity: EntityRecord, field: string) => String(entity.values[field] ?? entity.id);

/** When each conflict's current status began, from the change log (conflict id → date). */
export type StatusSince = ReadonlyMap<string, Date>;

export function analyse(states: ProjectState[], statusSince: StatusSince, options: { divergences?: number } = {}): Analysis {
  const at = states[0]?.at ?? new Date();
  const all = states.flatMap((s) => s.entities);
  const byId = new Map<string, EntityRecord>();
  for (const state of states) for (const [id, e] of state.byId) byId.set(id, e);

  // Actors: those engaged in at least one project; objectives: every objective of the projects.
  const engagements = all.filter((e) => e.type === 'Engagement');
  const actorIds = [...new Set(engagements.map((e) => String(e.values.actorId)))].filter((id) => byId.has(id)).sort();
  const actorIndex = new Map(actorIds.map((id, i) => [id, i]));
  const objectives = all.filter((e) => e.type === 'Objective').sort((a, b) => a.id.localeCompare(b.id));
  const objectiveIndex = new Map(objectives.map((o, j) => [o.id, j]));
  const actorLabel = (id: string): Label => ({ id, label: byId.has(id) ? title(byId.get(id)!, 'name') : id });

  // MID and 2MAO from the recorded influences and positions only: both are sparse.
  const n = actorIds.length;
  const influences: MatrixCell[] = [];
  for (const influence of all.filter((e) => e.type === 'Influence')) {
    const i = actorIndex.get(String(influence.values.fromActorId));
    const j = actorIndex.get(String(influence.values.toActorId));
    if (i !== undefined && j !== undefined && i !== j) influences.push([i, j, Math.max(0, Number(influence.values.value))]);
  }
  // Across projects, an actor's hold on another is the strongest recorded.
  const mid = sparseMatrix(n, n, influences, Math.max);
  const positions: MatrixCell[] = [];
  for (const position of all.filter((e) => e.type === 'Position')) {
    const i = actorIndex.get(String(position.values.actorId));
    const j = objectiveIndex.get(String(position.values.objectiveId));
    if (i !== undefined && j !== undefined) positions.push([i, j, Number(position.values.value)]);
  }
  const mao2 = sparseMatrix(n, objectives.length, positions);
  const mactor = analyseMactor({ actors: actorIds, objectives: objectives.map((o) => o.id), mid, mao2 });

  const cooperations = all
    .filter((e) => e.type === 'Cooperation')
    .map((c) => [String(c.values.actorAId), String(c.values.actorBId)] as [string, string])
    .filter(([a, b]) => actorIndex.has(a) && actorIndex.has(b) && a !== b);
  const graphInput = { actors: actorIds, convergence: mactor.orders[2].caa, cooperations };
  const network = actorNetwork(graphInput);
  const detected = network.coalitions;
  const declared = all.filter((e) => e.type === 'Ecosystem');
  const ecosystems = compareWithEcosystems(
    detected.communities,
    declared.map((e) => ({ id: e.id, name: title(e, 'name'), memberIds: (e.values.memberIds as string[] | null) ?? [] })),
  ).map((match) => ({ ...match, projectId: String(declared.find((e) => e.id === match.ecosystemId)?.projectId) }));

  // Who is behind an objective: its owner and everyone with a position on it. The positions are
  // grouped by objective once: each conflict asks for two objectives, twice.
  const positionHolders = new Map<unknown, string[]>();
  for (const p of all) {
    if (p.type !== 'Position' || Number(p.values.value) === 0) continue;
    const holders = positionHolders.get(p.values.objectiveId);
    if (holders) holders.push(String(p.values.actorId));
    else positionHolders.set(p.values.objectiveId, [String(p.values.actorId)]);
  }
  const actorsOf = (objectiveId: string): Set<string> => {
    const set = new Set<string>();
    const owner = byId.get(objectiveId)?.values.actorId;
    if (typeof owner === 'string') set.add(owner);
    for (const actorId of positionHolders.get(objectiveId) ?? []) set.add(actorId);
    return set;
  };
  const conflicts = all.filter((e) => e.type === 'Conflict');
  const conflictPairs = conflicts.flatMap((c) => {
    const left = actorsOf(String(c.values.objectiveAId));
    const right = actorsOf(String(c.values.objectiveBId));
    return [...left].flatMap((a) => [...right].map((b) => [a, b] as const));
  });
  const unworkedDivergences = strongestDivergences(mactor, 2, options.divergences ?? 10, conflictPairs);

  const tensions: Tension[] = conflicts
    .map((conflict) => {
      const since = statusSince.get(conflict.id) ?? conflict.validFrom;
      const age = tensionAge(
        { identifiedAt: conflict.validFrom, statusSince: since },
        new Date(Math.max(at.getTime(), since.getTime())),
      );
      const objectiveIds = [String(conflict.values.objectiveAId), String(conflict.values.objectiveBId)];
      const actors = [...new Set(objectiveIds.flatMap((id) => [...actorsOf(id)]))].sort();
      return {
        conflict: {
          id: conflict.id,
          label: objectiveIds.map((id) => (byId.has(id) ? title(byId.get(id)!, 'title') : id)).join(' ↔ '),
        },
        projectId: String(conflict.projectId),
        intensity: Number(conflict.values.intensity),
        status: String(conflict.values.status),
        identifiedAt: conflict.validFrom,
        statusSince: since,
        daysSinceIdentified: age.daysSinceIdentified,
        daysInStatus: age.daysInStatus,
        objectives: objectiveIds.map((id) => ({ id, label: byId.has(id) ? title(byId.get(id)!, 'title') : id })),
        actors: actors.map(actorLabel),
      };
    })
    .sort((a, b) => b.intensity - a.intensity || b.daysSinceIdentified - a.daysSinceIdentified);

  const levelOf = new Map(
    engagements.map((e) => [`${String(e.values.projectId)}|${String(e.values.actorId)}`, String(e.values.level)]),
  );
  const externalities = all
    .filter((e) => e.type === 'Externality' && e.values.status !== 'INTERNALISEE')
    .map((e) => {
      const affected = ((e.values.affectedActorIds as string[] | null) ?? []).map(actorLabel);
      return {
        externality: { id: e.id, label: title(e, 'description') },
        projectId: String(e.projectId),
        sign: String(e.values.sign),
        affected,
        notInvolved: affected.filter((a) => (levelOf.get(`${String(e.projectId)}|${a.id}`) ?? 'CONCERNE') === 'CONCERNE'),
      };
    });

  return {
    at,
    projects: states.map((s) => ({ id: s.project.id, label: title(s.project, 'name') })),
    actors: actorIds.map(actorLabel),
    objectives: objectives.map((o) => ({ id: o.id, label: title(o, 'title') })),
    mactor,
    coalitions: detected,
    ecosystems,
    brokers: network.brokers,
    unworkedDivergences,
    tensions,
    externalities,
    engagementLoad: engagementLoad(
      engagements.map((e) => ({
        actorId: String(e.values.actorId),
        projectId: String(e.values.projectId),
        level: String(e.values.level),
      })),
    ),
  };
}
