import { describe, expect, it } from 'vitest';
import { codeFromText, detectColumns, headerIndexOf, missingColumns, templateCsv, toImportRows } from './columns.ts';
import { parseCsv } from './spreadsheet.ts';

describe('detecting columns', () => {
  it('reads French headers, whatever their case, accents and order', () => {
    expect(detectColumns(['Rôle', 'NOM', 'Catégorie', 'Niveau d’engagement', 'Périmètre d’enjeux', 'Commentaire'])).toEqual({
      name: 1,
      kind: 2,
      description: 5,
      level: 3,
      role: 0,
      perimeter: 4,
    });
  });

  it('reads English headers and headers that begin with a known word', () => {
    expect(detectColumns(['Name', 'Kind', 'Engagement level', 'Role in the project'])).toEqual({
      name: 0,
      kind: 1,
      description: null,
      level: 2,
      role: 3,
      perimeter: null,
    });
    expect(detectColumns(['Nom de la structure', 'Type', 'Engagement'])).toMatchObject({ name: 0, kind: 1, level: 2 });
  });

  it('gives a column to one field only, and says which required ones are missing', () => {
    const mapping = detectColumns(['Nom', 'Nom', 'Téléphone']);
    expect(mapping).toMatchObject({ name: 0, kind: null, level: null });
    expect(missingColumns(mapping)).toEqual(['kind', 'level']);
  });
});

describe('kinds and levels as pilots type them', () => {
  it.each([
    ['Élu', 'kind', 'ELU'],
    ['élus', 'kind', 'ELU'],
    ['Habitants', 'kind', 'HABITANT'],
    ['collectif d’habitants', 'kind', 'HABITANT'],
    ['Entreprises', 'kind', 'ENTREPRISE'],
    ['Third party', 'kind', 'TIERS'],
    ['Concerné non impliqué', 'level', 'CONCERNE'],
    ['concerne', 'level', 'CONCERNE'],
    ['Coopérant', 'level', 'COOPERANT'],
    ['Leading', 'level', 'MOTEUR'],
    ['MOTEUR', 'level', 'MOTEUR'],
  ] as const)('%s → %s %s', (text, field, code) => {
    expect(codeFromText(text, field)).toBe(code);
  });

  it('leaves unknown text as typed, for the server to report', () => {
    expect(codeFromText(' Mairie ', 'kind')).toBe('Mairie');
  });
});

describe('from a grid to import rows', () => {
  it('keeps spreadsheet line numbers, skips blank lines, turns labels into codes', () => {
    const grid = parseCsv(
      '\uFEFFNom;Type;Engagement;Rôle;Périmètre\r\n' +
        'Conseil municipal;Élu;Moteur;Porteur;\r\n' +
        ';;;;\r\n' +
        '"AMAP ""du centre""";Association;Coopérant;"Paniers; légumes";Cantine bio\r\n' +
        'Sans type;;informé;;\r\n',
    );
    const header = headerIndexOf(grid);
    expect(header).toBe(0);
    const rows = toImportRows(grid, detectColumns(grid[header]!), header);
    expect(rows).toEqual([
      { line: 2, name: 'Conseil municipal', kind: 'ELU', description: null, level: 'MOTEUR', role: 'Porteur', perimeter: null },
      {
        line: 4,
        name: 'AMAP "du centre"',
        kind: 'ASSOCIATION',
        description: null,
        level: 'COOPERANT',
        role: 'Paniers; légumes',
        perimeter: 'Cantine bio',
      },
      { line: 5, name: 'Sans type', kind: null, description: null, level: 'INFORME', role: null, perimeter: null },
    ]);
  });

  it('reads comma-separated files and a header below blank lines', () => {
    const grid = parseCsv('\n\nName,Kind,Level\nTown council,Elected official,Informed\n');
    const header = headerIndexOf(grid);
    expect(header).toBe(2);
    expect(toImportRows(grid, detectColumns(grid[header]!), header)).toEqual([
      { line: 4, name: 'Town council', kind: 'ELU', description: null, level: 'INFORME', role: null, perimeter: null },
    ]);
  });

  it('offers a template that reads back into valid rows, in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      const csv = templateCsv(lang);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const grid = parseCsv(csv);
      const mapping = detectColumns(grid[0]!);
      expect(missingColumns(mapping)).toEqual([]);
      const rows = toImportRows(grid, mapping);
      expect(rows).toHaveLength(3);
      expect(rows.map((r) => [r.kind, r.level])).toEqual([
        ['ELU', 'MOTEUR'],
        ['HABITANT', 'CONCERNE'],
        ['ASSOCIATION', 'COOPERANT'],
      ]);
    }
  });
});
