import { describe, expect, it } from 'vitest';
import { presentImportReport } from './report-view.ts';
import type { WorkbookImportReport } from './workbook.ts';

const report: WorkbookImportReport = {
  dryRun: true,
  accepted: false,
  projectId: 'prj-1',
  changeSetId: null,
  date: '2026-11-30',
  fileName: 'carte.csv',
  format: 'csv',
  encoding: { encoding: 'windows-1252', bom: false, source: 'detector', detected: 'windows-1252' },
  separator: '\t',
  sheets: [
    {
      name: 'carte',
      status: 'read',
      kind: 'actors',
      reason: null,
      headerLine: 2,
      columns: [
        { index: 0, letter: 'A', header: 'Nom', key: 'name', ignored: null },
        { index: 1, letter: 'B', header: 'Pouvoir (1-5)', key: null, ignored: 'colonne non reconnue' },
      ],
    },
  ],
  rows: [
    {
      sheet: 'carte',
      line: 3,
      kind: 'Engagement',
      action: 'UPDATE',
      entityId: 'eng-1',
      title: null,
      values: {},
      changes: [
        { field: 'level', label: "le niveau d'engagement", from: 'INFORME', to: 'MOTEUR', fromText: 'Informé', toText: 'Moteur' },
      ],
      ends: null,
      date: '2026-11-30',
      reason: null,
    },
  ],
  problems: [{ sheet: 'carte', line: 4, column: 'Type', code: 'INVALID_ENUM', message: '« Très » n’est pas reconnu' }],
  counts: { created: 0, updated: 1, ended: 0, unchanged: 0, skipped: 0 },
};

describe('presentImportReport', () => {
  it('groups rows by sheet with their problems, names kinds, encodings and separators for people', () => {
    const view = presentImportReport(report);
    expect(view.encoding).toEqual({
      encoding: 'windows-1252',
      label: 'Windows-1252 (Europe occidentale)',
      bom: false,
      source: 'detector',
    });
    expect(view.separator).toBe('tab');
    expect(view.encodings.map((e) => e.encoding)).toContain('macintosh');
    const [sheet] = view.sheets;
    expect(sheet).toMatchObject({ recognised: true, kindLabel: 'Acteurs', headerLine: 2 });
    expect(sheet!.ignoredColumns.map((c) => [c.letter, c.header, c.ignoredBecause])).toEqual([
      ['B', 'Pouvoir (1-5)', 'colonne non reconnue'],
    ]);
    expect(sheet!.rows.map((r) => [r.line, r.action, r.kindLabel])).toEqual([
      [3, 'UPDATE', 'Engagement'],
      [4, 'INVALID', null],
    ]);
    expect(sheet!.rows[0]!.changes).toEqual([{ field: 'level', label: "le niveau d'engagement", from: 'Informé', to: 'Moteur' }]);
    expect(sheet!.rows[1]!.problems[0]).toMatchObject({ column: 'Type', code: 'INVALID_ENUM' });
    expect(view.counts).toMatchObject({ updated: 1, invalid: 1 });
  });
});
