import type { Model } from '../model/derived.ts';
import { ENTITIES } from '../model/entities.ts';
import { ENGAGEMENT_LEVELS } from '../model/enums.ts';
import type { ProjectState } from '../reads/project-state.ts';
import { ofType } from '../reads/project-state.ts';
import type { EntityRecord } from '../store/records.ts';
import type { MapEcosystem, MapEdge, MapEdgeKind, MapNode } from '../model/map-elements.ts';

/**
 * The project as Cytoscape-ready elements: a pure function of a ProjectState. Every element
 * carries its entity id, kind and the data the editor styles it by; perimeters are compound
 * parents of the objectives and actors they brought in.
 */
export interface ProjectMap {
  projectId: string;
  at: Date;
  nodes: MapNode[];
  edges: MapEdge[];
  ecosystems: MapEcosystem[];
  /** Perimeters ordered along their leaps, from the first to the widest. */
  perimeterOrder: string[];
}

export interface MapOptions {
  /** Workshop mode: leave out confidential objectives and conflicts, and every note. */
  hideConfidential?: boolean;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function leapOrder(perimeters: EntityRecord[], leaps: EntityRecord[]): string[] {
  const sortedLeaps = [...leaps].sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  const order: string[] = [];
  const push = (id: string | null) => {
    if (id && !order.includes(id)) order.push(id);
  };
  for (const leap of sortedLeaps) {
    push(str(leap.values.fromPerimeterId));
    push(str(leap.values.toPerimeterId));
  }
  const rest = perimeters.filter((p) => !order.includes(p.id)).sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
  for (const p of rest) push(p.id);
  return order.filter((id) => perimeters.some((p) => p.id === id));
}

/**
 * `model` defaults to the real one (tests pass a fixture): the fields it marks `map: true` travel
 * in their entity's element data under their own name, beside what is presented below.
 */
export function buildProjectMap(state: ProjectState, options: MapOptions = {}, model: Model = ENTITIES): ProjectMap {
  const hide = options.hideConfidential ?? false;
  const marked = (entity: EntityRecord): Record<string, unknown> => {
    const data: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(model[entity.type].fields))
      if (field.map) data[name] = entity.values[name] ?? null;
    return data;
  };
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const perimeters = ofType(state, 'Perimeter');
  const perimeterIds = new Set(perimeters.map((p) => p.id));
  const inPerimeter = (id: unknown) => (typeof id === 'string' && perimeterIds.has(id) ? id : null);
  const ecosystems = ofType(state, 'Ecosystem');
  const ecosystemsOf = (actorId: string) =>
    ecosystems.filter((eco) => ((eco.values.memberIds as string[] | null) ?? []).includes(actorId)).map((eco) => eco.id);

  for (const perimeter of perimeters) {
    nodes.push({
      id: perimeter.id,
      kind: 'PERIMETER',
      label: String(perimeter.values.name),
      parent: null,
      entityVersion: perimeter.version,
      data: { ...marked(perimeter), description: perimeter.values.description, since: perimeter.validFrom.toISOString() },
    });
  }

  for (const engagement of ofType(state, 'Engagement')) {
    const actor = state.byId.get(engagement.values.actorId as string);
    if (!actor) continue;
    const level = engagement.values.level as string;
    nodes.push({
      id: actor.id,
      kind: 'ACTOR',
      label: String(actor.values.name),
      parent: inPerimeter(engagement.values.perimeterId),
      entityVersion: actor.version,
      data: {
        ...marked(actor),
        actorKind: actor.values.kind,
        engagementId: engagement.id,
        engagementVersion: engagement.version,
        engagement: level,
        engagementRank: ENGAGEMENT_LEVELS.indexOf(level as (typeof ENGAGEMENT_LEVELS)[number]),
        role: engagement.values.role,
        perimeterId: engagement.values.perimeterId,
        ecosystemIds: ecosystemsOf(actor.id),
        description: actor.values.description,
      },
    });
  }
  const actorIds = new Set(nodes.filter((n) => n.kind === 'ACTOR').map((n) => n.id));
  const nodeIds = new Set(nodes.map((n) => n.id));

  const hiddenObjectives = new Set<string>();
  for (const objective of ofType(state, 'Objective')) {
    if (hide && objective.values.confidential) {
      hiddenObjectives.add(objective.id);
      continue;
    }
    nodeIds.add(objective.id);
    nodes.push({
      id: objective.id,
      kind: 'OBJECTIVE',
      label: String(objective.values.title),
      parent: inPerimeter(objective.values.perimeterId),
      entityVersion: objective.version,
      data: {
        ...marked(objective),
        ownerId: objective.values.actorId,
        dimensions: objective.values.dimensions,
        nature: objective.values.nature,
        confidential: objective.values.confidential ?? false,
        perimeterId: objective.values.perimeterId,
        description: hide ? null : objective.values.description,
      },
    });
    const owner = str(objective.values.actorId);
    if (owner && actorIds.has(owner)) {
      edges.push({
        id: `owns-${objective.id}`,
        kind: 'OWNS',
        source: owner,
        target: objective.id,
        label: null,
        entityVersion: objective.version,
        data: { entityId: objective.id },
      });
    }
  }
  const visible = (id: unknown): id is string => typeof id === 'string' && nodeIds.has(id);

  const edge = (
    entity: EntityRecord,
    kind: MapEdgeKind,
    source: unknown,
    target: unknown,
    label: string | null,
    data: Record<string, unknown>,
    id = entity.id,
  ) => {
    if (!visible(source) || !visible(target)) return;
    edges.push({
      id,
      kind,
      source,
      target,
      label,
      entityVersion: entity.version,
      data: { ...marked(entity), ...data, entityId: entity.id },
    });
  };

  for (const position of ofType(state, 'Position')) {
    const value = Number(position.values.value);
    edge(position, 'POSITION', position.values.actorId, position.values.objectiveId, value > 0 ? `+${value}` : String(value), {
      value,
      intensity: Math.abs(value),
      stance: value > 0 ? 'FOR' : value < 0 ? 'AGAINST' : 'NEUTRAL',
      note: hide ? null : position.values.note,
    });
  }
  for (const convergence of ofType(state, 'Convergence')) {
    edge(convergence, 'CONVERGENCE', convergence.values.objectiveAId, convergence.values.objectiveBId, null, {
      note: hide ? null : convergence.values.note,
    });
  }
  for (const conflict of ofType(state, 'Conflict')) {
    if (hide && conflict.values.confidential) continue;
    edge(conflict, 'CONFLICT', conflict.values.objectiveAId, conflict.values.objectiveBId, null, {
      intensity: conflict.values.intensity,
      status: conflict.values.status,
      confidential: conflict.values.confidential ?? false,
      arbitration: hide ? null : conflict.values.arbitration,
      note: hide ? null : conflict.values.note,
      since: conflict.validFrom.toISOString(),
    });
  }
  for (const externality of ofType(state, 'Externality')) {
    nodes.push({
      id: externality.id,
      kind: 'EXTERNALITY',
      label: String(externality.values.description),
      parent: null,
      entityVersion: externality.version,
      data: {
        ...marked(externality),
        sign: externality.values.sign,
        status: externality.values.status,
        internalisation: externality.values.internalisation,
      },
    });
    nodeIds.add(externality.id);
    const sign = externality.values.sign;
    edge(
      externality,
      'EXTERNALITY_SOURCE',
      externality.values.objectiveId,
      externality.id,
      null,
      { sign },
      `${externality.id}-source`,
    );
    for (const affected of (externality.values.affectedActorIds as string[] | null) ?? []) {
      const data = { sign, status: externality.values.status };
      edge(externality, 'EXTERNALITY_EFFECT', externality.id, affected, null, data, `${externality.id}-${affected}`);
    }
  }
  for (const cooperation of ofType(state, 'Cooperation')) {
    edge(cooperation, 'COOPERATION', cooperation.values.actorAId, cooperation.values.actorBId, null, {
      commitments: cooperation.values.commitments,
      counterparts: cooperation.values.counterparts,
      since: cooperation.validFrom.toISOString(),
    });
  }
  for (const influence of ofType(state, 'Influence')) {
    const value = Number(influence.values.value);
    if (value === 0) continue;
    edge(influence, 'INFLUENCE', influence.values.fromActorId, influence.values.toActorId, String(value), { value });
  }
  for (const leap of ofType(state, 'SystemicLeap')) {
    edge(leap, 'LEAP', leap.values.fromPerimeterId, leap.values.toPerimeterId, String(leap.values.trigger), {
      date: leap.validFrom.toISOString(),
      trigger: leap.values.trigger,
      description: leap.values.description,
    });
  }

  return {
    projectId: state.project.id,
    at: state.at,
    nodes,
    edges,
    ecosystems: ecosystems.map((eco) => ({
      id: eco.id,
      name: String(eco.values.name),
      memberIds: (eco.values.memberIds as string[] | null) ?? [],
      perimeterId: str(eco.values.perimeterId),
    })),
    perimeterOrder: leapOrder(perimeters, ofType(state, 'SystemicLeap')),
  };
}
