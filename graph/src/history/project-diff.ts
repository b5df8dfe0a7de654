import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { parseEntityId } from '../model/validation.ts';
import { readProjectState, type ProjectState } from '../reads/project-state.ts';
import { visibleStatesOf } from '../reads/visible-states.ts';
import type { Reader } from '../access/redaction.ts';
import { diffProjectStates, type ProjectDiff } from './diff.ts';
import { readMomentOf, resolveMilestone } from './milestones.ts';

/**
 * The two ends of a comparison, as a client names them. The start is a date or a milestone
 * (exactly one); the end is a date or a milestone (at most one), and the latest state when
 * neither is given. Ids are raw client input: they are checked here.
 */
export interface DiffBounds {
  projectId: string;
  from?: Date | null;
  fromMilestone?: string | null;
  to?: Date | null;
  toMilestone?: string | null;
}

/** The comparison and the two states it compares (the API presents entities from them). */
export interface ProjectDiffReading {
  diff: ProjectDiff;
  before: ProjectState;
  after: ProjectState;
}

/**
 * "Le chemin parcouru": a project at two moments and what changed between them, read in one
 * transaction. A milestone stands for the end of its day; a date now or later reads the latest state.
 * Both states are as `reader` may receive them, redacted together (redactProjectStates): an item
 * made confidential between the two dates does not show as ended, nor one made public as added.
 * No reader: everything (trusted callers).
 * @throws DomainError INVALID_ID (project or milestone id), INVALID_RANGE (both or neither of
 *   from/fromMilestone, both to and toMilestone, or a start after the end), NOT_FOUND (project or
 *   milestone, or the project not existing at one of the moments), CROSS_PROJECT_REFERENCE
 *   (a milestone of another project)
 */
export async function diffProject(
  tx: ManagedTransaction,
  bounds: DiffBounds,
  reader?: Reader | null,
): Promise<ProjectDiffReading> {
  const projectId = parseEntityId(bounds.projectId, "l'identifiant du projet");
  if ((bounds.from ? 1 : 0) + (bounds.fromMilestone ? 1 : 0) !== 1 || (bounds.to && bounds.toMilestone)) {
    throw new DomainError(
      'INVALID_RANGE',
      'donnez le début de la comparaison par une date (from) ou un jalon (fromMilestone), et sa fin de même',
    );
  }
  const from = bounds.fromMilestone ? await resolveMilestone(tx, projectId, parseEntityId(bounds.fromMilestone)) : bounds.from!;
  const to = bounds.toMilestone
    ? await resolveMilestone(tx, projectId, parseEntityId(bounds.toMilestone))
    : (bounds.to ?? new Date());
  if (from.getTime() > to.getTime()) {
    throw new DomainError('INVALID_RANGE', 'le début de la comparaison doit précéder sa fin');
  }
  const [before, after] = (await visibleStatesOf(tx, reader, [
    await readProjectState(tx, projectId, readMomentOf(from)),
    await readProjectState(tx, projectId, readMomentOf(to)),
  ])) as [ProjectState, ProjectState];
  return { diff: diffProjectStates(before, after), before, after };
}
