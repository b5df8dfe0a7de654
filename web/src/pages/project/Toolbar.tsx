import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { searchNodes, type Grouping, type MapFilters } from '../../map/elements.ts';
import type { MapCanvasHandle } from '../../map/MapCanvas.tsx';
import type { ProjectMapData } from '../../map/types.ts';
import { setParams } from '../../navigation.ts';
import { editorParamChanges, projectionHref } from '../../routes.ts';
import { ActionButton } from './ActionButton.tsx';
import { TOOLBAR_ACTIONS, type Action, type ActionContext } from './actions.ts';
import type { MapMeasure } from '../../map/measure.ts';
import { MapFiltersMenu } from './MapFiltersMenu.tsx';

export interface ToolbarProps {
  map: ProjectMapData;
  perimeters: { id: string; name: unknown }[];
  grouping: Grouping;
  onGrouping(grouping: Grouping): void;
  filters: MapFilters;
  onFilters(filters: MapFilters): void;
  /** The measure the actors' size follows (MapFiltersMenu), and its change. */
  measure?: MapMeasure | null;
  onMeasure?(measure: MapMeasure | null): void;
  leapsView: boolean;
  /** The project « Projeter » opens on the wall (/projets/<id>/mur, in a new window). */
  projectId: string;
  context: ActionContext;
  canvas: RefObject<MapCanvasHandle | null>;
  searchBox: RefObject<HTMLInputElement | null>;
  /** A message for the toast (no match for the search). */
  onStatus(message: string): void;
  /** The « Exporter… » menu (web/src/export/ExportMenu.tsx). */
  exportMenu?: ReactNode;
}

/**
 * The editor's toolbar, one row on a 1280 px laptop: grouping, views, filters, search, the
 * registry's everyday buttons, « Plus d’actions » (the others), « Projeter », « Exporter… ».
 */
export function Toolbar(props: ToolbarProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const { map, context } = props;
  return (
    <div className="toolbar" role="toolbar">
      <label>
        {t.grouping}{' '}
        <select value={props.grouping} onChange={(e) => props.onGrouping(e.target.value as Grouping)} disabled={props.leapsView}>
          <option value="perimeter">{t.groupPerimeter}</option>
          <option value="ecosystem">{t.groupEcosystem}</option>
          <option value="kind">{t.groupKind}</option>
          <option value="none">{t.groupNone}</option>
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={props.leapsView}
          onChange={(e) => setParams(editorParamChanges({ leapsView: e.target.checked }))}
        />{' '}
        {t.viewLeaps}
      </label>
      <MapFiltersMenu
        filters={props.filters}
        perimeters={props.perimeters}
        onChange={props.onFilters}
        measure={props.measure}
        onMeasure={props.onMeasure}
      />
      <input
        ref={props.searchBox}
        type="search"
        placeholder={t.searchHint}
        aria-label={t.search}
        value={search}
        list="map-search"
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          const [first] = searchNodes(map, search);
          if (first) props.canvas.current?.focus(first.id);
          else props.onStatus(t.searchNoMatch);
        }}
      />
      <datalist id="map-search">
        {map.nodes
          .filter((n) => n.kind !== 'PERIMETER')
          .map((n) => (
            <option key={n.id} value={n.label} />
          ))}
      </datalist>
      {TOOLBAR_ACTIONS.filter((action) => !action.inMenu && action.enabled(context)).map((action) =>
        action.id === 'relation.draw' ? (
          <ActionButton
            key={action.id}
            action={action}
            context={context}
            hint
            pressed={context.drawMode}
            prefix={context.drawMode ? '✎ ' : ''}
          />
        ) : (
          <ActionButton key={action.id} action={action} context={context} />
        ),
      )}
      <MoreActionsMenu actions={TOOLBAR_ACTIONS.filter((action) => action.inMenu && action.enabled(context))} context={context} />
      <a
        className="button-link"
        href={projectionHref(props.projectId)}
        target="_blank"
        rel="noopener"
        title={t.projectOnWallHint}
      >
        {t.projectOnWall}
      </a>
      {props.exportMenu}
    </div>
  );
}

/**
 * « Plus d’actions »: the registry's occasional actions. Running one, Escape, or a click
 * elsewhere closes the menu.
 */
function MoreActionsMenu({ actions, context }: { actions: readonly Action[]; context: ActionContext }) {
  const { t } = useI18n();
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  if (actions.length === 0) return null;
  return (
    <details className="toolbar-menu" ref={menu} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary title={t.moreActionsHint}>{t.moreActions}</summary>
      <div className="toolbar-menu-body">
        {actions.map((action) => (
          <ActionButton key={action.id} action={action} context={context} onRan={() => setOpen(false)} />
        ))}
      </div>
    </details>
  );
}
