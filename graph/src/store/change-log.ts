import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import * as q from './queries.ts';
import { toChangeRecord, type ChangeRecord } from './records.ts';
import { rows, type Row } from './locks.ts';

/**
 * The change log: every write records one `(:Change)` node, linked to its entity, with the
 * fields it touched before and after (rules.ts `changeRow` builds it).
 */

export async function recordChange(tx: ManagedTransaction, change: ChangeRecord): Promise<ChangeRecord> {
  await rows(tx, q.recordChange(change));
  return change;
}

/** One recorded change. @throws DomainError CHANGE_NOT_FOUND */
export async function getChange(tx: ManagedTransaction, changeId: string): Promise<ChangeRecord> {
  const [row] = await rows(tx, q.readChange(changeId));
  if (!row) throw new DomainError('CHANGE_NOT_FOUND', `le changement « ${changeId} » n'existe pas`, { changeId });
  return toChangeRecord(row.change as Row);
}

/** The changes a change caused (a cascade), newest first. */
export async function causedChanges(tx: ManagedTransaction, changeId: string): Promise<ChangeRecord[]> {
  return (await rows(tx, q.changesCausedBy(changeId))).map((row) => toChangeRecord(row.change as Row));
}
