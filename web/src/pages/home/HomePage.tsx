import { useTerritories } from '../../api/queries.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { mapHref, reviewHref } from '../../routes.ts';

/** Territories and their projects: where a pilot picks the map to open. */
export function HomePage() {
  const { t, enumLabel, formatDate } = useI18n();
  const { data, error, isFetching: loading, refetch } = useTerritories();
  return (
    <main className="page home">
      <p className="tagline">{t.appTagline}</p>
      {error && (
        <p role="alert" className="error">
          {t.loadError} : {error.message}{' '}
          <button type="button" onClick={() => void refetch()}>
            {t.retry}
          </button>
        </p>
      )}
      {loading && !data && <p aria-busy="true">{t.loading}</p>}
      {data?.territories.length === 0 && <p>{t.noTerritories}</p>}
      <div className="territory-grid">
        {data?.territories.map((territory) => (
          <section key={territory.id} aria-label={territory.name} className="territory-card">
            <h2>
              {territory.name}{' '}
              <small>
                ({territory.code}) · {enumLabel(territory.kind)}
              </small>
            </h2>
            <p className="territory-review-link">
              <AppLink href={reviewHref(territory.id)}>{t.reviewLink}</AppLink>
            </p>
            {territory.projects.length === 0 && <p>{t.noProjects}</p>}
            <ul>
              {territory.projects.map((project) => (
                <li key={project.id}>
                  <AppLink href={mapHref(project.id)}>{project.name}</AppLink>
                  <small>
                    {' '}
                    — {t.since} {formatDate(project.validFrom)}
                  </small>
                  {project.description && <p>{project.description}</p>}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <footer>
        <a href="/graphql">{t.graphqlLink}</a>
      </footer>
    </main>
  );
}
