import type { Lang } from './labels.ts';

/**
 * The engagement panel's words (issue 13 parts 1 and 3), French first. Kept apart from fr.ts and
 * en.ts so the editor's engagement work merges cleanly; `useI18n().lang` picks the language.
 */
const fr = {
  engagementTitle: 'Engagement dans ce projet',
  notEngaged: 'Cet acteur n’est pas engagé dans ce projet.',
  engageHere: 'L’engager dans ce projet',
  editEngagement: 'Modifier l’engagement',
  levelHistory: 'Niveau d’engagement au fil du temps',
  since: (date: string) => `depuis le ${date}`,
  noRole: 'rôle non précisé',
  noPerimeter: 'sans périmètre d’entrée',
  newActorTitle: 'Nouvel acteur engagé dans le projet',
  newActorHint: 'L’acteur et son engagement sont enregistrés ensemble, à la même date.',
  engageTitle: 'Engager un acteur du territoire',
  engageSearch: 'Rechercher un acteur du territoire',
  engageNoMatch: 'Aucun acteur du territoire ne correspond.',
  engagedElsewhere: (projects: string) => `engagé dans : ${projects}`,
  engagedNowhere: 'engagé dans aucun projet',
  alreadyHere: 'déjà dans ce projet',
  choose: 'Choisir',
  engage: 'Engager',
  chosenActor: 'Acteur',
  changeActor: 'Choisir un autre acteur',
  // Errors, by code: what happened in words, with labels and French dates.
  errDateBeforeLastChange: (what: string, date: string, latest: string) =>
    `La date d’effet (${date}) précède le dernier changement enregistré de ${what} (${latest}). Choisissez une date à partir du ${latest}.`,
  errDateInFuture: (date: string) => `La date d’effet (${date}) est dans le futur.`,
  errActorNotYet: (actor: string, date: string) =>
    `L’acteur « ${actor} » n’existait pas encore au ${date} : choisissez une date à partir de son entrée sur le territoire.`,
  errDuplicateEngagement: (actor: string) => `« ${actor} » est déjà engagé dans ce projet.`,
  errVersionConflict: 'Quelqu’un a modifié cet élément depuis que vous l’avez ouvert : rouvrez-le pour voir sa version actuelle.',
  errEnded: 'Cet élément a pris fin : il ne peut plus être modifié.',
  thisEngagement: 'cet engagement',
  thisActor: (actor: string) => `l’acteur « ${actor} »`,
  engagementOf: (actor: string) => `L’engagement de « ${actor} »`,
};

export type EngagementText = typeof fr;

const en: EngagementText = {
  engagementTitle: 'Engagement in this project',
  notEngaged: 'This actor is not engaged in this project.',
  engageHere: 'Engage it in this project',
  editEngagement: 'Edit the engagement',
  levelHistory: 'Engagement level over time',
  since: (date) => `since ${date}`,
  noRole: 'no role given',
  noPerimeter: 'no entry perimeter',
  newActorTitle: 'New actor engaged in the project',
  newActorHint: 'The actor and its engagement are saved together, at the same date.',
  engageTitle: 'Engage an actor of the territory',
  engageSearch: 'Search the territory’s actors',
  engageNoMatch: 'No actor of the territory matches.',
  engagedElsewhere: (projects) => `engaged in: ${projects}`,
  engagedNowhere: 'engaged in no project',
  alreadyHere: 'already in this project',
  choose: 'Choose',
  engage: 'Engage',
  chosenActor: 'Actor',
  changeActor: 'Choose another actor',
  errDateBeforeLastChange: (what, date, latest) =>
    `The effective date (${date}) is before the last recorded change of ${what} (${latest}). Choose a date from ${latest} on.`,
  errDateInFuture: (date) => `The effective date (${date}) is in the future.`,
  errActorNotYet: (actor, date) =>
    `The actor “${actor}” did not exist yet on ${date}: choose a date from its arrival on the territory on.`,
  errDuplicateEngagement: (actor) => `“${actor}” is already engaged in this project.`,
  errVersionConflict: 'Someone changed this item since you opened it: open it again to see its current version.',
  errEnded: 'This item has ended: it can no longer be changed.',
  thisEngagement: 'this engagement',
  thisActor: (actor) => `the actor “${actor}”`,
  engagementOf: (actor) => `The engagement of “${actor}”`,
};

export const ENGAGEMENT_TEXT: Record<Lang, EngagementText> = { fr, en };

/**
 * A calendar date as a pilot reads it: « 1 sept. 2024 » (fr), "1 Sept 2024" (en). `iso`: an
 * ISO instant or YYYY-MM-DD (read in UTC, as the API stores valid time).
 */
export function shortDate(iso: string | Date, lang: Lang): string {
  const date = typeof iso === 'string' ? new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso) : iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
