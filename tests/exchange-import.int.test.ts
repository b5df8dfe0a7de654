/**
 * Importing whole workbooks into a project (graph/src/import/workbook.ts) against the real Neo4j:
 * each file of the corpus (graph/src/exchange/fixtures/corpus) imported or refused with its row
 * report, a refused file changes nothing, a re-import updates what changed, as one change set
 * written with the commands' records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import {
  type DomainError,
  importWorkbook,
  readImportFile,
  readProjectState,
  updateEntity,
  type EntityRecord,
  type WorkbookImportReport,
} from '@trame/graph';
import { at, build } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { useTestGraph } from './support/app.ts';

const t = useTestGraph();
const CORPUS = join(import.meta.dirname, '../graph/src/exchange/fixtures/corpus');
const corpus = (name: string) => new Uint8Array(readFileSync(join(CORPUS, name)));
const DATE = at('2026-01-15');
const NOW = new Date('2026-01-20T10:00:00Z');

async function emptyProject(): Promise<{ territory: EntityRecord; project: EntityRecord }> {
  const from = at('2018-01-01');
  const territory = await build(
    t.graph,
    'Territory',
    { name: `Commune ${uniqueId('t')}`, code: '62', kind: 'COMMUNE' },
    { validFrom: from },
  );
  const project = await build(t.graph, 'Project', { territoryId: territory.id, name: 'Projet importé' }, { validFrom: from });
  return { territory, project };
}

const importFile = (
  projectId: string,
  name: string,
  bytes = corpus(name),
  options: { dryRun?: boolean; validFrom?: Date } = {},
) => {
  const input = readImportFile(bytes, name);
  const run = (tx: Parameters<Parameters<typeof t.graph.read>[0]>[0]) =>
    importWorkbook(tx, { author: 'import-test', now: NOW }, projectId, input, { validFrom: DATE, ...options });
  return options.dryRun ? t.graph.read(run) : t.graph.write(run);
};

async function footprint(territoryId: string): Promise<{ entities: number; versions: number; changes: number }> {
  return t.graph.read(async (tx) => {
    const result = await tx.run(
      `CALL { MATCH (e:Entity {territoryId: $t}) RETURN count(e) AS entities }
       CALL { MATCH (v:Version {territoryId: $t}) RETURN count(v) AS versions }
       CALL { MATCH (c:Change {territoryId: $t}) RETURN count(c) AS changes }
       RETURN entities, versions, changes`,
      { t: territoryId },
    );
    return result.records[0]!.toObject() as { entities: number; versions: number; changes: number };
  });
}

async function changeSets(territoryId: string, author = 'import-test'): Promise<string[]> {
  return t.graph.read(async (tx) => {
    const result = await tx.run('MATCH (c:Change {territoryId: $t, author: $author}) RETURN DISTINCT c.changeSetId AS id', {
      t: territoryId,
      author,
    });
    return result.records.map((r) => r.get('id') as string);
  });
}

/** The project's map at `instant`, as sorted [type, title…] lines. */
async function mapOf(projectId: string, instant: Date | null = null): Promise<string[]> {
  const state = await t.graph.read((tx) => readProjectState(tx, projectId, instant));
  const name = (id: unknown) => {
    const e = state.byId.get(id as string);
    return e ? String(e.values.name ?? e.values.title) : String(id);
  };
  return state.entities
    .map((e) => {
      const v = e.values;
      switch (e.type) {
        case 'Actor':
          return `Actor ${v.name} ${v.kind}`;
        case 'Engagement':
          return `Engagement ${name(v.actorId)} ${v.level}`;
        case 'Influence':
          return `Influence ${name(v.fromActorId)} → ${name(v.toActorId)} ${v.value}`;
        case 'Position':
          return `Position ${name(v.actorId)} / ${name(v.objectiveId)} ${v.value}`;
        case 'Objective':
          return `Objective ${v.title} porté par ${v.actorId ? name(v.actorId) : '—'}`;
        case 'Milestone':
          return `Milestone ${v.name} ${v.date}`;
        default:
          return `${e.type} ${name(e.id)}`;
      }
    })
    .sort();
}

async function refused(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('the import was expected to be refused');
}

/** A project whose actors and objectives are those of the MACTOR corpus file's labels. */
async function mactorProject(): Promise<{ territory: EntityRecord; project: EntityRecord }> {
  const { territory, project } = await emptyProject();
  const from = at('2018-01-01');
  for (const [name, kind] of [
    ['Producteurs', 'ENTREPRISE'],
    ['AMAP', 'ASSOCIATION'],
    ['Mairie', 'ELU'],
  ] as const) {
    const actor = await build(t.graph, 'Actor', { territoryId: territory.id, name, kind }, { validFrom: from });
    await build(t.graph, 'Engagement', { actorId: actor.id, projectId: project.id, level: 'PARTICIPANT' }, { validFrom: from });
  }
  for (const title of ['Clientèle fidèle', 'Offre diversifiée', 'Attractivité du centre']) {
    await build(
      t.graph,
      'Objective',
      { projectId: project.id, title, dimensions: ['ECONOMIQUE'], nature: 'MATERIEL', confidential: false },
      { validFrom: from },
    );
  }
  return { territory, project };
}

describe('importing the corpus into an empty project', () => {
  it.each([
    ['texte-unicode.txt', 6],
    ['point-virgule-virgules.csv', 6],
    ['mac-roman.csv', 6],
    ['bom-retour-ligne.csv', 4],
    ['ligne-de-titre.xlsx', 6],
    ['libreoffice.ods', 6],
    ['mode-emploi-en-premier.xlsx', 6],
    ['noeuds-relations.xlsx', 9],
    ['dates-excel.xlsx', 4],
  ])('%s is imported as one change set (%i entities)', async (name, entities) => {
    const { territory, project } = await emptyProject();
    const preview = await importFile(project.id, name, undefined, { dryRun: true });
    expect(preview.accepted).toBe(true);
    expect(preview.counts.created).toBe(entities);
    expect(await footprint(territory.id)).toEqual({ entities: 2, versions: 2, changes: 2 }); // the dry run wrote nothing
    const report = await importFile(project.id, name);
    expect(report.problems).toEqual([]);
    expect(report.counts.created).toBe(entities);
    expect(report.rows.filter((r) => r.action === 'CREATE').every((r) => r.entityId !== null)).toBe(true);
    const after = await footprint(territory.id);
    expect(after.entities).toBe(2 + entities);
    expect(await changeSets(territory.id)).toEqual([report.changeSetId]);
  });

  it('the Nodes + Relations workbook gives actors, engagements and the influences between them', async () => {
    const { project } = await emptyProject();
    await importFile(project.id, 'noeuds-relations.xlsx');
    expect(await mapOf(project.id)).toEqual([
      'Actor AMAP de Malaunay ASSOCIATION',
      'Actor Mairie de Malaunay ELU',
      'Actor Producteurs du marché ENTREPRISE',
      'Engagement AMAP de Malaunay COOPERANT',
      'Engagement Mairie de Malaunay MOTEUR',
      'Engagement Producteurs du marché PARTICIPANT',
      'Influence AMAP de Malaunay → Producteurs du marché 1',
      'Influence Mairie de Malaunay → AMAP de Malaunay 3',
      'Influence Mairie de Malaunay → Producteurs du marché 2',
    ]);
  });

  it('dates per row: an engagement begins and ends on its row’s dates, milestones keep their day', async () => {
    const { project } = await emptyProject();
    await importFile(project.id, 'dates-excel.xlsx');
    expect(await mapOf(project.id, at('2022-01-01'))).toEqual([
      'Actor AMAP de Malaunay ASSOCIATION',
      'Engagement AMAP de Malaunay COOPERANT',
    ]);
    expect(await mapOf(project.id, at('2021-08-31'))).toEqual([]);
    const now = await mapOf(project.id);
    expect(now.filter((line) => line.startsWith('Engagement'))).toEqual([]); // ended 2024-06-30
    expect(now.filter((line) => line.startsWith('Milestone'))).toEqual([
      'Milestone Atelier de lancement 2026-03-15',
      'Milestone Conseil municipal 2026-11-25',
    ]);
  });

  it.each([
    ['kumu-connexions.csv', ['MISSING_VALUE', 'UNKNOWN_RELATION', 'UNKNOWN_REFERENCE']],
    ['dates-par-ligne.csv', ['INVALID_DATE', 'DATE_ORDER']],
    ['mactor.xlsx', ['OUT_OF_RANGE', 'UNKNOWN_REFERENCE']],
    ['collectivite.ods', ['UNKNOWN_REFERENCE']],
  ])('%s is refused with its row report, and nothing changes', async (name, codes) => {
    const { territory, project } = await emptyProject();
    const before = await footprint(territory.id);
    const preview = await importFile(project.id, name, undefined, { dryRun: true });
    expect(preview.accepted).toBe(false);
    const error = await refused(importFile(project.id, name));
    expect(error.code).toBe('IMPORT_INVALID_ROWS');
    const rows = error.details.rows as (WorkbookImportReport['problems'][number] & { field: string | null })[];
    expect([...new Set(rows.map((r) => r.code))].sort()).toEqual([...codes].sort());
    for (const row of rows) {
      expect(row.sheet).toBeTruthy();
      expect(row.line).toBeGreaterThan(1);
      expect(row.message).not.toMatch(/[A-Z]{4,}_[A-Z]+/); // labels, not codes
    }
    expect(rows.map(({ field: _field, ...row }) => row)).toEqual(preview.problems);
    expect(await footprint(territory.id)).toEqual(before);
  });

  it('the report names the place and the labels', async () => {
    const { project } = await emptyProject();
    const error = await refused(importFile(project.id, 'collectivite.ods'));
    expect(error.details.rows).toContainEqual({
      sheet: 'Positions',
      line: 2,
      column: null,
      field: null,
      code: 'UNKNOWN_REFERENCE',
      message: "l'objectif : « Mutualiser les tranchées gaz et fibre » ne désigne aucun objectif du projet ni du fichier",
    });
    expect(error.message).toContain('feuille « Positions », ligne 2');
  });

  it('a binary file named .csv is refused as a file (FILE_NOT_TEXT), a domain error of the catalogue', () => {
    expect(() => readImportFile(corpus('binaire.csv'), 'binaire.csv')).toThrow(
      expect.objectContaining({ name: 'DomainError', code: 'FILE_NOT_TEXT' }),
    );
  });

  it('MACTOR matrices import into a project whose actors and objectives exist, once the bad cell is fixed', async () => {
    const { project } = await mactorProject();
    const error = await refused(importFile(project.id, 'mactor.xlsx'));
    expect((error.details.rows as { code: string }[]).map((r) => r.code)).toEqual(['OUT_OF_RANGE']);
    const csv = 'Acteur influent;Acteur influencé;Influence\nproducteurs;amap;1\nMairie;AMAP;3\n';
    const report = await importFile(project.id, 'mid.csv', new TextEncoder().encode(csv));
    expect(report.counts.created).toBe(2);
    expect((await mapOf(project.id)).filter((l) => l.startsWith('Influence'))).toEqual([
      'Influence Mairie → AMAP 3',
      'Influence Producteurs → AMAP 1',
    ]);
  });

  it('the MACTOR workbook itself, its out-of-range cell fixed, gives every position and influence of its matrices', async () => {
    const { project } = await mactorProject();
    const book = XLSX.read(corpus('mactor.xlsx'), { type: 'array' });
    const mid = book.Sheets.MID!;
    expect(mid.D3!.v).toBe(5); // AMAP's influence on the Mairie: 5, out of 0…4
    mid.D3 = { t: 'n', v: 4 };
    const fixed = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const report = await importFile(project.id, 'mactor.xlsx', fixed);
    expect(report.problems).toEqual([]);
    expect(report.counts.created).toBe(14);
    const map = await mapOf(project.id);
    expect(map.filter((l) => l.startsWith('Position'))).toEqual([
      'Position AMAP / Clientèle fidèle -1',
      'Position AMAP / Offre diversifiée 4',
      'Position Mairie / Attractivité du centre 4',
      'Position Mairie / Clientèle fidèle 1',
      'Position Mairie / Offre diversifiée -1',
      'Position Producteurs / Attractivité du centre 2',
      'Position Producteurs / Clientèle fidèle 3',
      'Position Producteurs / Offre diversifiée -2',
    ]);
    expect(map.filter((l) => l.startsWith('Influence'))).toEqual([
      'Influence AMAP → Mairie 4',
      'Influence AMAP → Producteurs 2',
      'Influence Mairie → AMAP 3',
      'Influence Mairie → Producteurs 3',
      'Influence Producteurs → AMAP 1',
      'Influence Producteurs → Mairie 2',
    ]);
  });
});

describe('ecosystems and systemic leaps', () => {
  it('an ecosystem row names its present members: one who begins later is added on the day it begins', async () => {
    const { project } = await emptyProject();
    const book = XLSX.utils.book_new();
    const sheet = (rows: unknown[][], name: string) => XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
    sheet(
      [
        ['Nom', 'Type', "Niveau d'engagement", 'Depuis'],
        ['AMAP', 'Association', 'Coopérant', '01/01/2020'],
        ['Producteurs', 'Entreprise', 'Participant', '01/01/2020'],
        ['Médiathèque', 'Service', 'Informé', '01/06/2022'],
      ],
      'Acteurs',
    );
    sheet(
      [
        ['Nom', 'Description', 'Depuis'],
        ['Centre-bourg', 'Le centre', '01/01/2020'],
        ['Commune', 'Toute la commune', '01/03/2023'],
      ],
      'Périmètres',
    );
    sheet(
      [
        ['Nom', 'Membres', 'Périmètre', 'Depuis'],
        ['Circuits courts', 'AMAP | Producteurs | Médiathèque', 'Centre-bourg', '01/01/2021'],
      ],
      'Écosystèmes',
    );
    sheet(
      [
        ['Périmètre de départ', "Périmètre d'arrivée", 'Événement déclencheur', 'Depuis'],
        ['Centre-bourg', 'Commune', 'Appel à projets PAT', '01/03/2023'],
      ],
      'Sauts systémiques',
    );
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const report = await importFile(project.id, 'ecosystemes.xlsx', bytes);
    expect(report.problems).toEqual([]);
    expect(report.sheets.map((s) => s.kind)).toEqual(['actors', 'perimeters', 'ecosystems', 'leaps']);
    expect(report.counts.created).toBe(3 + 3 + 2 + 1 + 1);
    const members = async (instant: Date | null) => {
      const state = await t.graph.read((tx) => readProjectState(tx, project.id, instant));
      const ecosystem = state.entities.find((e) => e.type === 'Ecosystem')!;
      return (ecosystem.values.memberIds as string[]).map((id) => state.byId.get(id)!.values.name);
    };
    expect(await members(at('2021-06-01'))).toEqual(['AMAP', 'Producteurs']);
    expect(await members(null)).toEqual(['AMAP', 'Producteurs', 'Médiathèque']);
    const leaps = (await t.graph.read((tx) => readProjectState(tx, project.id, null))).entities.filter(
      (e) => e.type === 'SystemicLeap',
    );
    expect(leaps.map((e) => [e.values.trigger, e.validFrom.toISOString().slice(0, 10)])).toEqual([
      ['Appel à projets PAT', '2023-03-01'],
    ]);
  });
});

describe('re-importing an updated file', () => {
  const UPDATED = [
    "Nom;Type;Niveau d'engagement;Description",
    'MAIRIE DE MALAUNAY;Élu;Coopérant;Le maire et son équipe',
    'AMAP de Malaunay;Association;Coopérant;Paniers « bio » distribués à la médiathèque',
    'Producteurs du marche;Entreprise;Participant;Vente directe le samedi',
    'Club ELEMIAH;Association;Informé;',
  ].join('\n');

  it('matches by name (accents, case), updates the changed fields at the import’s date, leaves the rest', async () => {
    const { territory, project } = await emptyProject();
    await importFile(project.id, 'texte-unicode.txt', undefined, { validFrom: at('2025-01-01') });
    const before = await footprint(territory.id);
    const preview = await importFile(project.id, 'maj.csv', new TextEncoder().encode(UPDATED), { dryRun: true });
    const brief = preview.rows.map((r) => [r.line, r.kind, r.action, r.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)]);
    expect(brief).toEqual([
      [2, 'Actor', 'UNCHANGED', []],
      [2, 'Engagement', 'UPDATE', ["le niveau d'engagement: MOTEUR → COOPERANT"]],
      [3, 'Actor', 'UNCHANGED', []],
      [3, 'Engagement', 'UNCHANGED', []],
      [4, 'Actor', 'UPDATE', ['la description: null → Vente directe le samedi']],
      [4, 'Engagement', 'UNCHANGED', []],
      [5, 'Actor', 'CREATE', []],
      [5, 'Engagement', 'CREATE', []],
    ]);
    expect(await footprint(territory.id)).toEqual(before);

    const report = await importFile(project.id, 'maj.csv', new TextEncoder().encode(UPDATED));
    expect(report.counts).toEqual({ created: 2, updated: 2, ended: 0, unchanged: 4, skipped: 0 });
    const after = await footprint(territory.id);
    expect(after).toEqual({ entities: before.entities + 2, versions: before.versions + 4, changes: before.changes + 4 });
    const sets = await changeSets(territory.id);
    expect(sets).toHaveLength(2);
    expect(sets).toContain(report.changeSetId);
    // The former level holds until the import's date, the new one after it.
    expect((await mapOf(project.id, at('2025-06-01'))).filter((l) => l.includes('Mairie'))).toContain(
      'Engagement Mairie de Malaunay MOTEUR',
    );
    expect((await mapOf(project.id)).filter((l) => l.includes('Mairie'))).toContain('Engagement Mairie de Malaunay COOPERANT');
    // Importing the same file again changes nothing.
    const again = await importFile(project.id, 'maj.csv', new TextEncoder().encode(UPDATED));
    expect(again.counts).toEqual({ created: 0, updated: 0, ended: 0, unchanged: 8, skipped: 0 });
    expect(again.changeSetId).toBeNull();
    expect(await footprint(territory.id)).toEqual(after);
  });

  it('an update is recorded exactly as updateEntity records it (identity, versions, change)', async () => {
    const twins = [await emptyProject(), await emptyProject()];
    for (const { project } of twins)
      await importFile(project.id, 'texte-unicode.txt', undefined, { validFrom: at('2025-01-01') });
    const engagementOf = async (projectId: string) => {
      const state = await t.graph.read((tx) => readProjectState(tx, projectId, null));
      const mairie = state.entities.find((e) => e.values.name === 'Mairie de Malaunay')!;
      return state.entities.find((e) => e.type === 'Engagement' && e.values.actorId === mairie.id)!;
    };
    const [a, b] = twins.map((x) => x.project.id) as [string, string];
    await importFile(a, 'maj.csv', new TextEncoder().encode(UPDATED));
    const viaCommand = await engagementOf(b);
    await t.graph.write((tx) =>
      updateEntity(
        tx,
        { author: 'import-test', now: NOW },
        'Engagement',
        viaCommand.id,
        { level: 'COOPERANT' },
        { validFrom: DATE },
      ),
    );
    const records = async (id: string) =>
      t.graph.read(async (tx) => {
        const r = await tx.run(
          `MATCH (e:Entity {id: $id})
           CALL (e) { MATCH (e)-[:HAS_VERSION]->(v) OPTIONAL MATCH (e)-[l:LATEST]->(v)
                      RETURN collect(v {.*, changeId: null, entityId: null, projectId: null, territoryId: null, actorId: null, latest: l IS NOT NULL}) AS versions }
           CALL (e) { MATCH (c:Change)-[:CHANGED]->(e)
                      RETURN collect(c {.*, id: null, entityId: null, projectId: null, territoryId: null, changeSetId: null, before: null, after: null}) AS changes }
           RETURN e {.*, id: null, projectId: null, territoryId: null} AS identity, versions, changes`,
          { id },
        );
        const row = r.records[0]!.toObject();
        const order = (list: Record<string, unknown>[]) => list.map((x) => JSON.stringify(x, Object.keys(x).sort())).sort();
        return { identity: row.identity, versions: order(row.versions), changes: order(row.changes) };
      });
    const viaImport = await engagementOf(a);
    expect(await records(viaImport.id)).toEqual(await records(viaCommand.id));
  });

  it('matches by the id column when the file has one, and ends what a row ends', async () => {
    const { project } = await emptyProject();
    await importFile(project.id, 'texte-unicode.txt', undefined, { validFrom: at('2025-01-01') });
    const state = await t.graph.read((tx) => readProjectState(tx, project.id, null));
    const amap = state.entities.find((e) => e.values.name === 'AMAP de Malaunay')!;
    const csv = `Id;Nom;Type;Niveau;Jusqu'au\n${amap.id};AMAP (renommée);Association;Coopérant;01/01/2026\n`;
    const report = await importFile(project.id, 'ids.csv', new TextEncoder().encode(csv));
    expect(report.rows.map((r) => [r.kind, r.action, r.entityId, r.ends])).toEqual([
      ['Actor', 'UPDATE', amap.id, null],
      ['Engagement', 'UPDATE', expect.any(String), '2026-01-01'],
    ]);
    const name = await t.graph.read(async (tx) => {
      const r = await tx.run('MATCH (:Entity {id: $id})-[:LATEST]->(v) RETURN v.name AS name', { id: amap.id });
      return r.records[0]!.get('name') as string;
    });
    expect(name).toBe('AMAP (renommée)');
    expect((await mapOf(project.id)).some((l) => l.startsWith('Engagement AMAP'))).toBe(false);
    expect(await mapOf(project.id, at('2025-12-31'))).toContain('Engagement AMAP de Malaunay COOPERANT'); // renamed at the import's date, after the end;
  });
});
