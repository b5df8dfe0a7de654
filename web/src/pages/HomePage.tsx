import { TERRITORIES } from '../api/documents.ts';
import { useQuery } from '../api/useQuery.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';

interface TerritoryItem {
  id: string;
  name: string;
  code: string;
  kind: string;
  projects: { id: string; name: string; description: string | null; validFrom: string }[];
}

/** Territories and their projects: where a pilot picks the map to open. */
export function HomePage() {
  const { t, enumLabel, formatDate } = useI18n();
  const { data, error, loading, reload } = useQuery<{ territories: TerritoryItem[] }>(TERRITORIES, {});
  return (
    <main className="page home">
      <p className="tagline">{t.appTagline}</p>
      {error && (
        <p role="alert" className="error">
          {t.loadError} : {error.message} <button type="button" onClick={reload}>{t.retry}</button>
        </p>
      )}
      {loading && !data && <p aria-busy="true">{t.loading}</p>}
      {data?.territories.length === 0 && <p>{t.noTerritories}</p>}
      <div className="territory-grid">
        {data?.territories.map((territory) => (
          <section key={territory.id} aria-label={territory.name} className="territory-card">
            <h2>
              {territory.name} <small>({territory.code}) · {enumLabel(territory.kind)}</small>
            </h2>
            <p className="territory-review-link">
              <a
                href={`/territoires/${territory.id}/revue`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/territoires/${territory.id}/revue`);
                }}
              >
                {t.reviewLink}
              </a>
            </p>
            {territory.projects.length === 0 && <p>{t.noProjects}</p>}
            <ul>
              {territory.projects.map((project) => (
                <li key={project.id}>
                  <a
                    href={`/projets/${project.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/projets/${project.id}`);
                    }}
                  >
                    {project.name}
                  </a>
                  <small> — {t.since} {formatDate(project.validFrom)}</small>
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
