import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useState } from 'react';
import { createQueryClient } from './api/queryClient.ts';
import { projectionPageCode, takeOpeningRead, wallPageCode } from './api/openingRead.ts';
import { projectViewQuery } from './api/useProjectView.ts';
import { hasWallSecret } from './api/wallCredential.ts';
import { AppLink } from './components/AppLink.tsx';
import { lazyPage, useLoadedPage } from './components/lazyPage.tsx';
import { UserMenu } from './components/access/UserMenu.tsx';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { navigate, useRoute } from './navigation.ts';
import { homeHref, parseRoute, signInHref } from './routes.ts';

// Every page loads on first visit, so a page's code holds only what it draws: the wall on a
// room's screen does not wait for the editor, the import or the review (issue 14's projection
// figure), nor the editor for the analysis pages.
const HomePage = lazy(() => import('./pages/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const SignInPage = lazy(() => import('./pages/sign-in/SignInPage.tsx').then((m) => ({ default: m.SignInPage })));
const ProjectPage = lazy(() => import('./pages/project/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })));
// The wall's two pages draw at once when main.tsx has waited for their code (Shell, useLoadedPage).
const pickProjection = (m: typeof import('./pages/wall/ProjectionPage.tsx')) => m.ProjectionPage;
const pickWall = (m: typeof import('./pages/wall/WallPage.tsx')) => m.WallPage;
const LazyProjectionPage = lazyPage(projectionPageCode, pickProjection);
const LazyWallPage = lazyPage(wallPageCode, pickWall);
const ProjectAnalysisPage = lazy(() =>
  import('./pages/project-analysis/ProjectAnalysisPage.tsx').then((m) => ({ default: m.ProjectAnalysisPage })),
);
const TerritoryReviewPage = lazy(() =>
  import('./pages/territory-review/TerritoryReviewPage.tsx').then((m) => ({ default: m.TerritoryReviewPage })),
);
const ProjectTablePage = lazy(() =>
  import('./pages/project-table/ProjectTablePage.tsx').then((m) => ({ default: m.ProjectTablePage })),
);
const AccountPage = lazy(() => import('./pages/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const AdminPage = lazy(() => import('./pages/admin/AdminPage.tsx').then((m) => ({ default: m.AdminPage })));

/**
 * Any read or write refused as UNAUTHENTICATED (nobody signed in, session expired) leads to the
 * sign-in page, which comes back here afterwards. The wall has no one to sign in: it shows its
 * own refusal instead.
 */
function toSignIn(): void {
  const { pathname, search } = window.location;
  if (hasWallSecret() || pathname === '/mur' || pathname.startsWith('/connexion')) return;
  navigate(signInHref(pathname + search), true);
}

/**
 * The projection's project read, put in the cache under the page's query key before React first
 * renders: the read main.tsx started before this code loaded (api/openingRead.ts), or one started
 * now. The wall's page code was started there too (openingRead.ts `startOpeningRead`).
 */
function startOpeningPage(queryClient: QueryClient): void {
  const route = parseRoute(window.location.pathname, window.location.search);
  if (route.page === 'projection') {
    const query = projectViewQuery(route.projectId, null, true);
    const started = takeOpeningRead(route.projectId);
    void queryClient.prefetchQuery(started ? { ...query, queryFn: () => started } : query);
  }
}

function Shell() {
  const route = useRoute();
  const { lang, setLang, t } = useI18n();
  const ProjectionPage = useLoadedPage(projectionPageCode, pickProjection, LazyProjectionPage);
  const WallPage = useLoadedPage(wallPageCode, pickWall, LazyWallPage);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // The wall is a page of its own: the map on a room's screen, no header, no way elsewhere.
  if (route.page === 'wall')
    return (
      <Suspense fallback={<main className="page" aria-busy="true" />}>
        <WallPage />
      </Suspense>
    );
  // The projection for a room's wall: full screen, no header either (issue 14).
  if (route.page === 'projection')
    return (
      <Suspense fallback={<main className="page" aria-busy="true" />}>
        <ProjectionPage key={route.projectId} projectId={route.projectId} params={route.params} />
      </Suspense>
    );
  return (
    <>
      <header className="app-header">
        <AppLink className="brand" href={homeHref()}>
          Trame
        </AppLink>
        <div className="header-end">
          <UserMenu onSignInPage={route.page === 'signIn'} />
          <label className="lang">
            {t.language}{' '}
            <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'fr')}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
      </header>
      <Suspense fallback={<main className="page" aria-busy="true" />}>
        {route.page === 'home' && <HomePage />}
        {route.page === 'signIn' && <SignInPage params={route.params} />}
        {route.page === 'project' && <ProjectPage key={route.projectId} projectId={route.projectId} params={route.params} />}
        {route.page === 'territoryReview' && (
          <TerritoryReviewPage key={route.territoryId} territoryId={route.territoryId} params={route.params} />
        )}
        {route.page === 'projectAnalysis' && (
          <ProjectAnalysisPage key={route.projectId} projectId={route.projectId} params={route.params} />
        )}
        {route.page === 'projectTable' && (
          <ProjectTablePage key={route.projectId} projectId={route.projectId} params={route.params} />
        )}
        {route.page === 'account' && <AccountPage />}
        {route.page === 'admin' && <AdminPage />}
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
  const [queryClient] = useState(() => {
    const client = createQueryClient(toSignIn);
    startOpeningPage(client);
    return client;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Shell />
      </I18nProvider>
    </QueryClientProvider>
  );
}
