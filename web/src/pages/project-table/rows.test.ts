import { describe, expect, it } from 'vitest';
import type { EntityData } from '../../api/entities.ts';
import { matchesFilter, projectTables, signedValue } from './rows.ts';

const entity = (type: string, id: string, values: Record<string, unknown>): EntityData =>
  ({ __typename: type, id, version: 1, validFrom: '2020-01-01T00:00:00.000Z', validTo: null, ...values }) as EntityData;

const project = {
  actors: [
    entity('Actor', 'act-b', { name: 'Boulangerie', kind: 'ENTREPRISE' }),
    entity('Actor', 'act-a', { name: 'Association des parents', kind: 'ASSOCIATION' }),
  ],
  engagements: [
    entity('Engagement', 'eng-a', { actorId: 'act-a', level: 'MOTEUR', role: 'porteur', perimeterId: 'per-1' }),
    entity('Engagement', 'eng-b', { actorId: 'act-b', level: 'INFORME', role: null, perimeterId: null }),
  ],
  objectives: [
    entity('Objective', 'obj-2', { title: 'Prix abordables', actorId: 'act-b', dimensions: ['ECONOMIQUE'], nature: 'MATERIEL' }),
    entity('Objective', 'obj-1', { title: 'Cantine bio', actorId: null, dimensions: ['SOCIAL'], nature: 'MATERIEL' }),
  ],
  positions: [
    entity('Position', 'pos-1', { actorId: 'act-a', objectiveId: 'obj-1', value: 3 }),
    entity('Position', 'pos-old', { actorId: 'act-b', objectiveId: 'obj-1', value: 1, validTo: '2021-01-01T00:00:00.000Z' }),
  ],
  influences: [entity('Influence', 'inf-1', { fromActorId: 'act-a', toActorId: 'act-b', value: 2 })],
  conflicts: [
    entity('Conflict', 'cfl-1', {
      objectiveAId: 'obj-1',
      objectiveBId: 'obj-2',
      intensity: 3,
      status: 'IDENTIFIE',
      note: 'prix',
    }),
  ],
};
const names: Record<string, string> = {
  'act-a': 'Association des parents',
  'act-b': 'Boulangerie',
  'obj-1': 'Cantine bio',
  'obj-2': 'Prix abordables',
  'per-1': 'Alimentation',
};
const tables = projectTables(project, (id) => names[id] ?? null);

describe('projectTables', () => {
  it('lists the actors by name with their engagement and count of open positions', () => {
    expect(tables.actors.map((r) => [r.name, r.level, r.levelRank, r.role, r.perimeter, r.positions])).toEqual([
      ['Association des parents', 'MOTEUR', 4, 'porteur', 'Alimentation', 1],
      ['Boulangerie', 'INFORME', 1, '', '', 0],
    ]);
  });

  it('builds the actor × objective grid from open positions only', () => {
    expect(tables.objectives.map((o) => o.title)).toEqual(['Cantine bio', 'Prix abordables']);
    expect(tables.grid.map((r) => [r.name, r.positions['obj-1']?.value ?? null, r.positions['obj-2']?.value ?? null])).toEqual([
      ['Association des parents', 3, null],
      ['Boulangerie', null, null],
    ]);
    expect(tables.objectives.find((o) => o.id === 'obj-2')?.carriedBy).toBe('Boulangerie');
  });

  it('puts every relation in one list, with its value and status', () => {
    expect(tables.relations.map((r) => [r.type, r.from, r.to, r.value, r.status])).toEqual([
      ['Influence', 'Association des parents', 'Boulangerie', 2, ''],
      ['Conflict', 'Cantine bio', 'Prix abordables', 3, 'IDENTIFIE'],
    ]);
  });
});

describe('matchesFilter', () => {
  it('keeps a row holding every word, accents, case and punctuation set aside', () => {
    expect(matchesFilter(['Épicerie solidaire', 'Moteur'], 'epicerie moteur')).toBe(true);
    expect(matchesFilter(['Épicerie solidaire', 'Moteur'], 'EPICERIE, informé')).toBe(false);
    expect(matchesFilter(['x'], '  ')).toBe(true);
  });
});

describe('signedValue', () => {
  it('writes a position with its sign', () => {
    expect([-4, 0, 2].map(signedValue)).toEqual(['−4', '0', '+2']);
  });
});
