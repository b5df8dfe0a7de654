import { describe, expect, it } from 'vitest';
import {
  analysisHref,
  analysisParamChanges,
  editorParamChanges,
  homeHref,
  isIsoDate,
  mapHref,
  parseAnalysisParams,
  parseEditorParams,
  parseProjectionParams,
  projectionHref,
  parseReviewParams,
  parseReviewWithoutConfidential,
  parseRoute,
  parseSignInParams,
  parseTableView,
  tableHref,
  reviewWithoutConfidentialChange,
  safeReturnPath,
  signInHref,
  wallSecretFromHash,
  reviewHref,
  reviewParamChanges,
  withParams,
} from './routes.ts';

describe('the review routes', () => {
  it('parse the DGS review of a territory, with or without a trailing slash', () => {
    const route = parseRoute('/territoires/ter-malaunay/revue', '?date=2019-03-01&depuis=mil-marche-atelier-reflexif');
    expect(route.page).toBe('territoryReview');
    if (route.page !== 'territoryReview') return;
    expect(route.territoryId).toBe('ter-malaunay');
    expect(parseReviewParams(route.params)).toEqual({ date: '2019-03-01', since: 'mil-marche-atelier-reflexif' });
    expect(parseRoute('/territoires/ter-malaunay/revue/', '').page).toBe('territoryReview');
  });

  it('parse the analysis of a project beside its map', () => {
    const route = parseRoute('/projets/prj-marche/analyse', '?date=2018-12-01&ordre=3');
    expect(route).toMatchObject({ page: 'projectAnalysis', projectId: 'prj-marche' });
    if (route.page !== 'projectAnalysis') return;
    expect(parseAnalysisParams(route.params)).toEqual({ date: '2018-12-01', order: 3 });
    // The map itself is still the project page.
    expect(parseRoute('/projets/prj-marche', '')).toMatchObject({ page: 'project', projectId: 'prj-marche' });
  });

  it('leave other paths alone', () => {
    expect(parseRoute('/territoires/ter-malaunay', '').page).toBe('notFound');
    expect(parseRoute('/territoires/Ter Malaunay/revue', '').page).toBe('notFound');
    expect(parseRoute('/projets/prj-marche/analyse/x', '').page).toBe('notFound');
  });

  it('ignore malformed parameters rather than failing', () => {
    expect(parseReviewParams(new URLSearchParams('date=2019-02-30&depuis=../x'))).toEqual({ date: null, since: null });
    expect(parseReviewParams(new URLSearchParams(''))).toEqual({ date: null, since: null });
    expect(parseAnalysisParams(new URLSearchParams('date=hier&ordre=7'))).toEqual({ date: null, order: 2 });
    expect(parseAnalysisParams(new URLSearchParams('ordre=1'))).toEqual({ date: null, order: 1 });
  });

  it('only take real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('write links that parse back to the same view', () => {
    const href = reviewHref('ter-loos-en-gohelle', { date: '2020-01-15', since: 'mil-x' });
    expect(href).toBe('/territoires/ter-loos-en-gohelle/revue?date=2020-01-15&depuis=mil-x');
    const url = new URL(href, 'http://trame');
    const route = parseRoute(url.pathname, url.search);
    expect(route.page === 'territoryReview' && parseReviewParams(route.params)).toEqual({ date: '2020-01-15', since: 'mil-x' });
    expect(reviewHref('ter-malaunay')).toBe('/territoires/ter-malaunay/revue');
    expect(analysisHref('prj-marche', { date: '2018-12-01', order: 2 })).toBe('/projets/prj-marche/analyse?date=2018-12-01');
    expect(analysisHref('prj-marche', { order: 1 })).toBe('/projets/prj-marche/analyse?ordre=1');
    expect(mapHref('prj-marche', '2018-12-01')).toBe('/projets/prj-marche?date=2018-12-01');
    expect(mapHref('prj-marche')).toBe('/projets/prj-marche');
  });
});

describe('the editor routes', () => {
  it('parse the map with its date, comparison, workshop and leaps view', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'home' });
    expect(homeHref()).toBe('/');
    const route = parseRoute('/projets/prj-marche/', '?compare=mil-a..mil-b&atelier=1&vue=sauts');
    expect(route).toMatchObject({ page: 'project', projectId: 'prj-marche' });
    if (route.page !== 'project') return;
    expect(parseEditorParams(route.params)).toEqual({
      date: null,
      compare: { from: 'mil-a', to: 'mil-b' },
      workshop: true,
      leapsView: true,
    });
    expect(parseEditorParams(new URLSearchParams('date=2019-03-01&compare=mil-a'))).toEqual({
      date: '2019-03-01',
      compare: null,
      workshop: false,
      leapsView: false,
    });
  });

  it('turn parameter changes into URL entries that parse back', () => {
    const changes = editorParamChanges({ compare: { from: 'mil-a', to: 'mil-b' }, date: null, workshop: true });
    expect(changes).toEqual({ compare: 'mil-a..mil-b', date: null, atelier: '1' });
    const href = withParams('/projets/prj-marche', '?date=2019-03-01&vue=sauts', changes);
    expect(href).toBe('/projets/prj-marche?vue=sauts&compare=mil-a..mil-b&atelier=1');
    const url = new URL(href, 'http://trame');
    expect(parseEditorParams(url.searchParams)).toEqual({
      date: null,
      compare: { from: 'mil-a', to: 'mil-b' },
      workshop: true,
      leapsView: true,
    });
    expect(editorParamChanges({ leapsView: false, workshop: false })).toEqual({ vue: null, atelier: null });
    expect(withParams('/projets/prj-marche', '?vue=sauts', { vue: null })).toBe('/projets/prj-marche');
  });

  it('write the review and analysis parameters as their pages read them', () => {
    expect(reviewParamChanges({ since: null })).toEqual({ depuis: null });
    expect(reviewParamChanges({ date: '2020-01-15', since: 'mil-x' })).toEqual({ date: '2020-01-15', depuis: 'mil-x' });
    expect(analysisParamChanges({ order: 2 })).toEqual({ ordre: null });
    expect(analysisParamChanges({ order: 3, date: null })).toEqual({ ordre: '3', date: null });
  });
});

describe('the access routes', () => {
  it('parse the sign-in page with where to go back, a one-time link and an error', () => {
    const route = parseRoute(
      '/connexion',
      '?retour=%2Fprojets%2Fprj-marche%3Fdate%3D2019-03-01&jeton=trame_lien_abc-_9&erreur=OIDC_FAILED',
    );
    expect(route.page).toBe('signIn');
    if (route.page !== 'signIn') return;
    expect(parseSignInParams(route.params)).toEqual({
      returnTo: '/projets/prj-marche?date=2019-03-01',
      linkToken: 'trame_lien_abc-_9',
      error: 'OIDC_FAILED',
    });
    expect(parseRoute('/compte', '').page).toBe('account');
    expect(parseRoute('/admin/', '').page).toBe('admin');
    expect(parseRoute('/mur', '').page).toBe('wall');
  });

  it('never send the user back to another origin or to the sign-in page itself', () => {
    for (const bad of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/connexion?retour=/',
    ])
      expect(safeReturnPath(bad)).toBeNull();
    expect(parseSignInParams(new URLSearchParams('retour=//evil.example')).returnTo).toBe('/');
    expect(parseSignInParams(new URLSearchParams('jeton=not-a-link')).linkToken).toBeNull();
    expect(signInHref('/projets/prj-a?atelier=1')).toBe('/connexion?retour=%2Fprojets%2Fprj-a%3Fatelier%3D1');
    expect(signInHref('/')).toBe('/connexion');
    expect(signInHref('//evil.example')).toBe('/connexion');
  });

  it('read the wall’s secret from the fragment only when it is one', () => {
    expect(wallSecretFromHash('#trame_mur_AbC-_1')).toBe('trame_mur_AbC-_1');
    expect(wallSecretFromHash('')).toBeNull();
    expect(wallSecretFromHash('#trame_pat_AbC')).toBeNull();
    expect(wallSecretFromHash('#trame_mur_a b')).toBeNull();
  });

  it('keep the review’s version without confidential items in the URL', () => {
    expect(parseReviewWithoutConfidential(new URLSearchParams('confidentiel=non'))).toBe(true);
    expect(parseReviewWithoutConfidential(new URLSearchParams(''))).toBe(false);
    expect(withParams('/territoires/ter-a/revue', '?date=2020-01-15', reviewWithoutConfidentialChange(true))).toBe(
      '/territoires/ter-a/revue?date=2020-01-15&confidentiel=non',
    );
    expect(reviewWithoutConfidentialChange(false)).toEqual({ confidentiel: null });
  });

  it('parse the projection for a room’s wall, and build its link', () => {
    const route = parseRoute('/projets/prj-archipel/mur', '?webgl=1');
    expect(route).toMatchObject({ page: 'projection', projectId: 'prj-archipel' });
    if (route.page !== 'projection') return;
    expect(parseProjectionParams(route.params)).toEqual({ webgl: true });
    expect(parseProjectionParams(new URLSearchParams(''))).toEqual({ webgl: false });
    expect(parseRoute('/projets/prj-archipel/mur/', '').page).toBe('projection');
    expect(projectionHref('prj-archipel')).toBe('/projets/prj-archipel/mur');
    // The wall link's page stays its own (the secret in the fragment).
    expect(parseRoute('/mur', '').page).toBe('wall');
    expect(parseRoute('/projets/prj-archipel/mur/x', '').page).toBe('notFound');
  });
});

describe('the table view', () => {
  it('parses /projets/:id/tableau and builds its links', () => {
    const route = parseRoute('/projets/prj-marche/tableau', '?vue=positions');
    expect(route).toMatchObject({ page: 'projectTable', projectId: 'prj-marche' });
    expect(route.page === 'projectTable' && parseTableView(route.params)).toBe('positions');
    expect(parseTableView(new URLSearchParams('vue=inconnue'))).toBe('acteurs');
    expect(tableHref('prj-marche')).toBe('/projets/prj-marche/tableau');
    expect(tableHref('prj-marche', 'relations')).toBe('/projets/prj-marche/tableau?vue=relations');
    expect(parseRoute('/projets/prj-marche/tableau/x', '').page).toBe('notFound');
  });
});
