import { isoDay } from '@trame/graph/model';

/**
 * Every URL of the app, parsed and built here: the URL is the state worth sharing (which project,
 * which date, which comparison), so a link reopens the same view. Pure functions; the browser's
 * history is navigation.ts's business.
 *
 *   /                                   home: territories and their projects
 *   /projets/:id ?date ?compare=a..b ?atelier=1 ?vue=sauts    the map editor
 *   /projets/:id/analyse ?date ?ordre   the project's MACTOR analysis
 *   /projets/:id/mur ?webgl=1           the projection for a room's wall (signed in); ?atelier=1 on the editor leads here
 *   /projets/:id/tableau ?vue           the project as tables (actors, positions grid, relations)
 *   /territoires/:id/revue ?date ?depuis   the territory's review
 *   /connexion ?retour ?jeton ?erreur   sign-in (password, one-time link, single sign-on's error)
 *   /compte                             the signed-in user's password and API tokens
 *   /admin                              users, roles, allowed domains
 *   /mur#trame_mur_…                    the wall: the secret stays in the fragment (never sent)
 */
export type Route =
  | { page: 'home' }
  | { page: 'project'; projectId: string; params: URLSearchParams }
  | { page: 'territoryReview'; territoryId: string; params: URLSearchParams }
  | { page: 'projectAnalysis'; projectId: string; params: URLSearchParams }
  | { page: 'projection'; projectId: string; params: URLSearchParams }
  | { page: 'projectTable'; projectId: string; params: URLSearchParams }
  | { page: 'signIn'; params: URLSearchParams }
  | { page: 'account' }
  | { page: 'admin' }
  | { page: 'wall' }
  | { page: 'notFound' };

export type MactorOrderK = 1 | 2 | 3;

/** The editor's parameters: a date (read-only view), a comparison between two milestones, the workshop and leaps views. */
export interface EditorParams {
  /** The day the map is read at, as written in the URL, or null for now (editable). */
  date: string | null;
  /** Two milestone ids, or null. */
  compare: { from: string; to: string } | null;
  /** The projection for a workshop: read-only, confidential entities hidden. */
  workshop: boolean;
  /** The systemic leaps laid out in columns. */
  leapsView: boolean;
}

export interface ReviewParams {
  /** The review's date, or null for today. */
  date: string | null;
  /** A milestone id, or null for the latest milestone on or before the review's date. */
  since: string | null;
}

export interface AnalysisParams {
  date: string | null;
  order: MactorOrderK;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

export function parseRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const params = new URLSearchParams(search);
  if (/^\/connexion\/?$/.test(pathname)) return { page: 'signIn', params };
  if (/^\/compte\/?$/.test(pathname)) return { page: 'account' };
  if (/^\/admin\/?$/.test(pathname)) return { page: 'admin' };
  if (/^\/mur\/?$/.test(pathname)) return { page: 'wall' };
  const project = /^\/projets\/([a-z0-9-]+)\/?$/.exec(pathname);
  if (project) return { page: 'project', projectId: project[1]!, params };
  const review = /^\/territoires\/([a-z0-9-]+)\/revue\/?$/.exec(pathname);
  if (review) return { page: 'territoryReview', territoryId: review[1]!, params };
  const analysis = /^\/projets\/([a-z0-9-]+)\/analyse\/?$/.exec(pathname);
  if (analysis) return { page: 'projectAnalysis', projectId: analysis[1]!, params };
  const projection = /^\/projets\/([a-z0-9-]+)\/mur\/?$/.exec(pathname);
  if (projection) return { page: 'projection', projectId: projection[1]!, params };
  const table = /^\/projets\/([a-z0-9-]+)\/tableau\/?$/.exec(pathname);
  if (table) return { page: 'projectTable', projectId: table[1]!, params };
  return { page: 'notFound' };
}

/** A real calendar day written YYYY-MM-DD (2019-02-30 is not one). */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && isoDay(new Date(time)) === value;
}

export function parseEditorParams(params: URLSearchParams): EditorParams {
  const [from, to] = (params.get('compare') ?? '').split('..');
  return {
    date: params.get('date'),
    compare: from && to ? { from, to } : null,
    workshop: params.get('atelier') === '1',
    leapsView: params.get('vue') === 'sauts',
  };
}

/** The editor's parameters as URL entries (null removes one): for `setParams`. */
export function editorParamChanges(changes: Partial<EditorParams>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if ('date' in changes) out.date = changes.date ?? null;
  if ('compare' in changes) out.compare = changes.compare ? `${changes.compare.from}..${changes.compare.to}` : null;
  if ('workshop' in changes) out.atelier = changes.workshop ? '1' : null;
  if ('leapsView' in changes) out.vue = changes.leapsView ? 'sauts' : null;
  return out;
}

export function parseReviewParams(params: URLSearchParams): ReviewParams {
  const date = params.get('date');
  const since = params.get('depuis');
  return { date: isIsoDate(date) ? date : null, since: since && ID.test(since) ? since : null };
}

/**
 * The review's « sans éléments confidentiels » version (`?confidentiel=non`), for printing or
 * exporting to a wider audience. Apart from ReviewParams: a choice of version, not of date.
 */
export function parseReviewWithoutConfidential(params: URLSearchParams): boolean {
  return params.get('confidentiel') === 'non';
}

export function reviewWithoutConfidentialChange(without: boolean): Record<string, string | null> {
  return { confidentiel: without ? 'non' : null };
}

/** The review's parameters as URL entries (null removes one): for `setParams`. */
export function reviewParamChanges(changes: Partial<ReviewParams>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if ('date' in changes) out.date = changes.date ?? null;
  if ('since' in changes) out.depuis = changes.since ?? null;
  return out;
}

export function parseAnalysisParams(params: URLSearchParams): AnalysisParams {
  const date = params.get('date');
  const order = Number(params.get('ordre'));
  return { date: isIsoDate(date) ? date : null, order: order === 1 || order === 3 ? order : 2 };
}

/** The analysis's parameters as URL entries (null removes one): for `setParams`. */
export function analysisParamChanges(changes: Partial<AnalysisParams>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if ('date' in changes) out.date = changes.date ?? null;
  if ('order' in changes) out.ordre = changes.order && changes.order !== 2 ? String(changes.order) : null;
  return out;
}

function withQuery(path: string, entries: [string, string | null | undefined][]): string {
  const query = new URLSearchParams();
  for (const [key, value] of entries) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The URL `pathname?search` with some query parameters changed (null or '' removes one); the
 * others are kept in their order.
 */
export function withParams(pathname: string, search: string, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  return `${pathname}${query ? `?${query}` : ''}`;
}

export const homeHref = (): string => '/';

export function reviewHref(territoryId: string, params: Partial<ReviewParams> = {}): string {
  return withQuery(`/territoires/${encodeURIComponent(territoryId)}/revue`, [
    ['date', params.date],
    ['depuis', params.since],
  ]);
}

export function analysisHref(projectId: string, params: Partial<AnalysisParams> = {}): string {
  return withQuery(`/projets/${encodeURIComponent(projectId)}/analyse`, [
    ['date', params.date],
    ['ordre', params.order && params.order !== 2 ? String(params.order) : null],
  ]);
}

/** The project's projection for a room's wall (issue 14). */
export function projectionHref(projectId: string): string {
  return `/projets/${encodeURIComponent(projectId)}/mur`;
}

/** The projection's options: Cytoscape's WebGL renderer for very large maps (`?webgl=1`). */
export function parseProjectionParams(params: URLSearchParams): { webgl: boolean } {
  return { webgl: params.get('webgl') === '1' };
}

/** The table view's tabs, `?vue=` in the URL (`acteurs` is the default and left out). */
export const TABLE_VIEWS = ['acteurs', 'positions', 'objectifs', 'relations'] as const;
export type TableView = (typeof TABLE_VIEWS)[number];

export function parseTableView(params: URLSearchParams): TableView {
  const view = params.get('vue');
  return (TABLE_VIEWS as readonly string[]).includes(view ?? '') ? (view as TableView) : 'acteurs';
}

/** The project's table view (/projets/:id/tableau), on one of its tabs. */
export function tableHref(projectId: string, view: TableView = 'acteurs'): string {
  return withQuery(`/projets/${encodeURIComponent(projectId)}/tableau`, [['vue', view === 'acteurs' ? null : view]]);
}

/** The project's map, at the same date when there is one. */
export function mapHref(projectId: string, date: string | null = null): string {
  return withQuery(`/projets/${encodeURIComponent(projectId)}`, [['date', date]]);
}

/** The sign-in page's parameters: where to go back to, a one-time link's secret, an error code. */
export interface SignInParams {
  /** A path of this app (never another origin), or '/'. */
  returnTo: string;
  /** A one-time sign-in link's secret (`trame_lien_…`), or null. */
  linkToken: string | null;
  /** An error code sent back by the single sign-on's return (`?erreur=CODE`), or null. */
  error: string | null;
}

/** A path inside the app, or null: `//host` and `/\\host` would leave the origin. */
export function safeReturnPath(value: string | null): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/^\/connexion\/?(\?|$)/.test(value)) return null; // never back to the sign-in page itself
  return value;
}

export function parseSignInParams(params: URLSearchParams): SignInParams {
  const token = params.get('jeton');
  return {
    returnTo: safeReturnPath(params.get('retour')) ?? '/',
    linkToken: token && /^trame_lien_[A-Za-z0-9_-]+$/.test(token) ? token : null,
    error: params.get('erreur'),
  };
}

/** The sign-in page, coming back to `returnTo` (a path of the app) afterwards. */
export function signInHref(returnTo: string | null = null): string {
  const back = safeReturnPath(returnTo);
  return withQuery('/connexion', [['retour', back === '/' ? null : back]]);
}

export const accountHref = (): string => '/compte';
export const adminHref = (): string => '/admin';

/** A wall link's secret, read from the URL's fragment (`#trame_mur_…`), or null. */
export function wallSecretFromHash(hash: string): string | null {
  const secret = hash.replace(/^#/, '');
  return /^trame_mur_[A-Za-z0-9_-]+$/.test(secret) ? secret : null;
}
