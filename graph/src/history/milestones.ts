import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { milestoneInstant } from '../model/dates.ts';
import type { ReadMoment } from '../reads/project-state.ts';
import { getEntity } from '../store/commands.ts';

export { milestoneInstant };

/**
 * The instant a milestone stands for (the end of its day, UTC: see model/dates.ts).
 * @param projectId the project the milestone must belong to; null accepts any project's.
 * @throws DomainError NOT_FOUND (no milestone has that id), CROSS_PROJECT_REFERENCE (another project's)
 */
export async function resolveMilestone(tx: ManagedTransaction, projectId: string | null, milestoneId: string): Promise<Date> {
  const milestone = await getEntity(tx, milestoneId);
  if (milestone?.type !== 'Milestone') {
    throw new DomainError('NOT_FOUND', `le jalon « ${milestoneId} » n'existe pas`, { id: milestoneId, entityType: 'Milestone' });
  }
  if (projectId !== null && milestone.projectId !== projectId) {
    throw new DomainError('CROSS_PROJECT_REFERENCE', `le jalon « ${milestoneId} » appartient à un autre projet`);
  }
  return milestoneInstant(String(milestone.values.date));
}

/**
 * The moment to read for an instant a client names: a past instant as it is; now or later
 * (nothing is recorded there yet) the latest state, `null`, which reads open versions only.
 */
export function readMomentOf(instant: Date | null | undefined, now: number = Date.now()): ReadMoment {
  return !instant || instant.getTime() >= now ? null : instant;
}
