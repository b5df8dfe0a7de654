import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { getEntity } from '../store/commands.ts';

const DAY_MS = 86_400_000;

/**
 * The instant a milestone stands for: the end of its day (UTC), so that what was decided at the
 * meeting itself counts as done by the milestone.
 */
export function milestoneInstant(date: string): Date {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + DAY_MS - 1);
}

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
