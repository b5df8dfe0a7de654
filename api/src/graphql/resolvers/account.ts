import {
  DomainError,
  addAllowedDomain,
  allowedDomains,
  canSeeConfidential,
  createApiToken,
  createUser,
  createWallLink,
  grantRole,
  hasPassword,
  isAllowed,
  listApiTokens,
  listGrants,
  listUsers,
  listWallLinks,
  parseEntityId,
  projectResource,
  removeAllowedDomain,
  revokeApiToken,
  revokeGrant,
  revokeWallLink,
  setPassword,
  verifyPassword,
  GLOBAL,
  type Principal,
  type User,
} from '@trame/graph';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { GraphQLContext } from '../context.ts';
import { announceRevocation } from '../../live/revocation.ts';

/**
 * The account and administration operations of issue 12: thin resolvers over
 * graph/src/access. Who may call each is in access-rules.ts (checked before these run); what
 * is left here is scoping to the caller (their own tokens) and shaping.
 */

/** The signed-in user; the rules let only users reach the resolvers that call it. */
function signedIn(ctx: GraphQLContext): User {
  if (ctx.principal.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'connectez-vous pour gérer votre compte');
  return ctx.principal.user;
}

const isAdministrator = (principal: Principal) => isAllowed(principal, 'admin:users', GLOBAL);

/** A calendar day `YYYY-MM-DD` (the Date scalar) → the end of that day, UTC: a token "until the 31st" works on the 31st. */
function endOfDay(day: string | null | undefined): Date | null {
  return day ? new Date(`${day}T23:59:59.999Z`) : null;
}

const VIEWER_KINDS = { anonymous: 'ANONYMOUS', user: 'USER', wallLink: 'WALL_LINK' } as const;

export const accountResolvers: Resolvers = {
  Query: {
    viewer: (_p, _a, ctx) => ctx.principal,
    apiTokens: (_p, _a, ctx) => listApiTokens(ctx.graph, signedIn(ctx).id),
    wallLinks: (_p, { projectId }, ctx) => listWallLinks(ctx.graph, parseEntityId(projectId, "l'identifiant du projet")),
    users: (_p, _a, ctx) => listUsers(ctx.graph),
    allowedDomains: (_p, _a, ctx) => allowedDomains(ctx.graph),
  },
  Mutation: {
    changePassword: async (_p, { currentPassword, newPassword }, ctx) => {
      const user = signedIn(ctx);
      if (await hasPassword(ctx.graph, user.id)) {
        if (!currentPassword)
          throw new DomainError('INVALID_CREDENTIALS', 'le mot de passe actuel est requis pour le changer', {
            field: 'currentPassword',
          });
        await verifyPassword(ctx.graph, user.email, currentPassword);
      }
      await setPassword(ctx.graph, user.id, newPassword, { keepSession: ctx.sessionToken });
      return true;
    },
    createApiToken: async (_p, { name, expiresAt }, ctx) => {
      const { token, info } = await createApiToken(ctx.graph, { userId: signedIn(ctx).id, name, expiresAt: endOfDay(expiresAt) });
      return { secret: token, apiToken: info };
    },
    revokeApiToken: (_p, { id }, ctx) =>
      // Administrators revoke anyone's; a user only their own (another's answers NOT_FOUND).
      revokeApiToken(ctx.graph, id, { ownerId: isAdministrator(ctx.principal) ? null : signedIn(ctx).id }),
    createWallLink: async (_p, { projectId, name, expiresAt }, ctx) => {
      const { token, info } = await createWallLink(ctx.graph, {
        projectId: parseEntityId(projectId, "l'identifiant du projet"),
        name,
        expiresAt: endOfDay(expiresAt),
        createdBy: signedIn(ctx).id,
      });
      return { secret: token, wallLink: info, url: `${ctx.publicUrl}/mur#${token}` };
    },
    revokeWallLink: async (_p, { id }, ctx) => {
      const link = await revokeWallLink(ctx.graph, id, { by: signedIn(ctx).id });
      // Its open walls stop now, not when their stream would have ended.
      announceRevocation(ctx, { wallLinkIds: [link.id] });
      return link;
    },
    createUser: (_p, { email, name }, ctx) => createUser(ctx.graph, { email, name }),
    grantRole: (_p, args, ctx) =>
      grantRole(ctx.graph, {
        userId: args.userId,
        role: args.role,
        projectId: args.projectId ?? null,
        territoryId: args.territoryId ?? null,
        by: signedIn(ctx).id,
      }),
    revokeGrant: (_p, { id }, ctx) => revokeGrant(ctx.graph, id, { by: signedIn(ctx).id }),
    allowDomain: async (_p, { domain }, ctx) => {
      await addAllowedDomain(ctx.graph, domain, { by: signedIn(ctx).id });
      return allowedDomains(ctx.graph);
    },
    disallowDomain: async (_p, { domain }, ctx) => {
      await removeAllowedDomain(ctx.graph, domain);
      return allowedDomains(ctx.graph);
    },
  },
  Viewer: {
    kind: (principal) => VIEWER_KINDS[principal.kind],
    user: (principal) => (principal.kind === 'user' ? principal.user : null),
    grants: (principal) => (principal.kind === 'user' ? principal.grants : []),
    wallProjectId: (principal) => (principal.kind === 'wallLink' ? principal.projectId : null),
    wallLinkName: (principal) => (principal.kind === 'wallLink' ? principal.name : null),
    can: (principal) => ({ administer: isAdministrator(principal) }),
  },
  UserAccount: {
    grants: (user, _a, ctx) => listGrants(ctx.graph, { userId: user.id }),
    hasPassword: (user, _a, ctx) => hasPassword(ctx.graph, user.id),
  },
  Project: {
    can: (view, _a, ctx) => {
      const resource = projectResource(view.record);
      return {
        edit: isAllowed(ctx.principal, 'project:write', resource),
        share: isAllowed(ctx.principal, 'project:share', resource),
        seeConfidential: canSeeConfidential(ctx.principal, resource),
      };
    },
  },
};
