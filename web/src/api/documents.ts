import { ENTITIES, PROJECT_LISTS as MODEL_PROJECT_LISTS, type EntityType, type ListOf } from '@trame/graph/model';

/**
 * GraphQL documents, the entity ones written from the model so every field the API has is
 * fetched and editable without a hand-kept list.
 */
const META = 'id version validFrom validTo versionFrom __typename';

export function entitySelection(type: EntityType): string {
  return `${META} ${Object.keys(ENTITIES[type].fields).join(' ')}`;
}

/** The project's lists, read off the model, and the actors engaged in it (Project.actors). */
const PROJECT_LISTS: ListOf[] = [...MODEL_PROJECT_LISTS, ['actors', 'Actor']];

/** The lists the page header and the timeline show: with the map, in the first request. */
const HEADER_LISTS = PROJECT_LISTS.filter(([list]) => list === 'perimeters' || list === 'milestones');

export const TERRITORIES = /* GraphQL */ `
  query Territories {
    territories { id name code kind projects { id name description validFrom } }
  }
`;

export const TERRITORY_ACTORS = /* GraphQL */ `
  query TerritoryActors($id: ID!) {
    territory(id: $id) { id actors { ${entitySelection('Actor')} } }
  }
`;

/**
 * What the map needs to draw: the project's header, its perimeters and milestones, the map and
 * the saved layout. The other lists (PROJECT_LISTS_VIEW) follow in a second request, fetched once
 * the map is there, so a large map does not wait for them (bench: 2,000 elements, ~1 MB).
 */
export const PROJECT_VIEW = /* GraphQL */ `
  query ProjectView($id: ID!, $asOf: DateTime, $hideConfidential: Boolean) {
    project(id: $id, asOf: $asOf) {
      ${entitySelection('Project')} asOf
      territory { id name }
      ${HEADER_LISTS.map(([list, type]) => `${list} { ${entitySelection(type)} }`).join('\n      ')}
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

/** The project's other lists, for the panels and forms (see PROJECT_VIEW). */
export const PROJECT_LISTS_VIEW = /* GraphQL */ `
  query ProjectLists($id: ID!, $asOf: DateTime) {
    project(id: $id, asOf: $asOf) {
      id
      ${PROJECT_LISTS.filter(([list]) => !HEADER_LISTS.some(([header]) => header === list))
        .map(([list, type]) => `${list} { ${entitySelection(type)} }`)
        .join('\n      ')}
    }
  }
`;

export const PROJECT_MAP_AT = /* GraphQL */ `
  query ProjectMapAt($id: ID!, $asOf: DateTime, $hideConfidential: Boolean) {
    projectMap(projectId: $id, asOf: $asOf, hideConfidential: $hideConfidential) {
      nodes { id kind label parent entityVersion data }
      edges { id kind source target label entityVersion data }
    }
  }
`;

export const PROJECT_DIFF = /* GraphQL */ `
  query ProjectDiff($id: ID!, $from: ID!, $to: ID!) {
    projectDiff(projectId: $id, fromMilestone: $from, toMilestone: $to) {
      from to
      summary { added ended changed actorsJoined actorsLeft engagementGained engagementLost conflictsArbitrated leaps cooperationsNew }
      added { id __typename }
      ended { id __typename }
      changed { entity { id __typename } fields { field before after } }
    }
  }
`;

export const SAVE_LAYOUT = /* GraphQL */ `
  mutation SaveLayout($id: ID!, $positions: JSON!) { saveProjectLayout(projectId: $id, positions: $positions) }
`;

export function createMutation(type: EntityType): string {
  return `mutation Create($input: Create${type}Input!, $validFrom: DateTime) { create${type}(input: $input, validFrom: $validFrom) { ${entitySelection(type)} } }`;
}

export function updateMutation(type: EntityType): string {
  return `mutation Update($id: ID!, $version: Int!, $patch: ${type}Patch!, $validFrom: DateTime) { update${type}(id: $id, version: $version, patch: $patch, validFrom: $validFrom) { ${entitySelection(type)} } }`;
}

export function endMutation(type: EntityType): string {
  return `mutation End($id: ID!, $version: Int!, $validFrom: DateTime) { end${type}(id: $id, version: $version, validFrom: $validFrom) { id version validTo } }`;
}

export const IMPORT_ACTORS = /* GraphQL */ `
  mutation ImportActors($projectId: ID!, $rows: [ActorImportRow!]!, $validFrom: DateTime, $dryRun: Boolean) {
    importActors(projectId: $projectId, rows: $rows, validFrom: $validFrom, dryRun: $dryRun) {
      dryRun validFrom rowCount actorsCreated actorsReused engagementsCreated skipped
      rows { line name action actorId engagementId reason warnings }
      errors { line field code message }
    }
  }
`;
