import { describe, expect, it } from 'vitest';
import { fakeRecord, fakeState } from '../testing/records.ts';
import { diffProjectStates } from './diff.ts';
import { summarisePath, type PathSummary } from './path.ts';

const actor = (id: string, name: string) =>
  fakeRecord('Actor', id, { territoryId: 'ter-1', name, kind: 'ASSOCIATION', description: null });
const engagement = (id: string, actorId: string, level: string) =>
  fakeRecord('Engagement', id, { actorId, projectId: 'prj-1', level, role: null, perimeterId: null });
const objective = (id: string, title: string) =>
  fakeRecord('Objective', id, {
    projectId: 'prj-1',
    actorId: null,
    title,
    description: null,
    dimensions: ['SOCIAL'],
    nature: 'MATERIEL',
    confidential: false,
    perimeterId: null,
  });
const perimeter = (id: string, name: string) => fakeRecord('Perimeter', id, { projectId: 'prj-1', name, description: null });
const conflict = (id: string, status: string) =>
  fakeRecord('Conflict', id, {
    projectId: 'prj-1',
    objectiveAId: 'obj-1',
    objectiveBId: 'obj-2',
    intensity: 3,
    status,
    arbitration: null,
    note: null,
    confidential: false,
  });
const position = (id: string, actorId: string, value: number) =>
  fakeRecord('Position', id, { projectId: 'prj-1', actorId, objectiveId: 'obj-1', value, note: null });
const externality = (id: string, status: string) =>
  fakeRecord('Externality', id, {
    projectId: 'prj-1',
    objectiveId: 'obj-1',
    description: 'Bruit du marché',
    sign: 'NEGATIVE',
    affectedActorIds: ['act-a'],
    status,
    internalisation: null,
  });

const lines = (summary: PathSummary, key: string) => summary.sections.find((s) => s.key === key)?.lines ?? [];

describe('summarisePath', () => {
  const common = [
    actor('act-a', 'AMAP'),
    actor('act-b', 'Mairie'),
    actor('act-c', 'Producteurs'),
    actor('act-d', 'Bibliothèque'),
    objective('obj-1', 'Clientèle fidèle'),
    objective('obj-2', 'Offre diversifiée'),
    perimeter('per-1', 'Cantine bio'),
  ];
  const before = fakeState('2019-01-01', [
    ...common,
    engagement('eng-a', 'act-a', 'INFORME'),
    engagement('eng-b', 'act-b', 'MOTEUR'),
    engagement('eng-d', 'act-d', 'PARTICIPANT'),
    conflict('cfl-1', 'MIS_AU_TRAVAIL'),
    position('pos-1', 'act-a', 1),
    externality('ext-1', 'IDENTIFIEE'),
  ]);
  const after = fakeState('2022-01-01', [
    ...common,
    perimeter('per-2', 'Bien-vivre alimentaire'),
    engagement('eng-a', 'act-a', 'COOPERANT'),
    engagement('eng-b', 'act-b', 'PARTICIPANT'),
    engagement('eng-c', 'act-c', 'INFORME'),
    conflict('cfl-1', 'ARBITRE'),
    conflict('cfl-2', 'IDENTIFIE'),
    position('pos-1', 'act-a', -2),
    externality('ext-1', 'INTERNALISEE'),
    fakeRecord('SystemicLeap', 'leap-1', {
      projectId: 'prj-1',
      fromPerimeterId: 'per-1',
      toPerimeterId: 'per-2',
      trigger: 'x',
      description: null,
    }),
    fakeRecord('Cooperation', 'coo-1', {
      projectId: 'prj-1',
      actorAId: 'act-a',
      actorBId: 'act-c',
      commitments: 'c',
      counterparts: null,
    }),
  ]);
  const diff = diffProjectStates(before, after);
  const summary = summarisePath(diff, before, after);

  it('sorts the story into the report’s sections, in order', () => {
    expect(summary.sections.map((s) => s.key)).toEqual([
      'joined',
      'left',
      'engagementRose',
      'engagementFell',
      'positionsMoved',
      'conflictsIdentified',
      'conflictsArbitrated',
      'externalitiesInternalised',
      'leaps',
      'cooperationsNew',
      'other',
    ]);
  });

  it('names actors, focuses their node and gives levels from → to', () => {
    expect(lines(summary, 'joined')).toEqual([
      {
        entityId: 'eng-c',
        entityType: 'Engagement',
        change: 'ADDED',
        label: 'Producteurs',
        focusId: 'act-c',
        from: null,
        to: 'INFORME',
      },
    ]);
    expect(lines(summary, 'left')).toMatchObject([
      { label: 'Bibliothèque', focusId: 'act-d', change: 'ENDED', from: 'PARTICIPANT', to: null },
    ]);
    expect(lines(summary, 'engagementRose')).toMatchObject([{ label: 'AMAP', from: 'INFORME', to: 'COOPERANT' }]);
    expect(lines(summary, 'engagementFell')).toMatchObject([{ label: 'Mairie', from: 'MOTEUR', to: 'PARTICIPANT' }]);
  });

  it('words positions, conflicts, leaps and cooperations by the labels of what they join', () => {
    expect(lines(summary, 'positionsMoved')).toMatchObject([
      { label: 'AMAP → Clientèle fidèle', focusId: 'pos-1', from: 1, to: -2 },
    ]);
    expect(lines(summary, 'conflictsArbitrated')).toMatchObject([
      {
        label: 'Clientèle fidèle ↔ Offre diversifiée',
        focusId: 'cfl-1',
        change: 'CHANGED',
        from: 'MIS_AU_TRAVAIL',
        to: 'ARBITRE',
      },
    ]);
    expect(lines(summary, 'conflictsIdentified')).toMatchObject([
      { entityId: 'cfl-2', change: 'ADDED', from: null, to: 'IDENTIFIE' },
    ]);
    expect(lines(summary, 'externalitiesInternalised')).toMatchObject([
      { label: 'Bruit du marché', from: 'IDENTIFIEE', to: 'INTERNALISEE' },
    ]);
    expect(lines(summary, 'leaps')).toMatchObject([{ label: 'Cantine bio → Bien-vivre alimentaire', focusId: 'leap-1' }]);
    expect(lines(summary, 'cooperationsNew')).toMatchObject([{ label: 'AMAP ↔ Producteurs', focusId: 'coo-1' }]);
    expect(lines(summary, 'other')).toMatchObject([{ entityId: 'per-2', label: 'Bien-vivre alimentaire', change: 'ADDED' }]);
  });

  it('puts every added, ended and changed entity on exactly one line, so its counts agree with the totals', () => {
    const all = summary.sections.flatMap((s) => s.lines);
    expect(summary.totals).toEqual({ added: diff.added.length, ended: diff.ended.length, changed: diff.changed.length });
    expect(all).toHaveLength(diff.added.length + diff.ended.length + diff.changed.length);
    expect(new Set(all.map((l) => l.entityId)).size).toBe(all.length);
  });

  it('has no section when nothing changed', () => {
    const same = summarisePath(diffProjectStates(before, before), before, before);
    expect(same).toEqual({ sections: [], totals: { added: 0, ended: 0, changed: 0 } });
  });

  it('puts a change no section names (a renamed objective) among the others', () => {
    const renamed = fakeState('2023-01-01', [
      ...before.entities.filter((e) => e.id !== 'obj-2'),
      objective('obj-2', 'Offre variée'),
    ]);
    const story = summarisePath(diffProjectStates(before, renamed), before, renamed);
    expect(story.sections).toEqual([
      {
        key: 'other',
        lines: [
          {
            entityId: 'obj-2',
            entityType: 'Objective',
            change: 'CHANGED',
            label: 'Offre variée',
            focusId: 'obj-2',
            from: null,
            to: null,
          },
        ],
      },
    ]);
  });
});
