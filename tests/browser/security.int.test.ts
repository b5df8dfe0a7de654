/**
 * The closed API in a real browser (issue 12, part 8): every page of the app — GraphiQL
 * included — runs under its Content-Security-Policy without one violation or console error,
 * and a page served from another local port can neither read nor write with the user's cookie
 * (a credentialed fetch and a form post are both refused: nothing read, nothing written).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/app.ts';
import { uniqueId } from '../support/graph.ts';

const t = useBrowserApp();

/** Records CSP violations and console errors from the first script on. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__trameViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __trameViolation(text: string): void }).__trameViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return problems;
}

/**
 * The page has loaded what it shows. Not `networkidle`: the editor keeps an event stream open
 * (live updates, ADR 0010), so the network is never idle; nothing is busy instead.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 30_000 });
  await page.waitForTimeout(1000);
}

describe('the Content-Security-Policy in the browser', () => {
  it.each([
    ['home', '/', 'h1, h2'],
    ['project editor', '/projets/prj-marche', 'canvas'],
    ['analysis', '/projets/prj-marche/analyse?date=2018-12-01', 'table'],
    ['review', '/territoires/ter-malaunay/revue', 'h1, h2'],
    // Its early script is inline, allowed by its hash alone (api/src/plugins/page-preloads.ts).
    ['wall', '/projets/prj-marche/mur', 'canvas'],
  ])('%s: no violation, no console error', async (_name, path, ready) => {
    const page = await t.newPage();
    const problems = await watch(page);
    const response = await page.goto(`${t.base}${path}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    await settle(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('GraphiQL: its own policy, no violation, and it reads the schema (with the CSRF header)', async () => {
    const page = await t.newPage();
    const problems = await watch(page);
    // Its first request: the introspection query, signed by the session cookie.
    const introspection = page.waitForResponse((r) => r.url() === `${t.base}/graphql` && r.request().method() === 'POST');
    const response = await page.goto(`${t.base}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+' blob:/);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    const schema = await introspection;
    expect(schema.request().headers()['x-trame-csrf']).toBe('1');
    expect(schema.status()).toBe(200);
    expect(await schema.text()).toContain('__schema');
    await settle(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an anonymous browser gets no GraphiQL: a French page pointing to the sign-in page', async () => {
    const page = await t.newPage({ signedIn: false });
    const response = await page.goto(`${t.base}/graphql`);
    expect(response?.status()).toBe(401);
    expect(await page.locator('a[href="/connexion"]').count()).toBe(1);
    await page.close();
  });
});

describe('a page of another origin (another local port)', () => {
  let attacker: Server;
  let attackerBase = '';
  const name = uniqueId('Territoire intrus');

  beforeAll(async () => {
    const mutation = JSON.stringify({
      query: `mutation { createTerritory(input: {name: "${name}", code: "X", kind: COMMUNE}) { id } }`,
    });
    const html = `<!doctype html><html><body>
<form id="f" method="POST" action="${t.base}/graphql" enctype="text/plain">
<input name='${mutation.slice(0, -1)},"x":"' value='"}'></form>
<script>
window.readAttempt = fetch('${t.base}/graphql', {
  method: 'POST', credentials: 'include',
  headers: { 'content-type': 'application/json', 'x-trame-csrf': '1' },
  body: ${JSON.stringify(mutation)},
}).then((r) => r.text()).then((text) => 'read: ' + text, (error) => 'refused: ' + error.message);
window.simpleAttempt = fetch('${t.base}/graphql', {
  method: 'POST', credentials: 'include', mode: 'no-cors',
  headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(mutation)},
}).then((r) => 'opaque ' + r.type, (error) => 'refused: ' + error.message);
</script></body></html>`;
    attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerBase = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => attacker?.close(resolve));
  });

  it('can neither read with a credentialed fetch nor write with a form post, even with the cookie', async () => {
    const page = await t.newPage();
    // Signed in: the app itself works with the cookie.
    await page.goto(t.base);
    await page.locator('h1, h2').first().waitFor();
    const refusals: number[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${t.base}/graphql`)) refusals.push(response.status());
    });
    await page.goto(attackerBase);
    expect(await page.evaluate(() => (window as unknown as { readAttempt: Promise<string> }).readAttempt)).toMatch(/^refused: /);
    expect(await page.evaluate(() => (window as unknown as { simpleAttempt: Promise<string> }).simpleAttempt)).toBe(
      'opaque opaque',
    );
    const posted = page.waitForResponse((response) => response.url() === `${t.base}/graphql`);
    await page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit());
    const formResponse = await posted;
    expect(formResponse.status()).toBe(403);
    expect(await formResponse.text()).toContain('ORIGIN_REFUSED');
    expect(refusals.every((status) => status === 403)).toBe(true);
    await page.close();

    // Nothing was written.
    const result = await t.gql<{ territories: { name: string }[] }>('{ territories { name } }');
    expect(result.data?.territories.map((territory) => territory.name)).not.toContain(name);
  });
});
