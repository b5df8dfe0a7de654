import { InvalidArgumentError } from 'commander';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenInfo } from '@trame/graph';
import type { CliCommand } from '../command.ts';
import { requireUser } from './user.ts';

/**
 * `trame token create|list|revoke`: personal API tokens for scripts (`Authorization: Bearer
 * trame_pat_…`), thin over graph/src/access/api-tokens.ts. `create` writes the token alone on
 * standard output (so `TOKEN=$(npx trame token create …)` works) and the rest on stderr.
 */
export const tokenCommand: CliCommand = {
  name: 'token',
  register(program, ctx) {
    const token = program.command('token').description('jetons d’accès personnels pour les scripts');

    token
      .command('create <email>')
      .description('crée un jeton pour ce compte et l’affiche une seule fois')
      .option('--name <nom>', 'à quoi il sert', 'Jeton créé en ligne de commande')
      .option('--expires <AAAA-MM-JJ>', 'dernier jour de validité (inclus, UTC) ; sans : pas d’expiration', parseExpiry)
      .action(async (email: string, options: { name: string; expires?: Date }) => {
        const { graph } = await ctx.graph();
        const user = await requireUser(graph, email);
        const created = await createApiToken(graph, { userId: user.id, name: options.name, expiresAt: options.expires ?? null });
        ctx.out(created.token);
        ctx.err(
          `Jeton « ${created.info.name} » créé pour ${user.email} (${created.info.id}), ${expiry(created.info)}. ` +
            'Il ne sera plus affiché : copiez-le maintenant. Il s’envoie dans l’en-tête « Authorization: Bearer … ».',
        );
      });

    token
      .command('list <email>')
      .description('liste les jetons de ce compte (jamais leur secret)')
      .option('--json', 'écrit la liste en JSON')
      .action(async (email: string, options: { json?: boolean }) => {
        const { graph } = await ctx.graph();
        const user = await requireUser(graph, email);
        const tokens = await listApiTokens(graph, user.id);
        if (options.json) {
          ctx.out(JSON.stringify(tokens, null, 2));
          return;
        }
        if (tokens.length === 0) ctx.out(`Aucun jeton pour ${user.email}.`);
        for (const t of tokens) {
          const state = t.revokedAt ? `révoqué le ${day(t.revokedAt)}` : expiry(t);
          const used = t.lastUsedAt ? `dernier usage le ${day(t.lastUsedAt)}` : 'jamais utilisé';
          ctx.out(`${t.id}  « ${t.name} »  ${t.hint}…  créé le ${day(t.createdAt)}, ${state}, ${used}`);
        }
      });

    token
      .command('revoke <id>')
      .description('révoque un jeton (tok_…) : refusé dès la requête suivante')
      .action(async (id: string) => {
        const { graph } = await ctx.graph();
        const revoked = await revokeApiToken(graph, id);
        ctx.out(`Jeton « ${revoked.name} » (${revoked.hint}…) révoqué.`);
      });
  },
};

const day = (date: Date) => date.toISOString().slice(0, 10);

function expiry(info: ApiTokenInfo): string {
  if (!info.expiresAt) return 'sans expiration';
  // Stored as the first instant after the last valid day.
  return `valable jusqu’au ${day(new Date(info.expiresAt.getTime() - 1))} inclus`;
}

/** `2027-01-31` → 2027-02-01T00:00Z: the token works through the whole of the day given. */
function parseExpiry(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value.trim()) {
    throw new InvalidArgumentError('date AAAA-MM-JJ attendue (un jour qui existe)');
  }
  return new Date(date.getTime() + 86_400_000);
}
