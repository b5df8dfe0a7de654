import Graph from 'graphology';
import { enumLabel } from '../map/labels.ts';
import { entitiesOf, titleOf, type ProjectSnapshot, type SnapshotEntity, type SnapshotVersion } from './snapshot.ts';

/** A stretch of time an element exists over: ISO days, `end` null when still open. */
export interface Spell {
  start: string;
  end: string | null;
}

export interface NodeAttributes {
  label: string;
  /** 'Acteur' or 'Objectif'. */
  type: string;
  /** Actors: their kind and engagement level (French labels). Objectives: dimensions and nature. */
  kind: string;
  level: string;
  description: string;
  x: number;
  y: number;
  spells: Spell[];
}

export interface EdgeAttributes {
  /** The relation, French: Influence, Position, Coopération, Convergence, Conflit, Porte, Externalité. */
  type: string;
  label: string;
  weight: number;
  directed: boolean;
  spells: Spell[];
}

export type ProjectNetwork = Graph<NodeAttributes, EdgeAttributes>;

const day = (iso: string) => iso.slice(0, 10);

/** Consecutive versions joined into the stretches an entity existed over. */
export function spellsOf(entity: SnapshotEntity): Spell[] {
  const versions: SnapshotVersion[] = entity.history?.length
    ? entity.history
    : [{ from: entity.validFrom, to: entity.validTo, values: entity.values }];
  const spells: Spell[] = [];
  for (const version of versions) {
    const last = spells[spells.length - 1];
    if (last && last.end !== null && last.end === day(version.from)) last.end = version.to ? day(version.to) : null;
    else spells.push({ start: day(version.from), end: version.to ? day(version.to) : null });
  }
  return spells;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The project as a network for Gephi, Cytoscape and Kumu: actors and objectives as nodes,
 * positions, influences, cooperations, convergences, conflicts, objectives' carriers and
 * externalities (from their source objective) as edges, each with its spells. A node's position
 * is the saved layout's, or a circle when the project has none.
 */
export function projectNetwork(snapshot: ProjectSnapshot): ProjectNetwork {
  const graph: ProjectNetwork = new Graph<NodeAttributes, EdgeAttributes>({ type: 'mixed', multi: true });
  const actors = entitiesOf(snapshot, 'Actor');
  const objectives = entitiesOf(snapshot, 'Objective');
  const engagements = new Map(entitiesOf(snapshot, 'Engagement').map((e) => [str(e.values.actorId), e]));
  const count = actors.length + objectives.length;
  const place = (id: string, i: number) =>
    snapshot.layout?.[id] ?? {
      x: Math.round(400 * Math.cos((2 * Math.PI * i) / Math.max(1, count))),
      y: Math.round(400 * Math.sin((2 * Math.PI * i) / Math.max(1, count))),
    };
  actors.forEach((actor, i) => {
    const engagement = engagements.get(actor.id);
    graph.addNode(actor.id, {
      label: titleOf(snapshot, actor.id),
      type: 'Acteur',
      kind: enumLabel(str(actor.values.kind)),
      level: engagement ? enumLabel(str(engagement.values.level)) : '',
      description: str(actor.values.description),
      ...place(actor.id, i),
      // In the project from its engagement on; an actor only touched by a relation, over its own life.
      spells: spellsOf(engagement ?? actor),
    });
  });
  objectives.forEach((objective, i) => {
    graph.addNode(objective.id, {
      label: titleOf(snapshot, objective.id),
      type: 'Objectif',
      kind: (Array.isArray(objective.values.dimensions) ? objective.values.dimensions : []).map(enumLabel).join(' | '),
      level: enumLabel(str(objective.values.nature)),
      description: str(objective.values.description),
      ...place(objective.id, actors.length + i),
      spells: spellsOf(objective),
    });
  });
  const link = (
    entity: SnapshotEntity,
    source: unknown,
    target: unknown,
    type: string,
    weight: number,
    directed: boolean,
    label = type,
  ) => {
    if (typeof source !== 'string' || typeof target !== 'string' || !graph.hasNode(source) || !graph.hasNode(target)) return;
    const attributes: EdgeAttributes = { type, label, weight, directed, spells: spellsOf(entity) };
    if (directed) graph.addDirectedEdgeWithKey(entity.id, source, target, attributes);
    else graph.addUndirectedEdgeWithKey(entity.id, source, target, attributes);
  };
  for (const p of entitiesOf(snapshot, 'Position'))
    link(p, p.values.actorId, p.values.objectiveId, 'Position', Number(p.values.value), true);
  for (const i of entitiesOf(snapshot, 'Influence'))
    link(i, i.values.fromActorId, i.values.toActorId, 'Influence', Number(i.values.value), true);
  for (const c of entitiesOf(snapshot, 'Cooperation'))
    link(c, c.values.actorAId, c.values.actorBId, 'Coopération', 1, false, str(c.values.commitments) || 'Coopération');
  for (const c of entitiesOf(snapshot, 'Convergence'))
    link(c, c.values.objectiveAId, c.values.objectiveBId, 'Convergence', 1, false);
  for (const c of entitiesOf(snapshot, 'Conflict'))
    link(
      c,
      c.values.objectiveAId,
      c.values.objectiveBId,
      'Conflit',
      Number(c.values.intensity),
      false,
      `Conflit (${enumLabel(str(c.values.status))})`,
    );
  for (const o of objectives) {
    if (typeof o.values.actorId === 'string') link({ ...o, id: `${o.id}:porteur` }, o.values.actorId, o.id, 'Porte', 1, true);
  }
  for (const x of entitiesOf(snapshot, 'Externality')) {
    const affected = Array.isArray(x.values.affectedActorIds) ? x.values.affectedActorIds : [];
    for (const actorId of affected) {
      link(
        { ...x, id: `${x.id}:${actorId}` },
        x.values.objectiveId,
        actorId,
        'Externalité',
        x.values.sign === 'NEGATIVE' ? -1 : 1,
        true,
        `Externalité ${enumLabel(str(x.values.sign)).toLowerCase()}`,
      );
    }
  }
  return graph;
}
