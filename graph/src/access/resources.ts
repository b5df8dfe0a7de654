import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import type { ProjectState } from '../reads/project-state.ts';
import type { ChangeRecord, EntityRecord } from '../store/records.ts';
import { canSeeConfidential } from './policy.ts';
import type { Principal, Resource } from './principal.ts';
import { redactChanges, redactProjectState } from './redaction.ts';

/** The policy's resource for a project record (its name as label, for messages). */
export function projectResource(
  project: Pick<EntityRecord, 'id' | 'territoryId' | 'values'>,
): Extract<Resource, { kind: 'project' }> {
  return {
    kind: 'project',
    projectId: project.id,
    territoryId: project.territoryId,
    label: String(project.values.name ?? project.id),
  };
}

/** The policy's resource for a territory record. */
export function territoryResource(territory: Pick<EntityRecord, 'id' | 'values'>): Extract<Resource, { kind: 'territory' }> {
  return { kind: 'territory', territoryId: territory.id, label: String(territory.values.name ?? territory.id) };
}

/**
 * The resource for a project id, before reading it: its territory and latest name, in one
 * indexed read (the project's identity and LATEST version). Throws NOT_FOUND. An ended project
 * still resolves: its past stays readable by those who may read it.
 */
export async function readProjectResource(
  tx: ManagedTransaction,
  projectId: string,
): Promise<Extract<Resource, { kind: 'project' }>> {
  const result = await tx.run(
    `MATCH (p:Entity {id: $id, type: 'Project'})-[:LATEST]->(v:Version)
     RETURN p.territoryId AS territoryId, v.name AS name`,
    { id: projectId },
  );
  const row = result.records[0];
  if (!row)
    throw new DomainError('NOT_FOUND', `le projet « ${projectId} » n'existe pas`, { id: projectId, entityType: 'Project' });
  return {
    kind: 'project',
    projectId,
    territoryId: row.get('territoryId') as string,
    label: (row.get('name') as string | null) ?? projectId,
  };
}

/**
 * Pure: the state `principal` may receive — unchanged for those who may see confidential
 * items, redacted otherwise. `hiddenNow`: readHiddenEntityIds of the project (needed for past
 * reads; harmless for the latest one).
 */
export function visibleProjectState(principal: Principal, state: ProjectState, hiddenNow: Iterable<string> = []): ProjectState {
  const confidential = canSeeConfidential(principal, { projectId: state.project.id, territoryId: state.territory.id });
  return redactProjectState(state, { confidential, alsoHide: hiddenNow });
}

/** Pure: the change records of a project `principal` may receive. */
export function visibleChanges(
  principal: Principal,
  project: { projectId: string; territoryId: string },
  changes: readonly ChangeRecord[],
  hiddenNow: ReadonlySet<string>,
): ChangeRecord[] {
  return canSeeConfidential(principal, project) ? [...changes] : redactChanges(changes, hiddenNow);
}
