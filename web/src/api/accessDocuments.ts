import { graphql } from '../generated/gql.ts';
import type { ApiTokensQuery, EntityHistoryQuery, UsersQuery, ViewerQuery, WallLinksQuery } from '../generated/graphql.ts';

/**
 * The access documents (issue 12; docs/API.md): who is signed in, the account's password and
 * tokens, the project's wall links, the administration, an entity's authors. Typed from the SDL
 * by `npm run codegen`.
 */

export const VIEWER = graphql(`
  query Viewer {
    viewer {
      kind
      user { id name email hasPassword }
      grants { id role territoryId projectId grantedAt }
      wallProjectId wallLinkName
      can { administer }
    }
  }
`);

export const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const API_TOKENS = graphql(`
  query ApiTokens { apiTokens { id name hint createdAt expiresAt lastUsedAt revokedAt } }
`);

export const CREATE_API_TOKEN = graphql(`
  mutation CreateApiToken($name: String!, $expiresAt: Date) {
    createApiToken(name: $name, expiresAt: $expiresAt) {
      secret
      apiToken { id name hint createdAt expiresAt lastUsedAt revokedAt }
    }
  }
`);

export const REVOKE_API_TOKEN = graphql(`
  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }
`);

export const WALL_LINKS = graphql(`
  query WallLinks($projectId: ID!) {
    wallLinks(projectId: $projectId) { id projectId name hint createdAt expiresAt lastUsedAt revokedAt }
  }
`);

export const CREATE_WALL_LINK = graphql(`
  mutation CreateWallLink($projectId: ID!, $name: String!, $expiresAt: Date) {
    createWallLink(projectId: $projectId, name: $name, expiresAt: $expiresAt) {
      secret url
      wallLink { id projectId name hint createdAt expiresAt lastUsedAt revokedAt }
    }
  }
`);

export const REVOKE_WALL_LINK = graphql(`
  mutation RevokeWallLink($id: ID!) { revokeWallLink(id: $id) { id revokedAt } }
`);

export const USERS = graphql(`
  query Users {
    users { id email name createdAt disabledAt grants { id role territoryId projectId grantedAt } }
    allowedDomains
  }
`);

export const CREATE_USER = graphql(`
  mutation CreateUser($email: String!, $name: String!) { createUser(email: $email, name: $name) { id } }
`);

export const GRANT_ROLE = graphql(`
  mutation GrantRole($userId: ID!, $role: GrantableRole!, $territoryId: ID, $projectId: ID) {
    grantRole(userId: $userId, role: $role, territoryId: $territoryId, projectId: $projectId) { id }
  }
`);

export const REVOKE_GRANT = graphql(`
  mutation RevokeGrant($id: ID!) { revokeGrant(id: $id) { id } }
`);

export const ALLOW_DOMAIN = graphql(`
  mutation AllowDomain($domain: String!) { allowDomain(domain: $domain) }
`);

export const DISALLOW_DOMAIN = graphql(`
  mutation DisallowDomain($domain: String!) { disallowDomain(domain: $domain) }
`);

/** The last changes of one entity, with their authors: the side panel's history. */
export const ENTITY_HISTORY = graphql(`
  query EntityHistory($projectId: ID!, $entityId: ID!) {
    projectTimeline(projectId: $projectId, entityId: $entityId, first: 10) {
      changes { id op author recordedAt validFrom version }
      hasMore
    }
  }
`);

export type Viewer = ViewerQuery['viewer'];
export type RoleGrant = Viewer['grants'][number];
export type GrantableRole = RoleGrant['role'];
export type UserAccount = UsersQuery['users'][number];
export type ApiToken = ApiTokensQuery['apiTokens'][number];
export type WallLink = WallLinksQuery['wallLinks'][number];
/** A secret's listing: never the secret, its `hint` (prefix + 4 characters) only. */
export type Credential = ApiToken;
export type EntityHistory = EntityHistoryQuery['projectTimeline'];
