import { entitySpec, referenceFields } from '../model/entities.ts';
import type { EntityRecord } from '../store/records.ts';

/**
 * A reference a read could not follow: the entity it names is not part of the state read (it
 * had ended, or never existed, at that moment). The commands never write one (they lock what
 * they refer to), but a database may hold one — an older build's race, a manual Cypher edit, a
 * partial restore — and one broken reference must not fail a whole project read.
 */
export interface BrokenReference {
  entityId: string;
  entityType: EntityRecord['type'];
  field: string;
  targetId: string;
  /** What the read did: left the entity out (a required reference), or cleared the reference. */
  action: 'skipped' | 'cleared';
}

/**
 * The entities whose references all resolve in `known` (plus the entities kept), without the
 * broken ones: an entity whose required reference is broken is left out (and what refers to it
 * in turn), an optional one is cleared, a list loses the missing members (and its entity is left
 * out when fewer than the minimum remain). Pure; `known` holds what is always there (the
 * project, its territory).
 */
export function withoutBrokenReferences(
  entities: readonly EntityRecord[],
  known: readonly EntityRecord[],
): { entities: EntityRecord[]; broken: BrokenReference[] } {
  let kept = [...entities];
  const broken: BrokenReference[] = [];
  for (;;) {
    const present = new Set([...known, ...kept].map((entity) => entity.id));
    let dropped = false;
    const next: EntityRecord[] = [];
    for (const entity of kept) {
      let record = entity;
      let skip = false;
      for (const [name, field] of referenceFields(entitySpec(entity.type))) {
        const value = record.values[name];
        if (value === null || value === undefined) continue;
        if (field.kind === 'ref') {
          const id = value as string;
          if (present.has(id)) continue;
          const action = field.required ? 'skipped' : 'cleared';
          broken.push({ entityId: entity.id, entityType: entity.type, field: name, targetId: id, action });
          if (action === 'skipped') skip = true;
          else record = { ...record, values: { ...record.values, [name]: null } };
        } else {
          const members = value as string[];
          const missing = members.filter((id) => !present.has(id));
          if (missing.length === 0) continue;
          const remaining = members.filter((id) => present.has(id));
          const action = remaining.length < field.minItems ? 'skipped' : 'cleared';
          for (const id of missing)
            broken.push({ entityId: entity.id, entityType: entity.type, field: name, targetId: id, action });
          if (action === 'skipped') skip = true;
          else record = { ...record, values: { ...record.values, [name]: remaining } };
        }
      }
      if (skip) dropped = true;
      else next.push(record);
    }
    kept = next;
    if (!dropped) return { entities: kept, broken };
  }
}
