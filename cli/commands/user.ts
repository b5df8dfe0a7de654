import {
  createUser,
  DomainError,
  findUserByEmail,
  grantRole,
  listGrants,
  listUsers,
  revokeGrant,
  setPassword,
  setUserDisabled,
  type Grant,
  type Graph,
  type User,
} from '@trame/graph';
import type { CliCommand } from '../command.ts';
import { checkRoleRequest, grantLine, roleOptions } from '../roles.ts';
import { newPassword, passwordFromStdin } from '../secret-input.ts';

/** Who the command line acts as in grant records (ADR 0004: first start, CLI, demo). */
export const CLI_AUTHOR = 'system';

/** The user with this e-mail; throws USER_NOT_FOUND (exit 1). */
export async function requireUser(graph: Graph, email: string): Promise<User> {
  const user = await findUserByEmail(graph, email);
  if (!user) throw new DomainError('USER_NOT_FOUND', `aucun compte n'a l'adresse « ${email} »`, { email });
  return user;
}

const userLine = (user: User) => `${user.name} <${user.email}> (${user.id})`;

/**
 * `trame user add|password|list|grant|revoke|disable|enable`: accounts and roles, thin over
 * graph/src/access (createUser, setPassword, grantRole, revokeGrant, setUserDisabled).
 */
export const userCommand: CliCommand = {
  name: 'user',
  register(program, ctx) {
    const user = program.command('user').description('comptes et rôles');

    roleOptions(
      user
        .command('add <email>')
        .description('crée un compte, avec un rôle si --role est donné')
        .requiredOption('--name <nom>', 'le nom affiché (dans l’historique des changements)')
        .option('--password-stdin', 'lit le mot de passe sur l’entrée standard (sinon : pas de mot de passe)'),
      false,
    ).action(
      async (
        email: string,
        options: { name: string; role?: Grant['role']; territory?: string; project?: string; passwordStdin?: boolean },
      ) => {
        const password = options.passwordStdin ? await passwordFromStdin() : null;
        const { graph } = await ctx.graph();
        // Role first: a refused role leaves no account behind.
        const role = options.role ? await checkRoleRequest(graph, { ...options, role: options.role }) : null;
        if (!role && (options.territory || options.project)) {
          throw new DomainError('INVALID_ROLE', '--territory et --project précisent un rôle : donnez aussi --role', {
            field: 'role',
          });
        }
        const created = await createUser(graph, { email, name: options.name, password });
        ctx.out(`Compte créé : ${userLine(created)}.`);
        if (role) {
          const grant = await grantRole(graph, {
            userId: created.id,
            role: role.role,
            projectId: role.projectId,
            territoryId: role.territoryId,
            by: CLI_AUTHOR,
          });
          ctx.out(`Rôle attribué : ${role.label} [${grant.id}].`);
        }
        if (!password)
          ctx.out(`Sans mot de passe : définissez-en un avec « trame user password ${created.email} », ou connexion unique.`);
      },
    );

    user
      .command('password <email>')
      .description(
        'définit le mot de passe (saisi deux fois sans écho, ou lu sur l’entrée standard) et ferme les sessions ouvertes',
      )
      .action(async (email: string) => {
        const password = await newPassword();
        const { graph } = await ctx.graph();
        const found = await requireUser(graph, email);
        const revoked = await setPassword(graph, found.id, password);
        ctx.out(
          `Mot de passe de ${userLine(found)} changé${revoked > 0 ? ` ; ${revoked} session${revoked > 1 ? 's fermées' : ' fermée'}` : ''}.`,
        );
      });

    user
      .command('list')
      .description('liste les comptes et leurs rôles en cours')
      .option('--json', 'écrit la liste en JSON')
      .action(async (options: { json?: boolean }) => {
        const { graph } = await ctx.graph();
        const [users, grants] = await Promise.all([listUsers(graph), listGrants(graph)]);
        const byUser = new Map<string, Grant[]>();
        for (const grant of grants) byUser.set(grant.userId, [...(byUser.get(grant.userId) ?? []), grant]);
        if (options.json) {
          ctx.out(
            JSON.stringify(
              users.map((u) => ({ ...u, grants: byUser.get(u.id) ?? [] })),
              null,
              2,
            ),
          );
          return;
        }
        if (users.length === 0) ctx.out('Aucun compte.');
        for (const u of users) {
          const roles = (byUser.get(u.id) ?? []).map(grantLine);
          const state = u.disabledAt ? ' — désactivé' : '';
          ctx.out(`${userLine(u)}${state} : ${roles.length > 0 ? roles.join(', ') : 'aucun rôle'}`);
        }
      });

    roleOptions(user.command('grant <email>').description('attribue un rôle à un compte'), true).action(
      async (email: string, options: { role: Grant['role']; territory?: string; project?: string }) => {
        const { graph } = await ctx.graph();
        const found = await requireUser(graph, email);
        const role = await checkRoleRequest(graph, options);
        const grant = await grantRole(graph, {
          userId: found.id,
          role: role.role,
          projectId: role.projectId,
          territoryId: role.territoryId,
          by: CLI_AUTHOR,
        });
        ctx.out(`Rôle attribué à ${userLine(found)} : ${role.label} [${grant.id}].`);
      },
    );

    user
      .command('revoke <grantId>')
      .description('met fin à une attribution de rôle (son identifiant grt_… est dans « trame user list »)')
      .action(async (grantId: string) => {
        const { graph } = await ctx.graph();
        const grant = await revokeGrant(graph, grantId, { by: CLI_AUTHOR });
        ctx.out(`Attribution terminée : ${grantLine(grant)}.`);
      });

    for (const [name, disabled] of [
      ['disable', true],
      ['enable', false],
    ] as const) {
      user
        .command(`${name} <email>`)
        .description(
          disabled ? 'désactive un compte (ses sessions sont fermées, ses jetons refusés)' : 'réactive un compte désactivé',
        )
        .action(async (email: string) => {
          const { graph } = await ctx.graph();
          const found = await requireUser(graph, email);
          const changed = await setUserDisabled(graph, found.id, disabled);
          ctx.out(`Compte ${disabled ? 'désactivé' : 'réactivé'} : ${userLine(changed)}.`);
        });
    }
  },
};
