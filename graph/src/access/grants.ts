import type { Graph } from '../db/graph.ts';
import { DomainError } from '../errors.ts';
import { toNeoDateTime } from '../time.ts';
import { GRANTABLE_ROLES, type Grant, type GrantableRole } from './principal.ts';
import { GRANT_PROJECTION, toGrant } from './records.ts';
import { newAccessId } from './secrets.ts';

/**
 * Role grants as nodes: `(:User)-[:HAS_GRANT]->(:RoleGrant {id, userId, role, territoryId,
 * projectId, grantedAt, grantedBy, revokedAt, revokedBy})` (ADR 0004 says why nodes). Ending
 * a grant sets revokedAt: the history of who could do what stays readable.
 */

/** Who acts: an administrator's user id, or 'system' (first start, CLI, demo loader). */
export type GrantAuthor = string;

export interface GrantInput {
  userId: string;
  role: GrantableRole;
  /** PILOTE: the project (its territory is read from the graph). */
  projectId?: string | null;
  /** RELECTEUR: the territory. */
  territoryId?: string | null;
  by: GrantAuthor;
  now?: Date;
}

function invalidRole(message: string): DomainError {
  return new DomainError('INVALID_ROLE', message, { field: 'role' });
}

/** Pure: checks the role and the shape of its scope; throws INVALID_ROLE. */
export function checkGrantScope(input: Pick<GrantInput, 'role' | 'projectId' | 'territoryId'>): void {
  if (!(GRANTABLE_ROLES as readonly string[]).includes(input.role)) {
    throw invalidRole(
      `le rôle « ${String(input.role)} » ne s'attribue pas à un compte (administrateur, pilote ou relecteur ; l'atelier passe par un lien mural)`,
    );
  }
  if (input.role === 'ADMINISTRATEUR' && (input.projectId || input.territoryId)) {
    throw invalidRole(
      "le rôle administrateur vaut pour toute l'instance : il ne se donne ni pour un projet ni pour un territoire",
    );
  }
  if (input.role === 'PILOTE' && (!input.projectId || input.territoryId)) {
    throw invalidRole('le rôle pilote se donne pour un projet (et un seul), pas pour un territoire');
  }
  if (input.role === 'RELECTEUR' && (!input.territoryId || input.projectId)) {
    throw invalidRole('le rôle relecteur se donne pour un territoire (et un seul), pas pour un projet');
  }
}

/**
 * Grants a role. Idempotent: an identical active grant is returned as is. Throws
 * INVALID_ROLE, USER_NOT_FOUND, NOT_FOUND (the project or territory does not exist).
 */
export async function grantRole(graph: Graph, input: GrantInput): Promise<Grant> {
  checkGrantScope(input);
  const now = toNeoDateTime(input.now ?? new Date());
  return graph.write(async (tx) => {
    // The user's write lock serialises concurrent grants to one user (no duplicates).
    const user = await tx.run('MATCH (u:User {id: $userId}) SET u._lock = true REMOVE u._lock RETURN u.id AS id', {
      userId: input.userId,
    });
    if (user.records.length === 0) {
      throw new DomainError('USER_NOT_FOUND', `aucun compte n'a l'identifiant « ${input.userId} »`, { id: input.userId });
    }
    let territoryId: string | null = null;
    if (input.role === 'PILOTE') {
      const project = await tx.run("MATCH (p:Entity {id: $id, type: 'Project'}) RETURN p.territoryId AS territoryId", {
        id: input.projectId,
      });
      const row = project.records[0];
      if (!row)
        throw new DomainError('NOT_FOUND', `le projet « ${input.projectId} » n'existe pas`, {
          id: input.projectId,
          entityType: 'Project',
        });
      territoryId = row.get('territoryId') as string;
    } else if (input.role === 'RELECTEUR') {
      const territory = await tx.run("MATCH (t:Entity {id: $id, type: 'Territory'}) RETURN t.id AS id", {
        id: input.territoryId,
      });
      if (territory.records.length === 0) {
        throw new DomainError('NOT_FOUND', `le territoire « ${input.territoryId} » n'existe pas`, {
          id: input.territoryId,
          entityType: 'Territory',
        });
      }
      territoryId = input.territoryId ?? null;
    }
    const params = { userId: input.userId, role: input.role, projectId: input.projectId ?? null, territoryId };
    const same = await tx.run(
      `MATCH (u:User {id: $userId})-[:HAS_GRANT]->(g:RoleGrant {role: $role})
       WHERE g.revokedAt IS NULL AND coalesce(g.projectId, '') = coalesce($projectId, '') AND coalesce(g.territoryId, '') = coalesce($territoryId, '')
       RETURN ${GRANT_PROJECTION} AS grant LIMIT 1`,
      params,
    );
    const existing = same.records[0];
    if (existing) return toGrant(existing.get('grant') as Record<string, unknown>);
    const created = await tx.run(
      `MATCH (u:User {id: $userId})
       CREATE (u)-[:HAS_GRANT]->(g:RoleGrant {id: $id, userId: $userId, role: $role, projectId: $projectId, territoryId: $territoryId,
                                             grantedAt: $now, grantedBy: $by, revokedAt: null, revokedBy: null})
       RETURN ${GRANT_PROJECTION} AS grant`,
      { ...params, id: newAccessId('grt'), now, by: input.by },
    );
    return toGrant(created.records[0]!.get('grant') as Record<string, unknown>);
  });
}

/** Ends a grant (revokedAt = now). An already ended grant is returned unchanged. Throws GRANT_NOT_FOUND. */
export async function revokeGrant(graph: Graph, grantId: string, options: { by: GrantAuthor; now?: Date }): Promise<Grant> {
  return graph.write(async (tx) => {
    const result = await tx.run(
      `MATCH (g:RoleGrant {id: $id})
       SET g.revokedBy = CASE WHEN g.revokedAt IS NULL THEN $by ELSE g.revokedBy END,
           g.revokedAt = coalesce(g.revokedAt, $now)
       RETURN ${GRANT_PROJECTION} AS grant`,
      { id: grantId, by: options.by, now: toNeoDateTime(options.now ?? new Date()) },
    );
    const row = result.records[0];
    if (!row)
      throw new DomainError('GRANT_NOT_FOUND', `aucune attribution de rôle n'a l'identifiant « ${grantId} »`, { id: grantId });
    return toGrant(row.get('grant') as Record<string, unknown>);
  });
}

export interface GrantFilter {
  userId?: string | null;
  projectId?: string | null;
  territoryId?: string | null;
  /** Ended grants too (the history); default: active ones only. */
  includeRevoked?: boolean;
}

/** Grants matching every given filter, oldest first. */
export async function listGrants(graph: Graph, filter: GrantFilter = {}): Promise<Grant[]> {
  return graph.read(async (tx) => {
    const result = await tx.run(
      `MATCH (g:RoleGrant)
       WHERE ($userId IS NULL OR g.userId = $userId)
         AND ($projectId IS NULL OR g.projectId = $projectId)
         AND ($territoryId IS NULL OR g.territoryId = $territoryId)
         AND ($all OR g.revokedAt IS NULL)
       RETURN ${GRANT_PROJECTION} AS grant ORDER BY g.grantedAt, g.id`,
      {
        userId: filter.userId ?? null,
        projectId: filter.projectId ?? null,
        territoryId: filter.territoryId ?? null,
        all: filter.includeRevoked ?? false,
      },
    );
    return result.records.map((r) => toGrant(r.get('grant') as Record<string, unknown>));
  });
}
