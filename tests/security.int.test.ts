import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.ts';
import { createTestSession } from './support/principals.ts';

// A closed API (issue 12, part 8), through inject: the Host check, foreign origins, CORS for the
// listed ones, the security headers, the CSRF header on cookie-signed requests, and what an
// anonymous request may learn of the schema.

const LISTED = 'https://intranet.ville-malaunay.fr';
const t = useTestApp({
  security: { publicUrl: 'https://trame.ville-malaunay.fr', corsOrigins: [LISTED], listenHost: '0.0.0.0' },
});

const QUERY = '{ __typename }';
const json = { 'content-type': 'application/json' };

function post(headers: Record<string, string>, payload: unknown = { query: QUERY }, url = '/graphql') {
  return t.app.inject({ method: 'POST', url, headers: { ...json, ...headers }, payload: payload as object });
}

describe('the Host header (DNS rebinding)', () => {
  it.each([
    'localhost:4000',
    '127.0.0.1:4000',
    '[::1]:4000',
    '192.168.1.20',
    'trame.ville-malaunay.fr',
    'TRAME.ville-malaunay.fr:443',
    'trame.localhost:4000',
  ])('answers %s', async (host) => {
    const response = await post({ host });
    expect(response.statusCode).toBe(200);
    expect(response.json().errors).toBeUndefined();
  });

  it.each(['evil.example:4000', 'evil.example', 'trame.ville-malaunay.fr.evil.example', 'localhost.evil.example'])(
    'refuses %s with 421 and a French message, before anything runs',
    async (host) => {
      const response = await post({ host });
      expect(response.statusCode).toBe(421);
      const [error] = response.json().errors;
      expect(error.extensions.code).toBe('HOST_REFUSED');
      expect(error.message).toContain('n’est pas celle de ce serveur Trame');
      // The web app's pages too, not only the API.
      const page = await t.app.inject({ method: 'GET', url: '/', headers: { host, accept: 'text/html' } });
      expect(page.statusCode).toBe(421);
      expect(page.json().error.code).toBe('HOST_REFUSED');
    },
  );

  it('lets an orchestrator probe /health and /ready by any name', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/health', headers: { host: 'trame-service:4000' } });
    expect(health.statusCode).toBe(200);
  });
});

describe('origins and CORS', () => {
  it('refuses a foreign origin, even a preflight, and echoes no CORS header', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost:5173']) {
      const response = await post({ origin, cookie: 'trame_session=x', 'x-trame-csrf': '1' });
      expect(response.statusCode, origin).toBe(403);
      expect(response.json().errors[0].extensions.code).toBe('ORIGIN_REFUSED');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/graphql',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.statusCode).toBe(403);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('allows a listed origin, with credentials, and a preflight naming the CSRF header', async () => {
    const response = await post({ origin: LISTED });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(LISTED);
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: {
        origin: LISTED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-trame-csrf',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(LISTED);
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('x-trame-csrf');
  });

  it('accepts the same origin (the page Trame served) and the public URL', async () => {
    expect((await post({ host: 'localhost:4000', origin: 'http://localhost:4000' })).statusCode).toBe(200);
    expect((await post({ host: '127.0.0.1:4000', origin: 'https://trame.ville-malaunay.fr' })).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('sends helmet’s headers and the app’s Content-Security-Policy', async () => {
    const response = await post({});
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    // TRAME_PUBLIC_URL is https here: upgrade and HSTS.
    expect(csp).toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('CSRF: a request signed by the session cookie must carry x-trame-csrf', () => {
  it('refuses a cookie request without the header, with 403 CSRF_REFUSED and a French message', async () => {
    for (const cookie of ['trame_session=trame_ses_x', 'a=b; __Host-trame_session=trame_ses_x']) {
      const response = await post({ cookie });
      expect(response.statusCode).toBe(403);
      const [error] = response.json().errors;
      expect(error.extensions.code).toBe('CSRF_REFUSED');
      expect(error.message).toContain('x-trame-csrf');
      // Also over GET (a query), and on the sign-in routes (the REST shape there).
      const get = await t.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(QUERY)}`, headers: { cookie } });
      expect(get.statusCode).toBe(403);
      const signIn = await post({ cookie }, { email: 'a@b.fr', password: 'x' }, '/auth/connexion');
      expect(signIn.statusCode).toBe(403);
      expect(signIn.json().error.code).toBe('CSRF_REFUSED');
    }
  });

  it('runs a cookie request with the header, and a request without cookie or with a Bearer without it', async () => {
    expect(
      (await post({ cookie: 'trame_session=trame_ses_x', 'x-trame-csrf': '1' })).json().errors?.[0]?.extensions?.code,
    ).not.toBe('CSRF_REFUSED');
    expect((await post({})).statusCode).toBe(200);
    const bearer = await post({ cookie: 'trame_session=trame_ses_x', authorization: 'Bearer trame_pat_x' });
    expect(bearer.json().errors?.[0]?.extensions?.code).not.toBe('CSRF_REFUSED');
  });

  it('needs no header on a first sign-in (no cookie yet): a foreign page is refused by its Origin instead', async () => {
    const response = await post({}, { email: 'a@b.fr', password: 'x' }, '/auth/connexion');
    expect(response.json().error?.code).not.toBe('CSRF_REFUSED');
  });
});

describe('CSRF with a real session', () => {
  let session = '';
  beforeAll(async () => {
    session = await createTestSession(t.graph, t.admin.user.id);
  });

  it('the signed-in cookie without the header is refused before anything runs; with it, the request runs as the user', async () => {
    const cookie = `trame_session=${session}`;
    const viewer = { query: '{ viewer { kind user { email } } }' };
    const refused = await post({ cookie }, viewer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors[0].extensions.code).toBe('CSRF_REFUSED');
    const signOut = await post({ cookie }, {}, '/auth/deconnexion');
    expect(signOut.statusCode).toBe(403);
    // The session is still alive: the refused sign-out did nothing.
    const accepted = await post({ cookie, 'x-trame-csrf': '1' }, viewer);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().data.viewer).toEqual({ kind: 'USER', user: { email: t.admin.user.email } });
  });
});

describe('what a signed-in user learns of the schema', () => {
  it('introspection and field suggestions', async () => {
    const schema = await t.gql<{ __type: { name: string } }>('{ __type(name: "Project") { name } }');
    expect(schema.errors).toBeUndefined();
    expect(schema.data?.__type.name).toBe('Project');
    const wrong = await t.gql('{ territorie { id } }');
    expect(wrong.errors?.[0]?.message).toContain('Did you mean "territories"');
  });
});

describe('what an anonymous request learns of the schema', () => {
  it('refuses introspection with UNAUTHENTICATED, keeps __typename', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Project") { fields { name } } }']) {
      const result = (await post({}, { query })).json();
      expect(result.data ?? null).toBeNull();
      expect(result.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(result.errors[0].message).toContain('connectez-vous');
    }
    expect((await post({}, { query: '{ __typename }' })).json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('gives no field suggestion', async () => {
    const result = (await post({}, { query: '{ territorie { id } }' })).json();
    expect(result.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors[0].message).not.toContain('Did you mean');
    expect(result.errors[0].message).not.toContain('territories');
  });
});
