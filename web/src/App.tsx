import { useEffect } from 'react';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { ProjectPage } from './pages/ProjectPage.tsx';
import { ProjectAnalysisPage } from './review/ProjectAnalysisPage.tsx';
import { TerritoryReviewPage } from './review/TerritoryReviewPage.tsx';
import { navigate, useRoute } from './router.ts';

function Shell() {
  const route = useRoute();
  const { lang, setLang, t } = useI18n();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <>
      <header className="app-header">
        <a className="brand" href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
          Trame
        </a>
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
      {route.page === 'territoryReview' && <TerritoryReviewPage key={route.territoryId} territoryId={route.territoryId} params={route.params} />}
      {route.page === 'projectAnalysis' && <ProjectAnalysisPage key={route.projectId} projectId={route.projectId} params={route.params} />}
      {route.page === 'notFound' && (
        <main className="page">
          <p>Page introuvable. <a href="/">{t.territories}</a></p>
        </main>
      )}
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  );
}
