import type { Page } from 'playwright-core';

/** What a map draws: its zoom, each drawn label with its size on screen, the names shown. */
export interface LabelReport {
  zoom: number;
  /** Every element whose label is drawn: its kind and rendered size in px. */
  shown: { id: string; kind: string; px: number }[];
  /** Actors and objectives on the map, and those whose name is drawn. */
  names: number;
  namesShown: number;
}

/**
 * Every label Cytoscape draws on `window.__trameCy` (the editor's or the wall's), with its size
 * on screen (font size × zoom), and how many actor and objective names are shown. Read once:
 * the caller waits for the map to settle first.
 */
export function readLabels(page: Page): Promise<LabelReport> {
  return page.evaluate(() => {
    type El = {
      id(): string;
      data(k: string): unknown;
      style(k: string): string;
      visible(): boolean;
      isNode(): boolean;
      isParent(): boolean;
    };
    const cy = (window as unknown as { __trameCy: { zoom(): number; elements(): { toArray(): El[] } } }).__trameCy;
    const zoom = cy.zoom();
    const shown: LabelReport['shown'] = [];
    let names = 0;
    let namesShown = 0;
    for (const el of cy.elements().toArray()) {
      const kind = String(el.data('kind') ?? '');
      const isName = el.isNode() && !el.isParent() && (kind === 'ACTOR' || kind === 'OBJECTIVE');
      if (isName) names += 1;
      const label = el.style('label');
      const px = Number.parseFloat(el.style('font-size')) * zoom;
      const threshold = Number.parseFloat(el.style('min-zoomed-font-size')) || 0;
      // Cytoscape leaves out a label smaller on screen than min-zoomed-font-size.
      const drawn = Boolean(label) && el.visible() && Number.parseFloat(el.style('text-opacity')) > 0 && px >= threshold;
      if (!drawn) continue;
      shown.push({ id: el.id(), kind, px });
      if (isName) namesShown += 1;
    }
    return { zoom, shown, names, namesShown };
  });
}
