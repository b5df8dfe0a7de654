/**
 * Calendar days as Trame writes them, browser-safe: the one place that turns an instant into a
 * 'YYYY-MM-DD' day (UTC) and a milestone's day into the instant it stands for.
 */

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, as 'YYYY-MM-DD'. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today's UTC calendar day, as 'YYYY-MM-DD'. */
export function today(): string {
  return isoDay(new Date());
}

/**
 * The instant a milestone stands for: the end of its day (UTC), 23:59:59.999, so that what was
 * decided at the meeting itself counts as done by the milestone.
 * @param day 'YYYY-MM-DD'
 */
export function milestoneInstant(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + DAY_MS - 1);
}

const FRENCH_DAY = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The UTC calendar day of an instant as a French reader writes it: « 1 sept. 2024 ». For messages. */
export function frenchDay(date: Date): string {
  return FRENCH_DAY.format(date);
}
