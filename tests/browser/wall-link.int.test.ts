import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../support/browser.ts';
import { uniqueId } from '../support/graph.ts';
import { useBrowserApp } from '../support/app.ts';

// A pilot projects a map on a room's wall with a wall link, then revokes it; on the demo map
// (loaded by the global setup), as the administrator the fixture signs in.

const t = useBrowserApp();

/** Cytoscape's drawn actor nodes, read from the page. */
async function drawnActors(page: Page): Promise<number> {
  return page
    .evaluate(() => {
      const cy = (
        window as unknown as {
          __trameCy?: { nodes(): { filter(f: (n: { data(k: string): unknown }) => boolean): { length: number } } };
        }
      ).__trameCy;
      return cy ? cy.nodes().filter((n) => n.data('kind') === 'ACTOR').length : 0;
    })
    .catch(() => 0);
}

/** Whether the page's live map subscription is connected (web/src/live/useProjectLive.ts). */
async function liveConnected(page: Page): Promise<boolean> {
  return page
    .evaluate(() => (window as unknown as { __trameLive?: { connected: boolean } }).__trameLive?.connected ?? false)
    .catch(() => false);
}

describe('wall links', () => {
  it('a pilot creates a wall link, a second page opens it and sees the map read-only; once revoked the wall is refused', async () => {
    const pilot = await t.newPage({ width: 1440, height: 900 });
    await pilot.goto(`${t.base}/projets/prj-marche`);
    await pilot.getByRole('button', { name: 'Liens muraux' }).click();
    const dialog = pilot.getByRole('dialog', { name: /Liens muraux/ });
    await dialog.waitFor();

    const name = `Salle du conseil ${uniqueId('mur')}`;
    await dialog.getByLabel('Nom').fill(name);
    await dialog.getByRole('button', { name: 'Créer le lien' }).click();
    const secretBox = dialog.getByLabel(name, { exact: true });
    await secretBox.waitFor();
    const url = await secretBox.inputValue();
    const secret = /#(trame_mur_[A-Za-z0-9_-]+)$/.exec(url)?.[1];
    expect(url).toMatch(/\/mur#trame_mur_/);
    expect(secret).toBeDefined();
    // Listed with its hint, never its secret.
    const row = dialog.locator('tbody tr').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('actif');
    expect(await row.textContent()).not.toContain(secret!);
    await pilot.screenshot({ path: screenshotPath('wall-link-dialog') });

    // The wall: another browser context, nobody signed in. The secret stays in the fragment.
    const wall = await t.newPage({ width: 1440, height: 900, signedIn: false });
    const sent: { url: string; authorization: string | undefined; cookie: string | undefined }[] = [];
    wall.on('request', (request) => {
      const headers = request.headers();
      sent.push({ url: request.url(), authorization: headers.authorization, cookie: headers.cookie });
    });
    // Everything the wall downloads, to search for what the atelier role may not receive.
    const received: Promise<string>[] = [];
    // (Live updates arrive on an event stream that stays open: tests/live.int.test.ts checks what it carries.)
    wall.on('response', (response) => {
      const stream = response.headers()['content-type']?.includes('text/event-stream');
      if (response.url().endsWith('/graphql') && !stream) received.push(response.text().catch(() => ''));
    });
    await wall.goto(`${t.base}/mur#${secret!}`);
    await wall.locator('[data-testid="map-canvas"] canvas').first().waitFor();
    await expect.poll(() => drawnActors(wall), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await wall.locator('h1').textContent()).toBe('Marché de producteurs et AMAP');
    await wall.getByText('Lecture seule · éléments confidentiels masqués').waitFor();
    const graphql = sent.filter((r) => r.url.endsWith('/graphql'));
    expect(graphql.length).toBeGreaterThan(0);
    for (const request of sent) expect(request.url).not.toContain(secret!);
    for (const request of graphql) {
      expect(request.authorization).toBe(`Bearer ${secret!}`);
      expect(request.cookie).toBeUndefined();
    }
    // Notes are withheld from the atelier role (ADR 0004): none of the project's notes, as the
    // administrator reads them, reaches the wall's network traffic.
    const full = await t.gql<{
      project: {
        conflicts: { note: string | null; arbitration: string | null }[];
        positions: { note: string | null }[];
        convergences: { note: string | null }[];
      };
    }>(`{ project(id: "prj-marche") { conflicts { note arbitration } positions { note } convergences { note } } }`);
    const notes = [
      ...full.data!.project.conflicts.flatMap((c) => [c.note, c.arbitration]),
      ...full.data!.project.positions.map((p) => p.note),
      ...full.data!.project.convergences.map((c) => c.note),
    ].filter((note): note is string => Boolean(note && note.length > 8));
    expect(notes.length).toBeGreaterThan(0);
    const traffic = (await Promise.all(received)).join('\n');
    expect(traffic).toContain('Marché de producteurs et AMAP');
    for (const note of notes) expect(traffic, note).not.toContain(note);
    await wall.screenshot({ path: screenshotPath('wall-page') });

    // Revoked from the dialog while the wall is live: within a second the map leaves the screen
    // and the refusal shows (the wall's live streams end with a refusal it takes as final), and
    // the wall does not keep asking with the dead link.
    await expect.poll(() => liveConnected(wall), { timeout: 20_000 }).toBe(true);
    // Right after the wall's own check of its link (every 10 s): that check cannot be what
    // takes the map off within the second below.
    await wall.waitForResponse(
      (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('query Viewer'),
      { timeout: 15_000 },
    );
    const refused: string[] = [];
    wall.on('response', (response) => {
      if (response.status() === 401) refused.push(response.url());
    });
    pilot.once('dialog', (confirm) => void confirm.accept());
    const revocation = pilot.waitForResponse(
      (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('revokeWallLink'),
    );
    await row.getByRole('button', { name: `Révoquer ${name}` }).click();
    await revocation;
    const revokedAt = Date.now();
    await wall.getByRole('heading', { name: 'Ce lien mural n’est plus valable' }).waitFor({ timeout: 1000 });
    expect(Date.now() - revokedAt).toBeLessThan(1000);
    expect(await wall.locator('[data-testid="map-canvas"]').count()).toBe(0);
    await expect.poll(async () => row.textContent(), { timeout: 10_000 }).toContain('révoqué le');
    await wall.waitForTimeout(1500);
    // (At most the link's own check, every 10 s, may have fallen in this window.)
    expect(refused.length, refused.join('\n')).toBeLessThanOrEqual(1);
    // Opened again, the link is refused at once.
    await wall.reload();
    await wall.getByRole('heading', { name: 'Ce lien mural n’est plus valable' }).waitFor();
    await wall.screenshot({ path: screenshotPath('wall-refused') });
    await wall.close();
    await pilot.close();
  });
});
