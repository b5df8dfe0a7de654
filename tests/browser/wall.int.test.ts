import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/app.ts';
import { screenshotPath } from '../support/browser.ts';
import { readLabels, type LabelReport } from '../support/labels.ts';

// Issue 14: the projection for a room's wall (/projets/<id>/mur), on the demo map the global
// setup loads, as the administrator the fixture signs in; 1920×1080, as on a room's screen.

const t = useBrowserApp();

const DEMO_PROJECTS = ['prj-marche', 'prj-archipel', 'prj-batiments', 'prj-exposition', 'prj-fifty', 'prj-gaz-fibre', 'prj-ose'];
const WALL = { width: 1920, height: 1080 };

/** Waits until the step's changes have played and the map stops moving (opening, a step, a focus). */
async function settle(page: Page): Promise<void> {
  await expect
    .poll(
      async () =>
        (await page.getByTestId('wall-step').getAttribute('data-step')) ===
        (await page.getByTestId('map-canvas').getAttribute('data-settled')),
      { timeout: 30_000 },
    )
    .toBe(true);
  let last = '';
  for (let i = 0; i < 80; i++) {
    const now = await page.evaluate(() => {
      const cy = (
        window as unknown as {
          __trameCy?: {
            zoom(): number;
            pan(): { x: number; y: number };
            nodes(): { length: number };
            elements(): { length: number };
          };
        }
      ).__trameCy;
      return cy && cy.nodes().length > 0 ? JSON.stringify([cy.zoom(), cy.pan(), cy.elements().length]) : '';
    });
    if (now && now === last) break;
    last = now;
    await page.waitForTimeout(600);
  }
}

/** Every label Cytoscape draws, with its size on screen (font size × zoom). */
async function labelReport(page: Page): Promise<LabelReport> {
  await settle(page);
  return readLabels(page);
}

/** Ids and kinds of the elements on the wall's canvas. */
async function onCanvas(page: Page): Promise<{ id: string; kind: string; classes: string[] }[]> {
  return page.evaluate(() => {
    const cy = (
      window as unknown as {
        __trameCy: { elements(): { toArray(): { id(): string; data(k: string): unknown; classes(): string[] }[] } };
      }
    ).__trameCy;
    return cy
      .elements()
      .toArray()
      .map((e) => ({ id: e.id(), kind: String(e.data('kind') ?? ''), classes: e.classes() }));
  });
}

async function openWall(projectId: string): Promise<Page> {
  const page = await t.newPage(WALL);
  await page.goto(`${t.base}/projets/${projectId}/mur`);
  await page.locator('[data-testid="map-canvas"] canvas').first().waitFor();
  return page;
}

describe('the wall', () => {
  it.each(DEMO_PROJECTS)('%s at 1920×1080 at fit: no label under 24 px, at least half the names shown', async (projectId) => {
    const page = await openWall(projectId);
    const report = await labelReport(page);
    const small = report.shown.filter((l) => l.px < 24);
    console.info(
      `${projectId} wall: zoom ${report.zoom.toFixed(2)}, names ${report.namesShown}/${report.names}, ` +
        `smallest ${Math.min(...report.shown.map((l) => l.px)).toFixed(1)} px, ${report.shown.length} labels`,
    );
    expect(report.names).toBeGreaterThan(0);
    expect(small).toEqual([]);
    expect(report.namesShown * 2).toBeGreaterThanOrEqual(report.names);
    // No editing chrome: no toolbar, no side panel, no timeline.
    expect(await page.locator('.toolbar, .side-panel, .timeline').count()).toBe(0);
    // The legend sits beside the map, never over it.
    const legend = await page.locator('.wall-legend').boundingBox();
    const map = await page.locator('[data-testid="map-canvas"]').boundingBox();
    expect(legend!.x).toBeGreaterThanOrEqual(map!.x + map!.width - 1);
    await page.screenshot({ path: screenshotPath(`wall-${projectId}`) });
    await page.close();
  });

  it('tells the Archipel nourricier story milestone by milestone, with its two leaps; focus, Escape, themes', async () => {
    const page = await openWall('prj-archipel');
    await settle(page);
    const step = page.getByTestId('wall-step');
    const caption = page.getByTestId('wall-caption');
    // Opens on the map as it stands; Home goes back to the first milestone.
    expect(await step.textContent()).toContain('Aujourd’hui');
    await page.keyboard.press('Home');
    await expect.poll(() => step.textContent()).toContain('Bilan de deux ans de cantine bio');
    expect(await step.textContent()).toContain('28 juin 2018');
    await settle(page);
    const perimetersAt = async () => (await onCanvas(page)).filter((e) => e.kind === 'PERIMETER').map((e) => e.id);
    const first = await perimetersAt();
    expect(first).toEqual(['per-archipel-cantine']);

    const seen: { name: string; caption: string; perimeters: string[]; leaps: string[] }[] = [];
    const total = Number(/\/ (\d+)/.exec((await step.textContent()) ?? '')?.[1]);
    for (let i = 0; i < total; i += 1) {
      if (i > 0) {
        // A presenter's clicker: PageDown, and the arrows.
        await page.keyboard.press(i % 2 ? 'PageDown' : 'ArrowRight');
        await expect.poll(() => step.textContent()).toContain(`${i + 1} / ${total}`);
      }
      await settle(page);
      await expect.poll(() => caption.textContent(), { timeout: 10_000 }).not.toBe('');
      const elements = await onCanvas(page);
      const name = (await page.locator('.wall-step-name').textContent()) ?? '';
      seen.push({
        name,
        caption: (await caption.textContent()) ?? '',
        perimeters: elements.filter((e) => e.kind === 'PERIMETER').map((e) => e.id),
        leaps: elements.filter((e) => e.kind === 'LEAP').map((e) => e.id),
      });
      for (const theme of ['light', 'dark'] as const) {
        const current = await page.locator('.wall').getAttribute('data-theme');
        if (current !== theme)
          await page.getByRole('button', { name: theme === 'dark' ? 'Thème sombre' : 'Thème clair' }).click();
        await expect.poll(() => page.locator('.wall').getAttribute('data-theme')).toBe(theme);
        await page.waitForTimeout(300);
        await page.screenshot({ path: screenshotPath(`wall-archipel-${i + 1}-${theme}`) });
      }
    }
    console.info(seen.map((s) => `${s.name}: ${s.caption}`).join('\n'));
    // The two leaps: each widens the map by a perimeter, and the caption names it.
    const leapStep = (perimeter: string) => seen.findIndex((s) => s.perimeters.includes(perimeter));
    const bienVivre = leapStep('per-archipel-bien-vivre');
    const biodiversite = leapStep('per-archipel-biodiversite');
    expect(bienVivre).toBeGreaterThan(0);
    expect(biodiversite).toBeGreaterThan(bienVivre);
    expect(seen[bienVivre]!.leaps).toContain('leap-archipel-bien-vivre');
    expect(seen[bienVivre]!.caption).toMatch(/Saut systémique : .*cantine.* → .*bien-vivre/i);
    expect(seen[biodiversite]!.caption).toMatch(/Saut systémique : .*bien-vivre.* → .*biodiversit/i);
    expect(seen[biodiversite]!.leaps).toEqual(expect.arrayContaining(['leap-archipel-bien-vivre', 'leap-archipel-biodiversite']));
    // ← goes back: the second leap is gone again.
    await page.keyboard.press('Home');
    for (let i = 0; i < biodiversite - 1; i += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => step.textContent()).toContain(`${biodiversite} / ${total}`);
    await settle(page);
    expect((await onCanvas(page)).some((e) => e.id === 'leap-archipel-biodiversite')).toBe(false);

    // Focus by typing a name: the actor's neighbourhood stays, the rest dims; Escape returns.
    await page.keyboard.press('End');
    await settle(page);
    const actors = (await onCanvas(page)).filter((e) => e.kind === 'ACTOR');
    const target = await page.evaluate(
      (ids) => {
        const cy = (
          window as unknown as { __trameCy: { getElementById(id: string): { data(k: string): unknown; degree(): number } } }
        ).__trameCy;
        return ids
          .map((id) => ({ id, label: String(cy.getElementById(id).data('label')), degree: cy.getElementById(id).degree() }))
          .sort((a, b) => b.degree - a.degree)[0]!;
      },
      actors.map((a) => a.id),
    );
    await page.keyboard.type(target.label.slice(0, 12));
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await onCanvas(page)).filter((e) => e.classes.includes('dimmed')).length).toBeGreaterThan(0);
    const focused = await onCanvas(page);
    const lit = focused.filter((e) => !e.classes.includes('dimmed'));
    expect(lit.some((e) => e.id === target.id)).toBe(true);
    expect(lit.filter((e) => e.kind === 'ACTOR').length).toBeLessThan(actors.length);
    expect(await page.locator('.wall-focus').textContent()).toContain(target.label);
    await settle(page);
    await page.screenshot({ path: screenshotPath('wall-archipel-focus') });
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await onCanvas(page)).filter((e) => e.classes.includes('dimmed')).length).toBe(0);
    // By perimeter.
    await page.getByLabel('Mettre en avant').selectOption('per-archipel-biodiversite');
    await expect.poll(async () => (await onCanvas(page)).filter((e) => e.classes.includes('dimmed')).length).toBeGreaterThan(0);
    const inPerimeter = (await onCanvas(page)).filter((e) => !e.classes.includes('dimmed') && e.kind === 'PERIMETER');
    expect(inPerimeter.map((e) => e.id)).toEqual(['per-archipel-biodiversite']);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await onCanvas(page)).filter((e) => e.classes.includes('dimmed')).length).toBe(0);
    await page.close();
  }, 300_000);

  it('« Masquer la légende » gives the map the legend’s room: the canvas widens and the map is fitted to it', async () => {
    const page = await openWall('prj-archipel');
    await settle(page);
    /** The canvas's width, and where the map's nodes are drawn on it. */
    const view = () =>
      page.evaluate(() => {
        const cy = (
          window as unknown as {
            __trameCy: {
              width(): number;
              zoom(): number;
              nodes(): { renderedBoundingBox(o: object): { x1: number; x2: number; w: number } };
            };
          }
        ).__trameCy;
        const box = cy.nodes().renderedBoundingBox({ includeLabels: false });
        return { width: cy.width(), zoom: cy.zoom(), centre: (box.x1 + box.x2) / 2, mapWidth: box.w };
      });
    const canvasWidth = async () => (await page.locator('[data-testid="map-canvas"] canvas').first().boundingBox())!.width;
    const before = await view();
    const canvasBefore = await canvasWidth();
    // Centred on its canvas, as fitted.
    expect(Math.abs(before.centre - before.width / 2)).toBeLessThan(60);
    await page.screenshot({ path: screenshotPath('wall-archipel-legend-shown') });

    await page.getByRole('button', { name: 'Masquer la légende' }).click();
    await expect.poll(() => page.locator('.wall-legend').count()).toBe(0);
    // The canvas takes the legend's column…
    await expect.poll(canvasWidth, { timeout: 5_000 }).toBeGreaterThan(canvasBefore + 200);
    // …and the map is fitted again: centred on the wider canvas, never smaller than it was.
    let after = await view();
    await expect
      .poll(async () => {
        after = await view();
        return (
          after.width > before.width + 200 && Math.abs(after.centre - after.width / 2) < 60 && after.zoom >= before.zoom - 1e-6
        );
      })
      .toBe(true)
      .catch((error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify({ before, after })}`);
      });
    await settle(page);
    await page.screenshot({ path: screenshotPath('wall-archipel-legend-hidden') });

    // Shown again: the map gives the column back and stays whole and centred.
    await page.getByRole('button', { name: 'Afficher la légende' }).click();
    await expect
      .poll(async () => {
        after = await view();
        return Math.abs(after.width - before.width) < 2 && Math.abs(after.centre - after.width / 2) < 60;
      })
      .toBe(true)
      .catch((error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify({ before, after })}`);
      });
    await page.close();
  });

  it('exports the step as PNG and SVG with its title and date, and the story as a PDF of one page per step', async () => {
    const page = await openWall('prj-marche');
    await settle(page);
    const exportAs = async (name: string) => {
      await page.locator('.wall-export summary').click();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 280_000 }),
        page.getByRole('button', { name }).click(),
      ]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(path!) };
    };
    const png = await exportAs('Étape en PNG');
    expect(png.name).toMatch(/^marche-de-producteurs-et-amap-.*\.png$/);
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    const svg = await exportAs('Étape en SVG');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('Marché de producteurs et AMAP');
    expect(text).toContain('Aujourd’hui');
    // The legend, drawn as its rows.
    expect(text).toContain('Élu');
    const total = Number(/\/ (\d+)/.exec((await page.getByTestId('wall-step').textContent()) ?? '')?.[1]);
    const pdf = await exportAs('Récit en PDF');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBe(total);
    // The wall is back on the step it showed.
    expect(await page.getByTestId('wall-step').textContent()).toContain(`${total} / ${total}`);
    await page.close();
  }, 480_000);

  it('« Projeter » opens the wall in a new window; ?atelier=1 leads to it', async () => {
    const page = await t.newPage({ width: 1440, height: 900 });
    await page.goto(`${t.base}/projets/prj-marche`);
    const link = page.getByRole('link', { name: 'Projeter' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/projets/prj-marche/mur');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await page.getByLabel('Mode atelier').count()).toBe(0);
    await page.goto(`${t.base}/projets/prj-marche?atelier=1`);
    await page.waitForURL(/\/projets\/prj-marche\/mur$/);
    await page.locator('[data-testid="map-canvas"] canvas').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Marché de producteurs et AMAP');
    await page.close();
  });

  it('draws names from their text, not from Cytoscape’s label textures (stretched fragments after a step)', async () => {
    // Seen on the Malaunay market at 1920×1080: Home then End drew « participation d /
    // coopération de » stretched beside the map — a texture of another size (labelTextures.ts).
    const page = await openWall('prj-marche');
    await settle(page);
    await page.keyboard.press('Home');
    await settle(page);
    await page.keyboard.press('End');
    await settle(page);
    // The same request a frame makes: the node's own texture cache answers (the call is right),
    // the label caches send it to direct drawing.
    const answers = await page.evaluate(() => {
      type Cache = { getElement(ele: unknown, bb: unknown, pxRatio: number): unknown };
      const cy = (
        window as unknown as {
          __trameCy: {
            renderer(): { data: Record<string, Cache> };
            nodes(selector: string): { first(): { boundingBox(o?: object): object } };
          };
        }
      ).__trameCy;
      const data = cy.renderer().data;
      const node = cy.nodes('[kind = "ACTOR"]').first();
      const bb = node.boundingBox({ includeLabels: true });
      return {
        node: data.eleTxrCache!.getElement(node, node.boundingBox({ includeLabels: false }), 1) !== null,
        labels: ['lblTxrCache', 'slbTxrCache', 'tlbTxrCache'].map((name) => data[name]!.getElement(node, bb, 1)),
      };
    });
    expect(answers).toEqual({ node: true, labels: [null, null, null] });
    await page.screenshot({ path: screenshotPath('wall-marche-after-steps') });
    await page.close();
  });

  it('opens without a loading screen and reads its map once: no Suspense fallback shown, no second read of the map as it is drawn', async () => {
    const page = await t.newPage(WALL);
    // Whether the app ever showed a page's Suspense fallback (App.tsx: <main aria-busy="true">).
    await page.addInitScript(() => {
      const seen = window as unknown as { __fallbackShown?: boolean };
      new MutationObserver(() => {
        if (document.querySelector('main[aria-busy="true"]')) seen.__fallbackShown = true;
      }).observe(document, { childList: true, subtree: true });
    });
    const reads: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (!request.url().endsWith('/graphql') || !/query ProjectView\b/.test(body)) return;
      reads.push(JSON.stringify((JSON.parse(body) as { variables?: unknown }).variables));
    });
    await page.goto(`${t.base}/projets/prj-archipel/mur`);
    await settle(page);
    // A second read of the map of now came right after the page mounted, while the map was laid out.
    await page.waitForTimeout(1500);
    const now = reads.filter((variables) => (JSON.parse(variables) as { asOf: unknown }).asOf === null);
    expect(now, JSON.stringify(reads)).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __fallbackShown?: boolean }).__fallbackShown ?? false)).toBe(false);
    await page.close();
  });

  it('names its code in its HTML: its read leaves first, then the page and Cytoscape are fetched with the app’s code, not after it has run', async () => {
    const page = await t.newPage(WALL);
    // The app's entry arrives 1.5 s late (a slow network): what leaves before it does owes nothing
    // to the app's code, whatever the machine's speed (a race on a local server otherwise).
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const response = await page.goto(`${t.base}/projets/prj-marche/mur`);
    const html = (await response?.text()) ?? '';
    await page.locator('[data-testid="map-canvas"] canvas').first().waitFor();
    const fetched = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
        name: new URL(e.name).pathname,
        start: e.startTime,
        end: e.responseEnd,
      })),
    );
    // Without the hint the page's chunk is asked for once the app's modules have all arrived and run.
    const pageChunk = fetched.find((e) => /\/assets\/ProjectionPage-/.test(e.name));
    const app = fetched.find((e) => /\/assets\/index-[\w-]+\.js$/.test(e.name));
    expect(pageChunk && app && pageChunk.start < app.end, JSON.stringify({ pageChunk, app })).toBe(true);
    // Its early script, first in <head> and inline (allowed by its hash alone), sends the map's
    // read before the app's code has arrived (web/src/api/openingEarly.ts).
    const inline = /<head>\s*<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(inline).toContain('/graphql');
    // It names the page's chunks, asked for once its read has left (openingEarly.ts preloadModules).
    expect(inline).toMatch(/\/assets\/ProjectionPage-[\w-]+\.js/);
    expect(html).not.toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/ProjectionPage-/);
    const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
    expect(response?.headers()['content-security-policy']).toMatch(
      new RegExp(`script-src 'self' ${hash.replace(/[+/]/g, '\\$&')}(;|$)`),
    );
    const reads = fetched.filter((e) => e.name === '/graphql');
    expect(reads.length, JSON.stringify(fetched)).toBeGreaterThan(0);
    expect(reads[0]!.start < app!.end, JSON.stringify({ read: reads[0], app })).toBe(true);
    expect(reads[0]!.start <= pageChunk!.start, JSON.stringify({ read: reads[0], pageChunk })).toBe(true);
    // Nor are the modules the app's entry imports named in the HTML (the browser asks for what
    // the HTML names before any script runs, and the read waited for a connection): the early
    // script asks for them too, after its read.
    expect(html).not.toMatch(/<link rel="modulepreload"/);
    expect(inline).toMatch(/\/assets\/i18n-[\w-]+\.js/);
    const entryModule = fetched.find((e) => /\/assets\/i18n-/.test(e.name));
    expect(entryModule && reads[0]!.start <= entryModule.start, JSON.stringify({ read: reads[0], entryModule })).toBe(true);
    // The editor's address names the editor's page, not the wall's.
    const editor = await (await fetch(`${t.base}/projets/prj-marche`, { headers: { accept: 'text/html' } })).text();
    expect(editor).toMatch(/\/assets\/ProjectPage-[\w-]+\.js/);
    expect(editor).not.toMatch(/ProjectionPage-/);
    expect(editor).not.toMatch(/<script>/);
    await page.close();
  });
});
