import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { hash as argon2Hash } from '@node-rs/argon2';
import {
  DomainError,
  addAllowedDomain,
  allowedDomains,
  authenticateSession,
  authorize,
  consumeSignInLink,
  createApiToken,
  createSession,
  createSignInLink,
  createUser,
  createWallLink,
  endEntity,
  findUserByEmail,
  getUser,
  grantRole,
  listApiTokens,
  listGrants,
  listWallLinks,
  lookupSession,
  purgeExpiredSessions,
  readHiddenEntityIds,
  readProjectResource,
  readProjectState,
  readTimeline,
  redactChanges,
  redactProjectState,
  removeAllowedDomain,
  resolvePrincipal,
  revokeApiToken,
  revokeGrant,
  revokeSession,
  revokeUserSessions,
  revokeWallLink,
  setPassword,
  setUserDisabled,
  userForSingleSignOn,
  verifyPassword,
  SESSION_LIFETIME,
  type User,
} from '@trame/graph';
import { TEST_AUTHOR, at, build, buildSmallProject, type SmallProject } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { useTestGraph } from './support/app.ts';

// Counts the verifications against the dummy hash, doing the real work (and taking its time):
// deterministic, where timing the two answers on a shared machine is not.
const spent = vi.hoisted(() => ({ count: 0 }));
vi.mock('../graph/src/access/passwords.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../graph/src/access/passwords.ts')>();
  return {
    ...original,
    spendVerification: async (password: string) => {
      spent.count += 1;
      await original.spendVerification(password);
    },
  };
});

const t = useTestGraph();

const PASSWORD = 'une phrase de passe assez longue';
const email = (who = 'pilote') => `${uniqueId(who)}@Exemple.FR`;
const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** Every property value of the nodes with this label whose `key` is `value`, as one string. */
async function propsOf(
  label: 'User' | 'Password' | 'Session' | 'ApiToken' | 'WallLink' | 'SignInLink',
  key: string,
  value: string,
): Promise<string> {
  const { records } = await t.graph.driver.executeQuery(
    `MATCH (n:${label}) WHERE n[$key] = $value RETURN properties(n) AS p`,
    { key, value },
    { database: t.graph.database },
  );
  return JSON.stringify(records.map((r) => r.get('p')));
}

describe('users and passwords', () => {
  it('stores the e-mail lower-cased and unique, the password only as an argon2id hash apart from the user', async () => {
    const address = email();
    const user = await createUser(t.graph, { email: `  ${address} `, name: ' Claire Pilote ', password: PASSWORD });
    expect(user).toMatchObject({ email: address.toLowerCase(), name: 'Claire Pilote', disabledAt: null });
    expect(await findUserByEmail(t.graph, address.toUpperCase())).toEqual(user);
    expect(await getUser(t.graph, user.id)).toEqual(user);
    expect(await codeOf(createUser(t.graph, { email: address.toLowerCase(), name: 'Autre' }))).toBe('EMAIL_TAKEN');
    const userProps = await propsOf('User', 'id', user.id);
    expect(userProps).not.toContain('argon2');
    expect(userProps).not.toContain(PASSWORD);
    const passwordProps = await propsOf('Password', 'userId', user.id);
    expect(passwordProps).toContain('$argon2id$v=19$m=19456,t=2,p=1$');
    expect(passwordProps).not.toContain(PASSWORD);
  });

  it('refuses bad input with the French messages of the catalogue and writes nothing', async () => {
    const address = email();
    expect(await codeOf(createUser(t.graph, { email: 'pas-une-adresse', name: 'X' }))).toBe('INVALID_EMAIL');
    expect(await codeOf(createUser(t.graph, { email: address, name: '   ' }))).toBe('REQUIRED_FIELD');
    const short = createUser(t.graph, { email: address, name: 'X', password: 'court' });
    await expect(short).rejects.toThrow('le mot de passe doit compter au moins 12 caractères (il en compte 5)');
    expect(await findUserByEmail(t.graph, address)).toBeNull();
    expect(await codeOf(createUser(t.graph, { email: address, name: 'X', password: 'x'.repeat(257) }))).toBe('PASSWORD_TOO_LONG');
  });

  it('verifies passwords; unknown e-mail, wrong password, no password and disabled account look the same', async () => {
    const address = email();
    const user = await createUser(t.graph, { email: address, name: 'Vérifiée', password: PASSWORD });
    expect((await verifyPassword(t.graph, address.toUpperCase(), PASSWORD)).id).toBe(user.id);
    const passwordless = await createUser(t.graph, { email: email(), name: 'Sans mot de passe' });
    const failures = [
      () => verifyPassword(t.graph, address, `${PASSWORD}!`),
      () => verifyPassword(t.graph, email('inconnu'), PASSWORD),
      () => verifyPassword(t.graph, 'pas-une-adresse', PASSWORD),
      () => verifyPassword(t.graph, passwordless.email, PASSWORD),
    ];
    const messages = new Set<string>();
    for (const failure of failures) {
      const error = await failure().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('INVALID_CREDENTIALS');
      messages.add((error as DomainError).message);
    }
    expect([...messages]).toEqual(['adresse e-mail ou mot de passe incorrect']);
    await setUserDisabled(t.graph, user.id, true);
    expect(await codeOf(verifyPassword(t.graph, address, PASSWORD))).toBe('INVALID_CREDENTIALS');
    await setUserDisabled(t.graph, user.id, false);
    expect((await verifyPassword(t.graph, address, PASSWORD)).id).toBe(user.id);
  });

  it('an unknown e-mail costs an argon2id verification too (timing does not reveal accounts)', async () => {
    const address = email();
    await createUser(t.graph, { email: address, name: 'Chrono', password: PASSWORD });
    const before = spent.count;
    await expect(codeOf(verifyPassword(t.graph, email('inconnu'), PASSWORD))).resolves.toBe('INVALID_CREDENTIALS');
    expect(spent.count, 'an unknown e-mail verifies against the dummy hash').toBe(before + 1);
    await expect(codeOf(verifyPassword(t.graph, address, 'mauvais mot de passe'))).resolves.toBe('INVALID_CREDENTIALS');
    expect(spent.count, 'a wrong password verifies against the real hash, not the dummy').toBe(before + 1);
  });

  it('rehashes a password stored with older parameters at the next successful sign-in', async () => {
    const address = email();
    const user = await createUser(t.graph, { email: address, name: 'Ancienne', password: PASSWORD });
    const old = await argon2Hash(PASSWORD, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await t.graph.write((tx) => tx.run('MATCH (p:Password {userId: $id}) SET p.hash = $old', { id: user.id, old }));
    await verifyPassword(t.graph, address, PASSWORD);
    expect(await propsOf('Password', 'userId', user.id)).toContain('m=19456,t=2,p=1');
  });

  it('changing the password revokes the other sessions and keeps the current one', async () => {
    const address = email();
    const user = await createUser(t.graph, { email: address, name: 'Changeante', password: PASSWORD });
    const here = await createSession(t.graph, user.id);
    const elsewhere = await createSession(t.graph, user.id);
    expect(await setPassword(t.graph, user.id, 'un tout nouveau mot de passe', { keepSession: here.token })).toBe(1);
    expect(await lookupSession(t.graph, here.token)).not.toBeNull();
    expect(await lookupSession(t.graph, elsewhere.token)).toBeNull();
    expect(await codeOf(verifyPassword(t.graph, address, PASSWORD))).toBe('INVALID_CREDENTIALS');
    expect((await verifyPassword(t.graph, address, 'un tout nouveau mot de passe')).id).toBe(user.id);
    expect(await codeOf(setPassword(t.graph, user.id, 'trop court'))).toBe('PASSWORD_TOO_SHORT');
    expect(await codeOf(setPassword(t.graph, 'usr-nobody', PASSWORD))).toBe('USER_NOT_FOUND');
  });
});

describe('sessions', () => {
  let user: User;
  beforeAll(async () => {
    user = await createUser(t.graph, { email: email('session'), name: 'Session' });
  });

  it('stores only the hash of the cookie value', async () => {
    const { token } = await createSession(t.graph, user.id, { userAgent: 'Firefox' });
    expect(token).toMatch(/^trame_ses_[A-Za-z0-9_-]{43}$/);
    const stored = await propsOf('Session', 'idHash', sha256(token));
    expect(stored).toContain(sha256(token));
    expect(stored).not.toContain(token);
  });

  it('expires when idle, is kept alive by use written at most once a minute, and ends at its absolute expiry', async () => {
    const t0 = new Date('2030-01-01T08:00:00Z');
    const { token, absoluteExpiresAt } = await createSession(t.graph, user.id, { now: t0 });
    expect(absoluteExpiresAt).toEqual(new Date(t0.getTime() + SESSION_LIFETIME.absoluteMs));
    const early = await lookupSession(t.graph, token, { now: minutes(t0, 0.5) });
    expect(early).toMatchObject({ touchDue: false, user: { id: user.id } });
    const due = await authenticateSession(t.graph, token, { now: minutes(t0, 2) });
    expect(due?.touchDue).toBe(true);
    expect((await lookupSession(t.graph, token, { now: minutes(t0, 2.5) }))?.lastSeenAt).toEqual(minutes(t0, 2));
    // Idle: 12 h after the last recorded use, not after sign-in.
    expect(await lookupSession(t.graph, token, { now: minutes(t0, 2 + 12 * 60 - 1) })).not.toBeNull();
    expect(await lookupSession(t.graph, token, { now: minutes(t0, 2 + 12 * 60) })).toBeNull();
    // Used every 11 h, it still ends 7 days after sign-in.
    const kept = await createSession(t.graph, user.id, { now: t0 });
    let now = t0;
    while (now.getTime() + 11 * 3_600_000 < absoluteExpiresAt.getTime()) {
      now = new Date(now.getTime() + 11 * 3_600_000);
      expect(await authenticateSession(t.graph, kept.token, { now }), now.toISOString()).not.toBeNull();
    }
    expect(await lookupSession(t.graph, kept.token, { now: absoluteExpiresAt })).toBeNull();
    expect(await purgeExpiredSessions(t.graph, { now: minutes(absoluteExpiresAt, 1) })).toBeGreaterThanOrEqual(2);
    expect(await propsOf('Session', 'idHash', sha256(kept.token))).toBe('[]');
  });

  it('signs out one session, all of a user, and refuses a disabled user', async () => {
    const other = await createUser(t.graph, { email: email('session'), name: 'Autre' });
    const a = await createSession(t.graph, other.id);
    const b = await createSession(t.graph, other.id);
    const c = await createSession(t.graph, other.id);
    expect(await revokeSession(t.graph, a.token)).toBe(true);
    expect(await revokeSession(t.graph, a.token)).toBe(false);
    expect(await lookupSession(t.graph, a.token)).toBeNull();
    expect(await revokeUserSessions(t.graph, other.id, { except: c.token })).toBe(1);
    expect(await lookupSession(t.graph, b.token)).toBeNull();
    expect(await lookupSession(t.graph, c.token)).not.toBeNull();
    await setUserDisabled(t.graph, other.id, true);
    expect(await lookupSession(t.graph, c.token)).toBeNull();
    expect(await codeOf(createSession(t.graph, other.id))).toBe('USER_NOT_FOUND');
  });

  it('one-time sign-in links: valid 24 h, usable once, even when two requests race', async () => {
    const admin = await createUser(t.graph, { email: email('admin'), name: 'Premier administrateur' });
    const t0 = new Date();
    const link = await createSignInLink(t.graph, admin.id, { now: t0 });
    expect(link.token).toMatch(/^trame_lien_/);
    expect(link.expiresAt).toEqual(new Date(t0.getTime() + 24 * 3_600_000));
    const race = await Promise.allSettled([consumeSignInLink(t.graph, link.token), consumeSignInLink(t.graph, link.token)]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as DomainError).code).toBe('INVALID_SIGN_IN_LINK');
    const late = await createSignInLink(t.graph, admin.id, { now: t0 });
    expect(await codeOf(consumeSignInLink(t.graph, late.token, { now: new Date(t0.getTime() + 24 * 3_600_000) }))).toBe(
      'INVALID_SIGN_IN_LINK',
    );
    expect(await codeOf(consumeSignInLink(t.graph, 'trame_lien_inconnu'))).toBe('INVALID_SIGN_IN_LINK');
  });
});

describe('roles, tokens and wall links', () => {
  let small: SmallProject;
  let pilot: User;
  beforeAll(async () => {
    small = await buildSmallProject(t.graph, 2, 1);
    pilot = await createUser(t.graph, { email: email('pilote'), name: 'Pilote du projet', password: PASSWORD });
  });

  it('grants roles with their scope, idempotently, and ends them without erasing them', async () => {
    const projectRes = { kind: 'project' as const, projectId: small.project.id, territoryId: small.territory.id };
    const grant = await grantRole(t.graph, { userId: pilot.id, role: 'PILOTE', projectId: small.project.id, by: 'system' });
    expect(grant).toMatchObject({
      role: 'PILOTE',
      projectId: small.project.id,
      territoryId: small.territory.id,
      grantedBy: 'system',
      revokedAt: null,
    });
    expect((await grantRole(t.graph, { userId: pilot.id, role: 'PILOTE', projectId: small.project.id, by: 'system' })).id).toBe(
      grant.id,
    );
    const session = await createSession(t.graph, pilot.id);
    const resolved = await resolvePrincipal(t.graph, { sessionToken: session.token });
    expect(resolved.principal).toMatchObject({ kind: 'user', via: 'session', grants: [{ id: grant.id }] });
    expect(() => authorize(resolved.principal, 'project:write', projectRes)).not.toThrow();

    const revoked = await revokeGrant(t.graph, grant.id, { by: 'usr-admin' });
    expect(revoked).toMatchObject({ id: grant.id, revokedBy: 'usr-admin' });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await listGrants(t.graph, { userId: pilot.id })).toEqual([]);
    expect((await listGrants(t.graph, { userId: pilot.id, includeRevoked: true })).map((g) => g.id)).toEqual([grant.id]);
    // The next request sees the revocation.
    const after = await resolvePrincipal(t.graph, { sessionToken: session.token });
    expect(await codeOf((async () => authorize(after.principal, 'project:write', projectRes))())).toBe('FORBIDDEN');
    await grantRole(t.graph, { userId: pilot.id, role: 'PILOTE', projectId: small.project.id, by: 'system' });
  });

  it('checks role scopes and targets', async () => {
    const by = 'system';
    expect(await codeOf(grantRole(t.graph, { userId: pilot.id, role: 'PILOTE', territoryId: small.territory.id, by }))).toBe(
      'INVALID_ROLE',
    );
    expect(await codeOf(grantRole(t.graph, { userId: pilot.id, role: 'RELECTEUR', projectId: small.project.id, by }))).toBe(
      'INVALID_ROLE',
    );
    expect(
      await codeOf(grantRole(t.graph, { userId: pilot.id, role: 'ADMINISTRATEUR', territoryId: small.territory.id, by })),
    ).toBe('INVALID_ROLE');
    expect(
      await codeOf(grantRole(t.graph, { userId: pilot.id, role: 'ATELIER' as 'PILOTE', projectId: small.project.id, by })),
    ).toBe('INVALID_ROLE');
    expect(await codeOf(grantRole(t.graph, { userId: pilot.id, role: 'PILOTE', projectId: 'prj-nowhere', by }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(grantRole(t.graph, { userId: pilot.id, role: 'RELECTEUR', territoryId: small.project.id, by }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(grantRole(t.graph, { userId: 'usr-nobody', role: 'ADMINISTRATEUR', by }))).toBe('USER_NOT_FOUND');
    expect(await codeOf(revokeGrant(t.graph, 'grt-nothing', { by }))).toBe('GRANT_NOT_FOUND');
    const reviewer = await createUser(t.graph, { email: email('dgs'), name: 'DGS' });
    const grant = await grantRole(t.graph, { userId: reviewer.id, role: 'RELECTEUR', territoryId: small.territory.id, by });
    expect(await listGrants(t.graph, { territoryId: small.territory.id })).toContainEqual(grant);
  });

  it('personal API tokens act as their user until revoked or expired', async () => {
    const { token, info } = await createApiToken(t.graph, { userId: pilot.id, name: "Script d'export" });
    expect(token).toMatch(/^trame_pat_[A-Za-z0-9_-]{43}$/);
    expect(info).toMatchObject({ name: "Script d'export", hint: `${token.slice(0, 14)}…`, lastUsedAt: null, revokedAt: null });
    expect(await propsOf('ApiToken', 'id', info.id)).not.toContain(token);
    const resolved = await resolvePrincipal(t.graph, { authorization: `Bearer ${token}` });
    expect(resolved.principal).toMatchObject({ kind: 'user', via: 'token', user: { id: pilot.id } });
    expect((resolved.principal as { grants: unknown[] }).grants.length).toBeGreaterThan(0);
    const [listed] = await listApiTokens(t.graph, pilot.id);
    expect(listed?.id).toBe(info.id);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(await listApiTokens(t.graph, pilot.id))).not.toContain(token);

    const stranger = await createUser(t.graph, { email: email('autre'), name: 'Autre' });
    expect(await codeOf(revokeApiToken(t.graph, info.id, { ownerId: stranger.id }))).toBe('ACCESS_TOKEN_NOT_FOUND');
    await revokeApiToken(t.graph, info.id, { ownerId: pilot.id });
    expect(await codeOf(resolvePrincipal(t.graph, { authorization: `Bearer ${token}` }))).toBe('UNAUTHENTICATED');

    const soon = new Date(Date.now() + 60_000);
    const expiring = await createApiToken(t.graph, { userId: pilot.id, name: 'Court', expiresAt: soon });
    expect((await resolvePrincipal(t.graph, { authorization: `Bearer ${expiring.token}` })).principal.kind).toBe('user');
    expect(await codeOf(resolvePrincipal(t.graph, { authorization: `Bearer ${expiring.token}` }, { now: soon }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      await codeOf(createApiToken(t.graph, { userId: pilot.id, name: 'Passé', expiresAt: new Date(Date.now() - 1000) })),
    ).toBe('INVALID_EXPIRY');
    expect(await codeOf(createApiToken(t.graph, { userId: pilot.id, name: ' ' }))).toBe('REQUIRED_FIELD');
    expect(await codeOf(resolvePrincipal(t.graph, { authorization: 'Bearer nimportequoi' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(resolvePrincipal(t.graph, { authorization: 'Basic dXNlcjpwYXNz' }))).toBe('UNAUTHENTICATED');
  });

  it('wall links read their project only, and revoking cuts access at the next request', async () => {
    const { token, info } = await createWallLink(t.graph, {
      projectId: small.project.id,
      name: 'Salle du conseil',
      createdBy: pilot.id,
    });
    expect(info).toMatchObject({
      projectId: small.project.id,
      territoryId: small.territory.id,
      name: 'Salle du conseil',
      revokedAt: null,
    });
    const { principal } = await resolvePrincipal(t.graph, { authorization: `Bearer ${token}` });
    expect(principal).toEqual({
      kind: 'wallLink',
      linkId: info.id,
      projectId: small.project.id,
      territoryId: small.territory.id,
      name: 'Salle du conseil',
    });
    const projectRes = { kind: 'project' as const, projectId: small.project.id, territoryId: small.territory.id };
    expect(() => authorize(principal, 'project:read', projectRes)).not.toThrow();
    expect(() => authorize(principal, 'project:write', projectRes)).toThrow(DomainError);
    const [listed] = await listWallLinks(t.graph, small.project.id);
    expect(listed).toMatchObject({ id: info.id, createdBy: pilot.id });
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);

    expect(await codeOf(revokeWallLink(t.graph, info.id, { by: pilot.id, projectId: 'prj-autre' }))).toBe('WALL_LINK_NOT_FOUND');
    const revoked = await revokeWallLink(t.graph, info.id, { by: pilot.id, projectId: small.project.id });
    expect(revoked.revokedBy).toBe(pilot.id);
    expect(await codeOf(resolvePrincipal(t.graph, { authorization: `Bearer ${token}` }))).toBe('UNAUTHENTICATED');

    const until = new Date(Date.now() + 3_600_000);
    const timed = await createWallLink(t.graph, {
      projectId: small.project.id,
      name: 'Atelier du soir',
      createdBy: pilot.id,
      expiresAt: until,
    });
    expect((await resolvePrincipal(t.graph, { authorization: `Bearer ${timed.token}` })).principal.kind).toBe('wallLink');
    expect(await codeOf(resolvePrincipal(t.graph, { authorization: `Bearer ${timed.token}` }, { now: until }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await codeOf(createWallLink(t.graph, { projectId: 'prj-nowhere', name: 'X', createdBy: pilot.id }))).toBe('NOT_FOUND');
    expect(
      await codeOf(
        createWallLink(t.graph, { projectId: small.project.id, name: 'X', createdBy: pilot.id, expiresAt: new Date(0) }),
      ),
    ).toBe('INVALID_EXPIRY');
  });

  it('an unknown or expired session cookie resolves to anonymous and asks to clear the cookie', async () => {
    expect(await resolvePrincipal(t.graph, {})).toEqual({ principal: { kind: 'anonymous' }, clearSessionCookie: false });
    expect(await resolvePrincipal(t.graph, { sessionToken: 'trame_ses_inconnu' })).toEqual({
      principal: { kind: 'anonymous' },
      clearSessionCookie: true,
    });
  });
});

describe('single sign-on domains', () => {
  it('creates a user at the first sign-in only when an administrator allowed the domain', async () => {
    const domain = `${uniqueId('ville')}.fr`;
    const address = `agent@${domain}`;
    expect(await codeOf(userForSingleSignOn(t.graph, { email: address, name: 'Agent' }))).toBe('EMAIL_DOMAIN_NOT_ALLOWED');
    expect(await findUserByEmail(t.graph, address)).toBeNull();
    expect(await addAllowedDomain(t.graph, `@${domain.toUpperCase()}`, { by: 'system' })).toBe(domain);
    expect(await allowedDomains(t.graph)).toContain(domain);
    const created = await userForSingleSignOn(t.graph, { email: address.toUpperCase(), name: 'Agent Territorial' });
    expect(created).toMatchObject({ email: address, name: 'Agent Territorial' });
    expect((await userForSingleSignOn(t.graph, { email: address, name: 'Autre nom' })).id).toBe(created.id);
    expect(await removeAllowedDomain(t.graph, domain)).toBe(true);
    // An existing user keeps signing in; a new one of that domain no longer can.
    expect((await userForSingleSignOn(t.graph, { email: address, name: 'Agent' })).id).toBe(created.id);
    expect(await codeOf(userForSingleSignOn(t.graph, { email: `autre@${domain}`, name: 'Autre' }))).toBe(
      'EMAIL_DOMAIN_NOT_ALLOWED',
    );
    expect(await codeOf(addAllowedDomain(t.graph, 'pas un domaine', { by: 'system' }))).toBe('INVALID_EMAIL_DOMAIN');
  });
});

describe('confidentiality against the real change log', () => {
  it('hides confidential items, what refers to them, and ended ones from states and timelines', async () => {
    const small = await buildSmallProject(t.graph, 2, 1);
    const from = { validFrom: at('2019-01-01') };
    const secret = await build(
      t.graph,
      'Objective',
      {
        projectId: small.project.id,
        title: 'OBJECTIF-CONFIDENTIEL',
        description: 'DESCRIPTION-CONFIDENTIELLE',
        dimensions: ['ECONOMIQUE'],
        nature: 'MATERIEL',
        confidential: true,
      },
      from,
    );
    const position = await build(
      t.graph,
      'Position',
      { actorId: small.actors[0]!.id, objectiveId: secret.id, value: 3, note: 'NOTE-SUR-SECRET' },
      from,
    );
    const tension = await build(
      t.graph,
      'Conflict',
      {
        objectiveAId: small.objectives[0]!.id,
        objectiveBId: secret.id,
        intensity: 3,
        status: 'IDENTIFIE',
        note: 'NOTE-DE-CONFLIT',
      },
      from,
    );
    const other = await build(
      t.graph,
      'Objective',
      { projectId: small.project.id, title: 'Objectif public', dimensions: ['SOCIAL'], nature: 'MATERIEL', confidential: false },
      from,
    );
    const closed = await build(
      t.graph,
      'Conflict',
      {
        objectiveAId: small.objectives[0]!.id,
        objectiveBId: other.id,
        intensity: 1,
        status: 'IDENTIFIE',
        confidential: true,
        note: 'NOTE-CONFLIT-CLOS',
      },
      from,
    );
    await t.graph.write((tx) =>
      endEntity(tx, { author: TEST_AUTHOR }, 'Conflict', closed.id, {
        expectedVersion: closed.version,
        validFrom: at('2020-01-01'),
      }),
    );

    const hidden = await t.graph.read((tx) => readHiddenEntityIds(tx, small.project.id));
    expect([...hidden].sort()).toEqual([secret.id, position.id, tension.id, closed.id].sort());

    const texts = [
      'OBJECTIF-CONFIDENTIEL',
      'DESCRIPTION-CONFIDENTIELLE',
      'NOTE-SUR-SECRET',
      'NOTE-DE-CONFLIT',
      'NOTE-CONFLIT-CLOS',
    ];
    const page = await t.graph.read((tx) => readTimeline(tx, small.project.id, { first: 200 }));
    const full = JSON.stringify(page.changes);
    for (const text of texts) expect(full).toContain(text);
    const redacted = JSON.stringify(redactChanges(page.changes, hidden));
    for (const text of texts) expect(redacted).not.toContain(text);
    for (const id of hidden) expect(redacted).not.toContain(id);

    // Read as of a date when the closed conflict was still open: hidden as well.
    const past = await t.graph.read((tx) => readProjectState(tx, small.project.id, at('2019-06-01')));
    expect(past.byId.has(closed.id)).toBe(true);
    const state = JSON.stringify([...redactProjectState(past, { confidential: false, alsoHide: hidden }).byId.values()]);
    for (const text of texts) expect(state).not.toContain(text);
    for (const id of hidden) expect(state).not.toContain(id);
    expect(state).toContain(small.objectives[0]!.id);

    // The policy's resource for a project id: its territory and name, read before the project.
    expect(await t.graph.read((tx) => readProjectResource(tx, small.project.id))).toEqual({
      kind: 'project',
      projectId: small.project.id,
      territoryId: small.territory.id,
      label: 'Projet de test',
    });
    expect(await codeOf(t.graph.read((tx) => readProjectResource(tx, 'prj-nowhere')))).toBe('NOT_FOUND');
  });
});

describe('migration 0005', () => {
  it('created the access constraints and indexes', async () => {
    const { records } = await t.graph.driver.executeQuery(
      'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names',
      {},
      { database: t.graph.database },
    );
    const names = records[0]!.get('names') as string[];
    for (const name of [
      'user_id',
      'user_email',
      'password_user',
      'session_hash',
      'sign_in_link_hash',
      'api_token_hash',
      'wall_link_hash',
      'role_grant_id',
      'allowed_domain',
    ]) {
      expect(names, name).toContain(name);
    }
    const { records: indexes } = await t.graph.driver.executeQuery(
      "SHOW INDEXES YIELD name, state WHERE name STARTS WITH 'role_grant' OR name STARTS WITH 'session_' RETURN collect(state) AS states",
      {},
      { database: t.graph.database },
    );
    expect(new Set(indexes[0]!.get('states') as string[])).toEqual(new Set(['ONLINE']));
  });
});
