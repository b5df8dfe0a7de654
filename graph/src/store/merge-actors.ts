import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { entitySpec } from '../model/entities.ts';
import type { EntityType } from '../model/enums.ts';
import { parseEntityId } from '../model/validation.ts';
import { createEntity, effectiveDate, endEntity, newId, updateEntity, type ChangeContext } from './commands.ts';
import { fieldNames, loadLocked, rows, type Row } from './locks.ts';
import * as q from './queries.ts';
import { toEntityRecord, type EntityRecord } from './records.ts';
import { isOpenUntil } from './rules.ts';

/**
 * Merging two actors of a territory (issue 13, ADR 0011): the pilot keeps one and the other's
 * relations come over to it, from the merge date on.
 *
 * - What refers to the merged actor through a field that may change is **moved**: a new version
 *   of the same entity names the kept actor (positions, objectives carried, cooperations,
 *   influences, externalities' affected actors, ecosystems' members). The entity keeps its
 *   identity, so its history reads as one line: « porté par A jusqu'au 3 mars, par B depuis ».
 * - An engagement names its actor for good (`actorId` is fixed): the merged actor's engagement
 *   **ends** at the merge date and a new one of the kept actor is **created** with the same
 *   level, role and perimeter — unless the kept actor is already engaged in that project, whose
 *   engagement then stays as it is.
 * - What would name the kept actor twice **ends**: a cooperation or an influence between the two,
 *   the same position or influence held by both with the same value; an ecosystem left with
 *   fewer than two members.
 * - The merged actor **ends** at the merge date (never erased): read at an earlier date, the map
 *   shows it with its own history; from the merge on, only the kept actor.
 *
 * All of it is one change set: the merged actor's END change, and every other change recorded as
 * caused by it (`causeId`), so the journal shows one merge and `revertChange` on that END undoes
 * it whole (the caused changes are reverted with it while they still apply).
 */

export interface MergeActorsInput {
  /** The actor that stays. */
  keepId: string;
  /** The actor that ends, its relations moved to the kept one. */
  mergeId: string;
  /** When the merge takes effect (valid time); defaults to now. */
  validFrom?: Date;
}

export type MergeAction = 'MOVED' | 'RECREATED' | 'ENDED';

/** One entity the merge touches, for the preview and the answer. */
export interface MergeStep {
  entityId: string;
  entityType: EntityType;
  action: MergeAction;
  projectId: string | null;
  /**
   * What the line is about, by its label: the objective of a position, the other actor of a
   * cooperation or an influence, the objective carried, the externality's description, the
   * ecosystem's name; for an engagement, null (the project says it). Null for a confidential
   * objective's title.
   */
  title: string | null;
  /** The value that moves (a position −4…+4, an influence 0…4, an engagement's level), or null. */
  value: string | null;
}

export interface MergeResult {
  kept: EntityRecord;
  merged: EntityRecord;
  validFrom: Date;
  steps: MergeStep[];
  /** The merged actor's END change, the cause of every other change of the merge; null in a dry run. */
  changeId: string | null;
}

interface Dependent {
  record: EntityRecord;
  field: string;
}

type Load = (id: string, type: EntityType | null) => Promise<EntityRecord>;

/** French short date for messages: « 1 sept. 2024 ». */
function frenchDay(date: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

const nameOf = (actor: EntityRecord) => `« ${String(actor.values.name)} »`;
const signed = (value: unknown) => (Number(value) > 0 ? `+${String(value)}` : String(value));

async function dependentsOf(tx: ManagedTransaction, id: string, load: Load): Promise<Dependent[]> {
  const found: Dependent[] = [];
  for (const row of await rows(tx, q.openDependents(id))) {
    const record = await load(row.id as string, row.type as EntityType);
    if (isOpenUntil(record.validTo)) found.push({ record, field: row.field as string });
  }
  return found;
}

/** Reads without locks (a dry run in a read transaction). */
function readerOf(tx: ManagedTransaction): Load {
  return async (id, type) => {
    const [row] = await rows(tx, q.readEntity(id));
    const entity = row?.entity as Row | undefined;
    if (!row || !entity || (type !== null && entity.type !== type)) {
      throw new DomainError('NOT_FOUND', `${type ? entitySpec(type).label : "l'entité"} « ${id} » n'existe pas`, {
        id,
        entityType: type,
      });
    }
    return toEntityRecord(entity, row.version as Row, fieldNames(entitySpec(entity.type as EntityType)));
  };
}

/** A planned write: what the merge does to one entity, checked before anything is written. */
interface Planned {
  step: MergeStep;
  dependent: Dependent;
  /** For MOVED: the patch. For RECREATED: the new engagement's input. */
  values?: Record<string, unknown>;
}

/**
 * Merges actor `mergeId` into actor `keepId` at `validFrom` (see above), or with `dryRun` only
 * says what would happen (the same checks, nothing written, no locks).
 * @throws DomainError INVALID_ID, NOT_FOUND, ENTITY_ENDED, MERGE_SAME_ACTOR, MERGE_OTHER_TERRITORY,
 * MERGE_CONFLICT (every clash named by its labels), DATE_IN_FUTURE, DATE_BEFORE_LAST_CHANGE (the
 * merge date precedes the kept actor's start or the last change of something that moves), and the
 * codes of the commands it runs
 */
export async function mergeActors(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  input: MergeActorsInput,
  options: { dryRun?: boolean } = {},
): Promise<MergeResult> {
  const keepId = parseEntityId(input.keepId, "l'acteur conservé");
  const mergeId = parseEntityId(input.mergeId, "l'acteur fusionné");
  if (keepId === mergeId)
    throw new DomainError('MERGE_SAME_ACTOR', 'un acteur ne peut pas être fusionné avec lui-même', { id: keepId });
  const load: Load = options.dryRun ? readerOf(tx) : (id, type) => loadLocked(tx, id, type);
  // Both identities locked in id order, so two merges of the same pair wait for each other.
  const loaded = new Map<string, EntityRecord>();
  for (const id of [keepId, mergeId].sort()) loaded.set(id, await load(id, 'Actor'));
  const kept = loaded.get(keepId)!;
  const merged = loaded.get(mergeId)!;
  for (const actor of [kept, merged]) {
    if (!isOpenUntil(actor.validTo))
      throw new DomainError('ENTITY_ENDED', `l'acteur ${nameOf(actor)} a pris fin le ${frenchDay(actor.validTo)}`, {
        id: actor.id,
      });
  }
  if (kept.territoryId !== merged.territoryId) {
    throw new DomainError(
      'MERGE_OTHER_TERRITORY',
      `${nameOf(kept)} et ${nameOf(merged)} n'appartiennent pas au même territoire : seuls deux acteurs d'un territoire peuvent être fusionnés`,
      { keepId, mergeId },
    );
  }
  const at = effectiveDate(ctx, { ...(input.validFrom ? { validFrom: input.validFrom } : {}) });
  const notBefore = (date: Date, what: string) => {
    if (at.getTime() < date.getTime())
      throw new DomainError(
        'DATE_BEFORE_LAST_CHANGE',
        `la fusion ne peut prendre effet le ${frenchDay(at)} : ${what} date du ${frenchDay(date)}`,
        { latestFrom: date.toISOString() },
      );
  };
  notBefore(
    kept.validFrom,
    `l'acteur ${nameOf(kept)} n'existe que depuis le ${frenchDay(kept.validFrom)}, et sa première version`,
  );
  notBefore(merged.versionFrom, `le dernier changement de l'acteur ${nameOf(merged)}`);

  const mine = await dependentsOf(tx, mergeId, load);
  const theirs = await dependentsOf(tx, keepId, load);
  const titles = new Map<string, string | null>();
  const titleOf = async (id: string | null | undefined): Promise<string | null> => {
    if (!id) return null;
    if (!titles.has(id)) {
      const record = id === keepId ? kept : id === mergeId ? merged : await readerOf(tx)(id, null);
      const spec = entitySpec(record.type);
      titles.set(id, record.values.confidential === true ? null : String(record.values[spec.titleField] ?? ''));
    }
    return titles.get(id) ?? null;
  };

  const planned: Planned[] = [];
  const conflicts: string[] = [];
  const step = (dependent: Dependent, action: MergeAction, title: string | null, value: unknown = null): MergeStep => ({
    entityId: dependent.record.id,
    entityType: dependent.record.type,
    action,
    projectId: dependent.record.projectId,
    title,
    value: value === null || value === undefined ? null : String(value),
  });
  const keptOf = (type: EntityType) => theirs.filter((d) => d.record.type === type).map((d) => d.record);

  for (const dependent of mine) {
    const { record, field } = dependent;
    const v = record.values;
    switch (record.type) {
      case 'Engagement': {
        const already = keptOf('Engagement').some((e) => e.values.projectId === v.projectId);
        planned.push({ step: step(dependent, 'ENDED', null, v.level), dependent });
        if (!already)
          planned.push({
            step: step(dependent, 'RECREATED', null, v.level),
            dependent,
            values: {
              actorId: keepId,
              projectId: v.projectId,
              level: v.level,
              role: v.role ?? null,
              perimeterId: v.perimeterId ?? null,
            },
          });
        break;
      }
      case 'Position': {
        const title = await titleOf(v.objectiveId as string);
        const same = keptOf('Position').find((p) => p.values.objectiveId === v.objectiveId);
        if (!same) planned.push({ step: step(dependent, 'MOVED', title, v.value), dependent, values: { actorId: keepId } });
        else if (same.values.value === v.value) planned.push({ step: step(dependent, 'ENDED', title, v.value), dependent });
        else
          conflicts.push(
            `sur l'objectif ${title === null ? 'confidentiel' : `« ${title} »`}, ${nameOf(kept)} a la position ${signed(same.values.value)} et ${nameOf(merged)} ${signed(v.value)}`,
          );
        break;
      }
      case 'Influence': {
        const from = field === 'fromActorId' ? keepId : (v.fromActorId as string);
        const to = field === 'toActorId' ? keepId : (v.toActorId as string);
        const other = field === 'fromActorId' ? to : from;
        const title = await titleOf(other);
        if (from === to) {
          planned.push({ step: step(dependent, 'ENDED', title, v.value), dependent });
          break;
        }
        const same = keptOf('Influence').find(
          (i) => i.projectId === record.projectId && i.values.fromActorId === from && i.values.toActorId === to,
        );
        if (!same) planned.push({ step: step(dependent, 'MOVED', title, v.value), dependent, values: { [field]: keepId } });
        else if (same.values.value === v.value) planned.push({ step: step(dependent, 'ENDED', title, v.value), dependent });
        else {
          const direction = field === 'fromActorId' ? `sur « ${title} »` : `de « ${title} » sur eux`;
          conflicts.push(
            `l'influence ${direction} vaut ${String(same.values.value)} pour ${nameOf(kept)} et ${String(v.value)} pour ${nameOf(merged)}`,
          );
        }
        break;
      }
      case 'Cooperation': {
        const otherField = field === 'actorAId' ? 'actorBId' : 'actorAId';
        const title = await titleOf(v[otherField] as string);
        if (v[otherField] === keepId) planned.push({ step: step(dependent, 'ENDED', title), dependent });
        else planned.push({ step: step(dependent, 'MOVED', title), dependent, values: { [field]: keepId } });
        break;
      }
      case 'Externality':
      case 'Ecosystem': {
        const title = record.type === 'Ecosystem' ? String(v.name) : String(v.description);
        const members = [...new Set(((v[field] as string[] | null) ?? []).map((m) => (m === mergeId ? keepId : m)))];
        const min = (entitySpec(record.type).fields[field] as { minItems: number }).minItems;
        if (members.length < min) planned.push({ step: step(dependent, 'ENDED', title), dependent });
        else planned.push({ step: step(dependent, 'MOVED', title), dependent, values: { [field]: members } });
        break;
      }
      default: {
        // An objective carried by the merged actor, or any future optional reference to an actor.
        planned.push({ step: step(dependent, 'MOVED', await titleOf(record.id)), dependent, values: { [field]: keepId } });
      }
    }
  }
  if (conflicts.length > 0) {
    throw new DomainError(
      'MERGE_CONFLICT',
      `${nameOf(kept)} et ${nameOf(merged)} ne peuvent pas être fusionnés : ${conflicts.join(' ; ')}. Accordez-les d'abord.`,
      { conflicts },
    );
  }
  for (const { dependent } of planned) {
    const title = dependent.record.type === 'Engagement' ? 'cet engagement' : `${entitySpec(dependent.record.type).label}`;
    notBefore(dependent.record.versionFrom, `le dernier changement de ${title} de ${nameOf(merged)}`);
  }

  const steps = planned.map((p) => p.step);
  if (options.dryRun) return { kept, merged, validFrom: at, steps, changeId: null };

  const changeId = newId('chg');
  const cause = { validFrom: at, causeId: changeId };
  for (const { step: s, dependent, values } of planned) {
    const { record } = dependent;
    if (s.action === 'MOVED') {
      await updateEntity(tx, ctx, record.type, record.id, values ?? {}, cause);
    } else if (s.action === 'ENDED') {
      // An entity met twice (an influence ended, then its twin): only the first end applies.
      const latest = await loadLocked(tx, record.id, record.type);
      if (isOpenUntil(latest.validTo)) await endEntity(tx, ctx, record.type, record.id, cause);
    } else {
      await createEntity(tx, ctx, 'Engagement', values ?? {}, cause);
    }
  }
  const ended = await endEntity(tx, ctx, 'Actor', mergeId, { validFrom: at, changeId });
  return { kept, merged: ended, validFrom: at, steps, changeId };
}
