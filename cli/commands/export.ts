import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ANONYMOUS,
  EXPORT_FORMATS,
  exportSnapshot,
  readProjectSnapshot,
  readTerritorySnapshot,
  type ExportFormat,
  type Reader,
} from '@trame/graph';
import type { CliCommand } from '../command.ts';
import { parseDateOption } from '../date-option.ts';

/**
 * The export « sans éléments confidentiels », as the web's: `confidential: false` leaves the
 * confidential items out whoever reads (the operator may read everything; the principal only
 * matters when confidential items are asked for).
 */
const WITHOUT_CONFIDENTIAL: Reader = { principal: ANONYMOUS, confidential: false };

/**
 * `trame export --project ID|--territory ID --format xlsx|csv|matrices|graphml|gexf|cyjs|kumu
 * [--date …] [--with-confidential] [-o fichier|dossier]`: a project (or a territory, its
 * projects merged) as of a date, in one of the exchange formats
 * (graph/src/exchange/from-database.ts), without its confidential items unless
 * `--with-confidential` (a file leaves the server: what is confidential stays out by default).
 * Without `-o`, the file goes to the current folder under its own name; CSV writes one file per
 * kind, so `-o` names a folder.
 */
interface ExportOptions {
  project?: string;
  territory?: string;
  format: string;
  date?: Date;
  withConfidential?: boolean;
  output?: string;
}

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
      .option(
        '--with-confidential',
        'inclut les éléments confidentiels (ce qui est marqué confidentiel, les notes, arbitrages et descriptions d’objectifs) ; par défaut, ils sont laissés de côté',
      )
      .option('-o, --output <chemin>', 'le fichier écrit (un dossier pour csv)')
      .action(async (options: ExportOptions) => {
        if (!options.project === !options.territory) throw new Error('indiquez --project ou --territory (l’un des deux)');
        if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
          throw new Error(`format « ${options.format} » inconnu (formats : ${EXPORT_FORMATS.join(', ')})`);
        }
        const moment = options.date ?? null;
        // No reader: everything, as a trusted caller reads it.
        const reader = options.withConfidential ? null : WITHOUT_CONFIDENTIAL;
        const { graph } = await ctx.graph();
        const snapshot = await graph.read((tx) =>
          options.project
            ? readProjectSnapshot(tx, options.project, moment, { reader })
            : readTerritorySnapshot(tx, options.territory!, moment, { reader }),
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
