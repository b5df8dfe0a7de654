/**
 * First start (issue 12, part 6): no password is ever baked in. On a database without users the
 * server creates the first administrator — with TRAME_ADMIN_PASSWORD when set, otherwise with no
 * password and a one-time sign-in link printed once (like a notebook server's token URL). The
 * demo map's accounts (a pilot, a DGS) get one-time links too, printed when the demo is seeded.
 */
import {
  SIGN_IN_LINK_VALIDITY_MS,
  createSignInLink,
  createUser,
  findUserByEmail,
  grantRole,
  isDomainError,
  listUsers,
  type Graph,
  type GrantableRole,
  type User,
} from '@trame/graph';

export const FIRST_ADMIN_NAME = 'Administrateur';

/** The sign-in page's address for a one-time link: `<public url>/connexion?jeton=trame_lien_…`. */
export function signInLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/connexion?jeton=${encodeURIComponent(token)}`;
}

export interface CreatedAccount {
  user: User;
  role: GrantableRole;
  /** The one-time sign-in link (24 h), or null when the account was given a password. */
  signInUrl: string | null;
}

/**
 * Creates the first administrator when the database has no user at all; null otherwise (a
 * second start, or another process that won the race: the e-mail is unique). The grant is made
 * by `system`. Throws INVALID_EMAIL, PASSWORD_TOO_SHORT / PASSWORD_TOO_LONG.
 */
export async function ensureFirstAdministrator(
  graph: Graph,
  options: { email: string; password: string | null; publicUrl: string; now?: Date },
): Promise<CreatedAccount | null> {
  if ((await listUsers(graph)).length > 0) return null;
  let user: User;
  try {
    user = await createUser(graph, {
      email: options.email,
      name: FIRST_ADMIN_NAME,
      password: options.password,
      now: options.now,
    });
  } catch (error) {
    if (isDomainError(error) && error.code === 'EMAIL_TAKEN') return null;
    throw error;
  }
  await grantRole(graph, { userId: user.id, role: 'ADMINISTRATEUR', by: 'system', now: options.now });
  const signInUrl =
    options.password === null
      ? signInLinkUrl(options.publicUrl, (await createSignInLink(graph, user.id, { now: options.now })).token)
      : null;
  return { user, role: 'ADMINISTRATEUR', signInUrl };
}

/** The demo map's accounts: whose roles show the difference between piloting and reviewing. */
export const DEMO_ACCOUNTS = [
  {
    email: 'pilote.demo@trame.localhost',
    name: 'Pilote de démonstration (marché de Malaunay)',
    role: 'PILOTE',
    projectId: 'prj-marche',
    territoryId: null,
  },
  {
    email: 'dgs.demo@trame.localhost',
    name: 'DGS de démonstration (Malaunay)',
    role: 'RELECTEUR',
    projectId: null,
    territoryId: 'ter-malaunay',
  },
] as const;

/**
 * Creates the demo accounts that do not exist yet, each with its grant and a one-time sign-in
 * link (no password). An existing account is left alone (no new link). Call after the demo map
 * is loaded (its project and territory must exist).
 */
export async function ensureDemoAccounts(graph: Graph, options: { publicUrl: string; now?: Date }): Promise<CreatedAccount[]> {
  const created: CreatedAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(graph, account.email)) continue;
    let user: User;
    try {
      user = await createUser(graph, { email: account.email, name: account.name, now: options.now });
    } catch (error) {
      if (isDomainError(error) && error.code === 'EMAIL_TAKEN') continue;
      throw error;
    }
    await grantRole(graph, {
      userId: user.id,
      role: account.role,
      projectId: account.projectId,
      territoryId: account.territoryId,
      by: 'system',
      now: options.now,
    });
    const link = await createSignInLink(graph, user.id, { now: options.now });
    created.push({ user, role: account.role, signInUrl: signInLinkUrl(options.publicUrl, link.token) });
  }
  return created;
}

const ROLE_LABELS: Record<GrantableRole, string> = {
  ADMINISTRATEUR: 'administrateur',
  PILOTE: 'pilote',
  RELECTEUR: 'relecteur',
};

/** The lines the server prints for accounts it created (the links are shown this once). */
export function describeCreatedAccounts(accounts: readonly CreatedAccount[]): string[] {
  const hours = SIGN_IN_LINK_VALIDITY_MS / 3_600_000;
  return accounts.flatMap(({ user, role, signInUrl }) => {
    const who = `${ROLE_LABELS[role]} « ${user.name} » <${user.email}>`;
    if (!signInUrl) return [`compte ${who} créé avec le mot de passe de TRAME_ADMIN_PASSWORD`];
    return [
      `compte ${who} créé, sans mot de passe. Lien de connexion à usage unique, valable ${hours} h :`,
      `  ${signInUrl}`,
      '  (ouvrez-le, puis choisissez un mot de passe sur la page qui s’affiche ; ce lien n’est affiché qu’une fois)',
    ];
  });
}
