import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { frenchDay } from '../model/dates.ts';
import type { EntityType } from '../model/enums.ts';
import { fromNeoDateTime } from '../time.ts';
import { recordChange } from './change-log.ts';
import { assertUnique, clock, effectiveDate, newId, updateEntity, type ChangeContext } from './commands.ts';
import { fieldNames, loadOpenForChange, lockReferences, rows, type Row } from './locks.ts';
import * as q from './queries.ts';
import { toChangeRecord, toEntityRecord, type EntityRecord } from './records.ts';
import { changeRow, subjectOf, titleOf } from './rules.ts';

export interface CorrectOptions {
  /** The version the client read (stale: VERSION_CONFLICT). */
  expectedVersion?: number | null;
  /** The corrected effective date: earlier than the entity's latest entry. */
  validFrom: Date;
}

/**
 * A change dated before the entity's latest entry, as a correction of that entry: its date was
 * wrong. In one transaction (both or nothing): the latest entry (a creation or an update) is
 * re-dated to `validFrom` — recorded as a change that reverts it (`revertOf`) and applies it
 * again at the earlier date, fields `['validFrom']` — then `patch` is applied at that date as a
 * change caused by the correction. The history keeps both entries; the versions' valid time
 * follows the correction, so the map read at the earlier date shows the entity as corrected.
 * Dated on or after the latest entry, this is a plain update.
 *
 * Only the latest entry moves: the date may not precede the entry before it, and what the
 * entity refers to must exist at the new date.
 * @returns the entity after the patch. @throws DomainError NOT_FOUND, VERSION_CONFLICT,
 * ENTITY_ENDED, DATE_IN_FUTURE, DATE_BEFORE_LAST_CHANGE (before the entry before the latest),
 * REVERT_NOT_APPLICABLE (the latest entry is a reopening), reference codes, DUPLICATE_ENTITY,
 * and the codes of the patch's update
 */
export async function correctEntity(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  type: EntityType | null,
  id: string,
  patch: Readonly<Record<string, unknown>>,
  options: CorrectOptions,
): Promise<EntityRecord> {
  const { current, spec } = await loadOpenForChange(tx, type, id, options.expectedVersion);
  const at = effectiveDate(ctx, options);
  if (at.getTime() >= current.versionFrom.getTime()) {
    return updateEntity(tx, ctx, current.type, current.id, patch, { expectedVersion: current.version, validFrom: at });
  }
  const title = titleOf(spec, current.values) ?? spec.label;
  const [changeRowRead] = await rows(tx, q.changeOfVersion(current.id, current.version));
  const last = changeRowRead ? toChangeRecord(changeRowRead.change as Row) : null;
  if (!last || (last.op !== 'CREATE' && last.op !== 'UPDATE')) {
    throw new DomainError(
      'REVERT_NOT_APPLICABLE',
      `la dernière saisie de ${spec.label} « ${title} » ne peut pas être corrigée : seule une création ou une modification peut changer de date`,
      { current, ...subjectOf(current) },
    );
  }
  const [floorRow] = await rows(tx, q.earlierVersionStart(current.id));
  const floor = floorRow?.from ? fromNeoDateTime(floorRow.from) : null;
  if (floor && at.getTime() < floor.getTime()) {
    throw new DomainError(
      'DATE_BEFORE_LAST_CHANGE',
      `la date d'effet ${frenchDay(at)} précède aussi la saisie d'avant pour ${spec.label} « ${title} » (${frenchDay(floor)}) : seule la dernière saisie (${frenchDay(current.versionFrom)}) peut être corrigée`,
      {
        latestFrom: current.versionFrom.toISOString(),
        previousFrom: floor.toISOString(),
        at: at.toISOString(),
        ...subjectOf(current),
      },
    );
  }
  // The entry, re-dated, must stand at the earlier date: its references then, its uniqueness.
  const { scope } = await lockReferences(tx, spec, current.id, current.values, at);
  await assertUnique(tx, spec, scope, current.values, at, current.id);
  const recordedAt = clock(ctx);
  const [row] = await rows(tx, q.retimeLatest(current.id, at, recordedAt, last.op === 'CREATE'));
  const retimed = toEntityRecord(row!.entity as Row, row!.version as Row, fieldNames(spec));
  const correction = await recordChange(
    tx,
    changeRow({
      id: newId('chg'),
      entity: retimed,
      op: 'UPDATE',
      author: ctx.author,
      authorId: ctx.authorId ?? null,
      recordedAt,
      validFrom: at,
      delta: {
        fields: ['validFrom'],
        before: { validFrom: last.validFrom.toISOString() },
        after: { validFrom: at.toISOString() },
      },
      revertOf: last.id,
    }),
  );
  return updateEntity(tx, ctx, retimed.type, retimed.id, patch, {
    expectedVersion: retimed.version,
    validFrom: at,
    causeId: correction.id,
  });
}
