import { graphql } from '../generated/gql.ts';

/**
 * The editor's and the home page's fixed documents, typed from the SDL by `npm run codegen`
 * (web/codegen.ts). The documents whose selection is written from the model live in
 * entityDocuments.ts.
 */

export const TERRITORIES = graphql(`
  query Territories {
    territories {
      id version name code kind description
      projects { id version name description validFrom lastChange { author recordedAt } }
    }
  }
`);

export const PROJECT_MAP_AT = graphql(`
  query ProjectMapAt($id: ID!, $asOf: DateTime, $hideConfidential: Boolean) {
    projectMap(projectId: $id, asOf: $asOf, hideConfidential: $hideConfidential) {
      nodes { id kind label parent entityVersion data }
      edges { id kind source target label entityVersion data }
    }
  }
`);

export const PROJECT_DIFF = graphql(`
  query ProjectDiff($id: ID!, $from: ID!, $to: ID!) {
    projectDiff(projectId: $id, fromMilestone: $from, toMilestone: $to) {
      from to
      summary { added ended changed actorsJoined actorsLeft engagementGained engagementLost conflictsArbitrated leaps cooperationsNew }
      added { id __typename }
      ended { id __typename }
      changed { entity { id __typename } fields { field before after } }
      path { sections { key lines { entityId entityType change label focusId from to } } totals { added ended changed } }
    }
  }
`);

export const SAVE_LAYOUT = graphql(`
  mutation SaveLayout($id: ID!, $positions: JSON!) { saveProjectLayout(projectId: $id, positions: $positions) }
`);

export const IMPORT_ACTORS = graphql(`
  mutation ImportActors($projectId: ID!, $rows: [ActorImportRow!]!, $validFrom: DateTime, $dryRun: Boolean) {
    importActors(projectId: $projectId, rows: $rows, validFrom: $validFrom, dryRun: $dryRun) {
      dryRun validFrom rowCount actorsCreated actorsReused engagementsCreated skipped
      rows { line name action actorId engagementId reason warnings }
      errors { line field code message }
    }
  }
`);
