import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { entitySpec } from '../model/entities.ts';
import { parseEntityId } from '../model/validation.ts';
import { END_OF_TIME } from '../time.ts';
import { causedChanges, getChange, recordChange } from './change-log.ts';
import { clock, endEntity, newId, noticeRecorded, updateEntity, type ChangeContext } from './commands.ts';
import { fieldNames, loadLocked, lockReferences, rows, type Row } from './locks.ts';
import * as q from './queries.ts';
import { toEntityRecord, type ChangeRecord, type EntityRecord } from './records.ts';
import { changeRow, isOpenUntil, reopenDelta, sameValue, subjectOf } from './rules.ts';
import { frenchDay } from '../model/dates.ts';

/** A change's kind as a French noun (feminine: « … ne peut plus être annulée »). */
const OP_NOUN: Record<ChangeRecord['op'], string> = {
  CREATE: 'la création',
  UPDATE: 'la modification',
  END: 'la fin',
  REOPEN: 'la réouverture',
};

/**
 * Reverts one recorded change with a new change (history is never rewritten). A change is
 * revertable while its effect still stands: for an update, the fields it set still hold its
 * values; for a creation, an end or a reopening, nothing happened to the entity since.
 * The changes it caused (a cascade) are reverted with it when they still apply.
 * @throws DomainError INVALID_ID, CHANGE_NOT_FOUND, REVERT_NOT_APPLICABLE, and the codes of the
 * command that undoes it (a reopening needs its references still open: DANGLING_REFERENCE)
 */
export async function revertChange(tx: ManagedTransaction, ctx: ChangeContext, changeId: string): Promise<EntityRecord> {
  const change = await getChange(tx, parseEntityId(changeId, 'le changement'));
  const current = await loadLocked(tx, change.entityId, change.entityType);
  // Named by its entity and its date, never by an id: « la modification du 1 sept. 2024 de l'acteur « X » ».
  const subject = subjectOf(current);
  const named = `${OP_NOUN[change.op]} du ${frenchDay(change.validFrom)} de ${entitySpec(current.type).label} « ${subject.title ?? change.title ?? '?'} »`;
  const notApplicable = (why: string) =>
    new DomainError('REVERT_NOT_APPLICABLE', `${named} ne peut plus être annulée : ${why}`, {
      changeId,
      current,
      ...subject,
      op: change.op,
      validFrom: change.validFrom.toISOString(),
    });
  const isLatest = current.version === change.version;
  const isOpen = isOpenUntil(current.validTo);
  switch (change.op) {
    case 'CREATE': {
      if (!isLatest || !isOpen) throw notApplicable("l'entité a changé depuis sa création");
      // Undoing a creation: the entity was never true, so it ends where it began.
      return endEntity(tx, ctx, current.type, current.id, { validFrom: change.validFrom, revertOf: change.id });
    }
    case 'UPDATE': {
      if (!isOpen) throw notApplicable("l'entité a pris fin");
      const stillHolds = change.fields.every((name) => sameValue(current.values[name], change.after[name]));
      if (!stillHolds) throw notApplicable('les champs concernés ont été modifiés depuis');
      // The latest change is undone where it took effect; an older one from now on.
      const at = isLatest
        ? change.validFrom
        : clock(ctx).getTime() < current.versionFrom.getTime()
          ? current.versionFrom
          : clock(ctx);
      return updateEntity(tx, ctx, current.type, current.id, change.before, { validFrom: at, revertOf: change.id });
    }
    case 'END': {
      if (!isLatest || isOpen) throw notApplicable("l'entité a changé depuis sa fin");
      const reopened = await reopen(tx, ctx, current, change);
      for (const caused of await causedChanges(tx, change.id)) {
        await revertIfApplicable(tx, ctx, caused.id);
      }
      return reopened;
    }
    case 'REOPEN': {
      if (!isLatest || !isOpen) throw notApplicable("l'entité a changé depuis sa réouverture");
      const endedAt = change.before.validTo;
      const at = typeof endedAt === 'string' ? new Date(endedAt) : change.validFrom;
      return endEntity(tx, ctx, current.type, current.id, { validFrom: at, revertOf: change.id });
    }
  }
}

async function revertIfApplicable(tx: ManagedTransaction, ctx: ChangeContext, changeId: string): Promise<void> {
  try {
    await revertChange(tx, ctx, changeId);
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'REVERT_NOT_APPLICABLE')) throw error;
  }
}

async function reopen(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  current: EntityRecord,
  change: ChangeRecord,
): Promise<EntityRecord> {
  const spec = entitySpec(current.type);
  // The references must still stand (locked and open) for the entity to come back.
  await lockReferences(tx, spec, current.id, current.values, current.versionFrom);
  const recordedAt = clock(ctx);
  const [row] = await rows(tx, q.setEnd(current.id, END_OF_TIME, recordedAt));
  const reopened = toEntityRecord(row!.entity as Row, row!.version as Row, fieldNames(spec));
  await recordChange(
    tx,
    changeRow({
      id: newId('chg'),
      entity: reopened,
      op: 'REOPEN',
      author: ctx.author,
      authorId: ctx.authorId ?? null,
      recordedAt,
      validFrom: change.validFrom,
      delta: reopenDelta(current.validTo),
      revertOf: change.id,
    }),
  ).then((recorded) => noticeRecorded(ctx, recorded));
  return reopened;
}
