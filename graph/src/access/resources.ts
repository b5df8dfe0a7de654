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

/** The resource for a territory id, in one indexed read. Throws NOT_FOUND. */
export async function readTerritoryResource(
  tx: ManagedTransaction,
  territoryId: string,
): Promise<Extract<Resource, { kind: 'territory' }>> {
  const result = await tx.run(`MATCH (t:Entity {id: $id, type: 'Territory'})-[:LATEST]->(v:Version) RETURN v.name AS name`, {
    id: territoryId,
  });
  const row = result.records[0];
  if (!row)
    throw new DomainError('NOT_FOUND', `le territoire « ${territoryId} » n'existe pas`, {
      id: territoryId,
      entityType: 'Territory',
    });
  return { kind: 'territory', territoryId, label: (row.get('name') as string | null) ?? territoryId };
}

/**
 * What an entity belongs to, for the policy: its project (a project-scoped entity, or a
 * Project itself) or its territory (a Territory, an Actor). One indexed read, labels included.
 * Throws NOT_FOUND (`entityLabel` names what was looked for, « l'entité » by default).
 */
export async function readEntityResource(
  tx: ManagedTransaction,
  entityId: string,
  entityLabel = "l'entité",
): Promise<Extract<Resource, { kind: 'project' | 'territory' }>> {
  const result = await tx.run(
    `MATCH (e:Entity {id: $id})
     WITH e, CASE WHEN e.type = 'Project' THEN e.id ELSE e.projectId END AS projectId,
          CASE WHEN e.type = 'Territory' THEN e.id ELSE e.territoryId END AS territoryId
     OPTIONAL MATCH (:Entity {id: projectId})-[:LATEST]->(pv:Version)
     OPTIONAL MATCH (:Entity {id: territoryId})-[:LATEST]->(tv:Version)
     RETURN projectId, territoryId, pv.name AS projectName, tv.name AS territoryName`,
    { id: entityId },
  );
  const row = result.records[0];
  if (!row) throw new DomainError('NOT_FOUND', `${entityLabel} « ${entityId} » n'existe pas`, { id: entityId });
  const projectId = row.get('projectId') as string | null;
  const territoryId = row.get('territoryId') as string;
  if (projectId)
    return { kind: 'project', projectId, territoryId, label: (row.get('projectName') as string | null) ?? projectId };
  return { kind: 'territory', territoryId, label: (row.get('territoryName') as string | null) ?? territoryId };
}

/** The project a wall link shows, as a resource (to check `project:share`). Throws WALL_LINK_NOT_FOUND. */
export async function readWallLinkResource(
  tx: ManagedTransaction,
  linkId: string,
): Promise<Extract<Resource, { kind: 'project' }>> {
  const result = await tx.run(`MATCH (w:WallLink {id: $id}) RETURN w.projectId AS projectId`, { id: linkId });
  const projectId = result.records[0]?.get('projectId') as string | undefined;
  if (!projectId)
    throw new DomainError('WALL_LINK_NOT_FOUND', `aucun lien mural n'a l'identifiant « ${linkId} »`, { id: linkId });
  return readProjectResource(tx, projectId);
}

/** The entity a recorded change is about, as a resource. Throws CHANGE_NOT_FOUND. */
export async function readChangeResource(
  tx: ManagedTransaction,
  changeId: string,
): Promise<Extract<Resource, { kind: 'project' | 'territory' }>> {
  return (await readChangeTarget(tx, changeId)).resource;
}

/**
 * The entity a recorded change is about: its resource, and whether it is the territory itself
 * (`territoryItself`: reverting it is `territory:manage`, as changing it). Throws CHANGE_NOT_FOUND.
 */
export async function readChangeTarget(
  tx: ManagedTransaction,
  changeId: string,
): Promise<{ resource: Extract<Resource, { kind: 'project' | 'territory' }>; territoryItself: boolean }> {
  const result = await tx.run(`MATCH (c:Change {id: $id}) RETURN c.entityId AS entityId, c.entityType AS entityType`, {
    id: changeId,
  });
  const row = result.records[0];
  const entityId = row?.get('entityId') as string | undefined;
  if (!entityId) throw new DomainError('CHANGE_NOT_FOUND', `le changement « ${changeId} » n'existe pas`, { changeId });
  return { resource: await readEntityResource(tx, entityId), territoryItself: row?.get('entityType') === 'Territory' };
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
