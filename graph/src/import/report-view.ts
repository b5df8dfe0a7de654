import { ENCODING_LABELS, TEXT_ENCODINGS } from '../exchange/read/encoding.ts';
import { SHEETS } from '../exchange/map/vocabulary.ts';
import type { ColumnReading } from '../exchange/map/plan-types.ts';
import type { EntityType } from '../model/enums.ts';
import type { WorkbookImportReport, WorkbookProblem, WorkbookRowAction } from './workbook.ts';

/**
 * The import report as it goes out (the GraphQL type ImportReport, the upload route's answer,
 * the web's preview): per sheet, its columns and its rows, each row with its action, its
 * changes as a person reads them, and its problems. Pure.
 */

export interface ImportProblemView {
  sheet: string;
  line: number;
  column: string | null;
  code: string;
  message: string;
}

export interface ImportRowView {
  sheet: string;
  line: number;
  action: WorkbookRowAction;
  kind: EntityType | null;
  kindLabel: string | null;
  label: string | null;
  entityId: string | null;
  changes: { field: string; label: string; from: string; to: string }[];
  ends: string | null;
  date: string | null;
  reason: string | null;
  problems: ImportProblemView[];
}

export interface ImportColumnView {
  letter: string;
  header: string;
  field: string | null;
  ignoredBecause: string | null;
}

export interface ImportSheetView {
  name: string;
  recognised: boolean;
  kind: string | null;
  kindLabel: string | null;
  reason: string | null;
  headerLine: number | null;
  columns: ImportColumnView[];
  ignoredColumns: ImportColumnView[];
  rows: ImportRowView[];
}

export interface ImportReportView {
  dryRun: boolean;
  accepted: boolean;
  projectId: string;
  changeSetId: string | null;
  date: string;
  fileName: string;
  format: string;
  encoding: { encoding: string; label: string; bom: boolean; source: string } | null;
  separator: string | null;
  encodings: { encoding: string; label: string }[];
  sheets: ImportSheetView[];
  problems: ImportProblemView[];
  counts: { created: number; updated: number; ended: number; unchanged: number; skipped: number; invalid: number };
}

/** The kinds of rows, in French, for the preview. */
export const IMPORT_KIND_LABELS: Partial<Record<EntityType, string>> = {
  Actor: 'Acteur',
  Engagement: 'Engagement',
  Perimeter: 'Périmètre',
  Objective: 'Objectif',
  Position: 'Position',
  Influence: 'Influence',
  Cooperation: 'Coopération',
  Convergence: 'Convergence',
  Conflict: 'Conflit',
  Externality: 'Externalité',
  Milestone: 'Jalon',
  Ecosystem: 'Écosystème',
  SystemicLeap: 'Saut systémique',
};

const MATRIX_LABELS: Record<string, string> = {
  positionMatrix: 'Matrice des positions (acteurs × objectifs)',
  influenceMatrix: 'Matrice des influences (acteurs × acteurs)',
};

const SEPARATOR_NAMES: Record<string, string> = { '\t': 'tab' };

const columnView = (c: ColumnReading): ImportColumnView => ({
  letter: c.letter,
  header: c.header,
  field: c.key,
  ignoredBecause: c.ignored,
});

/** The report of `importWorkbook`, shaped for people and clients: rows grouped by sheet, with their problems. */
export function presentImportReport(report: WorkbookImportReport): ImportReportView {
  const key = (sheet: string, line: number) => `${sheet}\u0000${line}`;
  const problemsByRow = new Map<string, ImportProblemView[]>();
  const problems = report.problems.map((p: WorkbookProblem): ImportProblemView => ({ ...p }));
  for (const p of problems) {
    const list = problemsByRow.get(key(p.sheet, p.line)) ?? [];
    problemsByRow.set(key(p.sheet, p.line), [...list, p]);
  }
  // A matrix row (or `A | B`) is several outcomes on one line: one row of the preview each.
  const rows: ImportRowView[] = report.rows.map((r) => ({
    sheet: r.sheet,
    line: r.line,
    action: problemsByRow.has(key(r.sheet, r.line)) ? 'INVALID' : r.action,
    kind: r.kind,
    kindLabel: r.kind ? (IMPORT_KIND_LABELS[r.kind] ?? r.kind) : null,
    label: r.title,
    entityId: r.entityId,
    changes: r.changes.map((c) => ({ field: c.field, label: c.label, from: c.fromText, to: c.toText })),
    ends: r.ends,
    date: r.date,
    reason: r.reason,
    problems: problemsByRow.get(key(r.sheet, r.line)) ?? [],
  }));
  // A problem on a line no outcome stands for (a blank required cell the mapping refused) still gets a row.
  for (const [k, list] of problemsByRow) {
    if (rows.some((r) => key(r.sheet, r.line) === k)) continue;
    const first = list[0]!;
    rows.push({
      sheet: first.sheet,
      line: first.line,
      action: 'INVALID',
      kind: null,
      kindLabel: null,
      label: null,
      entityId: null,
      changes: [],
      ends: null,
      date: null,
      reason: null,
      problems: list,
    });
  }
  const sheets = report.sheets.map(
    (s): ImportSheetView => ({
      name: s.name,
      recognised: s.status === 'read',
      kind: s.kind,
      kindLabel: s.kind ? (MATRIX_LABELS[s.kind] ?? SHEETS[s.kind as keyof typeof SHEETS]?.title ?? s.kind) : null,
      reason: s.reason,
      headerLine: s.headerLine,
      columns: s.columns.map(columnView),
      ignoredColumns: s.columns.filter((c) => c.ignored !== null || c.key === null).map(columnView),
      rows: rows.filter((r) => r.sheet === s.name).sort((a, b) => a.line - b.line),
    }),
  );
  return {
    dryRun: report.dryRun,
    accepted: report.accepted,
    projectId: report.projectId,
    changeSetId: report.changeSetId,
    date: report.date,
    fileName: report.fileName,
    format: report.format,
    encoding: report.encoding
      ? {
          encoding: report.encoding.encoding,
          label: ENCODING_LABELS[report.encoding.encoding],
          bom: report.encoding.bom,
          source: report.encoding.source,
        }
      : null,
    separator: report.separator === null ? null : (SEPARATOR_NAMES[report.separator] ?? report.separator),
    encodings: report.encoding ? TEXT_ENCODINGS.map((encoding) => ({ encoding, label: ENCODING_LABELS[encoding] })) : [],
    sheets,
    problems,
    counts: { ...report.counts, invalid: rows.filter((r) => r.action === 'INVALID').length },
  };
}
