import type { DiffSummary, Label } from './analysis.ts';

/** The queries of the review pages, and the shapes they return. */
const L = 'id label';

export const TERRITORY_MILESTONES = /* GraphQL */ `
  query ReviewMilestones($id: ID!, $asOf: DateTime) {
    territory(id: $id, asOf: $asOf) {
      id name code
      projects { id name milestones { id name date } }
    }
  }
`;

export const TERRITORY_REVIEW = /* GraphQL */ `
  query TerritoryReview($id: ID!, $asOf: DateTime, $sinceMilestone: ID) {
    territoryReview(territoryId: $id, asOf: $asOf, sinceMilestone: $sinceMilestone) {
      territory { ${L} }
      since
      progress {
        project { ${L} }
        summary { added ended changed actorsJoined actorsLeft engagementGained engagementLost positionsMoved conflictsNew conflictsArbitrated conflictsDepasses externalitiesInternalised leaps cooperationsNew }
      }
      analysis {
        asOf
        projects { ${L} }
        coalitions { modularity communities { id members { ${L} } } }
        ecosystems { ecosystem { ${L} } coalition jaccard add { ${L} } remove { ${L} } }
        brokers { actor { ${L} } betweenness }
        unworkedDivergences { a { ${L} } b { ${L} } divergence convergence }
        tensions {
          conflict { ${L} } project { ${L} } intensity status identifiedAt statusSince daysSinceIdentified daysInStatus
          objectives { ${L} } actors { ${L} }
        }
        externalities { externality { ${L} } project { ${L} } sign affected { ${L} } notInvolved { ${L} } }
        engagementLoad { actor { ${L} } projects { ${L} } count }
      }
    }
  }
`;

export const PROJECT_ANALYSIS = /* GraphQL */ `
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
        actors { ${L} }
        objectives { ${L} }
        influence dependence balanceOfPower normalisedBalanceOfPower powerStatus actorMobilisation
        notes { code actors message }
        orders {
          order degreeOfConvergence ambivalence agreement disagreement mobilisation
          caa { values } daa { values }
        }
      }
    }
  }
`;

export interface MilestonesData {
  territory: {
    id: string;
    name: string;
    code: string;
    projects: { id: string; name: string; milestones: { id: string; name: string; date: string }[] }[];
  };
}

export interface Tension {
  conflict: Label;
  project: Label;
  intensity: number;
  status: string;
  identifiedAt: string;
  statusSince: string;
  daysSinceIdentified: number;
  daysInStatus: number;
  objectives: Label[];
  actors: Label[];
}

export interface ReviewAnalysis {
  asOf: string;
  projects: Label[];
  coalitions: { modularity: number; communities: { id: number; members: Label[] }[] };
  ecosystems: { ecosystem: Label; coalition: number | null; jaccard: number | null; add: Label[]; remove: Label[] }[];
  brokers: { actor: Label; betweenness: number }[];
  unworkedDivergences: { a: Label; b: Label; divergence: number; convergence: number }[];
  tensions: Tension[];
  externalities: { externality: Label; project: Label; sign: string; affected: Label[]; notInvolved: Label[] }[];
  engagementLoad: { actor: Label; projects: Label[]; count: number }[];
}

export interface ReviewData {
  territoryReview: {
    territory: Label;
    since: string | null;
    progress: { project: Label; summary: DiffSummary }[];
    analysis: ReviewAnalysis;
  };
}

export interface MactorOrderData {
  order: number;
  degreeOfConvergence: number | null;
  ambivalence: (number | null)[];
  agreement: number[];
  disagreement: number[];
  mobilisation: number[];
  caa: { values: number[][] };
  daa: { values: number[][] };
}

export interface MactorData {
  actors: Label[];
  objectives: Label[];
  influence: number[];
  dependence: number[];
  balanceOfPower: number[];
  normalisedBalanceOfPower: number[];
  powerStatus: string;
  actorMobilisation: number[];
  notes: { code: string; actors: string[]; message: string }[];
  orders: MactorOrderData[];
}

export interface AnalysisData {
  project: {
    id: string;
    name: string;
    validFrom: string;
    territory: { id: string; name: string };
    actors: { id: string; kind: string }[];
    milestones: { id: string; name: string; date: string }[];
  };
  projectAnalysis: { asOf: string; mactor: MactorData };
}
