import { useState } from 'react';
import { useViewer } from '../../api/access.ts';
import type { EntityData } from '../../api/entities.ts';
import { useTerritories } from '../../api/queries.ts';
import { mayCreateProject, mayCreateTerritory, mayEditProject, mayEditTerritory } from '../../access/abilities.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { authorName } from '../../i18n/authors.ts';
import { useI18n } from '../../i18n/index.tsx';
import { serverErrorText } from '../../i18n/serverErrors.ts';
import { navigate } from '../../navigation.ts';
import { mapHref, reviewHref } from '../../routes.ts';
import { SetupForm } from '../project/setup/SetupForm.tsx';

/** What form is open on the home page: one at a time. */
type Editing =
  | { kind: 'newTerritory' }
  | { kind: 'territory'; id: string }
  | { kind: 'newProject'; territoryId: string }
  | { kind: 'project'; id: string }
  | null;

interface LastChange {
  author: string;
  recordedAt: string;
}

/** The newest of some changes, or null. */
function newest(changes: readonly (LastChange | null | undefined)[]): LastChange | null {
  let best: LastChange | null = null;
  for (const change of changes) if (change && (!best || change.recordedAt > best.recordedAt)) best = change;
  return best;
}

/**
 * The user's territories and their projects, each with its last change (who, when): where a
 * pilot picks the map to open. Those whose role allows start a territory or a project here and
 * edit them; a new project opens on its (empty) map.
 */
export function HomePage() {
  const { t, lang, enumLabel, formatShortDate, plural } = useI18n();
  const { data, error, isFetching: loading, refetch } = useTerritories();
  const viewer = useViewer().data?.viewer ?? null;
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  const changeLine = (change: LastChange | null) =>
    change ? t.lastChange(authorName(change.author, t), formatShortDate(change.recordedAt)) : t.noChangeYet;

  return (
    <main className="page home">
      <p className="tagline">{t.appTagline}</p>
      {error && (
        <p role="alert" className="error">
          {t.loadError} — {serverErrorText(error, lang)}{' '}
          <button type="button" onClick={() => void refetch()}>
            {t.retry}
          </button>
        </p>
      )}
      {loading && !data && <p aria-busy="true">{t.loading}</p>}
      {data?.territories.length === 0 && (
        <p className="hint">{mayCreateTerritory(viewer) ? t.homeStartHint : t.homeNoTerritoryReader}</p>
      )}
      {mayCreateTerritory(viewer) && (
        <div className="home-actions">
          {editing?.kind === 'newTerritory' ? (
            <SetupForm type="Territory" entity={null} title={t.newTerritory} onSaved={close} onCancel={close} />
          ) : (
            <button type="button" className="primary" onClick={() => setEditing({ kind: 'newTerritory' })}>
              {t.newTerritory}
            </button>
          )}
        </div>
      )}
      <div className="territory-grid">
        {data?.territories.map((territory) => (
          <section key={territory.id} aria-label={territory.name} className="territory-card">
            {editing?.kind === 'territory' && editing.id === territory.id ? (
              <SetupForm
                type="Territory"
                entity={{ ...territory, __typename: 'Territory' } as unknown as EntityData}
                title={t.editTerritory}
                onSaved={close}
                onCancel={close}
              />
            ) : (
              <h2>
                {territory.name}{' '}
                <small>
                  ({territory.code}) · {enumLabel(territory.kind)}
                </small>
                {mayEditTerritory(viewer, territory.id) && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${t.editTerritory} « ${territory.name} »`}
                    onClick={() => setEditing({ kind: 'territory', id: territory.id })}
                  >
                    {t.edit}
                  </button>
                )}
              </h2>
            )}
            <p className="territory-meta">
              {plural(territory.projects.length, { one: t.projectsOne, other: t.projectsOther })} ·{' '}
              {changeLine(newest(territory.projects.map((p) => p.lastChange)))}
            </p>
            <p className="territory-review-link">
              <AppLink href={reviewHref(territory.id)}>{t.reviewLink}</AppLink>
            </p>
            {territory.projects.length === 0 && <p>{t.noProjects}</p>}
            <ul>
              {territory.projects.map((project) =>
                editing?.kind === 'project' && editing.id === project.id ? (
                  <li key={project.id}>
                    <SetupForm
                      type="Project"
                      entity={{ ...project, __typename: 'Project' } as unknown as EntityData}
                      title={t.editProject}
                      onSaved={close}
                      onCancel={close}
                    />
                  </li>
                ) : (
                  <li key={project.id}>
                    <AppLink href={mapHref(project.id)}>{project.name}</AppLink>
                    {mayEditProject(viewer, project.id) && (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`${t.editProject} « ${project.name} »`}
                        onClick={() => setEditing({ kind: 'project', id: project.id })}
                      >
                        {t.edit}
                      </button>
                    )}
                    <small className="last-change">
                      {t.since} {formatShortDate(project.validFrom)} · {changeLine(project.lastChange ?? null)}
                    </small>
                    {project.description && <p>{project.description}</p>}
                  </li>
                ),
              )}
            </ul>
            {mayCreateProject(viewer, territory.id) &&
              (editing?.kind === 'newProject' && editing.territoryId === territory.id ? (
                <SetupForm
                  type="Project"
                  entity={null}
                  preset={{ territoryId: territory.id }}
                  title={t.projectFormTitle(territory.name)}
                  onSaved={(project) => navigate(mapHref(project.id))}
                  onCancel={close}
                />
              ) : (
                <button type="button" onClick={() => setEditing({ kind: 'newProject', territoryId: territory.id })}>
                  {t.newProject}
                </button>
              ))}
          </section>
        ))}
      </div>
      <footer>
        <a href="/graphql">{t.graphqlLink}</a>
      </footer>
    </main>
  );
}
