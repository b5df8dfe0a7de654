import { CREATABLE_TYPES, PROJECT_LISTS as MODEL_PROJECT_LISTS, type ListOf } from '@trame/graph/model';

/**
 * The entity lists the editor reads on a project (`project { actors perimeters … }`): the
 * model's project lists (graph/src/model/derived.ts) and the actors engaged in the project
 * (`Project.actors`, written by hand in the SDL). projectLists.test.ts checks them against
 * api/schema.
 */
export const PROJECT_LISTS: readonly ListOf[] = [...MODEL_PROJECT_LISTS, ['actors', 'Actor']];

/** The lists the page header and the timeline need at once: they come with the map (PROJECT_VIEW). */
export const HEADER_LISTS: readonly ListOf[] = PROJECT_LISTS.filter(([, type]) => type === 'Perimeter' || type === 'Milestone');

/** The other lists, for the panels and forms: they follow the map (PROJECT_LISTS_VIEW). */
export const DEFERRED_LISTS: readonly ListOf[] = PROJECT_LISTS.filter(
  ([list]) => !HEADER_LISTS.some(([header]) => header === list),
);

/**
 * What a pilot creates from the side panel's menu, in the model's menu order: the engagement is
 * created from its actor (a new actor's next form).
 */
export const CREATABLE: readonly (typeof CREATABLE_TYPES)[number][] = CREATABLE_TYPES;
