import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { LIMITS } from '../model/limits.ts';
import { enumFromText, nameKey } from '../model/names.ts';
import { END_OF_TIME } from '../time.ts';
import { invalidRowsError, planActorImport, type ActorImportRow, type ImportContext } from './actors.ts';

const at = new Date('2020-03-01T00:00:00Z');
const now = new Date('2026-01-10T09:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const open = { validTo: END_OF_TIME };

function context(extra: Partial<ImportContext> = {}): ImportContext {
  return {
    project: { id: 'prj-p', type: 'Project', territoryId: 'ter-t', name: 'Marché', validFrom: day('2018-01-01'), ...open },
    territory: { id: 'ter-t', validFrom: day('2016-01-01'), ...open },
    actors: [
      { id: 'act-amap', name: 'AMAP de Malaunay', kind: 'ASSOCIATION', description: null, validFrom: day('2016-05-01'), ...open },
      { id: 'act-maire', name: 'Maire de Malaunay', kind: 'ELU', description: null, validFrom: day('2016-01-01'), ...open },
    ],
    engagements: [{ id: 'eng-maire', actorId: 'act-maire', level: 'MOTEUR', validFrom: day('2018-01-01'), ...open }],
    perimeters: [{ id: 'per-centre', name: 'Centre-bourg', validFrom: day('2018-01-01'), ...open }],
    ...extra,
  };
}

const plan = (rows: ActorImportRow[], ctx = context(), dryRun = false) =>
  planActorImport(ctx, rows, { at, now, author: 'pilote', dryRun });

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}

describe('names and codes typed by people', () => {
  it('match across case, accents, spaces, apostrophes and dashes', () => {
    expect(nameKey('  Mairie  de MALAUNAY ')).toBe(nameKey('mairie de malaunay'));
    expect(nameKey('Élus du Mené')).toBe(nameKey('elus du mene'));
    expect(nameKey('L’AMAP – Les Paniers')).toBe(nameKey("l'amap - les paniers"));
    expect(nameKey('Cœur de bourg')).toBe(nameKey('coeur de bourg'));
    expect(nameKey('AMAP A')).not.toBe(nameKey('AMAP B'));
  });

  it('read enum codes loosely', () => {
    expect(enumFromText('coopérant', ['INFORME', 'COOPERANT'])).toBe('COOPERANT');
    expect(enumFromText(' Élu ', ['ELU'])).toBe('ELU');
    expect(enumFromText('mis au travail', ['MIS_AU_TRAVAIL'])).toBe('MIS_AU_TRAVAIL');
    expect(enumFromText('Mairie', ['ELU'])).toBeNull();
  });
});

describe('planning an actor import', () => {
  it('creates new actors with their engagements, reuses existing ones, and reports each row', () => {
    const { report, ops, existing } = plan([
      {
        line: 2,
        name: 'Collectif des Glycines',
        kind: 'habitant',
        level: 'participant',
        role: 'Riverains',
        perimeter: 'centre-bourg',
      },
      { line: 3, name: 'amap de malaunay', kind: 'ASSOCIATION', level: 'COOPERANT' },
    ]);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({
      rowCount: 2,
      actorsCreated: 1,
      actorsReused: 1,
      engagementsCreated: 2,
      skipped: 0,
      dryRun: false,
    });
    expect(report.rows.map((r) => [r.line, r.action, r.name])).toEqual([
      [2, 'NEW_ACTOR', 'Collectif des Glycines'],
      [3, 'EXISTING_ACTOR', 'amap de malaunay'],
    ]);
    expect(report.rows[1]!.actorId).toBe('act-amap');
    expect(ops.map((o) => [o.type, o.input])).toEqual([
      ['Actor', { territoryId: 'ter-t', name: 'Collectif des Glycines', kind: 'HABITANT', description: null }],
      [
        'Engagement',
        {
          actorId: report.rows[0]!.actorId,
          projectId: 'prj-p',
          level: 'PARTICIPANT',
          role: 'Riverains',
          perimeterId: 'per-centre',
        },
      ],
      ['Engagement', { actorId: 'act-amap', projectId: 'prj-p', level: 'COOPERANT', role: null, perimeterId: null }],
    ]);
    for (const op of ops) expect(op).toMatchObject({ validFrom: at, recordedAt: now, author: 'pilote' });
    expect(existing.map((e) => e.id).sort()).toEqual(['act-amap', 'per-centre', 'prj-p', 'ter-t']);
  });

  it('hides the ids of what a dry run would create', () => {
    const { report } = plan([{ name: 'Nouveau', kind: 'TIERS', level: 'INFORME' }], context(), true);
    expect(report.rows[0]).toMatchObject({ action: 'NEW_ACTOR', actorId: null, engagementId: null });
    expect(report.dryRun).toBe(true);
  });

  it('lists every bad cell of every row, with the single-entity rules and French messages', () => {
    const { report } = plan([
      { line: 2, name: '', kind: 'Mairie', level: 'MOTEUR' },
      { line: 3, name: 'x'.repeat(LIMITS.name + 1), kind: 'ELU', level: 'chef', perimeter: 'Biodiversité' },
      { line: 4, name: 'Correct', kind: 'ELU', level: 'INFORME', description: 'y'.repeat(LIMITS.text + 1) },
    ]);
    expect(report.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, 'name', 'REQUIRED_FIELD'],
      [2, 'kind', 'INVALID_ENUM'],
      [3, 'name', 'TEXT_TOO_LONG'],
      [3, 'level', 'INVALID_ENUM'],
      [3, 'perimeter', 'DANGLING_REFERENCE'],
      [4, 'description', 'TEXT_TOO_LONG'],
    ]);
    expect(report.errors[0]!.message).toBe('le nom est obligatoire');
    expect(report.errors[1]!.message).toContain("le type d'acteur « Mairie » n'est pas reconnu");
    expect(report.errors[4]!.message).toContain('périmètres : Centre-bourg');
    expect(report.rows.map((r) => r.action)).toEqual(['INVALID', 'INVALID', 'INVALID']);
    const error = invalidRowsError(report.errors);
    expect(error.code).toBe('IMPORT_INVALID_ROWS');
    expect(error.message).toMatch(
      /^3 lignes ne peuvent pas être importées, rien n'a été importé — ligne 2 : le nom est obligatoire/,
    );
    expect(error.message).toContain('et 1 autre erreur');
    expect(error.details.rows).toHaveLength(6);
  });

  it('skips a repeated row, and refuses a repeated name with other values', () => {
    const { report } = plan([
      { line: 2, name: 'Les Anges Gardins', kind: 'ASSOCIATION', level: 'COOPERANT' },
      { line: 3, name: 'LES ANGES GARDINS ', kind: 'association', level: 'coopérant' },
      { line: 4, name: 'Les anges gardins', kind: 'ASSOCIATION', level: 'MOTEUR' },
    ]);
    expect(report.rows[1]).toMatchObject({ action: 'SKIPPED', reason: 'doublon de la ligne 2' });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 4, field: 'name', code: 'DUPLICATE_ENTITY', message: expect.stringContaining('ligne 2') }),
    ]);
  });

  it('skips an actor already engaged in the project, and warns when a reused actor differs', () => {
    const { report, ops } = plan([
      { name: 'Maire de Malaunay', kind: 'ELU', level: 'INFORME' },
      { name: 'AMAP de Malaunay', kind: 'ENTREPRISE', level: 'INFORME', description: 'Autre description' },
    ]);
    expect(report.rows[0]).toMatchObject({
      action: 'SKIPPED',
      actorId: 'act-maire',
      reason: expect.stringContaining('déjà engagé dans le projet (niveau MOTEUR)'),
    });
    expect(report.rows[1]!.warnings).toEqual([
      "type d'acteur ENTREPRISE dans le fichier, ASSOCIATION dans Trame : Trame garde le sien",
      "l'acteur existe déjà : la description du fichier n'est pas reprise",
    ]);
    expect(ops).toHaveLength(1);
    expect(report).toMatchObject({ actorsCreated: 0, actorsReused: 1, engagementsCreated: 1, skipped: 1 });
  });

  it('refuses an engagement that ended after the import date, a name shared by two actors, an actor that begins later', () => {
    const ctx = context({
      actors: [
        ...context().actors,
        { id: 'act-dup1', name: 'Boulangerie', kind: 'ENTREPRISE', description: null, validFrom: day('2016-01-01'), ...open },
        { id: 'act-dup2', name: 'boulangerie', kind: 'ENTREPRISE', description: null, validFrom: day('2017-01-01'), ...open },
        { id: 'act-late', name: 'Club ELEMIAH', kind: 'ASSOCIATION', description: null, validFrom: day('2022-01-01'), ...open },
      ],
      engagements: [
        { id: 'eng-amap', actorId: 'act-amap', level: 'INFORME', validFrom: day('2018-01-01'), validTo: day('2021-01-01') },
      ],
    });
    const { report } = plan(
      [
        { name: 'AMAP de Malaunay', kind: 'ASSOCIATION', level: 'INFORME' },
        { name: 'Boulangerie', kind: 'ENTREPRISE', level: 'INFORME' },
        { name: 'Club Elemiah', kind: 'ASSOCIATION', level: 'INFORME' },
      ],
      ctx,
    );
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([
      [1, 'DUPLICATE_ENTITY'],
      [2, 'AMBIGUOUS_NAME'],
      [3, 'DANGLING_REFERENCE'],
    ]);
    expect(report.errors[1]!.message).toContain('act-dup1, act-dup2');
  });

  it('skips blank rows', () => {
    const { report } = plan([
      { name: ' ', kind: '', level: null },
      { name: 'A', kind: 'ELU', level: 'INFORME' },
    ]);
    expect(report.rows[0]).toMatchObject({ line: 1, action: 'SKIPPED', reason: 'ligne vide' });
    expect(report.errors).toEqual([]);
  });

  it('refuses an ended project, a date before the project, no rows, and too many rows', () => {
    const ended = context({ project: { ...context().project, validTo: day('2025-01-01') } });
    expect(thrown(() => plan([{ name: 'A', kind: 'ELU', level: 'INFORME' }], ended)).code).toBe('ENTITY_ENDED');
    const later = context({ project: { ...context().project, validFrom: day('2021-01-01') } });
    expect(thrown(() => plan([{ name: 'A', kind: 'ELU', level: 'INFORME' }], later)).message).toContain(
      'doit suivre son début (2021-01-01)',
    );
    expect(thrown(() => plan([])).code).toBe('IMPORT_NO_ROWS');
    const many = Array.from({ length: LIMITS.importRows + 1 }, (_, i) => ({ name: `A${i}`, kind: 'ELU', level: 'INFORME' }));
    const error = thrown(() => plan(many));
    expect(error.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(error.message).toContain(`${LIMITS.importRows} au plus`);
    expect(plan(many.slice(0, LIMITS.importRows)).report.errors).toEqual([]);
  });
});
