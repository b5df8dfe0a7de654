import { ENTITIES, type EntityType } from '@trame/graph/model';
import type { Territory } from '../generated/graphql.ts';
import type { Positions } from '../map/layout.ts';
import type { ProjectMapData } from '../map/types.ts';
import type { EntityData } from './entities.ts';
import { DEFERRED_LISTS, HEADER_LISTS } from './projectLists.ts';

/**
 * The documents whose selection is written from the model, so every field the API has is
 * fetched and editable without a hand-kept list. Being built at run time they are plain strings
 * (codegen cannot read them); their results are typed here, entities as EntityData.
 */
const META = 'id version validFrom validTo versionFrom __typename';

export function entitySelection(type: EntityType): string {
  return `${META} ${Object.keys(ENTITIES[type].fields).join(' ')}`;
}

const lists = (entries: readonly (readonly [string, EntityType])[]) =>
  entries.map(([list, type]) => `${list} { ${entitySelection(type)} }`).join('\n      ');

export const TERRITORY_ACTORS = `
  query TerritoryActors($id: ID!) {
    territory(id: $id) { id actors { ${entitySelection('Actor')} } }
  }
`;
export interface TerritoryActorsData {
  territory: { id: string; actors: EntityData[] };
}

/**
 * What the map needs to draw: the project's header, its perimeters and milestones, the map and
 * the saved layout. The other lists (PROJECT_LISTS_VIEW) follow in a second request, fetched once
 * the map is there, so a large map does not wait for them (bench: 2,000 elements, ~1 MB).
 */
export const PROJECT_VIEW = `
  query ProjectView($id: ID!, $asOf: DateTime, $hideConfidential: Boolean) {
    project(id: $id, asOf: $asOf) {
      ${entitySelection('Project')} asOf
      territory { id name }
      can { edit share seeConfidential }
      ${lists(HEADER_LISTS)}
    }
    projectMap(projectId: $id, asOf: $asOf, hideConfidential: $hideConfidential) {
      asOf perimeterOrder
      nodes { id kind label parent entityVersion data }
      edges { id kind source target label entityVersion data }
      ecosystems { id name memberIds perimeterId }
    }
    projectLayout(projectId: $id)
  }
`;

export interface ProjectAbilities {
  edit: boolean;
  share: boolean;
  seeConfidential: boolean;
}

/** A project with its lists, by list name (`actors`, `leaps`…). */
export type ProjectData = EntityData & {
  asOf: string;
  name: string;
  territory: Pick<Territory, 'id' | 'name'>;
  /** What the viewer may do with this project: the editor hides what they may not. */
  can: ProjectAbilities;
  [list: string]: unknown;
};

export interface ProjectViewData {
  project: ProjectData;
  projectMap: ProjectMapData;
  projectLayout: Positions;
}

/** The project's other lists, for the panels and forms (see PROJECT_VIEW). */
export const PROJECT_LISTS_VIEW = `
  query ProjectLists($id: ID!, $asOf: DateTime) {
    project(id: $id, asOf: $asOf) {
      id
      ${lists(DEFERRED_LISTS)}
    }
  }
`;
export interface ProjectListsData {
  project: Record<string, EntityData[]>;
}

export function createMutation(type: EntityType): string {
  return `mutation Create($input: Create${type}Input!, $validFrom: DateTime) { create${type}(input: $input, validFrom: $validFrom) { ${entitySelection(type)} } }`;
}

export function updateMutation(type: EntityType): string {
  return `mutation Update($id: ID!, $version: Int!, $patch: ${type}Patch!, $validFrom: DateTime) { update${type}(id: $id, version: $version, patch: $patch, validFrom: $validFrom) { ${entitySelection(type)} } }`;
}

export function endMutation(type: EntityType): string {
  return `mutation End($id: ID!, $version: Int!, $validFrom: DateTime) { end${type}(id: $id, version: $version, validFrom: $validFrom) { id version validTo } }`;
}

/**
 * An end dated before the entity's latest entry: corrects that entry's date, then ends the entity
 * there. Two fields of one operation, so one transaction (both or nothing); the correction
 * re-dates the entry as version + 1, which the end names.
 */
export function correctEndMutation(type: EntityType): string {
  return `mutation CorrectEnd($id: ID!, $version: Int!, $next: Int!, $validFrom: DateTime!) { correct${type}(id: $id, version: $version, patch: {}, validFrom: $validFrom) { id } end${type}(id: $id, version: $next, validFrom: $validFrom) { id version validTo } }`;
}

/** A change dated before the entity's latest entry: corrects that entry's date, then applies the patch (one operation). */
export function correctMutation(type: EntityType): string {
  return `mutation Correct($id: ID!, $version: Int!, $patch: ${type}Patch!, $validFrom: DateTime!) { correct${type}(id: $id, version: $version, patch: $patch, validFrom: $validFrom) { ${entitySelection(type)} } }`;
}
