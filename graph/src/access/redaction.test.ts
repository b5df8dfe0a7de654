import { describe, expect, it } from 'vitest';
import { analyse } from '../analysis/assemble.ts';
import { diffProjectStates } from '../history/diff.ts';
import { buildProjectMap } from '../map/project-map.ts';
import type { ChangeRecord } from '../store/records.ts';
import { fakeRecord, fakeState } from '../testing/records.ts';
import { hiddenEntityIds, redactChanges, redactProjectState, redactProjectStates } from './redaction.ts';

// Every text that must not reach a reader without the confidential right is unique, so a
// search of the serialised output finds any leak.
const actor = (id: string, name: string) =>
  fakeRecord('Actor', id, { territoryId: 'ter-1', name, kind: 'ASSOCIATION', description: 'Acteur du territoire' });
const objective = (id: string, title: string, confidential: boolean, description: string | null, actorId: string | null = null) =>
  fakeRecord('Objective', id, {
    projectId: 'prj-1',
    actorId,
    title,
    description,
    dimensions: ['SOCIAL'],
    nature: 'MATERIEL',
    confidential,
    perimeterId: null,
  });
const conflict = (id: string, a: string, b: string, confidential: boolean, note: string, arbitration: string | null = null) =>
  fakeRecord('Conflict', id, {
    objectiveAId: a,
    objectiveBId: b,
    intensity: 2,
    status: arbitration ? 'ARBITRE' : 'IDENTIFIE',
    arbitration,
    note,
    confidential,
  });

const ENTITIES = [
  actor('act-mairie', 'Mairie'),
  actor('act-amap', 'AMAP'),
  // Only in the project through the confidential objective it owns and its position on it.
  actor('act-prestataire', 'PRESTATAIRE-CACHE'),
  fakeRecord('Engagement', 'eng-mairie', {
    actorId: 'act-mairie',
    projectId: 'prj-1',
    level: 'MOTEUR',
    role: null,
    perimeterId: null,
  }),
  fakeRecord('Engagement', 'eng-amap', {
    actorId: 'act-amap',
    projectId: 'prj-1',
    level: 'COOPERANT',
    role: 'Distribution',
    perimeterId: null,
  }),
  objective('obj-public', 'Attractivité du centre', false, 'DESCRIPTION-NOTE-PUBLIQUE', 'act-mairie'),
  objective('obj-public-2', 'Offre diversifiée', false, null, 'act-amap'),
  objective('obj-secret', 'TITRE-OBJECTIF-SECRET', true, 'DESCRIPTION-OBJECTIF-SECRET', 'act-prestataire'),
  fakeRecord('Position', 'pos-secret', {
    actorId: 'act-prestataire',
    objectiveId: 'obj-secret',
    value: 4,
    note: 'NOTE-POSITION-SECRETE',
  }),
  fakeRecord('Position', 'pos-public', {
    actorId: 'act-amap',
    objectiveId: 'obj-public',
    value: -2,
    note: 'NOTE-POSITION-PUBLIQUE',
  }),
  fakeRecord('Position', 'pos-mairie', { actorId: 'act-mairie', objectiveId: 'obj-public-2', value: 1, note: null }),
  fakeRecord('Convergence', 'cvg-secret', {
    objectiveAId: 'obj-public',
    objectiveBId: 'obj-secret',
    note: 'NOTE-CONVERGENCE-SECRETE',
  }),
  fakeRecord('Convergence', 'cvg-public', {
    objectiveAId: 'obj-public',
    objectiveBId: 'obj-public-2',
    note: 'NOTE-CONVERGENCE-PUBLIQUE',
  }),
  conflict('cfl-on-secret', 'obj-public', 'obj-secret', false, 'NOTE-CONFLIT-SUR-SECRET'),
  conflict('cfl-confidential', 'obj-public', 'obj-public-2', true, 'NOTE-CONFLIT-CONFIDENTIEL', 'ARBITRAGE-CONFIDENTIEL'),
  conflict('cfl-public', 'obj-public', 'obj-public-2', false, 'NOTE-CONFLIT-PUBLIC', 'ARBITRAGE-PUBLIC'),
  fakeRecord('Externality', 'ext-secret', {
    projectId: 'prj-1',
    objectiveId: 'obj-secret',
    description: 'EFFET-DU-SECRET',
    sign: 'NEGATIVE',
    affectedActorIds: ['act-amap'],
    status: 'IDENTIFIEE',
    internalisation: null,
  }),
  fakeRecord('Externality', 'ext-public', {
    projectId: 'prj-1',
    objectiveId: 'obj-public',
    description: 'Moins de passage',
    sign: 'NEGATIVE',
    affectedActorIds: ['act-amap'],
    status: 'IDENTIFIEE',
    internalisation: null,
  }),
  fakeRecord('Ecosystem', 'eco-1', {
    projectId: 'prj-1',
    name: 'Alimentation',
    memberIds: ['act-mairie', 'act-amap'],
    perimeterId: null,
    description: null,
  }),
  fakeRecord('Influence', 'inf-1', { projectId: 'prj-1', fromActorId: 'act-mairie', toActorId: 'act-amap', value: 3 }),
];
const FULL = fakeState('2022-01-01', ENTITIES);

const HIDDEN_IDS = [
  'obj-secret',
  'pos-secret',
  'cvg-secret',
  'cfl-on-secret',
  'cfl-confidential',
  'ext-secret',
  'act-prestataire',
];
const HIDDEN_TEXTS = [
  'PRESTATAIRE-CACHE',
  'TITRE-OBJECTIF-SECRET',
  'DESCRIPTION-OBJECTIF-SECRET',
  'DESCRIPTION-NOTE-PUBLIQUE',
  'NOTE-POSITION-SECRETE',
  'NOTE-POSITION-PUBLIQUE',
  'NOTE-CONVERGENCE-SECRETE',
  'NOTE-CONVERGENCE-PUBLIQUE',
  'NOTE-CONFLIT-SUR-SECRET',
  'NOTE-CONFLIT-CONFIDENTIEL',
  'ARBITRAGE-CONFIDENTIEL',
  'NOTE-CONFLIT-PUBLIC',
  'ARBITRAGE-PUBLIC',
  'EFFET-DU-SECRET',
];
const VISIBLE_IDS = [
  'act-mairie',
  'act-amap',
  'obj-public',
  'obj-public-2',
  'pos-public',
  'pos-mairie',
  'cvg-public',
  'cfl-public',
  'ext-public',
  'eco-1',
  'inf-1',
];

/** JSON of anything, Maps and Dates included: what a presenter could send. */
function serialise(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v] : v));
}

function expectNoLeak(output: unknown, ids = HIDDEN_IDS, texts = HIDDEN_TEXTS): string {
  const json = serialise(output);
  // Whole ids, also inside composed ids (`owns-obj-secret`), but not `chg-1` inside `chg-10`.
  for (const id of ids) expect(json, `id ${id}`).not.toMatch(new RegExp(`(?<![a-z0-9])${id}(?![a-z0-9])`));
  for (const text of texts) expect(json, `text ${text}`).not.toContain(text);
  return json;
}

describe('redactProjectState', () => {
  const redacted = redactProjectState(FULL, { confidential: false });

  it('the fixture does carry every hidden id and text before redaction', () => {
    const json = serialise(FULL);
    for (const item of [...HIDDEN_IDS, ...HIDDEN_TEXTS]) expect(json).toContain(item);
  });

  it('removes confidential entities, what refers to them and orphaned actors, and nulls the notes', () => {
    expect(redacted.entities.map((e) => e.id).sort()).toEqual([...VISIBLE_IDS, 'eng-mairie', 'eng-amap'].sort());
    expect([...redacted.byId.keys()].sort()).toEqual([...VISIBLE_IDS, 'eng-mairie', 'eng-amap', 'prj-1', 'ter-1'].sort());
    expect(redacted.byId.get('cfl-public')?.values).toMatchObject({
      note: null,
      arbitration: null,
      status: 'ARBITRE',
      intensity: 2,
    });
    expect(redacted.byId.get('obj-public')?.values).toMatchObject({ title: 'Attractivité du centre', description: null });
    expect(redacted.byId.get('pos-public')?.values).toMatchObject({ value: -2, note: null });
    expectNoLeak(redacted);
  });

  it('leaves the input untouched and returns it as is for a reader who may see everything', () => {
    expect(serialise(FULL)).toContain('NOTE-CONFLIT-PUBLIC');
    expect(FULL.byId.get('cfl-public')?.values.note).toBe('NOTE-CONFLIT-PUBLIC');
    expect(redactProjectState(FULL, { confidential: true })).toBe(FULL);
  });

  it('the map, the analysis and a diff computed from redacted states leak nothing', () => {
    const map = buildProjectMap(redacted);
    expect(map.nodes.map((n) => n.id)).toContain('obj-public');
    expect(map.edges.map((e) => e.id)).toContain('cfl-public');
    expectNoLeak(map);
    const analysis = analyse([redacted], new Map());
    expect(analysis.tensions.map((t) => t.conflict.id)).toEqual(['cfl-public']);
    expectNoLeak(analysis);
    const empty = fakeState('2019-01-01', []);
    const [before, after] = redactProjectStates([empty, FULL], { confidential: false });
    const diff = diffProjectStates(before!, after!);
    expect(diff.added.map((e) => e.id)).toContain('cfl-public');
    expectNoLeak(diff);
  });

  it('hides at a past date what is confidential now (alsoHide), and in a diff what became confidential between the dates', () => {
    const past = fakeState('2021-01-01', [
      actor('act-mairie', 'Mairie'),
      fakeRecord('Engagement', 'eng-mairie', {
        actorId: 'act-mairie',
        projectId: 'prj-1',
        level: 'MOTEUR',
        role: null,
        perimeterId: null,
      }),
      objective('obj-later-secret', 'TITRE-DEVENU-SECRET', false, null, 'act-mairie'),
      fakeRecord('Position', 'pos-later', { actorId: 'act-mairie', objectiveId: 'obj-later-secret', value: 2, note: null }),
    ]);
    const later = fakeState('2022-01-01', [
      ...past.entities.filter((e) => e.id !== 'obj-later-secret'),
      objective('obj-later-secret', 'TITRE-DEVENU-SECRET', true, null, 'act-mairie'),
    ]);
    const latestHidden = hiddenEntityIds(
      later.entities.map((e) => ({
        id: e.id,
        confidential: e.values.confidential === true,
        refs: e.type === 'Position' ? [String(e.values.objectiveId)] : [],
      })),
    );
    expect([...latestHidden].sort()).toEqual(['obj-later-secret', 'pos-later']);
    expectNoLeak(
      redactProjectState(past, { confidential: false, alsoHide: latestHidden }),
      [...latestHidden],
      ['TITRE-DEVENU-SECRET'],
    );
    // Without the latest ids the past state shows it: that is why the API passes them.
    expect(serialise(redactProjectState(past, { confidential: false }))).toContain('TITRE-DEVENU-SECRET');
    const [a, b] = redactProjectStates([past, later], { confidential: false });
    const diff = diffProjectStates(a!, b!);
    expect(diff.ended).toEqual([]);
    expectNoLeak(diff, ['obj-later-secret', 'pos-later'], ['TITRE-DEVENU-SECRET']);
  });
});

describe('redactChanges', () => {
  let seq = 0;
  const change = (
    entityId: string,
    entityType: ChangeRecord['entityType'],
    op: ChangeRecord['op'],
    before: ChangeRecord['before'],
    after: ChangeRecord['after'],
    extra: Partial<ChangeRecord> = {},
  ): ChangeRecord => ({
    id: `chg-${++seq}`,
    entityId,
    entityType,
    projectId: 'prj-1',
    territoryId: 'ter-1',
    op,
    author: 'pilote-local',
    recordedAt: new Date(Date.UTC(2022, 0, seq)),
    validFrom: new Date(Date.UTC(2022, 0, seq)),
    version: 1,
    fields: op === 'UPDATE' ? Object.keys(after) : Object.keys(after),
    before,
    after,
    revertOf: null,
    causeId: null,
    title: null,
    ...extra,
  });

  const hidden = new Set(['obj-secret', 'pos-secret', 'cfl-confidential']);
  const createSecret = change(
    'obj-secret',
    'Objective',
    'CREATE',
    {},
    { title: 'TITRE-OBJECTIF-SECRET', description: 'DESCRIPTION-OBJECTIF-SECRET', confidential: true },
    { title: 'TITRE-OBJECTIF-SECRET' },
  );
  const endSecret = change('obj-secret', 'Objective', 'END', {}, {}, { title: 'TITRE-OBJECTIF-SECRET' });
  const endPosition = change('pos-secret', 'Position', 'END', {}, {}, { causeId: endSecret.id });
  const createPublic = change(
    'obj-public',
    'Objective',
    'CREATE',
    {},
    { title: 'Attractivité', description: 'DESCRIPTION-NOTE-PUBLIQUE', confidential: true, actorId: 'act-mairie' },
    { title: 'Attractivité' },
  );
  const unconfidential = change(
    'obj-public',
    'Objective',
    'UPDATE',
    { confidential: true },
    { confidential: false },
    { title: 'Attractivité' },
  );
  const moveToPublic = change('pos-public', 'Position', 'UPDATE', { objectiveId: 'obj-secret' }, { objectiveId: 'obj-public' });
  const moveAndValue = change(
    'pos-mairie',
    'Position',
    'UPDATE',
    { objectiveId: 'obj-secret', value: 1, note: 'NOTE-AVANT' },
    { objectiveId: 'obj-public', value: 3, note: 'NOTE-APRES' },
  );
  const conflictCreated = change(
    'cfl-public',
    'Conflict',
    'CREATE',
    {},
    {
      objectiveAId: 'obj-public',
      objectiveBId: 'obj-public-2',
      note: 'NOTE-CONFLIT-PUBLIC',
      arbitration: null,
      intensity: 2,
      confidential: false,
    },
    { title: 'NOTE-CONFLIT-PUBLIC' },
  );
  const confidentialConflict = change(
    'cfl-confidential',
    'Conflict',
    'CREATE',
    {},
    { note: 'NOTE-CONFLIT-CONFIDENTIEL' },
    { title: 'NOTE-CONFLIT-CONFIDENTIEL' },
  );
  const causedByHidden = change(
    'ext-public',
    'Externality',
    'UPDATE',
    { status: 'IDENTIFIEE' },
    { status: 'INTERNALISEE' },
    { causeId: endSecret.id, revertOf: createSecret.id },
  );
  const noteOnly = change('cvg-public', 'Convergence', 'UPDATE', { note: 'NOTE-CVG-AVANT' }, { note: 'NOTE-CVG-APRES' });
  const all = [
    createSecret,
    endSecret,
    endPosition,
    createPublic,
    unconfidential,
    moveToPublic,
    moveAndValue,
    conflictCreated,
    confidentialConflict,
    causedByHidden,
    noteOnly,
  ];
  const redacted = redactChanges(all, hidden);
  const droppedIds = [createSecret, endSecret, endPosition, unconfidential, moveToPublic, confidentialConflict, noteOnly].map(
    (c) => c.id,
  );

  it('drops changes of hidden entities and updates that only touched hidden things', () => {
    expect(redacted.map((c) => c.id)).toEqual([createPublic.id, moveAndValue.id, conflictCreated.id, causedByHidden.id]);
  });

  it('strips the confidential flag, the notes and values naming hidden entities; nulls titles taken from a note', () => {
    const byId = new Map(redacted.map((c) => [c.id, c]));
    expect(byId.get(createPublic.id)).toMatchObject({
      fields: ['title', 'actorId'],
      after: { title: 'Attractivité', actorId: 'act-mairie' },
      title: 'Attractivité',
    });
    expect(byId.get(moveAndValue.id)).toMatchObject({ fields: ['value'], before: { value: 1 }, after: { value: 3 } });
    expect(byId.get(conflictCreated.id)?.title).toBeNull();
    expect(byId.get(conflictCreated.id)?.after).toEqual({
      objectiveAId: 'obj-public',
      objectiveBId: 'obj-public-2',
      intensity: 2,
    });
    expect(byId.get(causedByHidden.id)).toMatchObject({ causeId: null, revertOf: null, after: { status: 'INTERNALISEE' } });
  });

  it('leaves no hidden id, dropped change id, confidential flag or note text in the output', () => {
    const json = expectNoLeak(
      redacted,
      [...hidden, ...droppedIds],
      [...HIDDEN_TEXTS, 'NOTE-AVANT', 'NOTE-APRES', 'NOTE-CVG-AVANT', 'NOTE-CVG-APRES'],
    );
    expect(json).not.toContain('"confidential"');
  });

  it('does not modify its input', () => {
    expect(createPublic.after.description).toBe('DESCRIPTION-NOTE-PUBLIQUE');
    expect(causedByHidden.causeId).toBe(endSecret.id);
  });
});
