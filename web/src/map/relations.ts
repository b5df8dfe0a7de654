import type { EntityType } from '@trame/graph/model';

/** Which relations a drag from one node to another can mean. */
export function relationChoices(
  source: Record<string, unknown>,
  target: Record<string, unknown>,
): { type: EntityType; preset: Record<string, unknown> }[] {
  const s = String(source.kind);
  const t = String(target.kind);
  if (s === 'ACTOR' && t === 'OBJECTIVE')
    return [{ type: 'Position', preset: { actorId: source.id, objectiveId: target.id, value: 2 } }];
  if (s === 'OBJECTIVE' && t === 'ACTOR')
    return [
      { type: 'Position', preset: { actorId: target.id, objectiveId: source.id, value: 2 } },
      { type: 'Externality', preset: { objectiveId: source.id, affectedActorIds: [target.id] } },
    ];
  if (s === 'OBJECTIVE' && t === 'OBJECTIVE')
    return [
      { type: 'Conflict', preset: { objectiveAId: source.id, objectiveBId: target.id, intensity: 2, status: 'IDENTIFIE' } },
      { type: 'Convergence', preset: { objectiveAId: source.id, objectiveBId: target.id } },
    ];
  if (s === 'ACTOR' && t === 'ACTOR')
    return [
      { type: 'Cooperation', preset: { actorAId: source.id, actorBId: target.id } },
      { type: 'Influence', preset: { fromActorId: source.id, toActorId: target.id, value: 2 } },
    ];
  return [];
}
