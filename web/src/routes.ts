import { isoDay } from '@trame/graph/model';

/**
 * Every URL of the app, parsed and built here: the URL is the state worth sharing (which project,
 * which date, which comparison), so a link reopens the same view. Pure functions; the browser's
 * history is navigation.ts's business.
 *
 *   /                                   home: territories and their projects
 *   /projets/:id ?date ?compare=a..b ?atelier=1 ?vue=sauts    the map editor
 *   /projets/:id/analyse ?date ?ordre   the project's MACTOR analysis
 *   /territoires/:id/revue ?date ?depuis   the territory's review
 */
export type Route =
  | { page: 'home' }
  | { page: 'project'; projectId: string; params: URLSearchParams }
  | { page: 'territoryReview'; territoryId: string; params: URLSearchParams }
  | { page: 'projectAnalysis'; projectId: string; params: URLSearchParams }
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
  const project = /^\/projets\/([a-z0-9-]+)\/?$/.exec(pathname);
  if (project) return { page: 'project', projectId: project[1]!, params };
  const review = /^\/territoires\/([a-z0-9-]+)\/revue\/?$/.exec(pathname);
  if (review) return { page: 'territoryReview', territoryId: review[1]!, params };
  const analysis = /^\/projets\/([a-z0-9-]+)\/analyse\/?$/.exec(pathname);
  if (analysis) return { page: 'projectAnalysis', projectId: analysis[1]!, params };
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

/** The project's map, at the same date when there is one. */
export function mapHref(projectId: string, date: string | null = null): string {
  return withQuery(`/projets/${encodeURIComponent(projectId)}`, [['date', date]]);
}
