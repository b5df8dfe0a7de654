import { describe, expect, it } from 'vitest';
import type { RoleGrant, Viewer } from '../api/accessDocuments.ts';
import { maySeeConfidentialIn } from './abilities.ts';

const grant = (role: RoleGrant['role'], territoryId: string | null, projectId: string | null = null): RoleGrant => ({
  id: `g-${role}-${territoryId}`,
  role,
  territoryId,
  projectId,
  grantedAt: '2026-01-01T00:00:00Z',
});
const user = (grants: RoleGrant[], administer = false): Viewer => ({
  kind: 'USER',
  user: { id: 'u', name: 'U', email: 'u@example.org', hasPassword: true },
  grants,
  wallProjectId: null,
  wallLinkName: null,
  can: { administer },
});

describe('the review’s confidential choice', () => {
  it('is offered to administrators, and to the territory’s relecteurs and pilots', () => {
    expect(maySeeConfidentialIn(user([], true), 'ter-a')).toBe(true);
    expect(maySeeConfidentialIn(user([grant('RELECTEUR', 'ter-a')]), 'ter-a')).toBe(true);
    expect(maySeeConfidentialIn(user([grant('PILOTE', 'ter-a', 'prj-1')]), 'ter-a')).toBe(true);
  });

  it('is not offered elsewhere: another territory, no role, a wall link, nobody', () => {
    expect(maySeeConfidentialIn(user([grant('RELECTEUR', 'ter-b')]), 'ter-a')).toBe(false);
    expect(maySeeConfidentialIn(user([]), 'ter-a')).toBe(false);
    expect(
      maySeeConfidentialIn({ ...user([]), kind: 'WALL_LINK', user: null, wallProjectId: 'prj-1', wallLinkName: 'mur' }, 'ter-a'),
    ).toBe(false);
    expect(maySeeConfidentialIn(null, 'ter-a')).toBe(false);
  });
});
