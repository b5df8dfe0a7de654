import type { Graph } from '../db/graph.ts';
import { DomainError } from '../errors.ts';
import { fromNeoDateTime, toNeoDateTime } from '../time.ts';
import { LAST_USE_EVERY_MS } from './api-tokens.ts';
import { checkCredentialName, checkExpiry } from './credential-names.ts';
import type { WallLinkPrincipal } from './principal.ts';
import { optionalDate } from './records.ts';
import { newAccessId, newSecret, secretHash, secretHint } from './secrets.ts';

/**
 * Wall links: a read-only view of one project for the wall computer, role ATELIER, no account
 * needed. `(:WallLink {id, projectId, territoryId, name, hash, hint, createdAt, createdBy,
 * expiresAt, lastUsedAt, revokedAt, revokedBy})`. Revoking cuts access at the next lookup:
 * nothing is cached here.
 */
export interface WallLinkInfo {
  id: string;
  projectId: string;
  territoryId: string;
  name: string;
  hint: string;
  createdAt: Date;
  /** User id of the pilot who created it. */
  createdBy: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
}

const PROJECTION =
  'w {.id, .projectId, .territoryId, .name, .hint, .createdAt, .createdBy, .expiresAt, .lastUsedAt, .revokedAt, .revokedBy}';

function toInfo(props: Record<string, unknown>): WallLinkInfo {
  return {
    id: props.id as string,
    projectId: props.projectId as string,
    territoryId: props.territoryId as string,
    name: props.name as string,
    hint: props.hint as string,
    createdAt: fromNeoDateTime(props.createdAt),
    createdBy: props.createdBy as string,
    expiresAt: optionalDate(props.expiresAt),
    lastUsedAt: optionalDate(props.lastUsedAt),
    revokedAt: optionalDate(props.revokedAt),
    revokedBy: (props.revokedBy as string | null | undefined) ?? null,
  };
}

/**
 * Creates a wall link for the project; `token` is shown once (the URL the pilot opens on the
 * wall computer). Throws REQUIRED_FIELD / TEXT_TOO_LONG (name), INVALID_EXPIRY, NOT_FOUND (no
 * such project). The caller has checked `project:share`.
 */
export async function createWallLink(
  graph: Graph,
  input: { projectId: string; name: string; expiresAt?: Date | null; createdBy: string; now?: Date },
): Promise<{ token: string; info: WallLinkInfo }> {
  const now = input.now ?? new Date();
  const name = checkCredentialName(input.name, 'le nom du lien mural');
  const expiresAt = checkExpiry(input.expiresAt, now);
  const token = newSecret('wallLink');
  const info = await graph.write(async (tx) => {
    const result = await tx.run(
      `MATCH (p:Entity {id: $projectId, type: 'Project'})
       CREATE (w:WallLink {id: $id, projectId: p.id, territoryId: p.territoryId, name: $name, hash: $hash, hint: $hint,
                           createdAt: $now, createdBy: $createdBy, expiresAt: $expiresAt, lastUsedAt: null, revokedAt: null, revokedBy: null})
       RETURN ${PROJECTION} AS link`,
      {
        projectId: input.projectId,
        id: newAccessId('mur'),
        name,
        hash: secretHash(token),
        hint: secretHint(token, 'wallLink'),
        now: toNeoDateTime(now),
        createdBy: input.createdBy,
        expiresAt: expiresAt ? toNeoDateTime(expiresAt) : null,
      },
    );
    const row = result.records[0];
    return row ? toInfo(row.get('link') as Record<string, unknown>) : null;
  });
  if (!info)
    throw new DomainError('NOT_FOUND', `le projet « ${input.projectId} » n'existe pas`, {
      id: input.projectId,
      entityType: 'Project',
    });
  return { token, info };
}

/**
 * The principal a presented wall link stands for; null when unknown, revoked or expired.
 * Records the use (at most once a minute), so the pilot's list shows when the wall last read.
 */
export async function authenticateWallLink(
  graph: Graph,
  token: string,
  options: { now?: Date } = {},
): Promise<WallLinkPrincipal | null> {
  const now = options.now ?? new Date();
  const hash = secretHash(token);
  const row = await graph.read(async (tx) => {
    const result = await tx.run(
      `MATCH (w:WallLink {hash: $hash}) WHERE w.revokedAt IS NULL AND (w.expiresAt IS NULL OR w.expiresAt > $now)
       RETURN w {.id, .projectId, .territoryId, .name, .lastUsedAt} AS link`,
      { hash, now: toNeoDateTime(now) },
    );
    return (result.records[0]?.get('link') as Record<string, unknown> | undefined) ?? null;
  });
  if (!row) return null;
  const lastUsedAt = optionalDate(row.lastUsedAt);
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USE_EVERY_MS) {
    await graph.write((tx) =>
      tx.run('MATCH (w:WallLink {hash: $hash}) SET w.lastUsedAt = $now', { hash, now: toNeoDateTime(now) }),
    );
  }
  return {
    kind: 'wallLink',
    linkId: row.id as string,
    projectId: row.projectId as string,
    territoryId: row.territoryId as string,
    name: row.name as string,
  };
}

/** The project's wall links, revoked ones included, newest first. Never the secret. */
export async function listWallLinks(graph: Graph, projectId: string): Promise<WallLinkInfo[]> {
  return graph.read(async (tx) => {
    const result = await tx.run(
      `MATCH (w:WallLink {projectId: $projectId}) RETURN ${PROJECTION} AS link ORDER BY w.createdAt DESC, w.id`,
      { projectId },
    );
    return result.records.map((r) => toInfo(r.get('link') as Record<string, unknown>));
  });
}

/**
 * Revokes a wall link: the wall is refused from its next request. `projectId`, when given,
 * must be the link's (the caller checked `project:share` on that project). Idempotent.
 * Throws WALL_LINK_NOT_FOUND.
 */
export async function revokeWallLink(
  graph: Graph,
  linkId: string,
  options: { by: string; projectId?: string | null; now?: Date },
): Promise<WallLinkInfo> {
  return graph.write(async (tx) => {
    const result = await tx.run(
      `MATCH (w:WallLink {id: $id}) WHERE $projectId IS NULL OR w.projectId = $projectId
       SET w.revokedBy = CASE WHEN w.revokedAt IS NULL THEN $by ELSE w.revokedBy END,
           w.revokedAt = coalesce(w.revokedAt, $now)
       RETURN ${PROJECTION} AS link`,
      { id: linkId, projectId: options.projectId ?? null, by: options.by, now: toNeoDateTime(options.now ?? new Date()) },
    );
    const row = result.records[0];
    if (!row)
      throw new DomainError('WALL_LINK_NOT_FOUND', `aucun lien mural n'a l'identifiant « ${linkId} » pour ce projet`, {
        id: linkId,
      });
    return toInfo(row.get('link') as Record<string, unknown>);
  });
}
