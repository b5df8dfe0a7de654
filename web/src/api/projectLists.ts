import { ENTITIES, ENTITY_TYPES, type EntityType } from '@trame/graph/model';

/**
 * The entity lists a project carries (`project { actors perimeters … }`), derived from the model
 * rather than restated: every project-scoped type, plus the territory's types a project entity
 * refers to (the actors, through their engagements). A list is named by the plural of the type's
 * last word (SystemicLeap → leaps), as the SDL names it; web/src/api/projectLists.test.ts checks
 * both against api/schema.
 */
const isProjectScoped = (type: EntityType) => ENTITIES[type].scope.kind === 'project';

/** Territory-scoped types that project-scoped entities point to, other than through their scope field. */
function referencedFromProject(type: EntityType): boolean {
  if (ENTITIES[type].scope.kind !== 'territory') return false;
  return ENTITY_TYPES.filter(isProjectScoped).some((owner) => {
    const spec = ENTITIES[owner];
    const via = spec.scope.kind === 'project' ? spec.scope.via : null;
    return Object.entries(spec.fields).some(([name, field]) => name !== via && (field.kind === 'ref' || field.kind === 'refList') && field.target === type);
  });
}

/** « SystemicLeap » → « leaps », « Externality » → « externalities ». */
export function listName(type: EntityType): string {
  const last = /[A-Z][a-z]*$/.exec(type)?.[0] ?? type;
  const word = last.charAt(0).toLowerCase() + last.slice(1);
  return word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`;
}

/** [list, type] in the model's order. */
export const PROJECT_LISTS: readonly (readonly [string, EntityType])[] = ENTITY_TYPES.filter((type) => isProjectScoped(type) || referencedFromProject(type)).map(
  (type) => [listName(type), type] as const,
);

/** The lists the page header and the timeline need at once: they come with the map (PROJECT_VIEW). */
export const HEADER_LISTS: readonly (readonly [string, EntityType])[] = PROJECT_LISTS.filter(([, type]) => type === 'Perimeter' || type === 'Milestone');

/** The other lists, for the panels and forms: they follow the map (PROJECT_LISTS_VIEW). */
export const DEFERRED_LISTS: readonly (readonly [string, EntityType])[] = PROJECT_LISTS.filter(([list]) => !HEADER_LISTS.some(([header]) => header === list));

/**
 * What a pilot creates from the side panel's menu: every type the project lists but the
 * engagement, which is created from its actor (a new actor's next form).
 */
export const CREATABLE: readonly EntityType[] = PROJECT_LISTS.map(([, type]) => type).filter((type) => type !== 'Engagement');
