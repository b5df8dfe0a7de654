import { ENTITIES, type EntityType } from '@trame/graph/model';

type Entity = Record<string, unknown> & { id: string; __typename: EntityType };

/**
 * A human title for any entity: its name, or for relations the names of what they join
 * (« AMAP ↔ Mairie »), so the panel never shows a bare id.
 */
export function entityTitle(entity: Entity, nameOf: (id: string) => string | null): string {
  const name = (field: string) => {
    const id = entity[field];
    return typeof id === 'string' ? (nameOf(id) ?? id) : '?';
  };
  switch (entity.__typename) {
    case 'Position':
      return `${name('actorId')} → ${name('objectiveId')}`;
    case 'Convergence':
    case 'Conflict':
      return `${name('objectiveAId')} ↔ ${name('objectiveBId')}`;
    case 'Cooperation':
      return `${name('actorAId')} ↔ ${name('actorBId')}`;
    case 'Influence':
      return `${name('fromActorId')} → ${name('toActorId')}`;
    case 'Engagement':
      return name('actorId');
    case 'SystemicLeap':
      return `${name('fromPerimeterId')} → ${name('toPerimeterId')}`;
    default: {
      const title = entity[ENTITIES[entity.__typename].titleField];
      return typeof title === 'string' && title ? title : entity.id;
    }
  }
}
