import { describe, expect, it } from 'vitest';
import { fakeRecord, fakeState } from '../testing/records.ts';
import { buildProjectMap } from './project-map.ts';

const state = fakeState('2022-01-01', [
  fakeRecord('Actor', 'act-a', { territoryId: 'ter-1', name: 'Mairie', kind: 'ELU', description: null }),
  fakeRecord('Actor', 'act-b', { territoryId: 'ter-1', name: 'AMAP', kind: 'ASSOCIATION', description: null }),
  fakeRecord('Engagement', 'eng-a', { actorId: 'act-a', projectId: 'prj-1', level: 'MOTEUR', role: null, perimeterId: 'per-1' }),
  fakeRecord('Engagement', 'eng-b', {
    actorId: 'act-b',
    projectId: 'prj-1',
    level: 'PARTICIPANT',
    role: null,
    perimeterId: null,
  }),
  fakeRecord('Perimeter', 'per-1', { projectId: 'prj-1', name: 'Cantine bio', description: null }, '2018-01-01'),
  fakeRecord('Perimeter', 'per-2', { projectId: 'prj-1', name: 'Bien-vivre alimentaire', description: null }, '2019-01-01'),
  fakeRecord('SystemicLeap', 'leap-1', {
    projectId: 'prj-1',
    fromPerimeterId: 'per-1',
    toPerimeterId: 'per-2',
    trigger: 'Forum',
    description: null,
  }),
  fakeRecord('Objective', 'obj-1', {
    projectId: 'prj-1',
    actorId: 'act-a',
    title: 'Attractivité',
    description: null,
    dimensions: ['ECONOMIQUE'],
    nature: 'MATERIEL',
    confidential: false,
    perimeterId: null,
  }),
  fakeRecord('Objective', 'obj-2', {
    projectId: 'prj-1',
    actorId: 'act-b',
    title: 'Offre diversifiée',
    description: 'secret',
    dimensions: ['SOCIAL'],
    nature: 'MATERIEL',
    confidential: true,
    perimeterId: null,
  }),
  fakeRecord('Position', 'pos-1', { actorId: 'act-b', objectiveId: 'obj-1', value: -2, note: 'réservée' }),
  fakeRecord('Conflict', 'cfl-1', {
    objectiveAId: 'obj-1',
    objectiveBId: 'obj-2',
    intensity: 3,
    status: 'MIS_AU_TRAVAIL',
    arbitration: null,
    note: null,
    confidential: false,
  }),
  fakeRecord('Externality', 'ext-1', {
    projectId: 'prj-1',
    objectiveId: 'obj-1',
    description: 'Moins de passage',
    sign: 'NEGATIVE',
    affectedActorIds: ['act-b'],
    status: 'IDENTIFIEE',
    internalisation: null,
  }),
  fakeRecord('Ecosystem', 'eco-1', {
    projectId: 'prj-1',
    name: 'Alimentation',
    memberIds: ['act-a', 'act-b'],
    perimeterId: null,
    description: null,
  }),
  fakeRecord('Influence', 'inf-0', { projectId: 'prj-1', fromActorId: 'act-a', toActorId: 'act-b', value: 0 }),
]);

describe('buildProjectMap', () => {
  const map = buildProjectMap(state);
  const node = (id: string) => map.nodes.find((n) => n.id === id);
  const edge = (id: string) => map.edges.find((e) => e.id === id);

  it('draws actors with their kind, engagement, perimeter parent and ecosystems', () => {
    expect(node('act-a')).toMatchObject({ kind: 'ACTOR', label: 'Mairie', parent: 'per-1' });
    expect(node('act-a')?.data).toMatchObject({
      actorKind: 'ELU',
      engagement: 'MOTEUR',
      engagementRank: 4,
      ecosystemIds: ['eco-1'],
    });
  });

  it('draws positions with sign and intensity, and ownership of objectives', () => {
    expect(edge('pos-1')).toMatchObject({ kind: 'POSITION', source: 'act-b', target: 'obj-1', label: '-2' });
    expect(edge('pos-1')?.data).toMatchObject({ stance: 'AGAINST', intensity: 2 });
    expect(edge('owns-obj-1')).toMatchObject({ source: 'act-a', target: 'obj-1' });
  });

  it('draws conflicts by status, externalities towards affected actors, leaps between perimeters', () => {
    expect(edge('cfl-1')?.data).toMatchObject({ status: 'MIS_AU_TRAVAIL', intensity: 3 });
    expect(edge('ext-1-source')).toMatchObject({ source: 'obj-1', target: 'ext-1' });
    expect(edge('ext-1-act-b')).toMatchObject({ kind: 'EXTERNALITY_EFFECT', source: 'ext-1', target: 'act-b' });
    expect(edge('leap-1')).toMatchObject({ kind: 'LEAP', source: 'per-1', target: 'per-2', label: 'Forum' });
    expect(map.perimeterOrder).toEqual(['per-1', 'per-2']);
  });

  it('skips zero influences', () => {
    expect(edge('inf-0')).toBeUndefined();
  });

  it('every edge joins two drawn nodes', () => {
    const ids = new Set(map.nodes.map((n) => n.id));
    for (const e of map.edges) {
      expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
    }
  });

  it('hides confidential objectives, their edges and every note in workshop mode', () => {
    const workshop = buildProjectMap(state, { hideConfidential: true });
    expect(workshop.nodes.find((n) => n.id === 'obj-2')).toBeUndefined();
    expect(workshop.edges.find((e) => e.id === 'cfl-1')).toBeUndefined();
    expect(workshop.edges.find((e) => e.id === 'pos-1')?.data.note).toBeNull();
  });
});
