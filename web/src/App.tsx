import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useState } from 'react';
import { createQueryClient } from './api/queryClient.ts';
import { AppLink } from './components/AppLink.tsx';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { useRoute } from './navigation.ts';
import { HomePage } from './pages/home/HomePage.tsx';
import { ProjectPage } from './pages/project/ProjectPage.tsx';
import { homeHref } from './routes.ts';

// The analysis pages load on first visit: the map editor, the page pilots open most, does not wait for them.
const ProjectAnalysisPage = lazy(() =>
  import('./pages/project-analysis/ProjectAnalysisPage.tsx').then((m) => ({ default: m.ProjectAnalysisPage })),
);
const TerritoryReviewPage = lazy(() =>
  import('./pages/territory-review/TerritoryReviewPage.tsx').then((m) => ({ default: m.TerritoryReviewPage })),
);

function Shell() {
  const route = useRoute();
  const { lang, setLang, t } = useI18n();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <>
      <header className="app-header">
        <AppLink className="brand" href={homeHref()}>
          Trame
        </AppLink>
        <label className="lang">
          {t.language}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'fr')}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      {route.page === 'home' && <HomePage />}
      {route.page === 'project' && <ProjectPage key={route.projectId} projectId={route.projectId} params={route.params} />}
      <Suspense fallback={<main className="page" aria-busy="true" />}>
        {route.page === 'territoryReview' && (
          <TerritoryReviewPage key={route.territoryId} territoryId={route.territoryId} params={route.params} />
        )}
        {route.page === 'projectAnalysis' && (
          <ProjectAnalysisPage key={route.projectId} projectId={route.projectId} params={route.params} />
        )}
      </Suspense>
      {route.page === 'notFound' && (
        <main className="page">
          <p>
            Page introuvable. <a href={homeHref()}>{t.territories}</a>
          </p>
        </main>
      )}
    </>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Shell />
      </I18nProvider>
    </QueryClientProvider>
  );
}
