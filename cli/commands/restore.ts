import { readFile } from 'node:fs/promises';
import { DomainError, restoreBackupDocument } from '@trame/graph';
import type { CliCommand } from '../command.ts';

/**
 * `trame restore <fichier>`: loads a backup (`trame backup`) into an empty database or one that
 * holds other territories, all or nothing (`restoreBackupDocument`); refused, with nothing
 * written, when an id is already there (BACKUP_ID_COLLISION), the format's version is not this
 * one's, or a reference is found neither in the backup nor in the database. Exit 0
 * restored, 1 refused, 2 a failure.
 */
export const restoreCommand: CliCommand = {
  name: 'restore',
  register(program, ctx) {
    program
      .command('restore <fichier>')
      .description('restaure une sauvegarde dans une base vide ou qui ne contient pas ses territoires')
      .action(async (file: string) => {
        let doc: unknown;
        try {
          doc = JSON.parse(await readFile(file, 'utf8'));
        } catch (error) {
          if (error instanceof SyntaxError) throw new Error(`« ${file} » n'est pas un document JSON : ${error.message}`);
          throw error;
        }
        const { graph, where } = await ctx.graph();
        try {
          const stats = await restoreBackupDocument(graph, doc);
          ctx.out(
            `Sauvegarde restaurée dans ${where} : ${stats.entities} entités, ${stats.versions} versions, ${stats.changes} changements, ${stats.layouts} dispositions, ${stats.users} comptes.`,
          );
        } catch (error) {
          if (!(error instanceof DomainError || (error as { name?: string }).name === 'DomainError')) throw error;
          ctx.err(`trame restore : refusée — ${(error as Error).message}`);
          ctx.exitCode = 1;
        }
      });
  },
};
