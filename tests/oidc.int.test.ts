/**
 * Single sign-on by OpenID Connect (api/src/plugins/oidc.ts) against a real OpenID provider
 * (`oidc-provider`, started here on a free port): the whole authorization code flow, followed
 * redirect by redirect like a browser would, with each side's cookies kept apart.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@trame/api';
import type { OidcConfig } from '@trame/api/config';
import {
  addAllowedDomain,
  createUser,
  findUserByEmail,
  listGrants,
  lookupSession,
  setUserDisabled,
  type Graph,
} from '@trame/graph';
import { testGraph, uniqueId } from './support/graph.ts';
import { startTestProvider, type TestProvider } from './oidc-provider.ts';

/** The app is reached through `inject` under this origin (the redirect URI the provider trusts). */
const APP = 'http://trame.test';

let graph: Graph;
let provider: TestProvider;
let oidc: OidcConfig;
let app: FastifyInstance;

beforeAll(async () => {
  graph = testGraph();
  provider = await startTestProvider({ redirectUris: [`${APP}/auth/oidc/retour`] });
  oidc = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    label: 'ProConnect',
    scopes: ['openid', 'email', 'profile'],
    trustEmail: false,
  };
  app = await buildApp({ graph, webDir: null, graphiql: false, oidc, publicUrl: APP });
});

afterAll(async () => {
  await app?.close();
  await provider?.close();
  await graph?.close();
});

interface Hop {
  url: string;
  status: number;
  setCookies: string[];
}

/**
 * A browser for one person: follows redirects from `start`, keeping cookies per origin; the
 * app's origin goes through `inject` on `apps[0]` (or the app given for its return route).
 * Stops at the first answer that is not a redirect, or at a redirect leaving `/auth/` on the
 * app (the page the person lands on). `tamper` may rewrite a URL before it is requested.
 */
class TestBrowser {
  readonly jars = new Map<string, Map<string, string>>();
  hops: Hop[] = [];

  constructor(
    private readonly appFor: (path: string) => FastifyInstance = () => app,
    private readonly tamper: (url: URL) => URL = (url) => url,
  ) {}

  /** Follows the flow from `start`; returns where the person lands (path + query on the app). */
  async go(start: string): Promise<string> {
    let url = new URL(start, APP);
    this.hops = [];
    for (let i = 0; i < 20; i++) {
      url = this.tamper(url);
      const hop = await this.request(url);
      this.hops.push(hop);
      const location = hop.location;
      if (!location) return `${url.pathname}${url.search}`;
      const next = new URL(location, url);
      if (next.origin === APP && !next.pathname.startsWith('/auth/')) return `${next.pathname}${next.search}`;
      url = next;
    }
    throw new Error('too many redirects');
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  private async request(url: URL): Promise<Hop & { location: string | undefined }> {
    const jar = this.jars.get(url.origin) ?? new Map<string, string>();
    this.jars.set(url.origin, jar);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    let status: number;
    let location: string | undefined;
    let setCookies: string[];
    if (url.origin === APP) {
      const response = await this.appFor(url.pathname).inject({
        method: 'GET',
        url: `${url.pathname}${url.search}`,
        headers: { host: url.host, ...(cookie ? { cookie } : {}), 'user-agent': 'trame-test-browser' },
      });
      status = response.statusCode;
      location = response.headers.location as string | undefined;
      const raw = response.headers['set-cookie'];
      setCookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    } else {
      const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      status = response.status;
      location = response.headers.get('location') ?? undefined;
      setCookies = response.headers.getSetCookie();
      await response.arrayBuffer();
    }
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/;\s*max-age=0\b/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return { url: url.href, status, setCookies, location };
  }
}

/** A person the provider knows, on a fresh domain of their own. */
function person(claims: { verified?: boolean; name?: string } = {}) {
  const domain = `${uniqueId('ville')}.fr`;
  const subject = uniqueId('sub');
  const email = `camille.martin@${domain}`;
  provider.accounts.set(subject, {
    email: `Camille.Martin@${domain.toUpperCase()}`,
    email_verified: claims.verified ?? true,
    name: claims.name ?? 'Camille Martin',
  });
  provider.signInAs(subject);
  return { domain, subject, email };
}

async function userCount(email: string): Promise<number> {
  return graph.read(async (tx) => {
    const result = await tx.run('MATCH (u:User {email: $email}) RETURN count(u) AS n', { email });
    return Number(result.records[0]!.get('n'));
  });
}

describe('GET /auth/options', () => {
  it('names the provider when single sign-on is configured, and says none otherwise', async () => {
    expect((await app.inject({ url: '/auth/options' })).json()).toEqual({ oidc: { label: 'ProConnect' } });
    const plain = await buildApp({ graph, webDir: null, graphiql: false });
    try {
      expect((await plain.inject({ url: '/auth/options' })).json()).toEqual({ oidc: null });
      expect((await plain.inject({ url: '/auth/oidc' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('GET /auth/oidc', () => {
  it('sends the browser to the provider with PKCE, state and nonce kept in a signed httpOnly cookie', async () => {
    const response = await app.inject({ url: '/auth/oidc', headers: { host: 'trame.test' } });
    expect(response.statusCode).toBe(302);
    const target = new URL(response.headers.location as string);
    expect(target.origin).toBe(provider.issuer);
    const params = target.searchParams;
    expect(params.get('client_id')).toBe(provider.clientId);
    expect(params.get('redirect_uri')).toBe(`${APP}/auth/oidc/retour`);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^trame_oidc=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600$/);
    // Neither the verifier nor the nonce travels in clear in the URL.
    const flow = JSON.parse(Buffer.from(cookie.split('=')[1]!.split('.')[0]!, 'base64url').toString());
    expect(target.href).not.toContain(flow.codeVerifier);
    expect(flow.state).toBe(params.get('state'));
  });
});

describe('the return from the provider', () => {
  it('signs in the existing user with that e-mail (any case) and sets the session cookie', async () => {
    const { email } = person();
    const existing = await createUser(graph, { email, name: 'Camille Martin (compte existant)' });
    const browser = new TestBrowser();
    expect(await browser.go('/auth/oidc')).toBe('/');

    const back = browser.hops.find((hop) => hop.url.startsWith(`${APP}/auth/oidc/retour`))!;
    expect(back.status).toBe(302);
    const session = back.setCookies.find((line) => line.startsWith('trame_session='))!;
    expect(session).toMatch(/^trame_session=trame_ses_[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Expires=/);
    // The attempt's cookie is gone.
    expect(back.setCookies).toContain('trame_oidc=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
    expect(browser.cookie(APP, 'trame_oidc')).toBeUndefined();

    const active = await lookupSession(graph, browser.cookie(APP, 'trame_session')!);
    expect(active?.user).toMatchObject({ id: existing.id, email, name: 'Camille Martin (compte existant)' });
    // The API knows the person by that cookie, as after a password sign-in.
    const viewer = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { cookie: `trame_session=${browser.cookie(APP, 'trame_session')}`, 'x-trame-csrf': '1' },
      payload: { query: '{ viewer { kind user { id email } } }' },
    });
    expect(viewer.json()).toEqual({ data: { viewer: { kind: 'USER', user: { id: existing.id, email } } } });
    expect(await userCount(email)).toBe(1);
  });

  it('refuses an address whose domain no administrator allowed, creating nothing', async () => {
    const { email } = person();
    const browser = new TestBrowser();
    expect(await browser.go('/auth/oidc')).toBe('/connexion?erreur=EMAIL_DOMAIN_NOT_ALLOWED');
    expect(browser.cookie(APP, 'trame_session')).toBeUndefined();
    expect(await userCount(email)).toBe(0);
  });

  it('creates the user, without any role, when the domain is allowed', async () => {
    const { email, domain } = person({ name: 'Camille Martin' });
    await addAllowedDomain(graph, domain, { by: 'system' });
    const browser = new TestBrowser();
    expect(await browser.go('/auth/oidc')).toBe('/');
    const user = await findUserByEmail(graph, email);
    expect(user).toMatchObject({ email, name: 'Camille Martin', disabledAt: null });
    expect(await listGrants(graph, { userId: user!.id })).toEqual([]);
    expect((await lookupSession(graph, browser.cookie(APP, 'trame_session')!))?.user.id).toBe(user!.id);

    // The second sign-in finds the same account, and lands where it was asked to (a local path only).
    const again = new TestBrowser();
    expect(await again.go('/auth/oidc?retour=%2Fprojets%2Fprj-1%3Fdate%3D2019-03-01')).toBe('/projets/prj-1?date=2019-03-01');
    expect(await new TestBrowser().go('/auth/oidc?retour=%2F%2Fevil.example%2F')).toBe('/');
    expect(await userCount(email)).toBe(1);
  });

  it('refuses a disabled account, opening no session', async () => {
    const { email } = person();
    const user = await createUser(graph, { email, name: 'Camille Martin' });
    await setUserDisabled(graph, user.id, true);
    const browser = new TestBrowser();
    expect(await browser.go('/auth/oidc')).toBe('/connexion?erreur=FORBIDDEN');
    expect(browser.cookie(APP, 'trame_session')).toBeUndefined();
  });

  it('refuses an e-mail the provider does not assert verified', async () => {
    const { email, domain } = person({ verified: false });
    await addAllowedDomain(graph, domain, { by: 'system' });
    const browser = new TestBrowser();
    expect(await browser.go('/auth/oidc')).toBe('/connexion?erreur=OIDC_EMAIL_NOT_VERIFIED');
    expect(await userCount(email)).toBe(0);
    expect(browser.cookie(APP, 'trame_session')).toBeUndefined();
  });

  it('refuses a return whose state is not the one this browser sent', async () => {
    const { email } = person();
    await createUser(graph, { email, name: 'Camille Martin' });
    const tampered = new TestBrowser(
      () => app,
      (url) => {
        if (url.origin !== APP || url.pathname !== '/auth/oidc/retour') return url;
        const forged = new URL(url);
        forged.searchParams.set('state', 'etat-falsifie-0123456789');
        return forged;
      },
    );
    expect(await tampered.go('/auth/oidc')).toBe('/connexion?erreur=OIDC_STATE_MISMATCH');
    expect(tampered.cookie(APP, 'trame_session')).toBeUndefined();
  });

  it('refuses a return arriving in another browser (login CSRF), or with a forged attempt cookie', async () => {
    const { email } = person();
    await createUser(graph, { email, name: 'Camille Martin' });
    // The attacker runs the flow up to the provider's answer and hands the return link to a victim.
    let returnLink = '';
    const attacker = new TestBrowser(
      () => app,
      (url) => {
        if (url.origin === APP && url.pathname === '/auth/oidc/retour' && !returnLink) {
          returnLink = url.href;
          return new URL('/auth/oidc/retour?state=x', APP);
        }
        return url;
      },
    );
    await attacker.go('/auth/oidc');
    expect(returnLink).toContain('code=');
    const victim = new TestBrowser();
    expect(await victim.go(returnLink)).toBe('/connexion?erreur=OIDC_STATE_MISMATCH');
    expect(victim.cookie(APP, 'trame_session')).toBeUndefined();

    // A cookie of the right shape but not signed by this server.
    const state = new URL(returnLink).searchParams.get('state')!;
    const forged = Buffer.from(
      JSON.stringify({
        state,
        nonce: 'n',
        codeVerifier: 'v',
        redirectUri: `${APP}/auth/oidc/retour`,
        expiresAt: Date.now() + 60_000,
      }),
    ).toString('base64url');
    const response = await app.inject({
      url: new URL(returnLink).pathname + new URL(returnLink).search,
      headers: { host: 'trame.test', cookie: `trame_oidc=${forged}.c2lnbmF0dXJl` },
    });
    expect(response.headers.location).toBe('/connexion?erreur=OIDC_STATE_MISMATCH');
  });

  it('refuses a replayed return: its attempt cookie is gone once used', async () => {
    const { email } = person();
    await createUser(graph, { email, name: 'Camille Martin' });
    const browser = new TestBrowser();
    expect(await browser.go('/auth/oidc')).toBe('/');
    const back = browser.hops.find((hop) => hop.url.startsWith(`${APP}/auth/oidc/retour`))!;
    const replay = await app.inject({
      url: new URL(back.url).pathname + new URL(back.url).search,
      headers: { host: 'trame.test' },
    });
    expect(replay.headers.location).toBe('/connexion?erreur=OIDC_STATE_MISMATCH');
  });

  it('finishes on another API process than the one that began (no process memory)', async () => {
    const { email } = person();
    const user = await createUser(graph, { email, name: 'Camille Martin' });
    const other = await buildApp({ graph, webDir: null, graphiql: false, oidc, publicUrl: APP });
    try {
      const browser = new TestBrowser((path) => (path === '/auth/oidc/retour' ? other : app));
      expect(await browser.go('/auth/oidc')).toBe('/');
      expect((await lookupSession(graph, browser.cookie(APP, 'trame_session')!))?.user.id).toBe(user.id);
    } finally {
      await other.close();
    }
  });

  it('sends a provider refusal to the sign-in page', async () => {
    person();
    const begun = await app.inject({ url: '/auth/oidc', headers: { host: 'trame.test' } });
    const state = new URL(begun.headers.location as string).searchParams.get('state')!;
    const cookie = String(begun.headers['set-cookie']).split(';')[0]!;
    const response = await app.inject({
      url: `/auth/oidc/retour?error=access_denied&state=${state}`,
      headers: { host: 'trame.test', cookie },
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/connexion?erreur=OIDC_FAILED');
  });
});
