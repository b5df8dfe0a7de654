import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { getEntity } from '../store/commands.ts';

import { milestoneInstant } from '../model/dates.ts';

export { milestoneInstant };

export async function resolveMilestone(tx: ManagedTransaction, projectId: string, milestoneId: string): Promise<Date> {
  const milestone = await getEntity(tx, milestoneId);
  if (!milestone || milestone.type !== 'Milestone') {
    throw new DomainError('NOT_FOUND', `le jalon « ${milestoneId} » n'existe pas`, { id: milestoneId, entityType: 'Milestone' });
  }
  if (milestone.projectId !== projectId) {
    throw new DomainError('CROSS_PROJECT_REFERENCE', `le jalon « ${milestoneId} » appartient à un autre projet`);
  }
  return milestoneInstant(String(milestone.values.date));
}
