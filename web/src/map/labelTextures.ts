import type { Core } from 'cytoscape';

/** The parts of Cytoscape's canvas renderer this module touches (not in its typings). */
interface TextureCache {
  getElement(...args: unknown[]): unknown;
}
interface CanvasRendererData {
  lblTxrCache?: TextureCache;
  slbTxrCache?: TextureCache;
  tlbTxrCache?: TextureCache;
}

/**
 * Turns off Cytoscape's texture cache for labels (node labels and edge end labels), so each
 * label is drawn directly from its text at every frame — the renderer's own fallback for labels
 * too large to cache. Cytoscape 3.34's canvas renderer keeps one texture per label style and
 * zoom level and draws it into the label's current box; after the map's label classes changed
 * (a milestone step on the wall, a new element in the editor) a label was drawn from a texture of
 * another size: stretched, clipped fragments of names (« participation d / coopération de » on
 * the Malaunay market's wall, stepping to the first milestone and back). Direct drawing costs
 * more per frame on a map with thousands of names shown; the wall shows only names of 24 px or
 * more, and the editor hides names under its minimum size. No effect on the WebGL renderer
 * (it has no such caches) or on a renderer without them (a future Cytoscape): nothing happens.
 */
export function drawLabelsDirectly(cy: Core): void {
  const data = (cy as unknown as { renderer(): { data?: CanvasRendererData } | undefined }).renderer()?.data;
  if (!data) return;
  for (const cache of [data.lblTxrCache, data.slbTxrCache, data.tlbTxrCache]) {
    if (cache && typeof cache.getElement === 'function') cache.getElement = () => null;
  }
}
