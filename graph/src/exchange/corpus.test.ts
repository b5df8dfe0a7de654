import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from './fixtures/make.ts';
import { isFileError, mapWorkbook, readWorkbook, type ImportPlanInput, type PlanRow } from './index.ts';

/** A corpus file as committed (fixtures/corpus/, made by fixtures/make.ts). */
function corpusFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', 'corpus', name)));
}

function plan(name: string): ImportPlanInput {
  return mapWorkbook(readWorkbook(corpusFile(name), name));
}

/** The rows of a sheet, shortened to what a person checks: line, kind, values, refs, dates. */
const brief = (rows: PlanRow[]) =>
  rows.map((r) => ({ line: r.line, kind: r.kind, id: r.id, values: r.values, refs: r.refs, start: r.start, end: r.end }));
const sheetRows = (p: ImportPlanInput, name: string) => p.sheets.find((s) => s.name === name)!.rows;
const actorsOf = (rows: PlanRow[]) => rows.filter((r) => r.kind === 'Actor').map((r) => [r.values.name, r.values.kind]);
const levelsOf = (rows: PlanRow[]) => rows.filter((r) => r.kind === 'Engagement').map((r) => [r.refs.actorId, r.values.level]);

describe('the corpus of real-world-shaped files', () => {
  it('every committed file is what fixtures/make.ts makes (byte for byte, but for SheetJS-written zips)', () => {
    for (const [name, make] of Object.entries(CORPUS)) {
      if (/\.xlsx$/.test(name) || name === 'collectivite.ods') continue; // SheetJS stamps its zips with the time
      expect(corpusFile(name), name).toEqual(make());
    }
  });

  it('Excel « Texte Unicode »: UTF-16LE with a BOM, tab-separated', () => {
    const p = plan('texte-unicode.txt');
    expect(p.encoding).toMatchObject({ encoding: 'utf-16le', bom: true, source: 'bom' });
    expect(p.separator).toBe('\t');
    expect(p.format).toBe('tsv');
    const rows = sheetRows(p, 'texte-unicode');
    expect(actorsOf(rows)).toEqual([
      ['Mairie de Malaunay', 'ELU'],
      ['AMAP de Malaunay', 'ASSOCIATION'],
      ['Producteurs du marché', 'ENTREPRISE'],
    ]);
    expect(levelsOf(rows)).toEqual([
      ['Mairie de Malaunay', 'MOTEUR'],
      ['AMAP de Malaunay', 'COOPERANT'],
      ['Producteurs du marché', 'PARTICIPANT'],
    ]);
    expect(rows.find((r) => r.values.name === 'AMAP de Malaunay')!.values.description).toBe(
      'Paniers « bio » distribués à la médiathèque',
    );
    expect(p.problems).toEqual([]);
  });

  it('a `;` file whose header holds commas splits on `;`; Windows-1252 detected; the unknown column listed as ignored', () => {
    const p = plan('point-virgule-virgules.csv');
    expect(p.separator).toBe(';');
    expect(p.encoding).toMatchObject({ encoding: 'windows-1252', bom: false, source: 'detector' });
    const sheet = p.sheets[0]!;
    expect(sheet.columns.map((c) => [c.header, c.key])).toEqual([
      ['Nom', 'name'],
      ['Type (élu, service, entreprise)', 'kind'],
      ['Niveau', 'level'],
      ['Pouvoir (1-5)', null],
    ]);
    expect(sheet.columns[3]!.ignored).toBe('colonne non reconnue pour une feuille « Acteurs »');
    expect(actorsOf(sheet.rows)).toEqual([
      ['Médiathèque municipale', 'SERVICE'],
      ['Club ELEMIAH', 'ASSOCIATION'],
      ['Les Anges Gardins', 'ENTREPRISE'],
    ]);
    expect(levelsOf(sheet.rows).map(([, level]) => level)).toEqual(['INFORME', 'CONCERNE', 'COOPERANT']);
  });

  it('Mac Roman is told from Windows-1252, and the encoding can be overridden', () => {
    const p = plan('mac-roman.csv');
    expect(p.encoding).toMatchObject({ encoding: 'macintosh', source: 'detector' });
    expect(actorsOf(p.rows)).toEqual([
      ['Collectif des habitants', 'HABITANT'],
      ['Région Hauts-de-France', 'INSTITUTION'],
      ['Conseil scientifique', 'TIERS'],
    ]);
    const forced = mapWorkbook(readWorkbook(corpusFile('mac-roman.csv'), 'mac-roman.csv', { encoding: 'windows-1252' }));
    expect(forced.encoding).toMatchObject({ encoding: 'windows-1252', source: 'override' });
    // Read in the wrong code page, « Informé » no longer names a level: a row problem, not a silent change.
    expect(forced.problems.some((problem) => problem.code === 'INVALID_ENUM' && problem.column === 'Niveau')).toBe(true);
  });

  it('a BOM, a line break inside a quoted cell, and empty trailing rows', () => {
    const p = plan('bom-retour-ligne.csv');
    expect(p.encoding).toMatchObject({ encoding: 'utf-8', bom: true });
    const rows = sheetRows(p, 'bom-retour-ligne');
    expect(rows.map((r) => [r.line, r.kind])).toEqual([
      [2, 'Actor'],
      [2, 'Engagement'],
      [3, 'Actor'],
      [3, 'Engagement'],
    ]);
    expect(rows[0]!.values).toEqual({
      name: 'Boutique de Gestion',
      kind: 'ENTREPRISE',
      description: 'Accompagne le projet OSE;\r\ndepuis 2019',
    });
    expect(p.sheets[0]!.columns[0]!.header).toBe('Nom'); // no BOM glued to the first header
    expect(p.problems).toEqual([]);
  });

  it("Kumu's connections: several targets with `|`, relation types, and a row problem for an unknown type", () => {
    const p = plan('kumu-connexions.csv');
    expect(p.separator).toBe(',');
    expect(p.sheets[0]!.kind).toBe('edges');
    expect(brief(p.rows).map(({ line, kind, values, refs }) => ({ line, kind, values, refs }))).toEqual([
      {
        line: 2,
        kind: 'Influence',
        values: { value: 3 },
        refs: { fromActorId: 'Mairie de Malaunay', toActorId: 'AMAP de Malaunay' },
      },
      {
        line: 2,
        kind: 'Influence',
        values: { value: 3 },
        refs: { fromActorId: 'Mairie de Malaunay', toActorId: 'Producteurs du marché' },
      },
      {
        line: 3,
        kind: 'Cooperation',
        values: { commitments: null },
        refs: { actorAId: 'AMAP de Malaunay', actorBId: 'Producteurs du marché' },
      },
      {
        line: 4,
        kind: 'Conflict',
        values: { intensity: 2, status: 'IDENTIFIE' },
        refs: { objectiveAId: 'Marché de producteurs', objectiveBId: 'Diversité des paniers' },
      },
      { line: 5, kind: null, values: {}, refs: {} },
    ]);
    expect(p.problems).toEqual([
      {
        sheet: 'kumu-connexions',
        line: 3,
        column: null,
        code: 'MISSING_VALUE',
        message: 'les engagements réciproques manquent (aucune colonne ne le donne)',
      },
      {
        sheet: 'kumu-connexions',
        line: 5,
        column: 'Type',
        code: 'UNKNOWN_RELATION',
        message:
          "colonne « Type » : le type de relation « amitié » n'est pas reconnu (influence, coopération, convergence, conflit ou position)",
      },
    ]);
  });

  it('dates per row: dd/mm/yyyy, dd/mm/yy, ISO; an impossible date and an end before the start are row problems', () => {
    const p = plan('dates-par-ligne.csv');
    const engagements = p.rows.filter((r) => r.kind === 'Engagement').map((r) => [r.refs.actorId, r.start, r.end]);
    expect(engagements).toEqual([
      ['Mairie de Malaunay', '2021-03-15', null],
      ['AMAP de Malaunay', '2021-09-01', '2024-06-30'],
      ['Producteurs du marché', '2022-05-02', null],
      ['Médiathèque', null, null],
      ['Club ELEMIAH', '2024-01-01', null],
    ]);
    expect(p.problems.map((x) => [x.line, x.column, x.code, x.message])).toEqual([
      [5, "Date d'entrée", 'INVALID_DATE', "colonne « Date d'entrée » : la date « 31/02/2026 » n'existe pas dans le calendrier"],
      [6, "Jusqu'au", 'DATE_ORDER', "colonne « Jusqu'au » : la date de fin (01/01/2023) précède la date de début (01/01/2024)"],
    ]);
  });

  it('dates as Excel writes them: date cells and serial numbers', () => {
    const p = plan('dates-excel.xlsx');
    expect(sheetRows(p, 'Jalons').map((r) => r.values.date)).toEqual(['2026-03-15', '2026-11-25']);
    const engagement = sheetRows(p, 'Acteurs').find((r) => r.kind === 'Engagement')!;
    expect([engagement.start, engagement.end]).toEqual(['2021-09-01', '2024-06-30']);
    expect(p.problems).toEqual([]);
  });

  it('a binary file named .csv is refused with FILE_NOT_TEXT', () => {
    expect(() => readWorkbook(corpusFile('binaire.csv'), 'binaire.csv')).toThrow(
      expect.objectContaining({ code: 'FILE_NOT_TEXT' }),
    );
    // A workbook renamed .csv is refused too, and the message says what it is.
    const renamed = corpusFile('noeuds-relations.xlsx');
    try {
      readWorkbook(renamed, 'export.csv');
      expect.unreachable();
    } catch (error) {
      expect(isFileError(error) && error.code).toBe('FILE_NOT_TEXT');
      expect((error as Error).message).toContain('renommé en .csv');
    }
  });

  it('a title row merged above the header is skipped; a merged cell is read in every row it covers', () => {
    const p = plan('ligne-de-titre.xlsx');
    const sheet = p.sheets[0]!;
    expect(sheet.headerLine).toBe(3);
    expect(actorsOf(sheet.rows)).toEqual([
      ['Les Anges Gardins', 'ENTREPRISE'],
      ['Cantine de l’école Basly', 'SERVICE'],
      ['Cantine du collège', 'SERVICE'],
    ]);
    expect(sheet.rows.filter((r) => r.kind === 'Engagement').map((r) => [r.line, r.values.level, r.values.role])).toEqual([
      [4, 'MOTEUR', 'Maraîchage'],
      [5, 'PARTICIPANT', null],
      [6, 'INFORME', null],
    ]);
  });

  it('an instructions sheet first is ignored as such; the data sheets are read; an unknown sheet is listed with why', () => {
    const p = plan('mode-emploi-en-premier.xlsx');
    expect(p.sheets.map((s) => [s.name, s.status, s.kind])).toEqual([
      ['Mode d’emploi', 'ignored', null],
      ['Acteurs', 'read', 'actors'],
      ['Objectifs', 'read', 'objectives'],
      ['Budget', 'ignored', null],
    ]);
    expect(p.sheets[0]!.reason).toContain("mode d'emploi");
    expect(p.sheets[3]!.reason).toBe(
      'aucun en-tête reconnu parmi les 20 premières lignes (première ligne lue : « Poste », « Montant »)',
    );
    expect(p.sheets[1]!.columns.find((c) => c.header === 'Intérêt')!.ignored).toBe(
      'colonne non reconnue pour une feuille « Acteurs »',
    );
    expect(brief(sheetRows(p, 'Objectifs'))).toEqual([
      {
        line: 2,
        kind: 'Objective',
        id: null,
        values: { title: 'Bien-vivre alimentaire', dimensions: ['SOCIAL', 'ECOLOGIQUE'], nature: 'IMMATERIEL' },
        refs: { actorId: 'Mairie de Loos-en-Gohelle' },
        start: null,
        end: null,
      },
      {
        line: 3,
        kind: 'Objective',
        id: null,
        values: { title: 'Protéger la poule de Bourbourg', dimensions: ['ECOLOGIQUE'], nature: 'MATERIEL' },
        refs: { actorId: 'Club ELEMIAH' },
        start: null,
        end: null,
      },
    ]);
    expect(p.problems).toEqual([]);
  });

  it('.ods: sheets, date cells and signed positions', () => {
    const p = plan('collectivite.ods');
    expect(p.format).toBe('ods');
    expect(
      sheetRows(p, 'Acteurs')
        .filter((r) => r.kind === 'Engagement')
        .map((r) => [r.refs.actorId, r.values.level, r.start]),
    ).toEqual([
      ['Mairie du Mené', 'MOTEUR', '2019-04-01'],
      ['Organisateurs de la course', 'COOPERANT', '2020-06-15'],
    ]);
    expect(sheetRows(p, 'Positions').map((r) => [r.refs.actorId, r.values.value])).toEqual([
      ['Mairie du Mené', 4],
      ['Organisateurs de la course', 2],
    ]);
  });

  it('.ods as LibreOffice writes it: mimetype first, spanned and covered cells, date values, padding to a million rows', () => {
    const workbook = readWorkbook(corpusFile('libreoffice.ods'), 'libreoffice.ods');
    expect(workbook.format).toBe('ods');
    // The padding rows and columns are not materialised.
    expect(workbook.sheets.map((s) => [s.name, s.rows.length, s.rows[0]!.length])).toEqual([
      ["Mode d'emploi", 1, 1],
      ['Acteurs', 5, 4],
    ]);
    expect(workbook.sheets[1]!.merges).toEqual([
      { firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 3 },
      { firstRow: 2, firstColumn: 1, lastRow: 3, lastColumn: 1 },
    ]);
    const p = mapWorkbook(workbook);
    expect(p.sheets.map((s) => [s.status, s.kind, s.headerLine])).toEqual([
      ['ignored', null, null],
      ['read', 'actors', 2],
    ]);
    expect(p.rows.filter((r) => r.kind === 'Actor').map((r) => [r.line, r.values.name, r.values.kind, r.start])).toEqual([
      [3, 'Mairie du Mené', 'ELU', '2019-04-01'],
      [4, 'Conseil municipal des jeunes', 'ELU', '2020-06-15'],
      [5, 'Organisateurs de la course', 'ASSOCIATION', '2021-02-28'],
    ]);
    expect(p.problems).toEqual([]);
  });

  it('Nodes + Relations sheets: actors with their ids, and influences between them', () => {
    const p = plan('noeuds-relations.xlsx');
    expect(p.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['Nodes', 'actors'],
      ['Relations', 'edges'],
    ]);
    expect(
      sheetRows(p, 'Nodes')
        .filter((r) => r.kind === 'Actor')
        .map((r) => [r.id, r.values.name]),
    ).toEqual([
      ['n1', 'Mairie de Malaunay'],
      ['n2', 'AMAP de Malaunay'],
      ['n3', 'Producteurs du marché'],
    ]);
    expect(sheetRows(p, 'Relations').map((r) => [r.kind, r.refs.fromActorId, r.refs.toActorId, r.values.value])).toEqual([
      ['Influence', 'Mairie de Malaunay', 'AMAP de Malaunay', 3],
      ['Influence', 'Mairie de Malaunay', 'Producteurs du marché', 2],
      ['Influence', 'AMAP de Malaunay', 'Producteurs du marché', 1],
    ]);
  });

  it('MACTOR matrices: positions −4…+4 and influences 0…4, sums and the diagonal left out, an out-of-range cell reported', () => {
    const p = plan('mactor.xlsx');
    expect(p.sheets.map((s) => [s.name, s.kind])).toEqual([
      ['MAO', 'positionMatrix'],
      ['MID', 'influenceMatrix'],
    ]);
    expect(sheetRows(p, 'MAO').map((r) => [r.refs.actorId, r.refs.objectiveId, r.values.value])).toEqual([
      ['Producteurs', 'Clientèle fidèle', 3],
      ['Producteurs', 'Offre diversifiée', -2],
      ['Producteurs', 'Attractivité du centre', 2],
      ['AMAP', 'Clientèle fidèle', -1],
      ['AMAP', 'Offre diversifiée', 4],
      ['Mairie', 'Clientèle fidèle', 1],
      ['Mairie', 'Offre diversifiée', -1],
      ['Mairie', 'Attractivité du centre', 4],
    ]);
    expect(p.sheets[1]!.columns.find((c) => c.header === 'Ii')!.ignored).toBe('somme de la matrice, recalculée par Trame');
    expect(sheetRows(p, 'MID').map((r) => [r.refs.fromActorId, r.refs.toActorId, r.values.value])).toEqual([
      ['Producteurs', 'AMAP', 1],
      ['Producteurs', 'Mairie', 2],
      ['AMAP', 'Producteurs', 2],
      ['AMAP', 'Mairie', null],
      ['Mairie', 'Producteurs', 3],
      ['Mairie', 'AMAP', 3],
    ]);
    expect(p.problems).toEqual([
      {
        sheet: 'MID',
        line: 3,
        column: 'Mairie',
        code: 'OUT_OF_RANGE',
        message: "colonne « Mairie » : l'influence de « AMAP » doit être comprise entre 0 et 4 (lu : 5)",
      },
    ]);
  });
});
