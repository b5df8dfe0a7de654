import { graphql } from '../generated/gql.ts';
import type { ProjectAnalysisQuery, ReviewMilestonesQuery, TerritoryReviewQuery } from '../generated/graphql.ts';

/** The queries of the review pages; the shapes they return are generated from the SDL. */

export const TERRITORY_MILESTONES = graphql(`
  query ReviewMilestones($id: ID!, $asOf: DateTime) {
    territory(id: $id, asOf: $asOf) {
      id name code
      projects { id name milestones { id name date } }
    }
  }
`);

export const TERRITORY_REVIEW = graphql(`
  query TerritoryReview($id: ID!, $asOf: DateTime, $sinceMilestone: ID, $confidential: Boolean) {
    territoryReview(territoryId: $id, asOf: $asOf, sinceMilestone: $sinceMilestone, confidential: $confidential) {
      territory { id label }
      since
      progress {
        project { id label }
        summary { added ended changed actorsJoined actorsLeft engagementGained engagementLost positionsMoved conflictsNew conflictsArbitrated conflictsDepasses externalitiesInternalised leaps cooperationsNew }
        path { sections { key lines { entityId } } totals { added ended changed } }
      }
      analysis {
        asOf
        projects { id label }
        coalitions { modularity communities { id members { id label } } }
        ecosystems { ecosystem { id label } coalition jaccard add { id label } remove { id label } }
        brokers { actor { id label } betweenness }
        unworkedDivergences { a { id label } b { id label } divergence convergence }
        tensions {
          conflict { id label } project { id label } intensity status identifiedAt statusSince daysSinceIdentified daysInStatus
          objectives { id label } actors { id label }
        }
        externalities { externality { id label } project { id label } sign affected { id label } notInvolved { id label } }
        engagementLoad { actor { id label } projects { id label } count }
      }
      loadTimeline {
        quarters { at year quarter partial }
        rows { actor { id label } peakDemanding cells { projects { id label } demanding level } }
      }
    }
  }
`);

export const PROJECT_ANALYSIS = graphql(`
  query ProjectAnalysis($id: ID!, $asOf: DateTime) {
    project(id: $id, asOf: $asOf) {
      id name validFrom
      territory { id name }
      actors { id kind }
      milestones { id name date }
    }
    projectAnalysis(projectId: $id, asOf: $asOf) {
      asOf
      mactor {
        actors { id label }
        objectives { id label }
        influence dependence balanceOfPower normalisedBalanceOfPower powerAssessed powerStatus actorMobilisation
        notes { code actors message }
        orders {
          order degreeOfConvergence ambivalence agreement disagreement mobilisation
          caa { values } daa { values }
        }
      }
    }
  }
`);

export type MilestonesData = ReviewMilestonesQuery;
export type ReviewData = TerritoryReviewQuery;
export type ReviewAnalysis = TerritoryReviewQuery['territoryReview']['analysis'];
export type Tension = ReviewAnalysis['tensions'][number];
export type AnalysisData = ProjectAnalysisQuery;
export type MactorData = ProjectAnalysisQuery['projectAnalysis']['mactor'];
export type LoadTimelineData = TerritoryReviewQuery['territoryReview']['loadTimeline'];
