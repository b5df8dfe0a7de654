import { ExportMenu } from '../../export/ExportMenu.tsx';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useEntityMutations } from '../../api/mutations.ts';
import { AppLink } from '../../components/AppLink.tsx';
import type { EntityData } from '../../api/entities.ts';
import { useI18n } from '../../i18n/index.tsx';
import { serverErrorText } from '../../i18n/serverErrors.ts';
import { entityIdOf, NO_FILTERS, type Grouping, type MapFilters } from '../../map/elements.ts';
import { DiffLegend } from '../../map/DiffLegend.tsx';
import { Legend, type LegendMeasure } from '../../map/Legend.tsx';
import type { MapMeasure } from '../../map/measure.ts';
import { useNumberFormat } from '../../components/useNumberFormat.ts';
import { measureName } from './MapFiltersMenu.tsx';
import { useMapMeasure } from './useMapMeasure.ts';
import { MapCanvas, type MapCanvasHandle } from '../../map/MapCanvas.tsx';
import { relationChoices } from '../../map/relations.ts';
import { useActorNames } from '../../panels/useActorNames.tsx';
import { SidePanel, type PanelMode, type SavedFocus, type SidePanelHandle } from '../../panels/SidePanel.tsx';
import { navigate, setParams } from '../../navigation.ts';
import { analysisHref, editorParamChanges, homeHref, parseEditorParams, projectionHref, tableHref } from '../../routes.ts';
import { TimelineBar } from '../../time/TimelineBar.tsx';
import { ActionButton } from './ActionButton.tsx';
import { CREATE_ACTIONS, ENGAGE_ACTION, type ActionContext } from './actions.ts';
import { useEngagementPanels } from './engagement/useEngagementPanels.tsx';
import { JournalPanel } from './journal/JournalPanel.tsx';
import { PathPanel } from './path/PathPanel.tsx';
import { EmptyProjectGuide } from './setup/EmptyProjectGuide.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useEditorCommands } from './useEditorCommands.ts';
import { useLayoutSave } from './useLayoutSave.ts';
import { useMapElements } from './useMapElements.ts';
import { useProjectData } from './useProjectData.ts';
import { FacilitatorBar } from './FacilitatorBar.tsx';
import { useShortcuts } from './useShortcuts.ts';

// The import dialog and its spreadsheet readers load when a pilot opens it, not with the map.
const ImportDialog = lazy(() => import('../../import/ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));
const WallLinksDialog = lazy(() => import('./WallLinksDialog.tsx').then((m) => ({ default: m.WallLinksDialog })));

/** The map editor: the page's layout; reading is useProjectData's, acting the action registry's. */
export function ProjectPage({ projectId, params }: { projectId: string; params: URLSearchParams }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const editor = useMemo(() => parseEditorParams(params), [params]);
  const { date, compare, workshop, leapsView } = editor;
  const [grouping, setGrouping] = useState<Grouping>('perimeter');
  const [filters, setFilters] = useState<MapFilters>(NO_FILTERS);
  const [panel, setPanel] = useState<PanelMode>({ kind: 'idle' });
  const [drawMode, setDrawMode] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [journalOpen, setJournalOpen] = useState(false);
  const [focus, setFocus] = useState<SavedFocus | null>(null);
  /** The panel a save was made from: a pending focus is dropped once the pilot moves on. */
  const savedFrom = useRef<PanelMode | null>(null);
  const panelNow = useRef<PanelMode>(panel);
  panelNow.current = panel;
  const canvas = useRef<MapCanvasHandle>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const sidePanel = useRef<SidePanelHandle>(null);

  // The former « Mode atelier » (?atelier=1) is the projection's own page now (issue 14).
  useEffect(() => {
    if (workshop) navigate(projectionHref(projectId), true);
  }, [workshop, projectId]);

  const project = useProjectData(projectId, editor);
  const { data, asOf, readOnly, byId } = project;
  const territoryId = data?.project.territory.id ?? null;
  const mutations = useEntityMutations(projectId, territoryId);
  const [measure, setMeasure] = useState<MapMeasure | null>(null);
  const number = useNumberFormat();
  const measured = useMapMeasure(measure, projectId, territoryId, asOf, data?.projectMap ?? null);
  const elements = useMapElements(
    data?.projectMap ?? null,
    grouping,
    filters,
    project.comparison,
    leapsView,
    measured.scaled?.scale ?? null,
  );
  const legendMeasure: LegendMeasure | null =
    measure && measured.scaled
      ? {
          name: measureName(t, measure),
          low: measure === 'engagement' ? i18n.enumLabel('CONCERNE') : number(measured.scaled.min),
          high: measure === 'engagement' ? i18n.enumLabel('MOTEUR') : number(measured.scaled.max),
        }
      : null;
  const onArranged = useLayoutSave(
    projectId,
    readOnly,
    useCallback(() => setStatus(t.layoutSaved), [t.layoutSaved]),
  );
  const toggleDrawMode = useCallback(() => setDrawMode((on) => !on), []);
  const commands = useEditorCommands(
    projectId,
    asOf,
    { canvas, searchBox, sidePanel },
    { panel: setPanel, toggleDrawMode, importing: setImporting },
  );
  const context: ActionContext = { ...commands, readOnly, panel, drawMode };
  useShortcuts(context, importing);
  const engagementPanels = useEngagementPanels({
    projectId,
    territoryId,
    panel,
    readOnly,
    byId,
    refOptions: project.refOptions,
    titleOf: project.titleOf,
    setPanel,
    onSaved: (entity) => onSaved(entity),
  });

  const actorNames = useActorNames({
    territoryId,
    readOnly,
    byId,
    titleOf: project.titleOf,
    onMerged: (kept) => onSaved(kept),
  });

  // After a save the panel shows at once the version the server returned (never an older one a
  // read still in flight holds), then the project's copy once it is read again.
  // A save answers after the pilot may have moved on (Escape, another form, a relation drawn —
  // under load the map can even show the saved element first, by the live stream): the panel
  // then stays where the pilot is. `panel` is the one the save was made from (this render's).
  function onSaved(saved: SavedFocus | null) {
    if (panelNow.current !== panel) {
      setStatus(t.saved);
      return;
    }
    savedFrom.current = panelNow.current;
    if (saved) {
      setFocus(saved);
      if ('__typename' in saved) setPanel({ kind: 'view', entity: saved as EntityData });
    } else setPanel({ kind: 'idle' });
    setStatus(t.saved);
  }

  // After a save, show the saved entity once the project, read again (map, then lists), holds its new version.
  // A saved entity already on the panel that the pilot has since closed or left stays closed.
  useEffect(() => {
    if (!focus) return;
    // Closed or left by the pilot before the project was read again (a live update may draw the
    // saved entity before its lists arrive): the panel stays as the pilot left it.
    if (!('__typename' in focus) && panel !== savedFrom.current) {
      setFocus(null);
      return;
    }
    if ('__typename' in focus && !(panel.kind === 'view' && panel.entity.id === focus.id)) {
      setFocus(null);
      return;
    }
    const entity = byId.get(focus.id);
    if (!entity || project.loading || (Number.isFinite(focus.version) && entity.version < focus.version)) return;
    setPanel({ kind: 'view', entity });
    // Bring what was just saved into view (a new actor may have landed off screen) — unless the
    // pilot closed the panel or moved on meanwhile: selecting it would reopen the panel on it.
    requestAnimationFrame(() => {
      const shown = panelNow.current;
      if (shown.kind === 'view' && shown.entity.id === focus.id) canvas.current?.focus(focus.id);
    });
    setFocus(null);
  }, [focus, byId, project.loading, panel]);

  useEffect(() => {
    canvas.current?.setDrawMode(drawMode && !readOnly);
  }, [drawMode, readOnly]);

  if (project.error && !data) {
    return (
      <main className="page">
        <p role="alert" className="error">
          {t.loadError} — {serverErrorText(project.error, lang)}
        </p>
        <button type="button" onClick={project.refetch}>
          {t.retry}
        </button>
      </main>
    );
  }
  if (!data)
    return (
      <p className="loading" aria-busy="true">
        {t.loading}
      </p>
    );

  const map = data.projectMap;
  const empty = map.nodes.filter((n) => n.kind !== 'PERIMETER').length === 0;
  const path = compare ? (project.diff?.path ?? null) : null;
  const summary = path ? t.pathTotals(path.totals.added, path.totals.changed, path.totals.ended, i18n.plural) : null;
  const milestoneOf = (id: string | undefined) => {
    const m = project.milestones.find((x) => x.id === id);
    return m ? { name: String(m.name), date: String(m.date) } : null;
  };
  // Beside the map: the journal when open, else « le chemin parcouru » while comparing and nothing is selected.
  const sideContent = workshop ? null : journalOpen ? (
    <JournalPanel
      projectId={projectId}
      territoryId={territoryId}
      readOnly={!project.canEdit}
      refOptions={project.refOptions}
      titleOf={project.titleOf}
      onClose={() => setJournalOpen(false)}
      onUndone={setStatus}
    />
  ) : path && panel.kind === 'idle' && !engagementPanels.aside ? (
    <PathPanel
      path={path}
      from={milestoneOf(compare?.from)}
      to={milestoneOf(compare?.to)}
      onFocus={(id) => canvas.current?.focus(id, { select: false })}
    />
  ) : null;

  return (
    <div className={`project-page${workshop ? ' workshop' : ''}`}>
      <header className="project-header">
        <nav aria-label={i18n.t.ariaBreadcrumb}>
          <AppLink href={homeHref()}>{t.territories}</AppLink> › {data.project.territory.name} › <h1>{data.project.name}</h1>{' '}
          <AppLink className="nav-link" href={analysisHref(projectId, { date })}>
            {t.analysisLink}
          </AppLink>
          <button type="button" className="nav-link" aria-pressed={journalOpen} onClick={() => setJournalOpen((open) => !open)}>
            {t.journal}
          </button>
          <AppLink className="nav-link" href={tableHref(projectId)}>
            {t.tableLink}
          </AppLink>
          {project.canShare && (
            <button type="button" className="nav-link" onClick={() => setSharing(true)}>
              {t.wallLinks}
            </button>
          )}
        </nav>
        {/* Beside the links: one button until the facilitator drives the walls. */}
        {project.canEdit && !asOf && !workshop && (
          <FacilitatorBar
            projectId={projectId}
            milestones={project.milestones.map((m) => ({ id: m.id, name: String(m.name), date: String(m.date) }))}
            selected={
              panel.kind === 'view'
                ? { id: panel.entity.id, name: String(panel.entity.name ?? ''), isActor: panel.entity.__typename === 'Actor' }
                : null
            }
          />
        )}
        <Toolbar
          map={map}
          perimeters={data.project.perimeters as { id: string; name: unknown }[]}
          grouping={grouping}
          onGrouping={setGrouping}
          filters={filters}
          onFilters={setFilters}
          measure={measure}
          onMeasure={setMeasure}
          leapsView={leapsView}
          projectId={projectId}
          context={context}
          canvas={canvas}
          searchBox={searchBox}
          onStatus={setStatus}
          exportMenu={<ExportMenu projectId={projectId} territoryId={data.project.territory.id} at={asOf} onStatus={setStatus} />}
        />
      </header>
      {asOf && !compare && (
        <p className="banner" role="status">
          {t.readOnlyBanner(i18n.formatDate(asOf))}
        </p>
      )}
      {!project.canEdit && !asOf && !workshop && (
        <p className="banner" role="status">
          {t.readOnlyRole}
        </p>
      )}
      {status && (
        <p className="toast" role="status" onAnimationEnd={() => setStatus(null)}>
          {status}
        </p>
      )}
      <div className="workspace">
        <div className="map-area" aria-busy={project.loading}>
          {empty && !readOnly && <EmptyProjectGuide context={context} />}
          <MapCanvas
            ref={canvas}
            elements={elements}
            savedPositions={data.projectLayout}
            layoutSeed={projectId}
            ecosystems={map.ecosystems}
            perimeterOrder={map.perimeterOrder}
            layoutMode={leapsView ? 'leaps' : 'free'}
            projection={workshop}
            editable={!readOnly}
            onSelect={(element) => {
              const entity = element && element.kind !== 'GROUP' ? byId.get(entityIdOf(element)) : undefined;
              setPanel(entity ? { kind: 'view', entity } : { kind: 'idle' });
            }}
            onConnect={(source, target) => {
              const choices = relationChoices(source, target);
              if (choices.length === 1) setPanel({ kind: 'create', type: choices[0]!.type, preset: choices[0]!.preset });
              else if (choices.length > 1) setPanel({ kind: 'relation', choices });
            }}
            onArranged={onArranged}
          />
          {workshop && <Legend ecosystems={map.ecosystems} measure={legendMeasure} />}
          {path && <DiffLegend />}
        </div>
        {sideContent && (
          <aside className="side-panel" aria-label={journalOpen ? t.journalTitle : t.pathTitle}>
            {sideContent}
          </aside>
        )}
        {!workshop && !sideContent && engagementPanels.aside && (
          <aside className="side-panel" aria-label={i18n.t.ariaSidePanel}>
            {engagementPanels.aside}
          </aside>
        )}
        {!workshop && !sideContent && !engagementPanels.aside && (
          <SidePanel
            ref={sidePanel}
            mode={panel}
            readOnly={readOnly}
            projectId={projectId}
            territoryId={data.project.territory.id}
            refOptions={project.refOptions}
            titleOf={project.titleOf}
            createMenu={[...CREATE_ACTIONS, ENGAGE_ACTION]
              .filter((action) => action.enabled(context))
              .map((action) => <ActionButton key={action.id} action={action} context={context} />)}
            entityExtra={(entity) => (
              <>
                {engagementPanels.actorExtra(entity)}
                {actorNames.actorExtra(entity)}
              </>
            )}
            fieldNotice={actorNames.fieldNotice}
            legend={<Legend ecosystems={map.ecosystems} measure={legendMeasure} />}
            mutations={mutations}
            onMode={setPanel}
            onSaved={onSaved}
          />
        )}
      </div>
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog
            projectId={projectId}
            territoryId={data.project.territory.id}
            onClose={() => setImporting(false)}
            onImported={(summary) => setStatus(summary)}
          />
        </Suspense>
      )}
      {actorNames.dialog}
      {sharing && (
        <Suspense fallback={null}>
          <WallLinksDialog projectId={projectId} projectName={data.project.name} onClose={() => setSharing(false)} />
        </Suspense>
      )}
      <TimelineBar
        start={data.project.validFrom.slice(0, 10)}
        date={compare ? (project.compareDates?.to ?? null) : date}
        milestones={project.milestones.map((m) => ({ id: m.id, name: String(m.name), date: String(m.date) }))}
        compare={compare}
        compareSummary={summary}
        onDate={(next) => setParams(editorParamChanges({ date: next, compare: null }))}
        onCompare={(next) => setParams(editorParamChanges({ compare: next, date: null }))}
      />
    </div>
  );
}
