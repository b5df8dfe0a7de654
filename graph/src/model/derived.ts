import { ENTITIES, type EntitySpec } from './entities.ts';
import type { EntityType } from './enums.ts';

/**
 * What the rest of the code reads off the model instead of listing entity types again: id
 * prefixes, list names, the create menu. Each takes the model as an optional argument (tests
 * pass a fixture model) and defaults to the real one. Safe to import from the browser.
 */
export type Model = Readonly<Record<EntityType, EntitySpec>>;

const specs = (model: Model): EntitySpec[] => Object.values(model);

/** `{ Actor: 'act', … }`: the prefix of the ids the store generates. */
export function idPrefixes(model: Model = ENTITIES): Record<EntityType, string> {
  return Object.fromEntries(specs(model).map((spec) => [spec.type, spec.idPrefix])) as Record<EntityType, string>;
}
export const ID_PREFIX: Readonly<Record<EntityType, string>> = idPrefixes();

/** A list field and the type of its items: `['engagements', 'Engagement']`. */
export type ListOf = readonly [list: string, type: EntityType];

/** The lists a project holds: every project-scoped type, in model order. */
export function projectLists(model: Model = ENTITIES): ListOf[] {
  return specs(model)
    .filter((spec) => spec.scope.kind === 'project')
    .map((spec) => [spec.list, spec.type] as const);
}
export const PROJECT_LISTS: readonly ListOf[] = projectLists();

/** The lists a territory holds: every territory-scoped type (projects, actors). */
export function territoryLists(model: Model = ENTITIES): ListOf[] {
  return specs(model)
    .filter((spec) => spec.scope.kind === 'territory')
    .map((spec) => [spec.list, spec.type] as const);
}

/** The types the editor's create menu offers, in menu order. */
export function creatableTypes(model: Model = ENTITIES): EntityType[] {
  return specs(model)
    .filter((spec): spec is EntitySpec & { menuRank: number } => spec.menuRank !== undefined)
    .sort((a, b) => a.menuRank - b.menuRank)
    .map((spec) => spec.type);
}
export const CREATABLE_TYPES: readonly EntityType[] = creatableTypes();
