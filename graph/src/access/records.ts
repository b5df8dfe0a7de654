import { fromNeoDateTime } from '../time.ts';
import type { Grant, GrantableRole, User } from './principal.ts';

/** Node properties → access records. Only named properties are read: hashes never pass. */
type Props = Record<string, unknown>;

export function optionalDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : fromNeoDateTime(value);
}

export function toUser(props: Props): User {
  return {
    id: props.id as string,
    email: props.email as string,
    name: props.name as string,
    createdAt: fromNeoDateTime(props.createdAt),
    disabledAt: optionalDate(props.disabledAt),
  };
}

export function toGrant(props: Props): Grant {
  return {
    id: props.id as string,
    userId: props.userId as string,
    role: props.role as GrantableRole,
    territoryId: (props.territoryId as string | null | undefined) ?? null,
    projectId: (props.projectId as string | null | undefined) ?? null,
    grantedAt: fromNeoDateTime(props.grantedAt),
    grantedBy: props.grantedBy as string,
    revokedAt: optionalDate(props.revokedAt),
    revokedBy: (props.revokedBy as string | null | undefined) ?? null,
  };
}

/** Cypher projections matching the converters above. */
export const USER_PROJECTION = 'u {.id, .email, .name, .createdAt, .disabledAt}';
export const GRANT_PROJECTION =
  'g {.id, .userId, .role, .territoryId, .projectId, .grantedAt, .grantedBy, .revokedAt, .revokedBy}';
/** The user's active grants, as a list expression on `u`. */
export const ACTIVE_GRANTS = `[(u)-[:HAS_GRANT]->(g:RoleGrant) WHERE g.revokedAt IS NULL | ${GRANT_PROJECTION}]`;
