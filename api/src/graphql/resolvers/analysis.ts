import {
  MAO_ORDERS,
  parseEntityId,
  readProjectAnalysis,
  reviewTerritory,
  toDenseMatrix,
  type Analysis,
  type Broker,
  type Community,
  type Divergence,
  type EcosystemComparison,
  type EngagementLoad,
  type ExternalityReview,
  type Label,
  type LoadCell,
  type LoadTimelineRow,
  type TerritoryReview,
  type MaoOrder,
  type SparseMatrix,
  type Tension,
} from '@trame/graph';
import type { Resolvers } from '../../generated/resolvers.ts';
import { readMoment } from '../presenters.ts';

/** Parents of the analysis types: a piece of the result and the analysis it belongs to. */
export interface OrderView {
  order: MaoOrder;
  analysis: Analysis;
}
export interface CoalitionView {
  community: Community;
  analysis: Analysis;
}
export interface EcosystemView {
  match: EcosystemComparison & { projectId: string };
  analysis: Analysis;
}
export interface BrokerView {
  broker: Broker;
  analysis: Analysis;
}
export interface DivergenceView {
  divergence: Divergence;
  analysis: Analysis;
}
export interface LoadView {
  row: EngagementLoad;
  analysis: Analysis;
}
export interface TensionView {
  tension: Tension;
  analysis: Analysis;
}
export interface LoadRowView {
  row: LoadTimelineRow;
  review: TerritoryReview;
}
export interface LoadCellView {
  cell: LoadCell;
  review: TerritoryReview;
}
export interface ExternalityView {
  externality: ExternalityReview;
  analysis: Analysis;
}

const labellers = new WeakMap<Analysis, (id: string) => Label>();

/** Id → label for one analysis, built once (it is asked for on every row of every table). */
function labeller(analysis: Analysis): (id: string) => Label {
  let label = labellers.get(analysis);
  if (!label) {
    const all = new Map<string, Label>([...analysis.actors, ...analysis.objectives, ...analysis.projects].map((l) => [l.id, l]));
    label = (id) => all.get(id) ?? { id, label: id };
    labellers.set(analysis, label);
  }
  return label;
}

/**
 * The analysis keeps its matrices sparse; LabelledMatrix shows every cell, so the dense rows are
 * written out here, only for the matrices a query selects (a project's heatmaps are small; a
 * territory review's matrices are never asked for by the web client).
 */
const matrix = (rows: Label[], columns: Label[], values: SparseMatrix) => ({ rows, columns, values: toDenseMatrix(values) });

export const analysisResolvers: Resolvers = {
  Query: {
    // Computed from the states the principal may receive (confidential: false asks for the
    // version without confidential items even when they may see them).
    projectAnalysis: async (_p, { projectId, asOf, confidential }, ctx) => {
      const id = parseEntityId(projectId, "l'identifiant du projet");
      const reader = { principal: ctx.principal, confidential: confidential ?? true };
      return ctx.graph.read((tx) => readProjectAnalysis(tx, id, readMoment(asOf), reader));
    },
    territoryReview: async (_p, { confidential, ...args }, ctx) => {
      const reader = { principal: ctx.principal, confidential: confidential ?? true };
      return ctx.graph.read((tx) => reviewTerritory(tx, args, reader));
    },
  },
  TerritoryReview: {
    analysis: (review) => review,
    loadTimeline: (review) => review,
  },
  LoadTimeline: {
    quarters: (review) => review.loadTimeline.quarters,
    rows: (review) => review.loadTimeline.rows.map((row) => ({ row, review })),
  },
  LoadTimelineRow: {
    actor: ({ row, review }) => review.loadTimeline.actors.find((a) => a.id === row.actorId) ?? labeller(review)(row.actorId),
    cells: ({ row, review }) => row.cells.map((cell) => ({ cell, review })),
    peakDemanding: ({ row }) => row.peakDemanding,
  },
  LoadCell: {
    projects: ({ cell, review }) => cell.projectIds.map(labeller(review)),
    demanding: ({ cell }) => cell.demanding,
    level: ({ cell }) => cell.level as never,
  },
  Analysis: {
    asOf: (a) => a.at,
    mactor: (a) => a,
    coalitions: (a) => a,
    ecosystems: (a) => a.ecosystems.map((match) => ({ match, analysis: a })),
    brokers: (a) => a.brokers.map((broker) => ({ broker, analysis: a })),
    unworkedDivergences: (a) => a.unworkedDivergences.map((divergence) => ({ divergence, analysis: a })),
    tensions: (a) => a.tensions.map((tension) => ({ tension, analysis: a })),
    externalities: (a) => a.externalities.map((externality) => ({ externality, analysis: a })),
    engagementLoad: (a) => a.engagementLoad.map((row) => ({ row, analysis: a })),
  },
  Mactor: {
    actors: (a) => a.actors,
    objectives: (a) => a.objectives,
    mid: (a) => matrix(a.actors, a.actors, a.mactor.mid),
    midi: (a) => matrix(a.actors, a.actors, a.mactor.midi),
    influence: (a) => a.mactor.influence,
    dependence: (a) => a.mactor.dependence,
    balanceOfPower: (a) => a.mactor.balanceOfPower,
    normalisedBalanceOfPower: (a) => a.mactor.normalisedBalanceOfPower,
    powerAssessed: (a) => a.mactor.powerAssessed,
    powerStatus: (a) => a.mactor.powerStatus,
    netBalance: (a) => matrix(a.actors, a.actors, a.mactor.netBalance),
    orders: (a) => MAO_ORDERS.map((order) => ({ order, analysis: a })),
    actorMobilisation: (a) => a.mactor.actorMobilisation,
    notes: (a) => a.mactor.notes.map((note) => ({ code: note.code, actors: [...note.actors], message: note.message })),
  },
  MactorOrder: {
    order: ({ order }) => order,
    mao: ({ order, analysis }) => matrix(analysis.actors, analysis.objectives, analysis.mactor.orders[order].mao),
    caa: ({ order, analysis }) => matrix(analysis.actors, analysis.actors, analysis.mactor.orders[order].caa),
    daa: ({ order, analysis }) => matrix(analysis.actors, analysis.actors, analysis.mactor.orders[order].daa),
    agreement: ({ order, analysis }) => analysis.mactor.orders[order].agreement,
    disagreement: ({ order, analysis }) => analysis.mactor.orders[order].disagreement,
    mobilisation: ({ order, analysis }) => analysis.mactor.orders[order].mobilisation,
    degreeOfConvergence: ({ order, analysis }) => analysis.mactor.orders[order].degreeOfConvergence,
    ambivalence: ({ order, analysis }) => analysis.mactor.orders[order].ambivalence,
  },
  Coalitions: {
    communities: (a) => a.coalitions.communities.map((community) => ({ community, analysis: a })),
    modularity: (a) => a.coalitions.modularity,
  },
  Coalition: {
    id: ({ community }) => community.id,
    members: ({ community, analysis }) => community.members.map(labeller(analysis)),
  },
  EcosystemMatch: {
    ecosystem: ({ match }) => ({ id: match.ecosystemId, label: match.name }),
    project: ({ match, analysis }) => labeller(analysis)(match.projectId),
    coalition: ({ match }) => match.community?.id ?? null,
    jaccard: ({ match }) => match.community?.jaccard ?? null,
    add: ({ match, analysis }) => match.add.map(labeller(analysis)),
    remove: ({ match, analysis }) => match.remove.map(labeller(analysis)),
  },
  BrokerScore: {
    actor: ({ broker, analysis }) => labeller(analysis)(broker.actor),
    betweenness: ({ broker }) => broker.betweenness,
  },
  Divergence: {
    a: ({ divergence, analysis }) => labeller(analysis)(divergence.a),
    b: ({ divergence, analysis }) => labeller(analysis)(divergence.b),
    divergence: ({ divergence }) => divergence.divergence,
    convergence: ({ divergence }) => divergence.convergence,
  },
  Tension: {
    conflict: ({ tension }) => tension.conflict,
    project: ({ tension, analysis }) => labeller(analysis)(tension.projectId),
    intensity: ({ tension }) => tension.intensity,
    status: ({ tension }) => tension.status as never,
    identifiedAt: ({ tension }) => tension.identifiedAt,
    statusSince: ({ tension }) => tension.statusSince,
    daysSinceIdentified: ({ tension }) => tension.daysSinceIdentified,
    daysInStatus: ({ tension }) => tension.daysInStatus,
    objectives: ({ tension }) => tension.objectives,
    actors: ({ tension }) => tension.actors,
  },
  ExternalityReview: {
    externality: ({ externality }) => externality.externality,
    project: ({ externality, analysis }) => labeller(analysis)(externality.projectId),
    sign: ({ externality }) => externality.sign as never,
    affected: ({ externality }) => externality.affected,
    notInvolved: ({ externality }) => externality.notInvolved,
  },
  EngagementLoadRow: {
    actor: ({ row, analysis }) => labeller(analysis)(row.actorId),
    projects: ({ row, analysis }) => row.projectIds.map(labeller(analysis)),
    count: ({ row }) => row.count,
  },
};
