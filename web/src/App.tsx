import { useEffect, useState } from 'react';
import { request } from './graphql.ts';

interface TerritoryItem {
  id: string;
  name: string;
  code: string;
  projects: { id: string; name: string; description: string | null }[];
}

const TERRITORIES = /* GraphQL */ `
  query Territories {
    territories { id name code projects { id name description } }
  }
`;

/** Placeholder home: the territories and their projects, read from the API. The map editor comes next. */
export function App() {
  const [territories, setTerritories] = useState<TerritoryItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request<{ territories: TerritoryItem[] }>(TERRITORIES)
      .then((data) => setTerritories(data.territories))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <main>
      <header>
        <h1>Trame</h1>
        <p>La cartographie des acteurs des projets de transition du territoire.</p>
      </header>
      {error && <p role="alert">Impossible de charger les territoires : {error}</p>}
      {!territories && !error && <p aria-busy="true">Chargement…</p>}
      {territories?.length === 0 && <p>Aucun territoire pour l’instant : créez-en un depuis l’API (/graphql).</p>}
      {territories?.map((territory) => (
        <section key={territory.id} aria-label={territory.name}>
          <h2>
            {territory.name} <small>({territory.code})</small>
          </h2>
          <ul>
            {territory.projects.map((project) => (
              <li key={project.id}>
                <strong>{project.name}</strong>
                {project.description && <span> — {project.description}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <footer>
        <a href="/graphql">Explorer l’API GraphQL</a>
      </footer>
    </main>
  );
}
