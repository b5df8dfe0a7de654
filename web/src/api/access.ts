import { useMutation, useQuery, useQueryClient, skipToken } from '@tanstack/react-query';
import {
  ALLOW_DOMAIN,
  API_TOKENS,
  CHANGE_PASSWORD,
  CREATE_API_TOKEN,
  CREATE_USER,
  CREATE_WALL_LINK,
  DISALLOW_DOMAIN,
  ENTITY_HISTORY,
  GRANT_ROLE,
  REVOKE_API_TOKEN,
  REVOKE_GRANT,
  REVOKE_WALL_LINK,
  USERS,
  VIEWER,
  WALL_LINKS,
  type GrantableRole,
} from './accessDocuments.ts';
import { signOut } from './auth.ts';
import { request } from './client.ts';
import { queryKeys } from './queryKeys.ts';

/**
 * The access reads and writes (issue 12) on TanStack Query: the viewer, the account's password
 * and tokens, a project's wall links, the administration. Errors are ApiError.
 */

/** Who is signed in (`kind` ANONYMOUS when nobody is): the header, the pages' guards. */
export function useViewer() {
  return useQuery({ queryKey: queryKeys.viewer(), queryFn: () => request(VIEWER, {}), staleTime: 60_000 });
}

/**
 * Ends the session, goes to `then` (the sign-in page), then forgets everything cached: the next
 * person sees nothing of the last one's (the page left first, so its reads are not asked again).
 */
export function useSignOut(then: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      then();
      return client.resetQueries();
    },
  });
}

/** Sets or changes the password; the viewer is read again (`hasPassword`: the pages stop offering to set a first one). */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string | null; newPassword: string }) => request(CHANGE_PASSWORD, input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.viewer() }),
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: queryKeys.apiTokens(), queryFn: () => request(API_TOKENS, {}) });
}

/** `expiresAt`: a day (YYYY-MM-DD) or null for none. The answer carries the secret, shown once. */
export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { name: string; expiresAt: string | null }) =>
      (await request(CREATE_API_TOKEN, input)).createApiToken,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiTokens() }),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(REVOKE_API_TOKEN, { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.apiTokens() }),
  });
}

/** Null id: not asked (the viewer may not share this project). */
export function useWallLinks(projectId: string | null) {
  return useQuery({
    queryKey: queryKeys.wallLinks(projectId ?? ''),
    queryFn: projectId ? () => request(WALL_LINKS, { projectId }) : skipToken,
  });
}

/** The answer carries the secret and the wall's URL (`…/mur#trame_mur_…`), shown once. */
export function useCreateWallLink(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { name: string; expiresAt: string | null }) =>
      (await request(CREATE_WALL_LINK, { ...input, projectId })).createWallLink,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.wallLinks(projectId) }),
  });
}

export function useRevokeWallLink(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(REVOKE_WALL_LINK, { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.wallLinks(projectId) }),
  });
}

/** One entity's latest change records with their authors. Null entity: nothing selected. */
export function useEntityHistory(projectId: string, entityId: string | null) {
  return useQuery({
    queryKey: queryKeys.entityHistory(projectId, entityId ?? ''),
    queryFn: entityId ? () => request(ENTITY_HISTORY, { projectId, entityId }) : skipToken,
  });
}

export function useUsers(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.users(), queryFn: enabled ? () => request(USERS, {}) : skipToken });
}

type AdminCommand =
  | { op: 'createUser'; email: string; name: string }
  | { op: 'grantRole'; userId: string; role: GrantableRole; territoryId: string | null; projectId: string | null }
  | { op: 'revokeGrant'; id: string }
  | { op: 'allowDomain'; domain: string }
  | { op: 'disallowDomain'; domain: string };

const ADMIN_DOCUMENTS = {
  createUser: CREATE_USER,
  grantRole: GRANT_ROLE,
  revokeGrant: REVOKE_GRANT,
  allowDomain: ALLOW_DOMAIN,
  disallowDomain: DISALLOW_DOMAIN,
} as const;

/** The administration's writes; each reads the users and domains again. */
export function useAdminCommand() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ op, ...variables }: AdminCommand): Promise<unknown> =>
      request<unknown>(ADMIN_DOCUMENTS[op].toString(), variables),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users() }),
  });
}
