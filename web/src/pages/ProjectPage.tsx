import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ACTOR_KINDS, CONFLICT_STATUSES, ENGAGEMENT_LEVELS, ENTITIES } from '@trame/graph/model';
import { request } from '../api/client.ts';
import { PROJECT_DIFF, PROJECT_MAP_AT, SAVE_LAYOUT, TERRITORY_ACTORS } from '../api/documents.ts';
import type { EntityData } from '../api/mutations.ts';
import { useProjectView } from '../api/useProjectView.ts';
import { useQuery } from '../api/useQuery.ts';
import { useI18n } from '../i18n/index.tsx';
import { comparisonFromDiff, entityIdOf, searchNodes, toElements, type Comparison, type Grouping, type MapFilters } from '../map/elements.ts';
import { relationChoices } from '../map/relations.ts';
import type { Positions } from '../map/layout.ts';
import { Legend } from '../map/Legend.tsx';
import { MapCanvas, type MapCanvasHandle } from '../map/MapCanvas.tsx';
import type { ProjectMapData } from '../map/types.ts';
import type { RefOptions } from '../panels/EntityForm.tsx';
import { SidePanel, type PanelMode } from '../panels/SidePanel.tsx';
import { entityTitle } from '../panels/titles.ts';
import { navigate, setParams } from '../router.ts';
import { TimelineBar } from '../time/TimelineBar.tsx';

// The import dialog and its spreadsheet readers load when a pilot opens it, not with the map.
const ImportDialog = lazy(() => import('../import/ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));

type ProjectData = EntityData & {
  asOf: string;
  name: string;
  territory: { id: string; name: string };
} & Record<
    'engagements' | 'actors' | 'perimeters' | 'objectives' | 'positions' | 'convergences' | 'conflicts' | 'externalities' | 'cooperations' | 'influences' | 'leaps' | 'ecosystems' | 'milestones',
    EntityData[]
  >;

interface ProjectView {
  project: ProjectData;
  projectMap: ProjectMapData;
  projectLayout: Positions;
}

interface DiffData {
  projectDiff: {
    from: string;
    to: string;
    summary: Record<string, number>;
    added: { id: string }[];
    ended: { id: string }[];
    changed: { entity: { id: string } }[];
  };
}

const LISTS = ['engagements', 'actors', 'perimeters', 'objectives', 'positions', 'convergences', 'conflicts', 'externalities', 'cooperations', 'influences', 'leaps', 'ecosystems', 'milestones'] as const;

/** The end of a milestone's day, as the API compares milestones. */
const endOfDay = (date: string) => `${date}T23:59:59.999Z`;

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ProjectPage({ projectId, params }: { projectId: string; params: URLSearchParams }) {
  const i18n = useI18n();
  const { t } = i18n;
  const date = params.get('date');
  const compareParam = params.get('compare');
  const workshop = params.get('atelier') === '1';
  const leapsView = params.get('vue') === 'sauts';
  const compare = useMemo(() => {
    const [from, to] = (compareParam ?? '').split('..');
    return from && to ? { from, to } : null;
  }, [compareParam]);

  const [grouping, setGrouping] = useState<Grouping>('perimeter');
  const [filters, setFilters] = useState<MapFilters>({ actorKinds: new Set(), engagements: new Set(), perimeters: new Set(), conflictStatuses: new Set() });
  const [panel, setPanel] = useState<PanelMode>({ kind: 'idle' });
  const [search, setSearch] = useState('');
  const [drawMode, setDrawMode] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const canvas = useRef<MapCanvasHandle>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const focusAfterLoad = useRef<string | null>(null);

  // Milestones are needed to know the comparison's dates: they come with the view itself.
  const base = useProjectView<ProjectView>(projectId, null, workshop);
  const milestones = (base.data?.project.milestones ?? []) as (EntityData & { name: string; date: string })[];
  const compareDates = compare
    ? { from: milestones.find((m) => m.id === compare.from)?.date, to: milestones.find((m) => m.id === compare.to)?.date }
    : null;
  const asOf = compareDates?.to ? endOfDay(compareDates.to) : date;
  const readOnly = asOf !== null || workshop;
  const view = useProjectView<ProjectView>(projectId, asOf, workshop, asOf === null);
  const current = asOf === null ? base : view;
  const data = current.data ?? (asOf === null ? null : null);

  const diff = useQuery<DiffData>(PROJECT_DIFF, { id: projectId, from: compare?.from ?? '', to: compare?.to ?? '' }, !compare || !compareDates?.from);
  const fromMap = useQuery<{ projectMap: Pick<ProjectMapData, 'nodes' | 'edges'> }>(
    PROJECT_MAP_AT,
    { id: projectId, asOf: compareDates?.from ? endOfDay(compareDates.from) : null, hideConfidential: workshop },
    !compare || !compareDates?.from,
  );
  const territoryActors = useQuery<{ territory: { actors: EntityData[] } }>(TERRITORY_ACTORS, { id: data?.project.territory.id ?? '' }, !data || readOnly);

  // Workshop: the facilitator edits elsewhere; the wall follows every few seconds.
  useEffect(() => {
    if (!workshop) return;
    const timer = setInterval(() => current.reload(), 8000);
    return () => clearInterval(timer);
  }, [workshop, current]);

  const byId = useMemo(() => {
    const map = new Map<string, EntityData>();
    if (!data) return map;
    map.set(data.project.id, data.project);
    for (const list of LISTS) for (const entity of data.project[list]) map.set(entity.id, entity);
    for (const actor of territoryActors.data?.territory.actors ?? []) if (!map.has(actor.id)) map.set(actor.id, actor);
    return map;
  }, [data, territoryActors.data]);

  const comparison = useMemo<Comparison | null>(
    () => (compare && diff.data && fromMap.data ? comparisonFromDiff(diff.data.projectDiff, fromMap.data.projectMap) : null),
    [compare, diff.data, fromMap.data],
  );

  const projectMap = data?.projectMap ?? null;
  const elements = useMemo(
    () =>
      projectMap
        ? toElements(projectMap, {
            grouping: leapsView ? 'perimeter' : grouping,
            filters,
            comparison,
            groupLabel: (kind, key) => (kind === 'kind' ? i18n.enumLabel(key) : key),
            formatDate: i18n.formatDate,
          })
        : [],
    // The map only: the lists arriving after it change nothing drawn.
    [projectMap, grouping, filters, comparison, leapsView, i18n],
  );

  const refOptions = useMemo<RefOptions>(() => {
    const options: RefOptions = {};
    const nameOf = (id: string) => {
      const e = byId.get(id);
      return e ? String(e[ENTITIES[e.__typename].titleField] ?? id) : null;
    };
    const title = (e: EntityData) => entityTitle(e, nameOf);
    for (const entity of byId.values()) {
      const list = (options[entity.__typename] ??= []);
      list.push({ id: entity.id, label: title(entity) });
    }
    for (const list of Object.values(options)) list.sort((a, b) => a.label.localeCompare(b.label, 'fr'));
    return options;
  }, [byId]);

  const titleOf = useCallback(
    (id: string): string | null => {
      const entity = byId.get(id);
      return entity ? entityTitle(entity, (other) => (other === id ? null : titleOf(other))) : null;
    },
    [byId],
  );

  // After a save, show the saved entity again once the map has reloaded.
  useEffect(() => {
    const id = focusAfterLoad.current;
    // Wait for the lists of the reloaded map: they hold the saved entity's new version.
    if (!id || !data || !current.listsFresh) return;
    const entity = byId.get(id);
    if (entity) setPanel({ kind: 'view', entity });
    // Bring what was just saved into view (a new actor may have landed off screen).
    requestAnimationFrame(() => canvas.current?.focus(id));
    focusAfterLoad.current = null;
  }, [data, byId, current.listsFresh]);

  const onSelect = useCallback(
    (element: (Record<string, unknown> & { id: string }) | null) => {
      if (!element || element.kind === 'GROUP') return setPanel({ kind: 'idle' });
      const entity = byId.get(entityIdOf(element));
      setPanel(entity ? { kind: 'view', entity } : { kind: 'idle' });
    },
    [byId],
  );

  const saveLayout = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onArranged = useCallback(
    (positions: Positions) => {
      if (readOnly) return;
      if (saveLayout.current) clearTimeout(saveLayout.current);
      saveLayout.current = setTimeout(() => {
        request(SAVE_LAYOUT, { id: projectId, positions })
          .then(() => setStatus(t.layoutSaved))
          .catch(() => undefined);
      }, 600);
    },
    [projectId, readOnly, t.layoutSaved],
  );

  // Keyboard shortcuts for the frequent actions.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (importing) return; // the import dialog has the keyboard
      const target = event.target as HTMLElement;
      if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
        if (event.key === 'Escape') target.blur();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') setPanel({ kind: 'idle' });
      else if (event.key === '/') {
        event.preventDefault();
        searchBox.current?.focus();
      } else if (event.key === 'f') canvas.current?.fit();
      else if (readOnly) return;
      else if (event.key === 'a') setPanel({ kind: 'create', type: 'Actor', preset: {}, then: 'engage' });
      else if (event.key === 'o') setPanel({ kind: 'create', type: 'Objective', preset: {} });
      else if (event.key === 'l') setDrawMode((on) => !on);
      else if ((event.key === 'Delete' || event.key === 'Backspace') && panel.kind === 'view') {
        document.querySelector<HTMLButtonElement>('.side-panel button.danger')?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, panel, importing]);

  useEffect(() => {
    canvas.current?.setDrawMode(drawMode && !readOnly);
  }, [drawMode, readOnly]);

  if (current.error && !data) {
    return (
      <main className="page">
        <p role="alert" className="error">
          {t.loadError} : {current.error.message}
        </p>
        <button type="button" onClick={current.reload}>
          {t.retry}
        </button>
      </main>
    );
  }
  if (!data) return <p className="loading" aria-busy="true">{t.loading}</p>;

  const project = data.project;
  const map = data.projectMap;
  const empty = map.nodes.filter((n) => n.kind !== 'PERIMETER').length === 0;
  const toggle = (facet: keyof MapFilters, value: string) =>
    setFilters((f) => {
      const next = new Set(f[facet]);
      if (next.has(value)) next.delete(value);
      else next.add(value);
      return { ...f, [facet]: next };
    });
  const summary = diff.data ? t.compareSummary(diff.data.projectDiff.summary.added ?? 0, diff.data.projectDiff.summary.ended ?? 0, diff.data.projectDiff.summary.changed ?? 0) : null;

  return (
    <div className={`project-page${workshop ? ' workshop' : ''}`}>
      <header className="project-header">
        <nav aria-label="fil d’Ariane">
          <a href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
            {t.territories}
          </a>{' '}
          › {project.territory.name} › <h1>{project.name}</h1>{' '}
          <a
            className="nav-link"
            href={`/projets/${projectId}/analyse${date ? `?date=${date}` : ''}`}
            onClick={(e) => (e.preventDefault(), navigate(`/projets/${projectId}/analyse${date ? `?date=${date}` : ''}`))}
          >
            {t.analysisLink}
          </a>
        </nav>
        <div className="toolbar" role="toolbar">
          <label>
            {t.grouping}{' '}
            <select value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)} disabled={leapsView}>
              <option value="perimeter">{t.groupPerimeter}</option>
              <option value="ecosystem">{t.groupEcosystem}</option>
              <option value="kind">{t.groupKind}</option>
              <option value="none">{t.groupNone}</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={leapsView} onChange={(e) => setParams({ vue: e.target.checked ? 'sauts' : null })} /> {t.viewLeaps}
          </label>
          <details className="filters">
            <summary>{t.filters}</summary>
            <fieldset>
              <legend>{i18n.entity('Actor')}</legend>
              {ACTOR_KINDS.map((k) => (
                <label key={k}>
                  <input type="checkbox" checked={filters.actorKinds.has(k)} onChange={() => toggle('actorKinds', k)} /> {i18n.enumLabel(k)}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{i18n.entity('Engagement')}</legend>
              {ENGAGEMENT_LEVELS.map((k) => (
                <label key={k}>
                  <input type="checkbox" checked={filters.engagements.has(k)} onChange={() => toggle('engagements', k)} /> {i18n.enumLabel(k)}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{i18n.entity('Perimeter')}</legend>
              {project.perimeters.map((p) => (
                <label key={p.id}>
                  <input type="checkbox" checked={filters.perimeters.has(p.id)} onChange={() => toggle('perimeters', p.id)} /> {String(p.name)}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{i18n.entity('Conflict')}</legend>
              {CONFLICT_STATUSES.map((k) => (
                <label key={k}>
                  <input type="checkbox" checked={filters.conflictStatuses.has(k)} onChange={() => toggle('conflictStatuses', k)} /> {i18n.enumLabel(k)}
                </label>
              ))}
            </fieldset>
          </details>
          <input
            ref={searchBox}
            type="search"
            placeholder={t.search}
            aria-label={t.search}
            value={search}
            list="map-search"
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              const [first] = searchNodes(map, search);
              if (first) canvas.current?.focus(first.id);
              else setStatus(t.searchNoMatch);
            }}
          />
          <datalist id="map-search">
            {map.nodes.filter((n) => n.kind !== 'PERIMETER').map((n) => (
              <option key={n.id} value={n.label} />
            ))}
          </datalist>
          {!readOnly && (
            <button type="button" aria-pressed={drawMode} onClick={() => setDrawMode((on) => !on)} title="L">
              {drawMode ? '✎ ' : ''}
              {t.newRelation}
            </button>
          )}
          {!readOnly && (
            <button type="button" onClick={() => setImporting(true)}>
              {t.importActors}
            </button>
          )}
          <button type="button" onClick={() => canvas.current?.rearrange()}>
            {t.rearrange}
          </button>
          <button type="button" onClick={() => void canvas.current?.png().then((blob) => download(blob, `${projectId}${asOf ? `-${asOf.slice(0, 10)}` : ''}.png`))}>
            {t.exportPng}
          </button>
          <button type="button" onClick={() => canvas.current && download(new Blob([canvas.current.svg()], { type: 'image/svg+xml' }), `${projectId}.svg`)}>
            {t.exportSvg}
          </button>
          <label title={t.workshopHint}>
            <input type="checkbox" checked={workshop} onChange={(e) => setParams({ atelier: e.target.checked ? '1' : null })} /> {t.workshop}
          </label>
        </div>
      </header>
      {asOf && !compare && <p className="banner" role="status">{t.readOnlyBanner(i18n.formatDate(asOf))}</p>}
      {status && (
        <p className="toast" role="status" onAnimationEnd={() => setStatus(null)}>
          {status}
        </p>
      )}
      <div className="workspace">
        <div className="map-area" aria-busy={current.loading}>
          {empty && !readOnly && <p className="empty-project">{t.emptyProject}</p>}
          <MapCanvas
            ref={canvas}
            elements={elements}
            savedPositions={data.projectLayout}
            ecosystems={map.ecosystems}
            perimeterOrder={map.perimeterOrder}
            layoutMode={leapsView ? 'leaps' : 'free'}
            projection={workshop}
            editable={!readOnly}
            onSelect={onSelect}
            onConnect={(source, target) => {
              const choices = relationChoices(source, target);
              if (choices.length === 1) setPanel({ kind: 'create', type: choices[0]!.type, preset: choices[0]!.preset });
              else if (choices.length > 1) setPanel({ kind: 'relation', choices });
            }}
            onArranged={onArranged}
          />
          {workshop && <Legend ecosystems={map.ecosystems} />}
        </div>
        {!workshop && (
          <SidePanel
            mode={panel}
            readOnly={readOnly}
            projectId={projectId}
            territoryId={project.territory.id}
            refOptions={refOptions}
            titleOf={titleOf}
            legend={<Legend ecosystems={map.ecosystems} />}
            onMode={setPanel}
            onSaved={(focusId) => {
              focusAfterLoad.current = focusId;
              if (!focusId) setPanel({ kind: 'idle' });
              setStatus(t.saved);
              base.reload();
              territoryActors.reload();
            }}
          />
        )}
      </div>
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog
            projectId={projectId}
            onClose={() => setImporting(false)}
            onImported={(report) => {
              setStatus(t.importDone(report.actorsCreated, report.actorsReused));
              base.reload();
              territoryActors.reload();
            }}
          />
        </Suspense>
      )}
      <TimelineBar
        start={project.validFrom.slice(0, 10)}
        date={compare ? (compareDates?.to ?? null) : date}
        milestones={milestones.map((m) => ({ id: m.id, name: String(m.name), date: String(m.date) }))}
        compare={compare}
        compareSummary={summary}
        onDate={(next) => setParams({ date: next, compare: null })}
        onCompare={(next) => setParams({ compare: next ? `${next.from}..${next.to}` : null, date: null })}
      />
    </div>
  );
}
