import { listTerritories, listTerritoryEntities } from '@trame/graph';
import type { CliCommand } from '../command.ts';

/** One territory and its projects, as `trame projects --json` writes them. */
export interface TerritoryListing {
  id: string;
  name: string;
  projects: { id: string; name: string }[];
}

/**
 * `trame projects [--json]`: the territories and their projects, with the ids the other commands
 * take (`--project`, `--territory`), as they are now (ended ones left out), by name.
 */
export const projectsCommand: CliCommand = {
  name: 'projects',
  register(program, ctx) {
    program
      .command('projects')
      .description('liste les territoires et leurs projets, avec leurs identifiants')
      .option('--json', 'écrit la liste en JSON')
      .action(async (options: { json?: boolean }) => {
        const { graph } = await ctx.graph();
        const now = new Date();
        const listing = await graph.read(async (tx) => {
          const territories = await listTerritories(tx, now);
          const rows: TerritoryListing[] = [];
          for (const territory of territories) {
            const projects = await listTerritoryEntities(tx, territory.id, ['Project'], now);
            rows.push({
              id: territory.id,
              name: String(territory.values.name ?? ''),
              projects: projects.map((p) => ({ id: p.id, name: String(p.values.name ?? '') })),
            });
          }
          return rows.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
        });
        if (options.json) {
          ctx.out(JSON.stringify(listing, null, 2));
          return;
        }
        if (listing.length === 0) {
          ctx.out('Aucun territoire.');
          return;
        }
        for (const territory of listing) {
          ctx.out(`${territory.name} (${territory.id})`);
          if (territory.projects.length === 0) ctx.out('  aucun projet');
          for (const project of territory.projects) ctx.out(`  ${project.name} (${project.id})`);
        }
      });
  },
};
