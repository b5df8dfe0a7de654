import type { ManagedTransaction } from 'neo4j-driver';
import { entitySpec } from '../model/entities.ts';
import type { EntityType } from '../model/enums.ts';
import { endEntity, updateEntity, type ChangeContext } from './commands.ts';
import { loadLocked, rows } from './locks.ts';
import * as q from './queries.ts';
import { isOpenUntil } from './rules.ts';

/** Optional references that still make no sense without their target. */
const ENDS_WITH_TARGET = new Set(['Objective.actorId', 'Externality.objectiveId']);

/**
 * What ending entity `id` at `at` drags along, each recorded as a change caused by `causeId`:
 * an entity that requires it ends; an optional reference is cleared; a list member is removed,
 * and the list's owner ends when fewer than its minimum remain. A dependent changed after `at`
 * follows from its latest change (history is never rewritten).
 */
export async function cascadeEnd(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  id: string,
  at: Date,
  causeId: string,
): Promise<void> {
  const dependents = await rows(tx, q.openDependents(id));
  for (const dependent of dependents) {
    const depId = dependent.id as string;
    const depType = dependent.type as EntityType;
    const fieldName = dependent.field as string;
    const field = entitySpec(depType).fields[fieldName]!;
    const latest = await loadLocked(tx, depId, depType);
    if (!isOpenUntil(latest.validTo)) continue; // ended earlier in this same cascade
    // Found before its lock was granted: a write committed meanwhile may have pointed it elsewhere.
    const value = latest.values[fieldName];
    if (!(field.kind === 'refList' ? ((value as string[] | null) ?? []).includes(id) : value === id)) continue;
    const cascadeAt = at.getTime() < latest.versionFrom.getTime() ? latest.versionFrom : at;
    if (field.kind === 'refList') {
      const remaining = ((latest.values[fieldName] as string[] | null) ?? []).filter((member) => member !== id);
      if (remaining.length >= field.minItems) {
        await updateEntity(tx, ctx, depType, depId, { [fieldName]: remaining }, { validFrom: cascadeAt, causeId });
        continue;
      }
    } else if (!field.required && !ENDS_WITH_TARGET.has(`${depType}.${fieldName}`)) {
      await updateEntity(tx, ctx, depType, depId, { [fieldName]: null }, { validFrom: cascadeAt, causeId });
      continue;
    }
    await endEntity(tx, ctx, depType, depId, { validFrom: cascadeAt, causeId });
  }
}
