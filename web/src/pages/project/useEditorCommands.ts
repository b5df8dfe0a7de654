import { useMemo, type RefObject } from 'react';
import { download } from '../../export/download.ts';
import type { MapCanvasHandle } from '../../map/MapCanvas.tsx';
import type { PanelMode, SidePanelHandle } from '../../panels/SidePanel.tsx';
import type { EditorCommands } from './actions.ts';

export interface EditorRefs {
  canvas: RefObject<MapCanvasHandle | null>;
  searchBox: RefObject<HTMLInputElement | null>;
  sidePanel: RefObject<SidePanelHandle | null>;
}

/**
 * What the registry's actions do in this page: they reach the canvas, the search box and the
 * side panel through React refs, never through the DOM. Exports are named after the project and,
 * for the PNG, the date read (YYYY-MM-DD).
 */
export function useEditorCommands(
  projectId: string,
  asOf: string | null,
  refs: EditorRefs,
  set: { panel(mode: PanelMode): void; toggleDrawMode(): void; importing(open: boolean): void },
): EditorCommands {
  const { canvas, searchBox, sidePanel } = refs;
  return useMemo<EditorCommands>(
    () => ({
      setPanel: set.panel,
      toggleDrawMode: set.toggleDrawMode,
      openImport: () => set.importing(true),
      focusSearch: () => searchBox.current?.focus(),
      fit: () => canvas.current?.fit(),
      rearrange: () => canvas.current?.rearrange(),
      exportPng: () =>
        void canvas.current?.png().then((blob) => download(blob, `${projectId}${asOf ? `-${asOf.slice(0, 10)}` : ''}.png`)),
      exportSvg: () => {
        if (canvas.current) download(new Blob([canvas.current.svg()], { type: 'image/svg+xml' }), `${projectId}.svg`);
      },
      endSelected: () => sidePanel.current?.end(),
    }),
    [projectId, asOf, canvas, searchBox, sidePanel, set.panel, set.toggleDrawMode, set.importing],
  );
}
