import {
  authenticateApiToken,
  createApiToken,
  createSession,
  createUser,
  createWallLink,
  grantRole,
  type Graph,
  type GrantableRole,
  type User,
} from '@trame/graph';
import { uniqueId } from './graph.ts';

/**
 * Principals for tests: real users, grants, tokens, sessions and wall links created in the test
 * database through the domain functions (graph/src/access), each with unique e-mails.
 */

/** A user with a personal API token: send `token` as `Authorization: Bearer …`. */
export interface TestUser {
  user: User;
  token: string;
}

export interface RoleSpec {
  role: GrantableRole;
  /** PILOTE: the project. */
  projectId?: string;
  /** RELECTEUR: the territory. */
  territoryId?: string;
}

/**
 * Creates a user named `name` (unique e-mail, no password unless given) holding `roles`, and a
 * personal token for them. With no role, the user may only manage their own account.
 */
export async function createTestUser(
  graph: Graph,
  options: { name?: string; roles?: RoleSpec[]; password?: string } = {},
): Promise<TestUser> {
  const user = await createUser(graph, {
    email: `${uniqueId('u')}@trame.test`,
    name: options.name ?? 'Utilisateur de test',
    password: options.password ?? null,
  });
  for (const spec of options.roles ?? []) {
    await grantRole(graph, {
      userId: user.id,
      role: spec.role,
      projectId: spec.projectId ?? null,
      territoryId: spec.territoryId ?? null,
      by: 'system',
    });
  }
  const { token } = await createApiToken(graph, { userId: user.id, name: 'tests' });
  return { user, token };
}

/**
 * An administrator (`name` defaults to « Pilote de test », the author the tests assert on).
 * Its token's first use, which records « last used » (a write), is made here: the tests'
 * requests stay reads only, as before sign-in existed (bookmarks.int.test.ts counts sessions).
 */
export async function createTestAdmin(graph: Graph, name = 'Pilote de test'): Promise<TestUser> {
  const admin = await createTestUser(graph, { name, roles: [{ role: 'ADMINISTRATEUR' }] });
  await authenticateApiToken(graph, admin.token);
  return admin;
}

/** A pilot of `projectId`. */
export function createPilot(graph: Graph, projectId: string, name = 'Pilote du projet'): Promise<TestUser> {
  return createTestUser(graph, { name, roles: [{ role: 'PILOTE', projectId }] });
}

/** A relecteur of `territoryId`. */
export function createReviewer(graph: Graph, territoryId: string, name = 'Relecteur du territoire'): Promise<TestUser> {
  return createTestUser(graph, { name, roles: [{ role: 'RELECTEUR', territoryId }] });
}

/** A wall link of the project, created by `createdBy` (a user id); returns its secret (`trame_mur_…`). */
export async function createTestWallLink(
  graph: Graph,
  projectId: string,
  createdBy: string,
  name = 'Mur de test',
): Promise<string> {
  const { token } = await createWallLink(graph, { projectId, name, createdBy });
  return token;
}

/** A session for the user: the cookie's value. */
export async function createTestSession(graph: Graph, userId: string): Promise<string> {
  return (await createSession(graph, userId)).token;
}
