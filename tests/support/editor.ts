import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The editor's browser tests' shared steps: open a project's map, read what Cytoscape drew,
 * select an element as a click does, and check that what a pilot reads is words.
 */

/** The 1440×900 laptop the issue's flows are tried on. */
export const LAPTOP = { width: 1440, height: 900 };

/** One element as Cytoscape drew it. */
export interface CyElement {
  id: string;
  kind: string;
  label: string;
  data: Record<string, unknown>;
}

/** What Cytoscape has drawn, read from the page (empty before the map exists). */
export async function drawn(page: Page): Promise<CyElement[]> {
  return page.evaluate(() => {
    const cy = (
      window as unknown as { __trameCy?: { elements(): { map<T>(f: (e: { data(): Record<string, unknown> }) => T): T[] } } }
    ).__trameCy;
    if (!cy) return [];
    return cy.elements().map((e) => {
      const data = e.data();
      return { id: String(data.id), kind: String(data.kind), label: String(data.label ?? ''), data };
    });
  });
}

/**
 * Waits (20 s at most) until what is drawn satisfies `predicate`; a refusal shown on the side
 * panel is in the failure's message rather than a bare timeout.
 */
export async function waitForDrawn(
  page: Page,
  predicate: (elements: CyElement[]) => boolean,
  what: string,
): Promise<CyElement[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const elements = await drawn(page).catch(() => []);
    if (predicate(elements)) return elements;
    if (Date.now() > deadline) {
      const alerts = await page.locator('aside.side-panel [role="alert"]').allTextContents();
      throw new Error(`not drawn: ${what}${alerts.length > 0 ? ` (the panel says: ${alerts.join(' ')})` : ''}`);
    }
    await page.waitForTimeout(250);
  }
}

/** Waits until an element labelled `label` is drawn, and returns it. */
export async function waitForLabel(page: Page, label: string): Promise<CyElement> {
  const elements = await waitForDrawn(page, (els) => els.some((e) => e.label === label), `« ${label} »`);
  return elements.find((e) => e.label === label)!;
}

/** Opens a project's map (`query`: « ?date=… »…) and waits for its first actors; page errors are printed. */
export async function openProject(page: Page, base: string, projectId: string, query = ''): Promise<void> {
  page.on('pageerror', (error) => console.error(`page error: ${error.message}\n${error.stack ?? ''}`));
  await page.goto(`${base}/projets/${projectId}${query}`);
  await page.locator('[data-testid="map-canvas"] canvas').first().waitFor();
  await waitForDrawn(page, (els) => els.some((e) => e.kind === 'ACTOR'), 'actors');
}

/** Selects an element on the map as a click does. */
export async function tap(page: Page, id: string): Promise<void> {
  await page.evaluate((nodeId) => {
    const cy = (window as unknown as { __trameCy: { getElementById(id: string): { emit(e: string): void } } }).__trameCy;
    cy.getElementById(nodeId).emit('tap');
  }, id);
}

/**
 * Selects an element and waits until the side panel shows `text`: the map is drawn before the
 * lists the panel reads, so the tap is repeated until the panel has them.
 */
export async function select(page: Page, id: string, text: string): Promise<void> {
  const panel = page.locator('aside.side-panel');
  await expect
    .poll(
      async () => {
        await tap(page, id);
        return panel.textContent();
      },
      { timeout: 20_000 },
    )
    .toContain(text);
}

/** No internal id, code, enumeration value or ISO date in what the pilot reads. */
export function expectWords(text: string | null): void {
  expect(text ?? '').not.toMatch(/\b(act|eng|obj|per|prj|ter|mil|chg)-[a-z0-9]+/);
  expect(text ?? '').not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/);
  expect(text ?? '').not.toMatch(/\b(INFORME|PARTICIPANT|MOTEUR|HABITANT|ELU|CREATE|UPDATE|END|REOPEN)\b/);
  expect(text ?? '').not.toMatch(/\d{4}-\d{2}-\d{2}/);
}
