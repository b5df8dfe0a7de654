import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../store/records.ts';
import { fakeRecord, fakeState } from '../testing/records.ts';
import { ANONYMOUS, type Principal } from './principal.ts';
import { projectResource, territoryResource, visibleChanges, visibleProjectState } from './resources.ts';

const state = fakeState('2022-01-01', [
  fakeRecord('Objective', 'obj-secret', {
    projectId: 'prj-1',
    actorId: null,
    title: 'Secret',
    description: null,
    dimensions: ['SOCIAL'],
    nature: 'MATERIEL',
    confidential: true,
    perimeterId: null,
  }),
  fakeRecord('Objective', 'obj-public', {
    projectId: 'prj-1',
    actorId: null,
    title: 'Public',
    description: 'note',
    dimensions: ['SOCIAL'],
    nature: 'MATERIEL',
    confidential: false,
    perimeterId: null,
  }),
]);
const grantOf = (role: 'PILOTE' | 'RELECTEUR', projectId: string | null, territoryId: string) => ({
  id: 'g',
  userId: 'u',
  role,
  projectId,
  territoryId,
  grantedAt: new Date(0),
  grantedBy: 'system',
  revokedAt: null,
  revokedBy: null,
});
const userWith = (...grants: ReturnType<typeof grantOf>[]): Principal => ({
  kind: 'user',
  user: { id: 'u', email: 'u@x.fr', name: 'U', createdAt: new Date(0), disabledAt: null },
  grants,
  via: 'session',
});
const wall: Principal = { kind: 'wallLink', linkId: 'w', projectId: 'prj-1', territoryId: 'ter-1', name: 'Mur' };
const change = (entityId: string): ChangeRecord => ({
  id: `chg-${entityId}`,
  entityId,
  entityType: 'Objective',
  projectId: 'prj-1',
  territoryId: 'ter-1',
  op: 'CREATE',
  author: 'a',
  recordedAt: new Date(0),
  validFrom: new Date(0),
  version: 1,
  fields: ['title'],
  before: {},
  after: { title: entityId },
  revertOf: null,
  causeId: null,
  title: entityId,
});

describe('what a principal may receive', () => {
  it('the project pilot and the territory reviewer get the full state; a pilot elsewhere, a wall link, anonymous get it redacted', () => {
    expect(visibleProjectState(userWith(grantOf('PILOTE', 'prj-1', 'ter-1')), state)).toBe(state);
    expect(visibleProjectState(userWith(grantOf('RELECTEUR', null, 'ter-1')), state)).toBe(state);
    for (const principal of [userWith(grantOf('PILOTE', 'prj-2', 'ter-1')), wall, ANONYMOUS]) {
      const seen = visibleProjectState(principal, state);
      expect(seen.entities.map((e) => e.id)).toEqual(['obj-public']);
      expect(seen.byId.get('obj-public')?.values.description).toBeNull();
    }
  });

  it('change records follow the same rule', () => {
    const changes = [change('obj-secret'), change('obj-public')];
    const scope = { projectId: 'prj-1', territoryId: 'ter-1' };
    expect(visibleChanges(userWith(grantOf('PILOTE', 'prj-1', 'ter-1')), scope, changes, new Set(['obj-secret']))).toHaveLength(
      2,
    );
    expect(visibleChanges(wall, scope, changes, new Set(['obj-secret'])).map((c) => c.entityId)).toEqual(['obj-public']);
  });

  it('resources carry the territory and the label used in messages', () => {
    expect(projectResource(state.project)).toEqual({
      kind: 'project',
      projectId: 'prj-1',
      territoryId: 'ter-1',
      label: 'Projet',
    });
    expect(territoryResource(state.territory)).toEqual({ kind: 'territory', territoryId: 'ter-1', label: 'Commune' });
  });
});
