import { addAllowedDomain, allowedDomains, removeAllowedDomain } from '@trame/graph';
import type { CliCommand } from '../command.ts';
import { CLI_AUTHOR } from './user.ts';

/**
 * `trame domain allow|list|remove`: the e-mail domains whose people get an account on their
 * first single sign-on (graph/src/access/domains.ts). Without one, single sign-on only lets in
 * existing accounts.
 */
export const domainCommand: CliCommand = {
  name: 'domain',
  register(program, ctx) {
    const domain = program.command('domain').description('domaines autorisés à la première connexion unique (OpenID Connect)');

    domain
      .command('allow <domaine>')
      .description('autorise un domaine : ses adresses obtiennent un compte (sans rôle) à leur première connexion unique')
      .action(async (name: string) => {
        const { graph } = await ctx.graph();
        const added = await addAllowedDomain(graph, name, { by: CLI_AUTHOR });
        ctx.out(`Domaine autorisé : ${added}.`);
      });

    domain
      .command('list')
      .description('liste les domaines autorisés')
      .action(async () => {
        const { graph } = await ctx.graph();
        const domains = await allowedDomains(graph);
        ctx.out(domains.length > 0 ? domains.join('\n') : 'Aucun domaine autorisé.');
      });

    domain
      .command('remove <domaine>')
      .description('retire un domaine (les comptes déjà créés restent)')
      .action(async (name: string) => {
        const { graph } = await ctx.graph();
        const removed = await removeAllowedDomain(graph, name);
        ctx.out(removed ? `Domaine retiré : ${name.trim().toLowerCase()}.` : `Le domaine ${name} n’était pas autorisé.`);
      });
  },
};
