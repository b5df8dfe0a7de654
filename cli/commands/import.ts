import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CLI_IMPORT_AUTHOR, importWorkbook, isDomainError, readImportFile, type WorkbookImportReport } from '@trame/graph';
import type { CliCommand } from '../command.ts';
import { parseDateOption } from '../date-option.ts';

/**
 * `trame import <file> --project ID [--dry-run] [--date YYYY-MM-DD] [--json] [--encoding …]`:
 * a workbook or CSV into a project, as the web app and the API import it
 * (graph/src/import/workbook.ts): everything in one change set, or nothing. `--json` prints the
 * preview (per sheet and row: action, kind, values read, changes, problems). Exit 0 imported
 * (or would be, in a dry run), 1 refused with its row report, 2 a failure.
 */
export const importCommand: CliCommand = {
  name: 'import',
  register(program, ctx) {
    program
      .command('import <fichier>')
      .description('importe un classeur (.xlsx, .ods, .csv…) dans un projet : tout, en un seul jeu de changements, ou rien')
      .requiredOption('--project <id>', 'le projet où importer')
      .option('--dry-run', 'montre ce que ferait l’import, sans rien écrire')
      .option(
        '--date <jour>',
        'date d’effet des lignes sans date (AAAA-MM-JJ ou JJ/MM/AAAA ; par défaut : maintenant)',
        parseDateOption,
      )
      .option('--encoding <encodage>', 'force l’encodage d’un fichier texte (utf-8, windows-1252, macintosh, utf-16le…)')
      .option('--json', 'écrit l’aperçu complet en JSON')
      .option('--author <nom>', 'auteur enregistré des changements', CLI_IMPORT_AUTHOR)
      .action(
        async (
          file: string,
          options: { project: string; dryRun?: boolean; date?: Date; encoding?: string; json?: boolean; author: string },
        ) => {
          const bytes = new Uint8Array(await readFile(file));
          const input = readImportFile(bytes, basename(file), options.encoding ? { encoding: options.encoding as never } : {});
          const validFrom = options.date;
          const { graph } = await ctx.graph();
          const run = (dryRun: boolean) => (tx: Parameters<Parameters<typeof graph.read>[0]>[0]) =>
            importWorkbook(tx, { author: options.author }, options.project, input, {
              dryRun,
              ...(validFrom ? { validFrom } : {}),
            });
          let report: WorkbookImportReport;
          if (options.dryRun) report = await graph.read(run(true));
          else {
            try {
              report = await graph.write(run(false));
            } catch (error) {
              if (!isDomainError(error) || error.code !== 'IMPORT_INVALID_ROWS') throw error;
              report = error.details.report as WorkbookImportReport;
            }
          }
          ctx.out(options.json ? JSON.stringify(report, null, 2) : importSummary(report));
          ctx.exitCode = report.accepted ? 0 : 1;
        },
      );
  },
};

const ACTIONS: Record<string, string> = {
  CREATE: 'création',
  UPDATE: 'mise à jour',
  UNCHANGED: 'inchangée',
  SKIPPED: 'ignorée',
  INVALID: 'refusée',
};

/** The report in French: the file as read, the sheets, one line per row, then the problems. */
export function importSummary(report: WorkbookImportReport): string {
  const lines: string[] = [];
  const encoding = report.encoding ? `, encodage ${report.encoding.encoding}${report.encoding.bom ? ' (BOM)' : ''}` : '';
  const separator = report.separator ? `, séparateur « ${report.separator === '\t' ? 'tabulation' : report.separator} »` : '';
  lines.push(
    `Fichier « ${report.fileName} » (${report.format}${encoding}${separator}) → projet ${report.projectId}, date ${report.date}`,
  );
  for (const sheet of report.sheets) {
    lines.push(
      sheet.status === 'read'
        ? `Feuille « ${sheet.name} » : lue (${sheet.kind}, en-tête ligne ${sheet.headerLine})`
        : `Feuille « ${sheet.name} » : ignorée — ${sheet.reason}`,
    );
    for (const column of sheet.columns)
      if (column.ignored) lines.push(`  colonne « ${column.header} » ignorée : ${column.ignored}`);
  }
  for (const row of report.rows) {
    const changes = row.changes.map((c) => `${c.label} : ${c.from ?? '∅'} → ${c.to ?? '∅'}`).join(' ; ');
    const ends = row.ends ? ` ; prend fin le ${row.ends}` : '';
    const reason = row.reason ? ` (${row.reason})` : '';
    lines.push(
      `  « ${row.sheet} » ligne ${row.line} — ${row.kind ?? '?'} « ${row.title ?? ''} » : ${ACTIONS[row.action]}${changes ? ` — ${changes}` : ''}${ends}${reason}`,
    );
  }
  if (report.problems.length > 0) {
    lines.push('', `✘ ${report.problems.length} problème(s) — rien n'a été importé :`);
    for (const p of report.problems) {
      lines.push(`  - « ${p.sheet} » ligne ${p.line}${p.column ? `, colonne « ${p.column} »` : ''} : ${p.message}`);
    }
  } else {
    const c = report.counts;
    lines.push(
      '',
      `${report.dryRun ? 'Aperçu (rien n’est écrit)' : `Importé (jeu de changements ${report.changeSetId ?? '—'})`} : ${c.created} création(s), ${c.updated} mise(s) à jour, ${c.ended} fin(s), ${c.unchanged} inchangée(s), ${c.skipped} ignorée(s).`,
    );
  }
  return lines.join('\n');
}
