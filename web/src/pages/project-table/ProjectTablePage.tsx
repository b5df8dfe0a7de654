import './table.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useEntityMutations } from '../../api/mutations.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { navigate } from '../../navigation.ts';
import { toInput } from '../../panels/fields.ts';
import { homeHref, mapHref, parseTableView, tableHref, TABLE_VIEWS, type TableView } from '../../routes.ts';
import { serverErrorText } from '../../i18n/serverErrors.ts';
import { useProjectData } from '../project/useProjectData.ts';
import { actorColumns, gridColumns, objectiveColumns, relationColumns, type ColumnContext } from './columns.tsx';
import { DataTable, type DataTableProps } from './DataTable.tsx';
import { matchesFilter, projectTables } from './rows.ts';

const NOW = { date: null, compare: null, workshop: false, leapsView: false };

/**
 * The project as tables (issue 13, part 9) — what Gephi's Data Laboratory and Kumu's data view
 * give: actors with their engagement, objectives, the actor × objective grid of positions
 * (−4…+4) and the relations; sortable, filtered by one box, edited in place with the side
 * panel's rules and the same writes (a position edited here is on the map at once). Read-only for
 * a role that may not edit the project.
 */
export function ProjectTablePage({ projectId, params }: { projectId: string; params: URLSearchParams }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const view = parseTableView(params);
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const project = useProjectData(projectId, NOW);
  const { data, titleOf } = project;
  const territoryId = data?.project.territory.id ?? null;
  const mutations = useEntityMutations(projectId, territoryId);
  const readOnly = !project.canEdit;

  // The lists follow the map in a second request: the tables wait for the first complete read,
  // then stay on screen while an edit's read runs (a cell being edited keeps its state).
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (data && !project.loading) setReady(true);
  }, [data, project.loading]);
  const tables = useMemo(() => (data && ready ? projectTables(data.project, titleOf) : null), [data, ready, titleOf]);

  /** A write's refusal, in words in the UI's language (labels for ids, dates in words). */
  const words = (e: unknown): Error => new Error(serverErrorText(e, lang, titleOf));
  const done = () => setStatus(t.tableSaved);

  const context: ColumnContext = {
    t,
    enumLabel: i18n.enumLabel,
    entity: i18n.entity,
    readOnly,
    saveField: async (entity, field, value) => {
      const type = entity.__typename;
      try {
        await mutations.update(type, entity.id, entity.version, toInput(type, { [field]: value }, [field]), null);
        done();
      } catch (e) {
        throw words(e);
      }
    },
    savePosition: async (actor, objectiveId, current, value) => {
      try {
        if (current && value === null) await mutations.end('Position', current.id, current.version, null);
        else if (current) await mutations.update('Position', current.id, current.version, { value }, null);
        else if (value !== null) await mutations.create('Position', { actorId: actor.id, objectiveId, value }, null);
        done();
      } catch (e) {
        throw words(e);
      }
    },
  };

  // Stable columns: TanStack renders a column's `cell` as a component, so a new function at each
  // render would remount every cell (a cell being edited would close when the project is read
  // again). The writes are reached through a ref, always the latest.
  const live = useRef(context);
  live.current = context;
  const stable = useMemo<ColumnContext>(
    () => ({
      t,
      enumLabel: i18n.enumLabel,
      entity: i18n.entity,
      readOnly,
      saveField: (...args) => live.current.saveField(...args),
      savePosition: (...args) => live.current.savePosition(...args),
    }),
    [t, i18n.enumLabel, i18n.entity, readOnly],
  );
  const columns = useMemo(
    () => ({ actors: actorColumns(stable), objectives: objectiveColumns(stable), relations: relationColumns(stable) }),
    [stable],
  );
  const objectives = tables?.objectives;
  const objectivesKey = objectives?.map((o) => `${o.id}:${o.title}`).join('|') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the grid's columns change when the objectives do (their ids and titles), not with each read.
  const gridColumnDefs = useMemo(() => gridColumns(stable, objectives ?? []), [stable, objectivesKey]);

  const tabLabel: Record<TableView, string> = {
    acteurs: t.tableActors,
    positions: t.tablePositions,
    objectifs: t.tableObjectives,
    relations: t.tableRelations,
  };

  /** The current tab's table: its rows, columns and the texts the filter searches; caption and filter are the page's. */
  const tableOf = <Row extends { id: string }>(spec: Omit<DataTableProps<Row>, 'caption' | 'filter' | 'matches'>) => (
    <DataTable {...spec} caption={tabLabel[view]} filter={filter} matches={matchesFilter} />
  );
  const table =
    tables &&
    {
      acteurs: () =>
        tableOf({
          rows: tables.actors,
          columns: columns.actors,
          filterTexts: (r) => [r.name, i18n.enumLabel(r.kind), r.level ? i18n.enumLabel(r.level) : '', r.role, r.perimeter],
        }),
      positions: () =>
        tableOf({
          className: 'grid',
          rows: tables.grid,
          columns: gridColumnDefs,
          filterTexts: (r) => [r.name, i18n.enumLabel(String(r.actor.kind ?? ''))],
        }),
      objectifs: () =>
        tableOf({
          rows: tables.objectives,
          columns: columns.objectives,
          filterTexts: (r) => [r.title, r.carriedBy, r.perimeter, i18n.enumLabel(r.nature), ...r.dimensions.map(i18n.enumLabel)],
        }),
      relations: () =>
        tableOf({
          rows: tables.relations,
          columns: columns.relations,
          filterTexts: (r) => [i18n.entity(r.type), r.from, r.to, r.status ? i18n.enumLabel(r.status) : '', r.note],
        }),
    }[view]();

  return (
    <main className="page table-page">
      <header className="table-header">
        <nav aria-label="fil d’Ariane">
          <AppLink href={homeHref()}>{t.territories}</AppLink>
          {data && (
            <>
              {' '}
              › {data.project.territory.name} › <AppLink href={mapHref(projectId)}>{data.project.name}</AppLink>
            </>
          )}
        </nav>
        <h1>{t.tableTitle}</h1>
        <AppLink className="nav-link" href={mapHref(projectId)}>
          {t.tableBackToMap}
        </AppLink>
      </header>
      <div className="table-controls">
        <div role="tablist" aria-label={t.tableTitle} className="table-tabs">
          {TABLE_VIEWS.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={tab === view}
              className={tab === view ? 'selected' : undefined}
              onClick={() => navigate(tableHref(projectId, tab))}
            >
              {tabLabel[tab]}
            </button>
          ))}
        </div>
        <label className="table-filter">
          {t.tableFilter}{' '}
          <input
            type="search"
            value={filter}
            placeholder={t.tableFilterPlaceholder}
            onChange={(e) => setFilter(e.target.value)}
          />
        </label>
        <p className="hint small">{readOnly ? t.tableReadOnly : t.tableEditHint}</p>
        {status && (
          <p className="toast" role="status" onAnimationEnd={() => setStatus(null)}>
            {status}
          </p>
        )}
      </div>
      {project.error && !data && (
        <p role="alert" className="error">
          {t.loadError} — {serverErrorText(project.error, lang)}
        </p>
      )}
      {!tables && !project.error && (
        <p className="loading" aria-busy="true">
          {t.loading}
        </p>
      )}
      {table}
    </main>
  );
}
