/**
 * Single sign-on in Chromium: the person opens Trame's `/auth/oidc`, signs in on the real
 * OpenID provider's own pages (`oidc-provider`'s login and consent forms), and comes back to
 * Trame signed in — a session cookie the page's scripts cannot read.
 */
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@trame/api';
import { createUser, lookupSession, type Graph } from '@trame/graph';
import { launchBrowser } from '../support/browser.ts';
import { testGraph, uniqueId } from '../support/graph.ts';
import { startTestProvider, type TestProvider } from '../oidc-provider.ts';

let graph: Graph;
let provider: TestProvider;
let app: FastifyInstance;
let browser: Browser;
let base: string;

/** A port free now: the provider must know Trame's redirect URI before Trame listens. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  graph = testGraph();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({ redirectUris: [`${base}/auth/oidc/retour`], pages: true });
  app = await buildApp({
    graph,
    webDir: null,
    graphiql: false,
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      label: 'ProConnect',
      scopes: ['openid', 'email', 'profile'],
      trustEmail: false,
    },
  });
  await app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await provider?.close();
  await graph?.close();
});

describe('single sign-on in the browser', () => {
  it('signs in through the provider’s pages and comes back with an httpOnly session cookie', async () => {
    const subject = uniqueId('agent');
    const email = `${subject}@${uniqueId('ville')}.fr`;
    const user = await createUser(graph, { email, name: 'Agent de la ville' });
    provider.accounts.set(subject, { email, email_verified: true, name: 'Agent de la ville' });

    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${base}/auth/oidc`);
    // The provider's own login page, then its consent page.
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.fill('input[name=login]', subject);
    await page.fill('input[name=password]', 'any password: the development pages accept it');
    await page.click('button[type=submit]');
    await page.locator('button', { hasText: 'Continue' }).click();
    await page.waitForURL(`${base}/`);

    const cookies = await context.cookies(base);
    const session = cookies.find((cookie) => cookie.name === 'trame_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookies.find((cookie) => cookie.name === 'trame_oidc')).toBeUndefined();
    expect(await page.evaluate(() => document.cookie)).not.toContain('trame_session');
    expect((await lookupSession(graph, session!.value))?.user.id).toBe(user.id);
    await context.close();
  });

  it('brings a person whose domain is not allowed back to the sign-in page with the code', async () => {
    const subject = uniqueId('agent');
    provider.accounts.set(subject, { email: `${subject}@${uniqueId('ailleurs')}.fr`, email_verified: true });
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${base}/auth/oidc`);
    await page.fill('input[name=login]', subject);
    await page.fill('input[name=password]', 'any password');
    await page.click('button[type=submit]');
    await page.locator('button', { hasText: 'Continue' }).click();
    await page.waitForURL(`${base}/connexion?erreur=EMAIL_DOMAIN_NOT_ALLOWED`);
    expect((await context.cookies(base)).map((cookie) => cookie.name)).not.toContain('trame_session');
    await context.close();
  });
});
