import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_FORMATS, exportSnapshot, readProjectSnapshot, readTerritorySnapshot, type ExportFormat } from '@trame/graph';
import type { CliCommand } from '../command.ts';
import { parseDateOption } from '../date-option.ts';

/**
 * `trame export --project ID|--territory ID --format xlsx|csv|matrices|graphml|gexf|cyjs|kumu
 * [--date …] [-o fichier|dossier]`: a project (or a territory, its projects merged) as of a
 * date, in one of the exchange formats (graph/src/exchange/from-database.ts). Without `-o`, the
 * file goes to the current folder under its own name; CSV writes one file per kind, so `-o`
 * names a folder.
 */
export const exportCommand: CliCommand = {
  name: 'export',
  register(program, ctx) {
    program
      .command('export')
      .description(
        'exporte un projet ou un territoire : xlsx, csv, matrices (MACTOR), graphml, gexf (avec l’historique), cyjs, kumu',
      )
      .option('--project <id>', 'le projet à exporter')
      .option('--territory <id>', 'le territoire à exporter (tous ses projets)')
      .requiredOption('--format <format>', `le format : ${EXPORT_FORMATS.join(', ')}`)
      .option(
        '--date <jour>',
        'l’état à cette date (AAAA-MM-JJ, JJ/MM/AAAA ou instant ISO ; par défaut : maintenant)',
        parseDateOption,
      )
      .option('-o, --output <chemin>', 'le fichier écrit (un dossier pour csv)')
      .action(async (options: { project?: string; territory?: string; format: string; date?: Date; output?: string }) => {
        if (!options.project === !options.territory) throw new Error('indiquez --project ou --territory (l’un des deux)');
        if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
          throw new Error(`format « ${options.format} » inconnu (formats : ${EXPORT_FORMATS.join(', ')})`);
        }
        const moment = options.date ?? null;
        const { graph } = await ctx.graph();
        const snapshot = await graph.read((tx) =>
          options.project
            ? readProjectSnapshot(tx, options.project, moment)
            : readTerritorySnapshot(tx, options.territory!, moment),
        );
        const files = exportSnapshot(snapshot, options.format as ExportFormat);
        const folder = options.format === 'csv' ? (options.output ?? '.') : null;
        if (folder) await mkdir(folder, { recursive: true });
        for (const file of files) {
          const path = folder ? join(folder, file.fileName) : (options.output ?? file.fileName);
          await writeFile(path, file.bytes);
          ctx.out(path);
        }
      });
  },
};
