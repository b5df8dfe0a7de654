import { writeFile } from 'node:fs/promises';
import { canonicalJson, takeBackup } from '@trame/graph';
import type { CliCommand } from '../command.ts';

/**
 * `trame backup [--territory ID] [-o fichier]`: one versioned JSON document with everything,
 * history included (graph/src/backup/backup.ts); the whole database also carries the accounts.
 * Canonical: the same data gives the same bytes. Without `-o`, written to the standard output.
 */
export const backupCommand: CliCommand = {
  name: 'backup',
  register(program, ctx) {
    program
      .command('backup')
      .description('sauvegarde la base entière (ou un territoire) dans un document JSON versionné, historique compris')
      .option('--territory <id>', 'ne sauvegarde qu’un territoire (sans les comptes)')
      .option('-o, --output <fichier>', 'le fichier écrit (par défaut : la sortie standard)')
      .action(async (options: { territory?: string; output?: string }) => {
        const { graph } = await ctx.graph();
        const doc = await graph.read((tx) => takeBackup(tx, { territoryId: options.territory ?? null }));
        const text = canonicalJson(doc);
        if (options.output) {
          await writeFile(options.output, text);
          ctx.err(
            `Sauvegarde écrite dans ${options.output} : ${doc.entities.length} entités, ${doc.versions.length} versions, ${doc.changes.length} changements, ${doc.users.length} comptes.`,
          );
        } else process.stdout.write(text);
      });
  },
};
