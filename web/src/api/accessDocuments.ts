/**
 * The access documents (issue 12; contract in docs/API.md, « Authentification »): who is signed
 * in, the account's tokens, the project's wall links, the administration.
 */

export type GrantableRole = 'ADMINISTRATEUR' | 'PILOTE' | 'RELECTEUR';
export type ViewerKind = 'ANONYMOUS' | 'USER' | 'WALL_LINK';

export interface RoleGrant {
  id: string;
  role: GrantableRole;
  territoryId: string | null;
  projectId: string | null;
  grantedAt: string;
}

export interface UserAccount {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  disabledAt: string | null;
  grants: RoleGrant[];
}

export interface Viewer {
  kind: ViewerKind;
  user: Pick<UserAccount, 'id' | 'name' | 'email'> | null;
  grants: RoleGrant[];
  wallProjectId: string | null;
  wallLinkName: string | null;
  can: { administer: boolean };
}

/** A secret's listing: never the secret, its `hint` (prefix + 4 characters) only. */
export interface Credential {
  id: string;
  name: string;
  hint: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export type ApiToken = Credential;
export type WallLink = Credential & { projectId: string };

const GRANT = 'id role territoryId projectId grantedAt';
const CREDENTIAL = 'id name hint createdAt expiresAt lastUsedAt revokedAt';

export const VIEWER = `
  query Viewer {
    viewer { kind user { id name email } grants { ${GRANT} } wallProjectId wallLinkName can { administer } }
  }
`;
export interface ViewerData {
  viewer: Viewer;
}

export const CHANGE_PASSWORD = `
  mutation ChangePassword($currentPassword: String, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`;

export const API_TOKENS = `query ApiTokens { apiTokens { ${CREDENTIAL} } }`;
export interface ApiTokensData {
  apiTokens: ApiToken[];
}

export const CREATE_API_TOKEN = `
  mutation CreateApiToken($name: String!, $expiresAt: Date) {
    createApiToken(name: $name, expiresAt: $expiresAt) { secret apiToken { ${CREDENTIAL} } }
  }
`;
export interface CreateApiTokenData {
  createApiToken: { secret: string; apiToken: ApiToken };
}

export const REVOKE_API_TOKEN = `mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ${CREDENTIAL} } }`;

export const WALL_LINKS = `query WallLinks($projectId: ID!) { wallLinks(projectId: $projectId) { projectId ${CREDENTIAL} } }`;
export interface WallLinksData {
  wallLinks: WallLink[];
}

export const CREATE_WALL_LINK = `
  mutation CreateWallLink($projectId: ID!, $name: String!, $expiresAt: Date) {
    createWallLink(projectId: $projectId, name: $name, expiresAt: $expiresAt) { secret url wallLink { projectId ${CREDENTIAL} } }
  }
`;
export interface CreateWallLinkData {
  createWallLink: { secret: string; url: string; wallLink: WallLink };
}

export const REVOKE_WALL_LINK = `mutation RevokeWallLink($id: ID!) { revokeWallLink(id: $id) { projectId ${CREDENTIAL} } }`;

export const USERS = `
  query Users {
    users { id email name createdAt disabledAt grants { ${GRANT} } }
    allowedDomains
  }
`;
export interface UsersData {
  users: UserAccount[];
  allowedDomains: string[];
}

export const CREATE_USER = `
  mutation CreateUser($email: String!, $name: String!) { createUser(email: $email, name: $name) { id } }
`;
export const GRANT_ROLE = `
  mutation GrantRole($userId: ID!, $role: GrantableRole!, $territoryId: ID, $projectId: ID) {
    grantRole(userId: $userId, role: $role, territoryId: $territoryId, projectId: $projectId) { ${GRANT} }
  }
`;
export const REVOKE_GRANT = `mutation RevokeGrant($id: ID!) { revokeGrant(id: $id) { id } }`;
export const ALLOW_DOMAIN = `mutation AllowDomain($domain: String!) { allowDomain(domain: $domain) }`;
export const DISALLOW_DOMAIN = `mutation DisallowDomain($domain: String!) { disallowDomain(domain: $domain) }`;

/** The last changes of one entity, with their authors: the side panel's history. */
export const ENTITY_HISTORY = `
  query EntityHistory($projectId: ID!, $entityId: ID!) {
    projectTimeline(projectId: $projectId, entityId: $entityId, first: 10) {
      changes { id op author recordedAt validFrom version fields }
      hasMore
    }
  }
`;
export interface EntityHistoryData {
  projectTimeline: {
    changes: {
      id: string;
      op: string;
      author: string;
      recordedAt: string;
      validFrom: string;
      version: number;
      fields: string[];
    }[];
    hasMore: boolean;
  };
}
