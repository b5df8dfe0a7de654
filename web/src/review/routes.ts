/**
 * The review pages' share-worthy state lives in the URL: `date` (the day the analysis is read
 * at, YYYY-MM-DD), `depuis` (the milestone the progress is counted from) and, on the project
 * analysis, `ordre` (the MACTOR order k shown). A link reopens the same view. Pure functions.
 */
export type MactorOrderK = 1 | 2 | 3;

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

/** A real calendar day written YYYY-MM-DD (2019-02-30 is not one). */
export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export function parseReviewParams(params: URLSearchParams): ReviewParams {
  const date = params.get('date');
  const since = params.get('depuis');
  return { date: isIsoDate(date) ? date : null, since: since && ID.test(since) ? since : null };
}

export function parseAnalysisParams(params: URLSearchParams): AnalysisParams {
  const date = params.get('date');
  const order = Number(params.get('ordre'));
  return { date: isIsoDate(date) ? date : null, order: order === 1 || order === 3 ? order : 2 };
}

function withQuery(path: string, entries: [string, string | null | undefined][]): string {
  const query = new URLSearchParams();
  for (const [key, value] of entries) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

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
