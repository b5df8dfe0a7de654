/**
 * Access control through the API (issue 12 parts 1–4, 7): the sign-in routes and their
 * session cookie, the rate limit, Bearer tokens and wall links, the account operations, the
 * per-project abilities and the attribution of changes to the signed-in user.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@trame/api';
import { createSignInLink } from '@trame/graph';
import { useTestApp } from './support/app.ts';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { codeOf, type GqlResult } from './support/http.ts';
import { createPilot, createReviewer, createTestUser, type TestUser } from './support/principals.ts';

const t = useTestApp();
const PASSWORD = 'un mot de passe assez long';

let small: SmallProject;
let pilot: TestUser;
beforeAll(async () => {
  small = await buildSmallProject(t.graph, 1, 1);
  pilot = await createPilot(t.graph, small.project.id, 'Camille Pilote');
});

async function signIn(email: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/auth/connexion', payload: { email, password } });
}

/** The `name=value` of a Set-Cookie answer, for the next request's Cookie header. */
function cookieOf(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? String(header[0]) : String(header);
  return first.split(';', 1)[0]!;
}

async function gqlWithCookie<T = Record<string, unknown>>(cookie: string, query: string, variables = {}) {
  // x-trame-csrf: what the web app sends; a cookie-signed request without it is refused (security.ts).
  const response = await t.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { cookie, 'x-trame-csrf': '1' },
    payload: { query, variables },
  });
  return { response, body: response.json() as GqlResult<T> };
}

const VIEWER = '{ viewer { kind user { name } grants { role projectId } wallProjectId can { administer } } }';

describe('signing in with a password', () => {
  it('opens a session in an HttpOnly, SameSite=Lax cookie, and signs out', async () => {
    const { user } = await createTestUser(t.graph, { name: 'Dominique Relecteur', password: PASSWORD });
    const response = await signIn(user.email.toUpperCase(), PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user: { id: user.id, name: user.name, email: user.email } });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^trame_session=trame_ses_[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+/);
    expect(setCookie).not.toMatch(/Secure|Domain/);
    const cookie = cookieOf(response);

    const signedIn = await gqlWithCookie<{ viewer: { kind: string; user: { name: string } } }>(cookie, VIEWER);
    expect(signedIn.body.data?.viewer).toMatchObject({ kind: 'USER', user: { name: 'Dominique Relecteur' } });

    const out = await t.app.inject({ method: 'POST', url: '/auth/deconnexion', headers: { cookie, 'x-trame-csrf': '1' } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^trame_session=; .*Max-Age=0/);
    // The session is over: the old cookie reads as anonymous, and the answer clears it.
    const after = await gqlWithCookie<{ viewer: { kind: string } }>(cookie, VIEWER);
    expect(after.body.data?.viewer.kind).toBe('ANONYMOUS');
    expect(String(after.response.headers['set-cookie'])).toMatch(/^trame_session=;/);
  });

  it('refuses a wrong password and an unknown address alike, with 401 INVALID_CREDENTIALS', async () => {
    const { user } = await createTestUser(t.graph, { password: PASSWORD });
    for (const [email, password] of [
      [user.email, 'pas le bon mot de passe'],
      [`${uniqueId('inconnu')}@trame.test`, PASSWORD],
    ] as const) {
      const response = await signIn(email, password);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 'INVALID_CREDENTIALS', message: 'adresse e-mail ou mot de passe incorrect' },
      });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    const missing = await t.app.inject({ method: 'POST', url: '/auth/connexion', payload: { email: user.email } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('limits the attempts on one account: 429 RATE_LIMITED, even with the right password', async () => {
    const { user } = await createTestUser(t.graph, { password: PASSWORD });
    for (let i = 0; i < 10; i += 1) expect((await signIn(user.email, 'mauvais mot de passe')).statusCode).toBe(401);
    const limited = await signIn(user.email, PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/réessayez dans/) } });
    // Another account from the same address is not limited yet.
    const other = await createTestUser(t.graph, { password: PASSWORD });
    expect((await signIn(other.user.email, PASSWORD)).statusCode).toBe(200);
  }, 60_000);
});

describe('one-time sign-in links', () => {
  it('signs in once, asks for a password, and changePassword sets it', async () => {
    const { user } = await createTestUser(t.graph, { name: 'Premier administrateur' });
    const { token } = await createSignInLink(t.graph, user.id);
    const response = await t.app.inject({ method: 'POST', url: '/auth/lien', payload: { jeton: token } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { id: user.id }, mustSetPassword: true });
    const cookie = cookieOf(response);

    const again = await t.app.inject({ method: 'POST', url: '/auth/lien', payload: { jeton: token } });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: { code: 'INVALID_SIGN_IN_LINK' } });

    const CHANGE = 'mutation($c: String, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    // Until then the account says it has none (the sign-in and account pages offer to set one, after a reload too).
    const HAS = '{ viewer { user { hasPassword } } }';
    const hasPassword = async () =>
      (await gqlWithCookie<{ viewer: { user: { hasPassword: boolean } } }>(cookie, HAS)).body.data?.viewer.user.hasPassword;
    expect(await hasPassword()).toBe(false);
    const short = await gqlWithCookie(cookie, CHANGE, { n: 'court' });
    expect(codeOf(short.body)).toBe('PASSWORD_TOO_SHORT');
    const set = await gqlWithCookie(cookie, CHANGE, { n: PASSWORD });
    expect(set.body).toEqual({ data: { changePassword: true } });
    expect(await hasPassword()).toBe(true);
    // Now a password exists: changing it needs the current one.
    expect(codeOf((await gqlWithCookie(cookie, CHANGE, { n: `${PASSWORD} bis` })).body)).toBe('INVALID_CREDENTIALS');
    expect(codeOf((await gqlWithCookie(cookie, CHANGE, { c: 'faux mot de passe', n: `${PASSWORD} bis` })).body)).toBe(
      'INVALID_CREDENTIALS',
    );
    // The session that changed it stays open.
    expect((await gqlWithCookie<{ viewer: { kind: string } }>(cookie, VIEWER)).body.data?.viewer.kind).toBe('USER');
    expect((await signIn(user.email, PASSWORD)).statusCode).toBe(200);
  });
});

describe('Bearer credentials', () => {
  it('answers a bad Bearer with HTTP 401 UNAUTHENTICATED in the GraphQL error shape', async () => {
    for (const authorization of ['Bearer trame_pat_inconnu', 'Bearer nimportequoi', 'Basic dXNlcjpwYXNz']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { authorization },
        payload: { query: VIEWER },
      });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });

  it('creates, lists and revokes a personal token; a revoked token is refused at its next request', async () => {
    const created = await t.gqlAs<{ createApiToken: { secret: string; apiToken: { id: string; hint: string } } }>(
      pilot.token,
      'mutation { createApiToken(name: "Script d\'export", expiresAt: "2099-01-01") { secret apiToken { id hint expiresAt } } }',
    );
    expect(created.errors).toBeUndefined();
    const { secret, apiToken } = created.data!.createApiToken;
    expect(secret.startsWith(apiToken.hint.replace(/…$/, ''))).toBe(true);
    const viewer = await t.gqlAs<{ viewer: { user: { name: string } } }>(secret, VIEWER);
    expect(viewer.data?.viewer.user.name).toBe('Camille Pilote');
    const listed = await t.gqlAs<{ apiTokens: { id: string; lastUsedAt: string | null }[] }>(
      pilot.token,
      '{ apiTokens { id lastUsedAt } }',
    );
    expect(listed.data?.apiTokens.find((token) => token.id === apiToken.id)?.lastUsedAt).not.toBeNull();
    // Another user cannot revoke it (nor learn it exists).
    const stranger = await createTestUser(t.graph);
    const REVOKE = 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }';
    expect(codeOf(await t.gqlAs(stranger.token, REVOKE, { id: apiToken.id }))).toBe('ACCESS_TOKEN_NOT_FOUND');
    expect((await t.gqlAs(pilot.token, REVOKE, { id: apiToken.id })).errors).toBeUndefined();
    const refused = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { authorization: `Bearer ${secret}` },
      payload: { query: VIEWER },
    });
    expect(refused.statusCode).toBe(401);
  });
});

describe('wall links', () => {
  it('a pilot shares the project on the wall; the link reads that project only, and is cut when revoked', async () => {
    const created = await t.gqlAs<{
      createWallLink: { secret: string; url: string; wallLink: { id: string; projectId: string } };
    }>(
      pilot.token,
      'mutation($p: ID!) { createWallLink(projectId: $p, name: "Salle du conseil") { secret url wallLink { id projectId } } }',
      { p: small.project.id },
    );
    expect(created.errors).toBeUndefined();
    const { secret, url, wallLink } = created.data!.createWallLink;
    expect(url).toBe(`http://localhost:80/mur#${secret}`);
    expect(wallLink.projectId).toBe(small.project.id);

    const viewer = await t.gqlAs<{ viewer: unknown }>(secret, VIEWER);
    expect(viewer.data?.viewer).toMatchObject({ kind: 'WALL_LINK', user: null, grants: [], wallProjectId: small.project.id });
    const read = await t.gqlAs<{ project: { name: string; can: unknown } }>(
      secret,
      'query($id: ID!) { project(id: $id) { name can { edit share seeConfidential } } }',
      {
        id: small.project.id,
      },
    );
    expect(read.data?.project).toEqual({ name: 'Projet de test', can: { edit: false, share: false, seeConfidential: false } });
    const other = await buildSmallProject(t.graph, 0, 0);
    const refused = await t.gqlAs(secret, 'query($id: ID!) { project(id: $id) { name } }', { id: other.project.id });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    // The refusal names no project the link may not read.
    expect(refused.errors?.[0]?.message).not.toContain('Projet de test');

    const links = await t.gqlAs<{ wallLinks: { id: string; name: string }[] }>(
      pilot.token,
      'query($p: ID!) { wallLinks(projectId: $p) { id name } }',
      {
        p: small.project.id,
      },
    );
    expect(links.data?.wallLinks).toContainEqual({ id: wallLink.id, name: 'Salle du conseil' });
    const revoked = await t.gqlAs(pilot.token, 'mutation($id: ID!) { revokeWallLink(id: $id) { revokedAt } }', {
      id: wallLink.id,
    });
    expect(revoked.errors).toBeUndefined();
    const after = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { authorization: `Bearer ${secret}` },
      payload: { query: VIEWER },
    });
    expect(after.statusCode).toBe(401);
  });
});

describe('roles through the API', () => {
  it('tells the interface what each may do with a project', async () => {
    const reviewer = await createReviewer(t.graph, small.territory.id);
    const other = await buildSmallProject(t.graph, 0, 0);
    const CAN = 'query($id: ID!) { project(id: $id) { can { edit share seeConfidential } } }';
    const as = async (secret: string) =>
      (await t.gqlAs<{ project: { can: unknown } }>(secret, CAN, { id: small.project.id })).data?.project.can;
    expect(await as(pilot.token)).toEqual({ edit: true, share: true, seeConfidential: true });
    expect(await as(reviewer.token)).toEqual({ edit: false, share: false, seeConfidential: true });
    expect(await as(t.admin.token)).toEqual({ edit: true, share: true, seeConfidential: true });
    // A relecteur of another territory may not read it at all, and is told so by the project's name.
    const stranger = await createReviewer(t.graph, other.territory.id);
    const refused = await t.gqlAs(stranger.token, CAN, { id: small.project.id });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toBe('votre rôle ne vous permet pas de lire le projet « Projet de test »');
    // Anonymous: told to sign in, nothing named.
    const anonymous = await t.gqlAs(null, CAN, { id: small.project.id });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.errors?.[0]?.message).toBe('connectez-vous pour accéder à Trame');
  });

  it('lists only the territories a user may read', async () => {
    const other = await buildSmallProject(t.graph, 0, 0);
    const ids = async (secret: string) =>
      ((await t.gqlAs<{ territories: { id: string }[] }>(secret, '{ territories { id } }')).data?.territories ?? []).map(
        (x) => x.id,
      );
    const mine = await ids(pilot.token);
    expect(mine).toContain(small.territory.id);
    expect(mine).not.toContain(other.territory.id);
    expect(await ids(t.admin.token)).toEqual(expect.arrayContaining([small.territory.id, other.territory.id]));
  });

  it('attributes a change to the signed-in user: display name and id', async () => {
    const created = await t.gqlAs<{ createObjective: { id: string } }>(
      pilot.token,
      'mutation($p: ID!) { createObjective(input: {projectId: $p, title: "Cantine bio", dimensions: [SOCIAL], nature: MATERIEL}) { id } }',
      { p: small.project.id },
    );
    expect(created.errors).toBeUndefined();
    const timeline = await t.gqlAs<{ projectTimeline: { changes: { author: string; authorId: string }[] } }>(
      pilot.token,
      'query($p: ID!, $e: ID) { projectTimeline(projectId: $p, entityId: $e) { changes { author authorId } } }',
      { p: small.project.id, e: created.data!.createObjective.id },
    );
    expect(timeline.data?.projectTimeline.changes).toEqual([{ author: 'Camille Pilote', authorId: pilot.user.id }]);
  });

  it('lets an administrator manage users, roles and allowed domains', async () => {
    const email = `${uniqueId('nouveau')}@ville-exemple.fr`;
    const created = await t.gql<{ createUser: { id: string; email: string; grants: unknown[] } }>(
      'mutation($e: String!) { createUser(email: $e, name: "Alex Nouveau") { id email grants { id } } }',
      { e: email },
    );
    expect(created.data?.createUser).toMatchObject({ email, grants: [] });
    const userId = created.data!.createUser.id;
    const granted = await t.gql<{ grantRole: { id: string; role: string; projectId: string } }>(
      'mutation($u: ID!, $p: ID) { grantRole(userId: $u, role: PILOTE, projectId: $p) { id role projectId } }',
      { u: userId, p: small.project.id },
    );
    expect(granted.data?.grantRole).toMatchObject({ role: 'PILOTE', projectId: small.project.id });
    const badScope = await t.gql('mutation($u: ID!) { grantRole(userId: $u, role: PILOTE) { id } }', { u: userId });
    expect(codeOf(badScope)).toBe('INVALID_ROLE');
    const users = await t.gql<{ users: { id: string; grants: { role: string }[] }[] }>('{ users { id grants { role } } }');
    expect(users.data?.users.find((u) => u.id === userId)?.grants).toEqual([{ role: 'PILOTE' }]);
    const revoked = await t.gql('mutation($id: ID!) { revokeGrant(id: $id) { id } }', { id: granted.data!.grantRole.id });
    expect(revoked.errors).toBeUndefined();

    const domain = `${uniqueId('d')}.fr`;
    const allowed = await t.gql<{ allowDomain: string[] }>('mutation($d: String!) { allowDomain(domain: $d) }', {
      d: `@${domain.toUpperCase()}`,
    });
    expect(allowed.data?.allowDomain).toContain(domain);
    const removed = await t.gql<{ disallowDomain: string[] }>('mutation($d: String!) { disallowDomain(domain: $d) }', {
      d: domain,
    });
    expect(removed.data?.disallowDomain).not.toContain(domain);
    expect(codeOf(await t.gql('mutation { allowDomain(domain: "pas un domaine") }'))).toBe('INVALID_EMAIL_DOMAIN');
    // A pilot may not.
    expect(codeOf(await t.gqlAs(pilot.token, '{ users { id } }'))).toBe('FORBIDDEN');
  });
});

describe('behind HTTPS', () => {
  let secure: FastifyInstance;
  afterAll(async () => secure?.close());

  it('names the cookie __Host-trame_session, Secure, and builds wall link addresses on the public URL', async () => {
    secure = await buildApp({ graph: t.graph, webDir: null, graphiql: false, publicUrl: 'https://trame.ville-exemple.fr/' });
    const { user } = await createTestUser(t.graph, { password: PASSWORD });
    const response = await secure.inject({
      method: 'POST',
      url: '/auth/connexion',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers['set-cookie'])).toMatch(
      /^__Host-trame_session=trame_ses_[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Secure;/,
    );
    const link = await secure.inject({
      method: 'POST',
      url: '/graphql',
      headers: { authorization: `Bearer ${pilot.token}` },
      payload: {
        query: 'mutation($p: ID!) { createWallLink(projectId: $p, name: "Mur") { url } }',
        variables: { p: small.project.id },
      },
    });
    expect((link.json() as GqlResult<{ createWallLink: { url: string } }>).data?.createWallLink.url).toMatch(
      /^https:\/\/trame\.ville-exemple\.fr\/mur#trame_mur_/,
    );
  });

  it('answers GET /auth/options with no single sign-on configured', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/auth/options' });
    expect(response.json()).toEqual({ oidc: null });
  });
});
