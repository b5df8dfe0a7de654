import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  ACTIONS,
  ACTION_RESOURCE,
  ANONYMOUS,
  GLOBAL,
  type Action,
  type Grant,
  type GrantableRole,
  type Principal,
  type Resource,
} from './principal.ts';
import { authorize, canSeeConfidential, decide, isAllowed } from './policy.ts';

// Two territories; P1 and P2 in T1, P3 in T2.
const P1: Resource = { kind: 'project', projectId: 'p1', territoryId: 't1', label: 'Archipel nourricier' };
const P2: Resource = { kind: 'project', projectId: 'p2', territoryId: 't1' };
const P3: Resource = { kind: 'project', projectId: 'p3', territoryId: 't2' };
const T1: Resource = { kind: 'territory', territoryId: 't1', label: 'Loos-en-Gohelle' };
const T2: Resource = { kind: 'territory', territoryId: 't2' };
const RESOURCES: Record<string, Resource> = { P1, P2, P3, T1, T2, G: GLOBAL };

let seq = 0;
function grant(role: GrantableRole, scope: { projectId?: string; territoryId?: string } = {}, revoked = false): Grant {
  return {
    id: `g${++seq}`,
    userId: 'u',
    role,
    projectId: scope.projectId ?? null,
    territoryId: scope.territoryId ?? null,
    grantedAt: new Date('2024-01-01T00:00:00Z'),
    grantedBy: 'system',
    revokedAt: revoked ? new Date('2024-06-01T00:00:00Z') : null,
    revokedBy: revoked ? 'system' : null,
  };
}
function user(...grants: Grant[]): Principal {
  return {
    kind: 'user',
    user: { id: 'u', email: 'u@example.fr', name: 'U', createdAt: new Date(0), disabledAt: null },
    grants,
    via: 'session',
  };
}

const PRINCIPALS: Record<string, Principal> = {
  anonymous: ANONYMOUS,
  'atelier P1': { kind: 'wallLink', linkId: 'w1', projectId: 'p1', territoryId: 't1', name: 'Salle du conseil' },
  'no role': user(),
  'pilote P1 (revoked)': user(grant('PILOTE', { projectId: 'p1', territoryId: 't1' }, true)),
  'relecteur T1': user(grant('RELECTEUR', { territoryId: 't1' })),
  'pilote P2': user(grant('PILOTE', { projectId: 'p2', territoryId: 't1' })),
  'pilote P1': user(grant('PILOTE', { projectId: 'p1', territoryId: 't1' })),
  'pilote P3 + relecteur T1': user(
    grant('PILOTE', { projectId: 'p3', territoryId: 't2' }),
    grant('RELECTEUR', { territoryId: 't1' }),
  ),
  administrateur: user(grant('ADMINISTRATEUR')),
};

/**
 * The policy table, written out by hand: every cell NOT listed for a principal is refused
 * (UNAUTHENTICATED for anonymous, FORBIDDEN otherwise). Cells are `action@resource`.
 */
const T1_READS = [
  'project:read@P1',
  'project:read@P2',
  'territory:read@T1',
  'territory:review@T1',
  'export@P1',
  'export@P2',
  'export@T1',
];
const ALLOWED: Record<string, string[]> = {
  anonymous: [],
  'atelier P1': ['project:read@P1'],
  'no role': ['account:self@G'],
  'pilote P1 (revoked)': ['account:self@G'],
  'relecteur T1': ['account:self@G', ...T1_READS],
  'pilote P2': ['account:self@G', ...T1_READS, 'territory:write@T1', 'project:write@P2', 'project:share@P2'],
  'pilote P1': ['account:self@G', ...T1_READS, 'territory:write@T1', 'project:write@P1', 'project:share@P1'],
  'pilote P3 + relecteur T1': [
    'account:self@G',
    ...T1_READS,
    'project:read@P3',
    'territory:read@T2',
    'territory:review@T2',
    'export@P3',
    'export@T2',
    'territory:write@T2',
    'project:write@P3',
    'project:share@P3',
  ],
  administrateur: ACTIONS.flatMap((action) =>
    Object.entries(RESOURCES)
      .filter(([, r]) => fits(action, r))
      .map(([name]) => `${action}@${name}`),
  ),
};

function fits(action: Action, resource: Resource): boolean {
  const kind = ACTION_RESOURCE[action];
  return kind === 'territory|project' ? resource.kind !== 'global' : resource.kind === kind;
}

const CONFIDENTIAL: Record<string, string[]> = {
  anonymous: [],
  'atelier P1': [],
  'no role': [],
  'pilote P1 (revoked)': [],
  'relecteur T1': ['P1', 'P2'],
  'pilote P2': ['P2'],
  'pilote P1': ['P1'],
  'pilote P3 + relecteur T1': ['P1', 'P2', 'P3'],
  administrateur: ['P1', 'P2', 'P3'],
};

describe('the access policy', () => {
  const cells: [string, Action, string][] = [];
  for (const principal of Object.keys(PRINCIPALS)) {
    for (const action of ACTIONS) {
      for (const [name, resource] of Object.entries(RESOURCES)) if (fits(action, resource)) cells.push([principal, action, name]);
    }
  }

  it('lets no pilot rename or end the territory every project of it shares (territory:manage)', () => {
    expect(isAllowed(PRINCIPALS['pilote P1']!, 'territory:write', T1)).toBe(true);
    expect(isAllowed(PRINCIPALS['pilote P1']!, 'territory:manage', T1)).toBe(false);
    expect(isAllowed(PRINCIPALS.administrateur!, 'territory:manage', T1)).toBe(true);
  });

  it('covers every action with at least one resource', () => {
    for (const action of ACTIONS)
      expect(
        cells.some(([, a]) => a === action),
        action,
      ).toBe(true);
    // 12 actions; export fits 5 resources, the 3 global actions 1, the 3 project actions 3, the 5 territory actions 2.
    expect(cells.length).toBe(Object.keys(PRINCIPALS).length * (5 + 3 + 3 * 3 + 5 * 2));
  });

  it.each(cells)('%s → %s on %s', (principalName, action, resourceName) => {
    const principal = PRINCIPALS[principalName]!;
    const resource = RESOURCES[resourceName]!;
    const allowed = ALLOWED[principalName]!.includes(`${action}@${resourceName}`);
    const decision = decide(principal, action, resource);
    expect(decision.allowed).toBe(allowed);
    expect(isAllowed(principal, action, resource)).toBe(allowed);
    if (allowed) {
      expect(() => authorize(principal, action, resource)).not.toThrow();
      return;
    }
    const expected = principal.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    try {
      authorize(principal, action, resource);
      expect.unreachable('authorize should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(expected);
    }
  });

  it.each(Object.keys(PRINCIPALS))('%s sees confidential items only where the table says', (principalName) => {
    for (const name of ['P1', 'P2', 'P3']) {
      const r = RESOURCES[name] as Extract<Resource, { kind: 'project' }>;
      expect(canSeeConfidential(PRINCIPALS[principalName]!, r), name).toBe(CONFIDENTIAL[principalName]!.includes(name));
    }
  });

  it('names the resource by its label in French and details the refusal', () => {
    try {
      authorize(PRINCIPALS['pilote P2']!, 'project:write', P1);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).message).toBe('votre rôle ne vous permet pas de modifier le projet « Archipel nourricier »');
      expect((error as DomainError).details).toEqual({
        action: 'project:write',
        resourceKind: 'project',
        projectId: 'p1',
        territoryId: 't1',
      });
    }
    expect(() => authorize(ANONYMOUS, 'territory:review', T1)).toThrow(
      'connectez-vous pour consulter la revue du territoire « Loos-en-Gohelle »',
    );
    expect(() => authorize(PRINCIPALS['atelier P1']!, 'export', P1)).toThrow(/lien d'affichage mural/);
  });

  it('refuses an action applied to the wrong kind of resource as a programming error', () => {
    expect(() => decide(PRINCIPALS.administrateur!, 'project:write', T1)).toThrow(TypeError);
    expect(() => decide(PRINCIPALS.administrateur!, 'admin:users', P1)).toThrow(TypeError);
    expect(() => decide(PRINCIPALS.administrateur!, 'export', GLOBAL)).toThrow(TypeError);
  });

  it('a wall link reads only its own project, even one of the same territory', () => {
    const wall = PRINCIPALS['atelier P1']!;
    expect(isAllowed(wall, 'project:read', P1)).toBe(true);
    expect(isAllowed(wall, 'project:read', P2)).toBe(false);
    expect(isAllowed(wall, 'project:read', { kind: 'project', projectId: 'p1', territoryId: 'other' })).toBe(true);
  });
});
