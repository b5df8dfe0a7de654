/**
 * Who is asking, and what they may be asking about. Plain data: the API resolves a Principal
 * once per request (cookie, bearer token or wall link, see resolve.ts) and every check is a
 * pure function of it (policy.ts). Safe to import from the browser.
 */

/**
 * The roles of issue 12, as stable codes (French, like the other enums of the model).
 * ATELIER is never granted to a user: only a wall link carries it.
 */
export const ROLES = ['ADMINISTRATEUR', 'PILOTE', 'RELECTEUR', 'ATELIER'] as const;
export type Role = (typeof ROLES)[number];
/** The roles an administrator grants to a user. */
export const GRANTABLE_ROLES = ['ADMINISTRATEUR', 'PILOTE', 'RELECTEUR'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/**
 * A dated role grant. Scope by role: ADMINISTRATEUR none (both ids null); PILOTE one project
 * (projectId, and its territoryId so that "reads their territory" needs no lookup); RELECTEUR
 * one territory (territoryId, projectId null). Ending a grant sets `revokedAt`; nothing is erased.
 */
export interface Grant {
  id: string;
  userId: string;
  role: GrantableRole;
  territoryId: string | null;
  projectId: string | null;
  grantedAt: Date;
  /** User id of the administrator who granted it, or 'system' (first start, CLI, demo). */
  grantedBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
}

/** A user as the rest of the code sees it: never a password hash. */
export interface User {
  id: string;
  /** Lower-cased, trimmed; unique. */
  email: string;
  /** Display name, shown in the change log. */
  name: string;
  createdAt: Date;
  disabledAt: Date | null;
}

/** How a signed-in user proved who they are (the API logs it; CSRF checks apply to cookies). */
export type Authentication = 'session' | 'token';

/** A wall link as a principal: read-only access to one project, role ATELIER. */
export interface WallLinkPrincipal {
  kind: 'wallLink';
  linkId: string;
  projectId: string;
  territoryId: string;
  name: string;
}

export interface UserPrincipal {
  kind: 'user';
  user: User;
  /** Grants active at the time the principal was resolved (revoked ones left out). */
  grants: Grant[];
  via: Authentication;
}

export type Principal = { kind: 'anonymous' } | UserPrincipal | WallLinkPrincipal;

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });

/**
 * What an action is about. A project resource carries its territory, because a relecteur's
 * grant and a pilote's "reads their territory" are stated per territory. `label` (the
 * project's or territory's name) only makes error messages readable.
 */
export type Resource =
  | { kind: 'global' }
  | { kind: 'territory'; territoryId: string; label?: string }
  | { kind: 'project'; projectId: string; territoryId: string; label?: string };

export const GLOBAL: Resource = Object.freeze({ kind: 'global' });

/**
 * Actions checked by the policy:
 * - `project:read`     read a project (map, lists, timeline, diff, analysis), as of any date;
 * - `project:write`    create, update, end, revert the project's entities, import, save a layout;
 * - `project:share`    create, list and revoke the project's wall links;
 * - `project:create`   create a project in a territory;
 * - `territory:read`   the territory's projects and actors;
 * - `territory:write`  create, update, end the territory's actors;
 * - `territory:manage` rename, describe, end the territory itself, or revert such a change (every project of it shares it);
 * - `territory:review` the DGS review of every project of the territory;
 * - `territory:create` create a territory;
 * - `admin:users`      manage users, roles, allowed e-mail domains, other users' tokens;
 * - `account:self`     change one's password, list and revoke one's sessions and tokens;
 * - `export`           download a CSV / print version of a project or a territory review.
 */
export const ACTIONS = [
  'project:read',
  'project:write',
  'project:share',
  'project:create',
  'territory:read',
  'territory:write',
  'territory:manage',
  'territory:review',
  'territory:create',
  'admin:users',
  'account:self',
  'export',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The kind of resource each action is about: the policy refuses a mismatch (a caller's bug). */
export const ACTION_RESOURCE: Record<Action, Resource['kind'] | 'territory|project'> = {
  'project:read': 'project',
  'project:write': 'project',
  'project:share': 'project',
  'project:create': 'territory',
  'territory:read': 'territory',
  'territory:write': 'territory',
  'territory:manage': 'territory',
  'territory:review': 'territory',
  'territory:create': 'global',
  'admin:users': 'global',
  'account:self': 'global',
  export: 'territory|project',
};

/** The name an actor in the change log gets: the user's display name, or the wall link's. */
export function principalLabel(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'anonyme';
    case 'user':
      return principal.user.name;
    case 'wallLink':
      return `lien mural « ${principal.name} »`;
  }
}
