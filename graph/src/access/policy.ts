import { DomainError } from '../errors.ts';
import { ACTION_RESOURCE, type Action, type Grant, type Principal, type Resource } from './principal.ts';

/**
 * The access policy: one pure function of (principal, action, resource). The table it encodes
 * is in docs/decisions/0004-access.md; policy.test.ts checks every cell.
 *
 * - ADMINISTRATEUR: everything.
 * - PILOTE of project P (territory T): writes P and shares it (wall links); reads every project
 *   of T (P's confidential items only: see canSeeConfidential), reads T, edits T's actors (not
 *   T itself: its name is every project's), sees T's review and exports.
 * - RELECTEUR of T: reads every project of T, confidential items included, the review, the
 *   exports; writes nothing.
 * - ATELIER (a wall link of P): reads P, never a confidential item; nothing else (no export).
 * - Anonymous: nothing — UNAUTHENTICATED, so the client knows to sign in.
 */
export type Decision = { allowed: true } | { allowed: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string };

const VERBS: Record<Action, string> = {
  'project:read': 'lire',
  'project:write': 'modifier',
  'project:share': 'gérer les liens muraux de',
  'project:create': 'créer un projet dans',
  'territory:read': 'lire',
  'territory:write': 'modifier les acteurs de',
  'territory:manage': 'modifier',
  'territory:review': 'consulter la revue de',
  'territory:create': 'créer un territoire',
  'admin:users': 'gérer les comptes et les rôles',
  'account:self': 'gérer un compte',
  export: 'exporter',
};

function describe(resource: Resource): string {
  switch (resource.kind) {
    case 'global':
      return '';
    case 'territory':
      return ` le territoire « ${resource.label ?? resource.territoryId} »`;
    case 'project':
      return ` le projet « ${resource.label ?? resource.projectId} »`;
  }
}

function active(grants: readonly Grant[]): Grant[] {
  return grants.filter((grant) => grant.revokedAt === null);
}

interface Standing {
  admin: boolean;
  /** Pilots this project. */
  pilot: boolean;
  /** Pilots some project of this territory. */
  pilotInTerritory: boolean;
  /** Reviews this territory. */
  reviewer: boolean;
}

function standing(grants: readonly Grant[], territoryId: string | null, projectId: string | null): Standing {
  const live = active(grants);
  return {
    admin: live.some((g) => g.role === 'ADMINISTRATEUR'),
    pilot: projectId !== null && live.some((g) => g.role === 'PILOTE' && g.projectId === projectId),
    pilotInTerritory: territoryId !== null && live.some((g) => g.role === 'PILOTE' && g.territoryId === territoryId),
    reviewer: territoryId !== null && live.some((g) => g.role === 'RELECTEUR' && g.territoryId === territoryId),
  };
}

function checkResourceKind(action: Action, resource: Resource): void {
  const expected = ACTION_RESOURCE[action];
  const ok =
    expected === 'territory|project' ? resource.kind === 'territory' || resource.kind === 'project' : resource.kind === expected;
  // A mismatch is a bug in the caller, not something a user caused: not a DomainError.
  if (!ok) throw new TypeError(`action ${action} is about a ${expected} resource, got ${resource.kind}`);
}

function userMay(action: Action, resource: Resource, grants: readonly Grant[]): boolean {
  const territoryId = resource.kind === 'global' ? null : resource.territoryId;
  const projectId = resource.kind === 'project' ? resource.projectId : null;
  const s = standing(grants, territoryId, projectId);
  if (s.admin) return true;
  switch (action) {
    case 'project:read':
    case 'territory:read':
    case 'territory:review':
    case 'export':
      return s.pilotInTerritory || s.reviewer;
    case 'project:write':
    case 'project:share':
      return s.pilot;
    case 'territory:write':
      return s.pilotInTerritory;
    case 'account:self':
      return true;
    // The territory itself is every project's: its pilots edit its actors, not its name.
    case 'territory:manage':
    case 'project:create':
    case 'territory:create':
    case 'admin:users':
      return false;
  }
}

/** Pure: may `principal` do `action` on `resource`? Throws TypeError when the action is not about that kind of resource. */
export function decide(principal: Principal, action: Action, resource: Resource): Decision {
  checkResourceKind(action, resource);
  // « de le territoire » → « du territoire ».
  const what = `${VERBS[action]}${describe(resource)}`.replace(/ de le /, ' du ');
  switch (principal.kind) {
    case 'anonymous':
      return { allowed: false, code: 'UNAUTHENTICATED', message: `connectez-vous pour ${what}` };
    case 'wallLink': {
      const own = action === 'project:read' && resource.kind === 'project' && resource.projectId === principal.projectId;
      return own
        ? { allowed: true }
        : {
            allowed: false,
            code: 'FORBIDDEN',
            message: `un lien d'affichage mural permet seulement de lire son projet : il ne permet pas de ${what}`,
          };
    }
    case 'user':
      return userMay(action, resource, principal.grants)
        ? { allowed: true }
        : { allowed: false, code: 'FORBIDDEN', message: `votre rôle ne vous permet pas de ${what}` };
  }
}

/**
 * Pure. Returns when allowed; otherwise throws DomainError `UNAUTHENTICATED` (anonymous) or
 * `FORBIDDEN` (signed in or wall link, but not allowed), with a French message naming the
 * resource by `resource.label` when given. details: `{ action, resourceKind, projectId?, territoryId? }`.
 */
export function authorize(principal: Principal, action: Action, resource: Resource): void {
  const decision = decide(principal, action, resource);
  if (decision.allowed) return;
  const details: Record<string, unknown> = { action, resourceKind: resource.kind };
  if (resource.kind !== 'global') details.territoryId = resource.territoryId;
  if (resource.kind === 'project') details.projectId = resource.projectId;
  throw new DomainError(decision.code, decision.message, details);
}

/** Pure: `authorize` as a boolean, for menus and conditional fields. */
export function isAllowed(principal: Principal, action: Action, resource: Resource): boolean {
  return decide(principal, action, resource).allowed;
}

/**
 * Pure: may `principal` see the confidential objectives and conflicts, and the notes, of this
 * project? Administrators, the project's pilots and its territory's relecteurs may; a pilot of
 * another project of the territory, a wall link and anonymous may not. The project's territory
 * is needed because relecteur grants are stated per territory.
 */
export function canSeeConfidential(principal: Principal, project: { projectId: string; territoryId: string }): boolean {
  if (principal.kind !== 'user') return false;
  const s = standing(principal.grants, project.territoryId, project.projectId);
  return s.admin || s.pilot || s.reviewer;
}
