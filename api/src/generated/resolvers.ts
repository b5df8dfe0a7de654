import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { EntityView as EntityViewModel, DiffView as DiffViewModel, EntityChangeView as EntityChangeViewModel, EngagementChangeView as EngagementChangeViewModel, MoveView as MoveViewModel } from '../graphql/presenters.ts';
import type { ProjectMap as ProjectMapModel, ChangeRecord as ChangeRecordModel, TimelinePage as TimelinePageModel, Analysis as AnalysisModel, TerritoryReview as TerritoryReviewModel, ActorImportReport as ActorImportReportModel, ImportRowResult as ImportRowResultModel, ImportRowError as ImportRowErrorModel } from '@trame/graph';
import type { OrderView as OrderViewModel, TensionView as TensionViewModel, ExternalityView as ExternalityViewModel, LoadView as LoadViewModel, EcosystemView as EcosystemViewModel, BrokerView as BrokerViewModel, DivergenceView as DivergenceViewModel, CoalitionView as CoalitionViewModel } from '../graphql/resolvers/analysis.ts';
import type { GraphQLContext } from '../graphql/context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An instant, ISO 8601 with offset (2021-03-01T09:30:00Z); a bare date YYYY-MM-DD means midnight UTC. */
  DateTime: { input: Date; output: Date; }
  /** Free-form JSON (map element data, before/after values of a change). */
  JSON: { input: unknown; output: unknown; }
};

/** An actor (acteur) of a territory; takes part in projects through engagements. */
export type Actor = Entity & {
  __typename?: 'Actor';
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: ActorKind;
  name: Scalars['String']['output'];
  recordedAt: Scalars['DateTime']['output'];
  territory: Territory;
  territoryId: Scalars['ID']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

/**
 * One row of the spreadsheet, as plain text: the server checks it with the same rules as
 * createActor and createEngagement, and reports every bad cell by line and field.
 */
export type ActorImportRow = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** An ActorKind code, in any case, with or without accents (élu, ASSOCIATION…). */
  kind?: InputMaybe<Scalars['String']['input']>;
  /** An EngagementLevel code, in any case, with or without accents (coopérant, MOTEUR…). */
  level?: InputMaybe<Scalars['String']['input']>;
  /** The row's line in the source file, used in messages (default: its position in the list, from 1). */
  line?: InputMaybe<Scalars['Int']['input']>;
  /** The actor's name; an open actor of the territory with the same name (ignoring case, accents, spaces) is reused. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The name (or id) of one of the project's perimeters: where the actor came in. */
  perimeter?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
};

export type ActorKind =
  | 'ASSOCIATION'
  | 'ELU'
  | 'ENTREPRISE'
  | 'FINANCEUR'
  | 'HABITANT'
  | 'INSTITUTION'
  | 'SERVICE'
  | 'TIERS';

export type ActorPatch = {
  description?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<ActorKind>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type Analysis = {
  __typename?: 'Analysis';
  asOf: Scalars['DateTime']['output'];
  brokers: Array<BrokerScore>;
  coalitions: Coalitions;
  ecosystems: Array<EcosystemMatch>;
  engagementLoad: Array<EngagementLoadRow>;
  externalities: Array<ExternalityReview>;
  mactor: Mactor;
  projects: Array<AnalysisLabel>;
  tensions: Array<Tension>;
  /** Strongest 2DAA pairs with no conflict recorded: divergences not yet put to work. */
  unworkedDivergences: Array<Divergence>;
};

/** An actor, objective, project or community, by id and label. */
export type AnalysisLabel = {
  __typename?: 'AnalysisLabel';
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
};

export type BrokerScore = {
  __typename?: 'BrokerScore';
  actor: AnalysisLabel;
  /** Normalised betweenness centrality. */
  betweenness: Scalars['Float']['output'];
};

/** One recorded change: dated (validFrom), recorded (recordedAt) and attributed (author). */
export type Change = {
  __typename?: 'Change';
  after: Scalars['JSON']['output'];
  author: Scalars['String']['output'];
  before: Scalars['JSON']['output'];
  /** The change that caused this one (an end that cascades), if any. */
  causeId?: Maybe<Scalars['ID']['output']>;
  entityId: Scalars['ID']['output'];
  entityType: EntityType;
  fields: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  op: ChangeOp;
  recordedAt: Scalars['DateTime']['output'];
  /** The change this one reverts, if any. */
  revertOf?: Maybe<Scalars['ID']['output']>;
  /** The entity's name or title when the change was made. */
  title?: Maybe<Scalars['String']['output']>;
  validFrom: Scalars['DateTime']['output'];
  /** The entity's version after the change. */
  version: Scalars['Int']['output'];
};

export type ChangeOp =
  | 'CREATE'
  | 'END'
  | 'REOPEN'
  | 'UPDATE';

export type Coalition = {
  __typename?: 'Coalition';
  id: Scalars['Int']['output'];
  members: Array<AnalysisLabel>;
};

export type Coalitions = {
  __typename?: 'Coalitions';
  /** Louvain communities on the graph of 2CAA convergences and declared cooperations. */
  communities: Array<Coalition>;
  modularity: Scalars['Float']['output'];
};

/** Two objectives that clash, with an intensity and a lifecycle (conflit, tension). */
export type Conflict = Entity & {
  __typename?: 'Conflict';
  arbitration?: Maybe<Scalars['String']['output']>;
  confidential?: Maybe<Scalars['Boolean']['output']>;
  id: Scalars['ID']['output'];
  intensity: Scalars['Int']['output'];
  note?: Maybe<Scalars['String']['output']>;
  objectiveA: Objective;
  objectiveAId: Scalars['ID']['output'];
  objectiveB: Objective;
  objectiveBId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  status: ConflictStatus;
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type ConflictPatch = {
  arbitration?: InputMaybe<Scalars['String']['input']>;
  confidential?: InputMaybe<Scalars['Boolean']['input']>;
  intensity?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  objectiveAId?: InputMaybe<Scalars['ID']['input']>;
  objectiveBId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ConflictStatus>;
};

export type ConflictStatus =
  | 'ARBITRE'
  | 'DEPASSE'
  | 'IDENTIFIE'
  | 'MIS_AU_TRAVAIL'
  | 'PERSISTANT';

export type ConflictStatusChange = {
  __typename?: 'ConflictStatusChange';
  after?: Maybe<ConflictStatus>;
  before?: Maybe<ConflictStatus>;
  conflict: Conflict;
};

/** Two objectives that can be served together: a zone of possible cooperation. */
export type Convergence = Entity & {
  __typename?: 'Convergence';
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  objectiveA: Objective;
  objectiveAId: Scalars['ID']['output'];
  objectiveB: Objective;
  objectiveBId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type ConvergencePatch = {
  note?: InputMaybe<Scalars['String']['input']>;
  objectiveAId?: InputMaybe<Scalars['ID']['input']>;
  objectiveBId?: InputMaybe<Scalars['ID']['input']>;
};

/** A reciprocal commitment between two actors (coopération). */
export type Cooperation = Entity & {
  __typename?: 'Cooperation';
  actorA: Actor;
  actorAId: Scalars['ID']['output'];
  actorB: Actor;
  actorBId: Scalars['ID']['output'];
  commitments: Scalars['String']['output'];
  counterparts?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  project: Project;
  projectId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type CooperationPatch = {
  actorAId?: InputMaybe<Scalars['ID']['input']>;
  actorBId?: InputMaybe<Scalars['ID']['input']>;
  commitments?: InputMaybe<Scalars['String']['input']>;
  counterparts?: InputMaybe<Scalars['String']['input']>;
};

export type CreateActorInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  kind: ActorKind;
  name: Scalars['String']['input'];
  territoryId: Scalars['ID']['input'];
};

export type CreateConflictInput = {
  arbitration?: InputMaybe<Scalars['String']['input']>;
  confidential?: InputMaybe<Scalars['Boolean']['input']>;
  intensity: Scalars['Int']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  objectiveAId: Scalars['ID']['input'];
  objectiveBId: Scalars['ID']['input'];
  status: ConflictStatus;
};

export type CreateConvergenceInput = {
  note?: InputMaybe<Scalars['String']['input']>;
  objectiveAId: Scalars['ID']['input'];
  objectiveBId: Scalars['ID']['input'];
};

export type CreateCooperationInput = {
  actorAId: Scalars['ID']['input'];
  actorBId: Scalars['ID']['input'];
  commitments: Scalars['String']['input'];
  counterparts?: InputMaybe<Scalars['String']['input']>;
  projectId: Scalars['ID']['input'];
};

export type CreateEcosystemInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  memberIds: Array<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  perimeterId?: InputMaybe<Scalars['ID']['input']>;
  projectId: Scalars['ID']['input'];
};

export type CreateEngagementInput = {
  actorId: Scalars['ID']['input'];
  level: EngagementLevel;
  perimeterId?: InputMaybe<Scalars['ID']['input']>;
  projectId: Scalars['ID']['input'];
  role?: InputMaybe<Scalars['String']['input']>;
};

export type CreateExternalityInput = {
  affectedActorIds: Array<Scalars['ID']['input']>;
  description: Scalars['String']['input'];
  internalisation?: InputMaybe<Scalars['String']['input']>;
  objectiveId?: InputMaybe<Scalars['ID']['input']>;
  projectId: Scalars['ID']['input'];
  sign: ExternalitySign;
  status: ExternalityStatus;
};

export type CreateInfluenceInput = {
  fromActorId: Scalars['ID']['input'];
  projectId: Scalars['ID']['input'];
  toActorId: Scalars['ID']['input'];
  value: Scalars['Int']['input'];
};

export type CreateMilestoneInput = {
  date: Scalars['Date']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
};

export type CreateObjectiveInput = {
  actorId?: InputMaybe<Scalars['ID']['input']>;
  confidential?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  dimensions: Array<ValueDimension>;
  nature: ObjectiveNature;
  perimeterId?: InputMaybe<Scalars['ID']['input']>;
  projectId: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};

export type CreatePerimeterInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
};

export type CreatePositionInput = {
  actorId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  objectiveId: Scalars['ID']['input'];
  value: Scalars['Int']['input'];
};

export type CreateProjectInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  territoryId: Scalars['ID']['input'];
};

export type CreateSystemicLeapInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  fromPerimeterId: Scalars['ID']['input'];
  projectId: Scalars['ID']['input'];
  toPerimeterId: Scalars['ID']['input'];
  trigger: Scalars['String']['input'];
};

export type CreateTerritoryInput = {
  code: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  kind: TerritoryKind;
  name: Scalars['String']['input'];
};

export type DiffSummary = {
  __typename?: 'DiffSummary';
  actorsJoined: Scalars['Int']['output'];
  actorsLeft: Scalars['Int']['output'];
  added: Scalars['Int']['output'];
  changed: Scalars['Int']['output'];
  conflictsArbitrated: Scalars['Int']['output'];
  conflictsDepasses: Scalars['Int']['output'];
  conflictsNew: Scalars['Int']['output'];
  cooperationsNew: Scalars['Int']['output'];
  ended: Scalars['Int']['output'];
  engagementGained: Scalars['Int']['output'];
  engagementLost: Scalars['Int']['output'];
  externalitiesInternalised: Scalars['Int']['output'];
  leaps: Scalars['Int']['output'];
  positionsMoved: Scalars['Int']['output'];
};

export type Divergence = {
  __typename?: 'Divergence';
  a: AnalysisLabel;
  b: AnalysisLabel;
  convergence: Scalars['Float']['output'];
  divergence: Scalars['Float']['output'];
};

/** A territorial cooperative ecosystem declared by the pilot (écosystème coopératif territorialisé). */
export type Ecosystem = Entity & {
  __typename?: 'Ecosystem';
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  memberIds: Array<Scalars['ID']['output']>;
  members: Array<Actor>;
  name: Scalars['String']['output'];
  perimeter?: Maybe<Perimeter>;
  perimeterId?: Maybe<Scalars['ID']['output']>;
  project: Project;
  projectId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type EcosystemMatch = {
  __typename?: 'EcosystemMatch';
  /** Actors the coalition would add to the ecosystem, and those it would remove. */
  add: Array<AnalysisLabel>;
  /** The detected coalition that matches the declared ecosystem best (Jaccard), if any. */
  coalition?: Maybe<Scalars['Int']['output']>;
  ecosystem: AnalysisLabel;
  jaccard?: Maybe<Scalars['Float']['output']>;
  /** The project that declared the ecosystem. */
  project: AnalysisLabel;
  remove: Array<AnalysisLabel>;
};

export type EcosystemPatch = {
  description?: InputMaybe<Scalars['String']['input']>;
  memberIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  perimeterId?: InputMaybe<Scalars['ID']['input']>;
};

/** An actor's level of involvement in a project, which changes over time. */
export type Engagement = Entity & {
  __typename?: 'Engagement';
  actor: Actor;
  actorId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  level: EngagementLevel;
  perimeter?: Maybe<Perimeter>;
  perimeterId?: Maybe<Scalars['ID']['output']>;
  project: Project;
  projectId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  role?: Maybe<Scalars['String']['output']>;
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type EngagementChange = {
  __typename?: 'EngagementChange';
  actor: Actor;
  /** Null when the actor left the project. */
  after?: Maybe<EngagementLevel>;
  /** Null when the actor was not engaged at the earlier date. */
  before?: Maybe<EngagementLevel>;
  /** Steps gained (positive) or lost (negative) on the engagement scale. */
  delta: Scalars['Int']['output'];
};

/** From the weakest to the strongest: concerné non impliqué → informé → participant → coopérant → moteur. */
export type EngagementLevel =
  | 'CONCERNE'
  | 'COOPERANT'
  | 'INFORME'
  | 'MOTEUR'
  | 'PARTICIPANT';

export type EngagementLoadRow = {
  __typename?: 'EngagementLoadRow';
  actor: AnalysisLabel;
  count: Scalars['Int']['output'];
  /** Projects where the actor is coopérant or moteur. */
  projects: Array<AnalysisLabel>;
};

export type EngagementPatch = {
  level?: InputMaybe<EngagementLevel>;
  perimeterId?: InputMaybe<Scalars['ID']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Every entity carries its validity in time. `validFrom`/`validTo`: when the entity began and ended on
 * the territory (valid time; validTo null while it lasts). `versionFrom`: when the values shown began.
 * `recordedAt`: when those values were recorded (transaction time). `version`: pass it back to update or end.
 */
export type Entity = {
  id: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type EntityChange = {
  __typename?: 'EntityChange';
  /** The entity at the later date. */
  entity: Entity;
  fields: Array<FieldChange>;
};

export type EntityType =
  | 'Actor'
  | 'Conflict'
  | 'Convergence'
  | 'Cooperation'
  | 'Ecosystem'
  | 'Engagement'
  | 'Externality'
  | 'Influence'
  | 'Milestone'
  | 'Objective'
  | 'Perimeter'
  | 'Position'
  | 'Project'
  | 'SystemicLeap'
  | 'Territory';

/** An effect of the project on actors, often concerned but not involved (externalité). */
export type Externality = Entity & {
  __typename?: 'Externality';
  affectedActorIds: Array<Scalars['ID']['output']>;
  affectedActors: Array<Actor>;
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  internalisation?: Maybe<Scalars['String']['output']>;
  objective?: Maybe<Objective>;
  objectiveId?: Maybe<Scalars['ID']['output']>;
  project: Project;
  projectId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  sign: ExternalitySign;
  status: ExternalityStatus;
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type ExternalityPatch = {
  affectedActorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  internalisation?: InputMaybe<Scalars['String']['input']>;
  objectiveId?: InputMaybe<Scalars['ID']['input']>;
  sign?: InputMaybe<ExternalitySign>;
  status?: InputMaybe<ExternalityStatus>;
};

export type ExternalityReview = {
  __typename?: 'ExternalityReview';
  affected: Array<AnalysisLabel>;
  externality: AnalysisLabel;
  /** Affected actors who are only concerné non impliqué in the project. */
  notInvolved: Array<AnalysisLabel>;
  project: AnalysisLabel;
  sign: ExternalitySign;
};

export type ExternalitySign =
  | 'NEGATIVE'
  | 'POSITIVE';

export type ExternalityStatus =
  | 'IDENTIFIEE'
  | 'INTERNALISEE';

export type FieldChange = {
  __typename?: 'FieldChange';
  after?: Maybe<Scalars['JSON']['output']>;
  before?: Maybe<Scalars['JSON']['output']>;
  field: Scalars['String']['output'];
};

export type ImportReport = {
  __typename?: 'ImportReport';
  actorsCreated: Scalars['Int']['output'];
  actorsReused: Scalars['Int']['output'];
  dryRun: Scalars['Boolean']['output'];
  engagementsCreated: Scalars['Int']['output'];
  /** Every bad cell; empty when the import can be (or was) written. */
  errors: Array<ImportRowError>;
  projectId: Scalars['ID']['output'];
  rowCount: Scalars['Int']['output'];
  rows: Array<ImportRowResult>;
  skipped: Scalars['Int']['output'];
  /** The date the engagements (and new actors) begin. */
  validFrom: Scalars['DateTime']['output'];
};

export type ImportRowAction =
  /** An actor of the territory with that name, newly engaged in the project. */
  | 'EXISTING_ACTOR'
  /** The row has errors (see `errors`). */
  | 'INVALID'
  /** A new actor of the territory, engaged in the project. */
  | 'NEW_ACTOR'
  /** Nothing to do: a blank row, a row repeated in the file, an actor already engaged. */
  | 'SKIPPED';

export type ImportRowError = {
  __typename?: 'ImportRowError';
  /** A code of the error catalogue (REQUIRED_FIELD, INVALID_ENUM, TEXT_TOO_LONG, DANGLING_REFERENCE, DUPLICATE_ENTITY, AMBIGUOUS_NAME…). */
  code: Scalars['String']['output'];
  /** name, kind, description, level, role or perimeter; null for the whole row. */
  field?: Maybe<Scalars['String']['output']>;
  line: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

export type ImportRowResult = {
  __typename?: 'ImportRowResult';
  action: ImportRowAction;
  /** The actor created or reused; null for a new actor in a dry run. */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** The engagement created; null in a dry run. */
  engagementId?: Maybe<Scalars['ID']['output']>;
  line: Scalars['Int']['output'];
  name?: Maybe<Scalars['String']['output']>;
  /** Why the row was skipped. */
  reason?: Maybe<Scalars['String']['output']>;
  /** What was kept from Trame rather than from the file (a reused actor's kind or description). */
  warnings: Array<Scalars['String']['output']>;
};

/** How strongly one actor can act on another, 0…4 (MACTOR direct influence). */
export type Influence = Entity & {
  __typename?: 'Influence';
  fromActor: Actor;
  fromActorId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  project: Project;
  projectId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  toActor: Actor;
  toActorId: Scalars['ID']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  value: Scalars['Int']['output'];
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type InfluencePatch = {
  fromActorId?: InputMaybe<Scalars['ID']['input']>;
  toActorId?: InputMaybe<Scalars['ID']['input']>;
  value?: InputMaybe<Scalars['Int']['input']>;
};

/** A matrix with its row and column labels; values[i][j] is row i, column j. */
export type LabelledMatrix = {
  __typename?: 'LabelledMatrix';
  columns: Array<AnalysisLabel>;
  rows: Array<AnalysisLabel>;
  values: Array<Array<Scalars['Float']['output']>>;
};

export type Mactor = {
  __typename?: 'Mactor';
  /** Per actor: Σ_j |3MAO_ij|. */
  actorMobilisation: Array<Scalars['Float']['output']>;
  actors: Array<AnalysisLabel>;
  /** r_i, and r*_i normalised to a mean of 1. */
  balanceOfPower: Array<Scalars['Float']['output']>;
  dependence: Array<Scalars['Float']['output']>;
  influence: Array<Scalars['Float']['output']>;
  /** MID: direct influence 0…4. */
  mid: LabelledMatrix;
  /** MIDI: direct and indirect influence (order 2). */
  midi: LabelledMatrix;
  /** BNI_ab = MIDI_ab − MIDI_ba. */
  netBalance: LabelledMatrix;
  normalisedBalanceOfPower: Array<Scalars['Float']['output']>;
  notes: Array<MactorNote>;
  objectives: Array<AnalysisLabel>;
  orders: Array<MactorOrder>;
  /** COMPUTED, or why every r* is 1: NO_ACTORS, SINGLE_ACTOR, NO_INFLUENCE, NO_NET_INFLUENCE. */
  powerStatus: Scalars['String']['output'];
};

export type MactorNote = {
  __typename?: 'MactorNote';
  actors: Array<Scalars['ID']['output']>;
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** One order k of the MACTOR positions (1: signs, 2: stated positions, 3: weighted by power). */
export type MactorOrder = {
  __typename?: 'MactorOrder';
  /** Per objective: Σ of positive, Σ of negative entries, and mobilisation. */
  agreement: Array<Scalars['Float']['output']>;
  /** Per actor, 0 (never both ally and opponent of a partner) … 1 (ambivalent); null without partners. */
  ambivalence: Array<Maybe<Scalars['Float']['output']>>;
  /** kCAA: convergence between actors. */
  caa: LabelledMatrix;
  /** kDAA: divergence between actors. */
  daa: LabelledMatrix;
  /** 100 · ΣCAA / (ΣCAA + ΣDAA); null when nothing is at stake. */
  degreeOfConvergence?: Maybe<Scalars['Float']['output']>;
  disagreement: Array<Scalars['Float']['output']>;
  /** kMAO: actors × objectives. */
  mao: LabelledMatrix;
  mobilisation: Array<Scalars['Float']['output']>;
  order: Scalars['Int']['output'];
};

export type MapEcosystem = {
  __typename?: 'MapEcosystem';
  id: Scalars['ID']['output'];
  memberIds: Array<Scalars['ID']['output']>;
  name: Scalars['String']['output'];
  perimeterId?: Maybe<Scalars['ID']['output']>;
};

export type MapEdge = {
  __typename?: 'MapEdge';
  data: Scalars['JSON']['output'];
  entityVersion: Scalars['Int']['output'];
  /** The id of the entity behind the edge (a position, a conflict…), or a derived id. */
  id: Scalars['ID']['output'];
  kind: MapEdgeKind;
  label?: Maybe<Scalars['String']['output']>;
  source: Scalars['ID']['output'];
  target: Scalars['ID']['output'];
};

export type MapEdgeKind =
  | 'CONFLICT'
  | 'CONVERGENCE'
  | 'COOPERATION'
  | 'EXTERNALITY_EFFECT'
  | 'EXTERNALITY_SOURCE'
  | 'INFLUENCE'
  | 'LEAP'
  | 'OWNS'
  | 'POSITION';

/** A node for Cytoscape: `{ data: { id, parent, label, kind, ...data } }`. */
export type MapNode = {
  __typename?: 'MapNode';
  data: Scalars['JSON']['output'];
  /** Version of the entity behind the node, for edits from the map. */
  entityVersion: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: MapNodeKind;
  label: Scalars['String']['output'];
  /** Compound parent (the perimeter that brought the element in), if any. */
  parent?: Maybe<Scalars['ID']['output']>;
};

export type MapNodeKind =
  | 'ACTOR'
  | 'EXTERNALITY'
  | 'OBJECTIVE'
  | 'PERIMETER';

/** A named date to compare the map with (jalon). */
export type Milestone = Entity & {
  __typename?: 'Milestone';
  date: Scalars['Date']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  project: Project;
  projectId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type MilestonePatch = {
  date?: InputMaybe<Scalars['Date']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  createActor: Actor;
  createConflict: Conflict;
  createConvergence: Convergence;
  createCooperation: Cooperation;
  createEcosystem: Ecosystem;
  createEngagement: Engagement;
  createExternality: Externality;
  createInfluence: Influence;
  createMilestone: Milestone;
  createObjective: Objective;
  createPerimeter: Perimeter;
  createPosition: Position;
  createProject: Project;
  createSystemicLeap: SystemicLeap;
  createTerritory: Territory;
  endActor: Actor;
  endConflict: Conflict;
  endConvergence: Convergence;
  endCooperation: Cooperation;
  endEcosystem: Ecosystem;
  endEngagement: Engagement;
  endExternality: Externality;
  endInfluence: Influence;
  endMilestone: Milestone;
  endObjective: Objective;
  endPerimeter: Perimeter;
  endPosition: Position;
  endProject: Project;
  endSystemicLeap: SystemicLeap;
  endTerritory: Territory;
  /**
   * Imports a list of actors into a project, each with its engagement, in one transaction: all rows
   * or none (IMPORT_INVALID_ROWS, every bad row in `extensions.rows`). `dryRun` checks and reports
   * what would happen, errors included in `errors`, and writes nothing. At most 2,000 rows
   * (IMPORT_TOO_MANY_ROWS).
   */
  importActors: ImportReport;
  /** Reverts one recorded change with a new change; refused with REVERT_NOT_APPLICABLE once the entity moved on. */
  revertChange: Entity;
  /** Saves where the nodes of a project's map stand, so the map does not jump between sessions. */
  saveProjectLayout: Scalars['Boolean']['output'];
  updateActor: Actor;
  updateConflict: Conflict;
  updateConvergence: Convergence;
  updateCooperation: Cooperation;
  updateEcosystem: Ecosystem;
  updateEngagement: Engagement;
  updateExternality: Externality;
  updateInfluence: Influence;
  updateMilestone: Milestone;
  updateObjective: Objective;
  updatePerimeter: Perimeter;
  updatePosition: Position;
  updateProject: Project;
  updateSystemicLeap: SystemicLeap;
  updateTerritory: Territory;
};


export type MutationCreateActorArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateActorInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateConflictArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateConflictInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateConvergenceArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateConvergenceInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateCooperationArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateCooperationInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateEcosystemArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateEcosystemInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateEngagementArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateEngagementInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateExternalityArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateExternalityInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateInfluenceArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateInfluenceInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateMilestoneArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateMilestoneInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateObjectiveArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateObjectiveInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreatePerimeterArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreatePerimeterInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreatePositionArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreatePositionInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateProjectArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateProjectInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateSystemicLeapArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateSystemicLeapInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationCreateTerritoryArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: CreateTerritoryInput;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationEndActorArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndConflictArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndConvergenceArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndCooperationArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndEcosystemArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndEngagementArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndExternalityArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndInfluenceArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndMilestoneArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndObjectiveArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndPerimeterArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndPositionArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndProjectArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndSystemicLeapArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationEndTerritoryArgs = {
  id: Scalars['ID']['input'];
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationImportActorsArgs = {
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  projectId: Scalars['ID']['input'];
  rows: Array<ActorImportRow>;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
};


export type MutationRevertChangeArgs = {
  changeId: Scalars['ID']['input'];
};


export type MutationSaveProjectLayoutArgs = {
  positions: Scalars['JSON']['input'];
  projectId: Scalars['ID']['input'];
};


export type MutationUpdateActorArgs = {
  id: Scalars['ID']['input'];
  patch: ActorPatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateConflictArgs = {
  id: Scalars['ID']['input'];
  patch: ConflictPatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateConvergenceArgs = {
  id: Scalars['ID']['input'];
  patch: ConvergencePatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateCooperationArgs = {
  id: Scalars['ID']['input'];
  patch: CooperationPatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateEcosystemArgs = {
  id: Scalars['ID']['input'];
  patch: EcosystemPatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateEngagementArgs = {
  id: Scalars['ID']['input'];
  patch: EngagementPatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateExternalityArgs = {
  id: Scalars['ID']['input'];
  patch: ExternalityPatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateInfluenceArgs = {
  id: Scalars['ID']['input'];
  patch: InfluencePatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateMilestoneArgs = {
  id: Scalars['ID']['input'];
  patch: MilestonePatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateObjectiveArgs = {
  id: Scalars['ID']['input'];
  patch: ObjectivePatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdatePerimeterArgs = {
  id: Scalars['ID']['input'];
  patch: PerimeterPatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdatePositionArgs = {
  id: Scalars['ID']['input'];
  patch: PositionPatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateProjectArgs = {
  id: Scalars['ID']['input'];
  patch: ProjectPatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateSystemicLeapArgs = {
  id: Scalars['ID']['input'];
  patch: SystemicLeapPatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};


export type MutationUpdateTerritoryArgs = {
  id: Scalars['ID']['input'];
  patch: TerritoryPatch;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  version: Scalars['Int']['input'];
};

/** What an actor, or the project itself, pursues (objectif). */
export type Objective = Entity & {
  __typename?: 'Objective';
  actor?: Maybe<Actor>;
  actorId?: Maybe<Scalars['ID']['output']>;
  confidential?: Maybe<Scalars['Boolean']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  dimensions: Array<ValueDimension>;
  id: Scalars['ID']['output'];
  nature: ObjectiveNature;
  perimeter?: Maybe<Perimeter>;
  perimeterId?: Maybe<Scalars['ID']['output']>;
  project: Project;
  projectId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  title: Scalars['String']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type ObjectiveNature =
  | 'IMMATERIEL'
  | 'MATERIEL';

export type ObjectivePatch = {
  actorId?: InputMaybe<Scalars['ID']['input']>;
  confidential?: InputMaybe<Scalars['Boolean']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  dimensions?: InputMaybe<Array<ValueDimension>>;
  nature?: InputMaybe<ObjectiveNature>;
  perimeterId?: InputMaybe<Scalars['ID']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A sphere of issues a project works on (périmètre d'enjeux). */
export type Perimeter = Entity & {
  __typename?: 'Perimeter';
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  project: Project;
  projectId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type PerimeterPatch = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** An actor's stance on an objective, -4…+4 on the MACTOR scale. */
export type Position = Entity & {
  __typename?: 'Position';
  actor: Actor;
  actorId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  objective: Objective;
  objectiveId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  value: Scalars['Int']['output'];
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type PositionMove = {
  __typename?: 'PositionMove';
  after?: Maybe<Scalars['Int']['output']>;
  before?: Maybe<Scalars['Int']['output']>;
  position: Position;
};

export type PositionPatch = {
  actorId?: InputMaybe<Scalars['ID']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  objectiveId?: InputMaybe<Scalars['ID']['input']>;
  value?: InputMaybe<Scalars['Int']['input']>;
};

/** A transition project (projet, démarche de transition) of one territory. */
export type Project = Entity & {
  __typename?: 'Project';
  /** Actors engaged in the project at asOf. */
  actors: Array<Actor>;
  /** The date the content below is read at. */
  asOf: Scalars['DateTime']['output'];
  conflicts: Array<Conflict>;
  convergences: Array<Convergence>;
  cooperations: Array<Cooperation>;
  description?: Maybe<Scalars['String']['output']>;
  ecosystems: Array<Ecosystem>;
  engagements: Array<Engagement>;
  externalities: Array<Externality>;
  id: Scalars['ID']['output'];
  influences: Array<Influence>;
  leaps: Array<SystemicLeap>;
  milestones: Array<Milestone>;
  name: Scalars['String']['output'];
  objectives: Array<Objective>;
  perimeters: Array<Perimeter>;
  positions: Array<Position>;
  recordedAt: Scalars['DateTime']['output'];
  territory: Territory;
  territoryId: Scalars['ID']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type ProjectDiff = {
  __typename?: 'ProjectDiff';
  actorsJoined: Array<Actor>;
  actorsLeft: Array<Actor>;
  /** Entities valid at `to` and not at `from`. */
  added: Array<Entity>;
  changed: Array<EntityChange>;
  conflictStatusChanges: Array<ConflictStatusChange>;
  conflictsArbitrated: Array<Conflict>;
  conflictsDepasses: Array<Conflict>;
  conflictsNew: Array<Conflict>;
  cooperationsNew: Array<Cooperation>;
  /** Entities valid at `from` and not at `to` (as they were at `from`). */
  ended: Array<Entity>;
  engagementChanges: Array<EngagementChange>;
  externalitiesInternalised: Array<Externality>;
  from: Scalars['DateTime']['output'];
  leaps: Array<SystemicLeap>;
  positionsMoved: Array<PositionMove>;
  summary: DiffSummary;
  to: Scalars['DateTime']['output'];
};

export type ProjectMap = {
  __typename?: 'ProjectMap';
  asOf: Scalars['DateTime']['output'];
  ecosystems: Array<MapEcosystem>;
  edges: Array<MapEdge>;
  nodes: Array<MapNode>;
  /** Perimeter ids in the order of the systemic leaps. */
  perimeterOrder: Array<Scalars['ID']['output']>;
  projectId: Scalars['ID']['output'];
};

export type ProjectPatch = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type ProjectProgress = {
  __typename?: 'ProjectProgress';
  project: AnalysisLabel;
  summary: DiffSummary;
};

export type Query = {
  __typename?: 'Query';
  /** One recorded change. */
  change: Change;
  /** The acting user, to whom changes are attributed. */
  me: User;
  /** A project with all its content as it stood at `asOf` (default: now). */
  project: Project;
  /** MACTOR and network analysis of one project as of a date (default: now). */
  projectAnalysis: Analysis;
  /**
   * What changed between two dates or two milestones: le chemin parcouru. Give `from` or
   * `fromMilestone`, and `to` or `toMilestone` (a milestone stands for the end of its day; `to`
   * defaults to now).
   */
  projectDiff: ProjectDiff;
  /** Where the pilot arranged the map's nodes: { nodeId: { x, y } } (empty until saved). */
  projectLayout: Scalars['JSON']['output'];
  /** The project as Cytoscape-ready elements. `hideConfidential` leaves out confidential items and notes (workshop mode). */
  projectMap: ProjectMap;
  /** The project's change log, newest first. */
  projectTimeline: TimelinePage;
  /** Territories as of a date (default: now). */
  territories: Array<Territory>;
  territory: Territory;
  /**
   * The DGS review of a territory: all its projects analysed together as of a date, with each
   * project's progress since a date or a milestone's day.
   */
  territoryReview: TerritoryReview;
};


export type QueryChangeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProjectArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryProjectAnalysisArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  projectId: Scalars['ID']['input'];
};


export type QueryProjectDiffArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  fromMilestone?: InputMaybe<Scalars['ID']['input']>;
  projectId: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['DateTime']['input']>;
  toMilestone?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryProjectLayoutArgs = {
  projectId: Scalars['ID']['input'];
};


export type QueryProjectMapArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  hideConfidential?: InputMaybe<Scalars['Boolean']['input']>;
  projectId: Scalars['ID']['input'];
};


export type QueryProjectTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  author?: InputMaybe<Scalars['String']['input']>;
  entityId?: InputMaybe<Scalars['ID']['input']>;
  entityType?: InputMaybe<EntityType>;
  first?: InputMaybe<Scalars['Int']['input']>;
  projectId: Scalars['ID']['input'];
};


export type QueryTerritoriesArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryTerritoryArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryTerritoryReviewArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  sinceMilestone?: InputMaybe<Scalars['ID']['input']>;
  territoryId: Scalars['ID']['input'];
};

/** The project widens from one perimeter to a broader one (saut systémique); its date is validFrom. */
export type SystemicLeap = Entity & {
  __typename?: 'SystemicLeap';
  description?: Maybe<Scalars['String']['output']>;
  fromPerimeter: Perimeter;
  fromPerimeterId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  project: Project;
  projectId: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  toPerimeter: Perimeter;
  toPerimeterId: Scalars['ID']['output'];
  trigger: Scalars['String']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type SystemicLeapPatch = {
  description?: InputMaybe<Scalars['String']['input']>;
  fromPerimeterId?: InputMaybe<Scalars['ID']['input']>;
  toPerimeterId?: InputMaybe<Scalars['ID']['input']>;
  trigger?: InputMaybe<Scalars['String']['input']>;
};

export type Tension = {
  __typename?: 'Tension';
  actors: Array<AnalysisLabel>;
  conflict: AnalysisLabel;
  daysInStatus: Scalars['Int']['output'];
  daysSinceIdentified: Scalars['Int']['output'];
  identifiedAt: Scalars['DateTime']['output'];
  intensity: Scalars['Int']['output'];
  objectives: Array<AnalysisLabel>;
  project: AnalysisLabel;
  status: ConflictStatus;
  statusSince: Scalars['DateTime']['output'];
};

/** A commune or an intercommunality (territoire). */
export type Territory = Entity & {
  __typename?: 'Territory';
  actors: Array<Actor>;
  /** The date the content below is read at. */
  asOf: Scalars['DateTime']['output'];
  code: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: TerritoryKind;
  name: Scalars['String']['output'];
  projects: Array<Project>;
  recordedAt: Scalars['DateTime']['output'];
  validFrom: Scalars['DateTime']['output'];
  validTo?: Maybe<Scalars['DateTime']['output']>;
  version: Scalars['Int']['output'];
  versionFrom: Scalars['DateTime']['output'];
};

export type TerritoryKind =
  | 'COMMUNE'
  | 'INTERCOMMUNALITE';

export type TerritoryPatch = {
  code?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<TerritoryKind>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type TerritoryReview = {
  __typename?: 'TerritoryReview';
  analysis: Analysis;
  progress: Array<ProjectProgress>;
  since?: Maybe<Scalars['DateTime']['output']>;
  territory: AnalysisLabel;
};

export type TimelinePage = {
  __typename?: 'TimelinePage';
  changes: Array<Change>;
  /** Pass as `after` for the next, older page; null on the last page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasMore: Scalars['Boolean']['output'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type ValueDimension =
  | 'ECOLOGIQUE'
  | 'ECONOMIQUE'
  | 'SOCIAL';



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Actor: ResolverTypeWrapper<EntityViewModel>;
  ActorImportRow: ActorImportRow;
  ActorKind: ActorKind;
  ActorPatch: ActorPatch;
  Analysis: ResolverTypeWrapper<AnalysisModel>;
  AnalysisLabel: ResolverTypeWrapper<AnalysisLabel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BrokerScore: ResolverTypeWrapper<BrokerViewModel>;
  Change: ResolverTypeWrapper<ChangeRecordModel>;
  ChangeOp: ChangeOp;
  Coalition: ResolverTypeWrapper<CoalitionViewModel>;
  Coalitions: ResolverTypeWrapper<AnalysisModel>;
  Conflict: ResolverTypeWrapper<EntityViewModel>;
  ConflictPatch: ConflictPatch;
  ConflictStatus: ConflictStatus;
  ConflictStatusChange: ResolverTypeWrapper<MoveViewModel>;
  Convergence: ResolverTypeWrapper<EntityViewModel>;
  ConvergencePatch: ConvergencePatch;
  Cooperation: ResolverTypeWrapper<EntityViewModel>;
  CooperationPatch: CooperationPatch;
  CreateActorInput: CreateActorInput;
  CreateConflictInput: CreateConflictInput;
  CreateConvergenceInput: CreateConvergenceInput;
  CreateCooperationInput: CreateCooperationInput;
  CreateEcosystemInput: CreateEcosystemInput;
  CreateEngagementInput: CreateEngagementInput;
  CreateExternalityInput: CreateExternalityInput;
  CreateInfluenceInput: CreateInfluenceInput;
  CreateMilestoneInput: CreateMilestoneInput;
  CreateObjectiveInput: CreateObjectiveInput;
  CreatePerimeterInput: CreatePerimeterInput;
  CreatePositionInput: CreatePositionInput;
  CreateProjectInput: CreateProjectInput;
  CreateSystemicLeapInput: CreateSystemicLeapInput;
  CreateTerritoryInput: CreateTerritoryInput;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DiffSummary: ResolverTypeWrapper<DiffSummary>;
  Divergence: ResolverTypeWrapper<DivergenceViewModel>;
  Ecosystem: ResolverTypeWrapper<EntityViewModel>;
  EcosystemMatch: ResolverTypeWrapper<EcosystemViewModel>;
  EcosystemPatch: EcosystemPatch;
  Engagement: ResolverTypeWrapper<EntityViewModel>;
  EngagementChange: ResolverTypeWrapper<EngagementChangeViewModel>;
  EngagementLevel: EngagementLevel;
  EngagementLoadRow: ResolverTypeWrapper<LoadViewModel>;
  EngagementPatch: EngagementPatch;
  Entity: ResolverTypeWrapper<EntityViewModel>;
  EntityChange: ResolverTypeWrapper<EntityChangeViewModel>;
  EntityType: EntityType;
  Externality: ResolverTypeWrapper<EntityViewModel>;
  ExternalityPatch: ExternalityPatch;
  ExternalityReview: ResolverTypeWrapper<ExternalityViewModel>;
  ExternalitySign: ExternalitySign;
  ExternalityStatus: ExternalityStatus;
  FieldChange: ResolverTypeWrapper<FieldChange>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImportReport: ResolverTypeWrapper<ActorImportReportModel>;
  ImportRowAction: ImportRowAction;
  ImportRowError: ResolverTypeWrapper<ImportRowErrorModel>;
  ImportRowResult: ResolverTypeWrapper<ImportRowResultModel>;
  Influence: ResolverTypeWrapper<EntityViewModel>;
  InfluencePatch: InfluencePatch;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LabelledMatrix: ResolverTypeWrapper<LabelledMatrix>;
  Mactor: ResolverTypeWrapper<AnalysisModel>;
  MactorNote: ResolverTypeWrapper<MactorNote>;
  MactorOrder: ResolverTypeWrapper<OrderViewModel>;
  MapEcosystem: ResolverTypeWrapper<MapEcosystem>;
  MapEdge: ResolverTypeWrapper<MapEdge>;
  MapEdgeKind: MapEdgeKind;
  MapNode: ResolverTypeWrapper<MapNode>;
  MapNodeKind: MapNodeKind;
  Milestone: ResolverTypeWrapper<EntityViewModel>;
  MilestonePatch: MilestonePatch;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Objective: ResolverTypeWrapper<EntityViewModel>;
  ObjectiveNature: ObjectiveNature;
  ObjectivePatch: ObjectivePatch;
  Perimeter: ResolverTypeWrapper<EntityViewModel>;
  PerimeterPatch: PerimeterPatch;
  Position: ResolverTypeWrapper<EntityViewModel>;
  PositionMove: ResolverTypeWrapper<MoveViewModel>;
  PositionPatch: PositionPatch;
  Project: ResolverTypeWrapper<EntityViewModel>;
  ProjectDiff: ResolverTypeWrapper<DiffViewModel>;
  ProjectMap: ResolverTypeWrapper<ProjectMapModel>;
  ProjectPatch: ProjectPatch;
  ProjectProgress: ResolverTypeWrapper<ProjectProgress>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SystemicLeap: ResolverTypeWrapper<EntityViewModel>;
  SystemicLeapPatch: SystemicLeapPatch;
  Tension: ResolverTypeWrapper<TensionViewModel>;
  Territory: ResolverTypeWrapper<EntityViewModel>;
  TerritoryKind: TerritoryKind;
  TerritoryPatch: TerritoryPatch;
  TerritoryReview: ResolverTypeWrapper<TerritoryReviewModel>;
  TimelinePage: ResolverTypeWrapper<TimelinePageModel>;
  User: ResolverTypeWrapper<User>;
  ValueDimension: ValueDimension;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Actor: EntityViewModel;
  ActorImportRow: ActorImportRow;
  ActorPatch: ActorPatch;
  Analysis: AnalysisModel;
  AnalysisLabel: AnalysisLabel;
  Boolean: Scalars['Boolean']['output'];
  BrokerScore: BrokerViewModel;
  Change: ChangeRecordModel;
  Coalition: CoalitionViewModel;
  Coalitions: AnalysisModel;
  Conflict: EntityViewModel;
  ConflictPatch: ConflictPatch;
  ConflictStatusChange: MoveViewModel;
  Convergence: EntityViewModel;
  ConvergencePatch: ConvergencePatch;
  Cooperation: EntityViewModel;
  CooperationPatch: CooperationPatch;
  CreateActorInput: CreateActorInput;
  CreateConflictInput: CreateConflictInput;
  CreateConvergenceInput: CreateConvergenceInput;
  CreateCooperationInput: CreateCooperationInput;
  CreateEcosystemInput: CreateEcosystemInput;
  CreateEngagementInput: CreateEngagementInput;
  CreateExternalityInput: CreateExternalityInput;
  CreateInfluenceInput: CreateInfluenceInput;
  CreateMilestoneInput: CreateMilestoneInput;
  CreateObjectiveInput: CreateObjectiveInput;
  CreatePerimeterInput: CreatePerimeterInput;
  CreatePositionInput: CreatePositionInput;
  CreateProjectInput: CreateProjectInput;
  CreateSystemicLeapInput: CreateSystemicLeapInput;
  CreateTerritoryInput: CreateTerritoryInput;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DiffSummary: DiffSummary;
  Divergence: DivergenceViewModel;
  Ecosystem: EntityViewModel;
  EcosystemMatch: EcosystemViewModel;
  EcosystemPatch: EcosystemPatch;
  Engagement: EntityViewModel;
  EngagementChange: EngagementChangeViewModel;
  EngagementLoadRow: LoadViewModel;
  EngagementPatch: EngagementPatch;
  Entity: EntityViewModel;
  EntityChange: EntityChangeViewModel;
  Externality: EntityViewModel;
  ExternalityPatch: ExternalityPatch;
  ExternalityReview: ExternalityViewModel;
  FieldChange: FieldChange;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  ImportReport: ActorImportReportModel;
  ImportRowError: ImportRowErrorModel;
  ImportRowResult: ImportRowResultModel;
  Influence: EntityViewModel;
  InfluencePatch: InfluencePatch;
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  LabelledMatrix: LabelledMatrix;
  Mactor: AnalysisModel;
  MactorNote: MactorNote;
  MactorOrder: OrderViewModel;
  MapEcosystem: MapEcosystem;
  MapEdge: MapEdge;
  MapNode: MapNode;
  Milestone: EntityViewModel;
  MilestonePatch: MilestonePatch;
  Mutation: Record<PropertyKey, never>;
  Objective: EntityViewModel;
  ObjectivePatch: ObjectivePatch;
  Perimeter: EntityViewModel;
  PerimeterPatch: PerimeterPatch;
  Position: EntityViewModel;
  PositionMove: MoveViewModel;
  PositionPatch: PositionPatch;
  Project: EntityViewModel;
  ProjectDiff: DiffViewModel;
  ProjectMap: ProjectMapModel;
  ProjectPatch: ProjectPatch;
  ProjectProgress: ProjectProgress;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  SystemicLeap: EntityViewModel;
  SystemicLeapPatch: SystemicLeapPatch;
  Tension: TensionViewModel;
  Territory: EntityViewModel;
  TerritoryPatch: TerritoryPatch;
  TerritoryReview: TerritoryReviewModel;
  TimelinePage: TimelinePageModel;
  User: User;
};

export type ActorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Actor'] = ResolversParentTypes['Actor']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ActorKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  territory?: Resolver<ResolversTypes['Territory'], ParentType, ContextType>;
  territoryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AnalysisResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Analysis'] = ResolversParentTypes['Analysis']> = {
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  brokers?: Resolver<Array<ResolversTypes['BrokerScore']>, ParentType, ContextType>;
  coalitions?: Resolver<ResolversTypes['Coalitions'], ParentType, ContextType>;
  ecosystems?: Resolver<Array<ResolversTypes['EcosystemMatch']>, ParentType, ContextType>;
  engagementLoad?: Resolver<Array<ResolversTypes['EngagementLoadRow']>, ParentType, ContextType>;
  externalities?: Resolver<Array<ResolversTypes['ExternalityReview']>, ParentType, ContextType>;
  mactor?: Resolver<ResolversTypes['Mactor'], ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
  tensions?: Resolver<Array<ResolversTypes['Tension']>, ParentType, ContextType>;
  unworkedDivergences?: Resolver<Array<ResolversTypes['Divergence']>, ParentType, ContextType>;
};

export type AnalysisLabelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AnalysisLabel'] = ResolversParentTypes['AnalysisLabel']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BrokerScoreResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BrokerScore'] = ResolversParentTypes['BrokerScore']> = {
  actor?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
  betweenness?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Change'] = ResolversParentTypes['Change']> = {
  after?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  before?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  causeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  op?: Resolver<ResolversTypes['ChangeOp'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revertOf?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CoalitionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Coalition'] = ResolversParentTypes['Coalition']> = {
  id?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
};

export type CoalitionsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Coalitions'] = ResolversParentTypes['Coalitions']> = {
  communities?: Resolver<Array<ResolversTypes['Coalition']>, ParentType, ContextType>;
  modularity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ConflictResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Conflict'] = ResolversParentTypes['Conflict']> = {
  arbitration?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  confidential?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  intensity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  objectiveA?: Resolver<ResolversTypes['Objective'], ParentType, ContextType>;
  objectiveAId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  objectiveB?: Resolver<ResolversTypes['Objective'], ParentType, ContextType>;
  objectiveBId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConflictStatus'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ConflictStatusChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ConflictStatusChange'] = ResolversParentTypes['ConflictStatusChange']> = {
  after?: Resolver<Maybe<ResolversTypes['ConflictStatus']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['ConflictStatus']>, ParentType, ContextType>;
  conflict?: Resolver<ResolversTypes['Conflict'], ParentType, ContextType>;
};

export type ConvergenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Convergence'] = ResolversParentTypes['Convergence']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  objectiveA?: Resolver<ResolversTypes['Objective'], ParentType, ContextType>;
  objectiveAId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  objectiveB?: Resolver<ResolversTypes['Objective'], ParentType, ContextType>;
  objectiveBId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CooperationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Cooperation'] = ResolversParentTypes['Cooperation']> = {
  actorA?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  actorAId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  actorB?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  actorBId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  commitments?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  counterparts?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DiffSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DiffSummary'] = ResolversParentTypes['DiffSummary']> = {
  actorsJoined?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  actorsLeft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  added?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conflictsArbitrated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conflictsDepasses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conflictsNew?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cooperationsNew?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ended?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  engagementGained?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  engagementLost?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  externalitiesInternalised?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  leaps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  positionsMoved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DivergenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Divergence'] = ResolversParentTypes['Divergence']> = {
  a?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
  b?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
  convergence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  divergence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type EcosystemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Ecosystem'] = ResolversParentTypes['Ecosystem']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memberIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  perimeter?: Resolver<Maybe<ResolversTypes['Perimeter']>, ParentType, ContextType>;
  perimeterId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EcosystemMatchResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EcosystemMatch'] = ResolversParentTypes['EcosystemMatch']> = {
  add?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
  coalition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ecosystem?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
  jaccard?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
  remove?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
};

export type EngagementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Engagement'] = ResolversParentTypes['Engagement']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  actorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['EngagementLevel'], ParentType, ContextType>;
  perimeter?: Resolver<Maybe<ResolversTypes['Perimeter']>, ParentType, ContextType>;
  perimeterId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EngagementChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EngagementChange'] = ResolversParentTypes['EngagementChange']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['EngagementLevel']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['EngagementLevel']>, ParentType, ContextType>;
  delta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EngagementLoadRowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EngagementLoadRow'] = ResolversParentTypes['EngagementLoadRow']> = {
  actor?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
};

export type EntityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Entity'] = ResolversParentTypes['Entity']> = {
  __resolveType: TypeResolveFn<'Actor' | 'Conflict' | 'Convergence' | 'Cooperation' | 'Ecosystem' | 'Engagement' | 'Externality' | 'Influence' | 'Milestone' | 'Objective' | 'Perimeter' | 'Position' | 'Project' | 'SystemicLeap' | 'Territory', ParentType, ContextType>;
};

export type EntityChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EntityChange'] = ResolversParentTypes['EntityChange']> = {
  entity?: Resolver<ResolversTypes['Entity'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['FieldChange']>, ParentType, ContextType>;
};

export type ExternalityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Externality'] = ResolversParentTypes['Externality']> = {
  affectedActorIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  affectedActors?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  internalisation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  objective?: Resolver<Maybe<ResolversTypes['Objective']>, ParentType, ContextType>;
  objectiveId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sign?: Resolver<ResolversTypes['ExternalitySign'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExternalityStatus'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ExternalityReviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExternalityReview'] = ResolversParentTypes['ExternalityReview']> = {
  affected?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
  externality?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
  notInvolved?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
  sign?: Resolver<ResolversTypes['ExternalitySign'], ParentType, ContextType>;
};

export type FieldChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FieldChange'] = ResolversParentTypes['FieldChange']> = {
  after?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportReportResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportReport'] = ResolversParentTypes['ImportReport']> = {
  actorsCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  actorsReused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  engagementsCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['ImportRowError']>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rowCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['ImportRowResult']>, ParentType, ContextType>;
  skipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ImportRowErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportRowError'] = ResolversParentTypes['ImportRowError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportRowResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportRowResult'] = ResolversParentTypes['ImportRowResult']> = {
  action?: Resolver<ResolversTypes['ImportRowAction'], ParentType, ContextType>;
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  engagementId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type InfluenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Influence'] = ResolversParentTypes['Influence']> = {
  fromActor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  fromActorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  toActor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  toActorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LabelledMatrixResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LabelledMatrix'] = ResolversParentTypes['LabelledMatrix']> = {
  columns?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
  values?: Resolver<Array<Array<ResolversTypes['Float']>>, ParentType, ContextType>;
};

export type MactorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mactor'] = ResolversParentTypes['Mactor']> = {
  actorMobilisation?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  actors?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
  balanceOfPower?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  dependence?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  influence?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  mid?: Resolver<ResolversTypes['LabelledMatrix'], ParentType, ContextType>;
  midi?: Resolver<ResolversTypes['LabelledMatrix'], ParentType, ContextType>;
  netBalance?: Resolver<ResolversTypes['LabelledMatrix'], ParentType, ContextType>;
  normalisedBalanceOfPower?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['MactorNote']>, ParentType, ContextType>;
  objectives?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
  orders?: Resolver<Array<ResolversTypes['MactorOrder']>, ParentType, ContextType>;
  powerStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MactorNoteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MactorNote'] = ResolversParentTypes['MactorNote']> = {
  actors?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MactorOrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MactorOrder'] = ResolversParentTypes['MactorOrder']> = {
  agreement?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  ambivalence?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  caa?: Resolver<ResolversTypes['LabelledMatrix'], ParentType, ContextType>;
  daa?: Resolver<ResolversTypes['LabelledMatrix'], ParentType, ContextType>;
  degreeOfConvergence?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  disagreement?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  mao?: Resolver<ResolversTypes['LabelledMatrix'], ParentType, ContextType>;
  mobilisation?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MapEcosystemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MapEcosystem'] = ResolversParentTypes['MapEcosystem']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memberIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  perimeterId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type MapEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MapEdge'] = ResolversParentTypes['MapEdge']> = {
  data?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  entityVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MapEdgeKind'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MapNodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MapNode'] = ResolversParentTypes['MapNode']> = {
  data?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  entityVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MapNodeKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type MilestoneResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Milestone'] = ResolversParentTypes['Milestone']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createActor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType, RequireFields<MutationCreateActorArgs, 'input'>>;
  createConflict?: Resolver<ResolversTypes['Conflict'], ParentType, ContextType, RequireFields<MutationCreateConflictArgs, 'input'>>;
  createConvergence?: Resolver<ResolversTypes['Convergence'], ParentType, ContextType, RequireFields<MutationCreateConvergenceArgs, 'input'>>;
  createCooperation?: Resolver<ResolversTypes['Cooperation'], ParentType, ContextType, RequireFields<MutationCreateCooperationArgs, 'input'>>;
  createEcosystem?: Resolver<ResolversTypes['Ecosystem'], ParentType, ContextType, RequireFields<MutationCreateEcosystemArgs, 'input'>>;
  createEngagement?: Resolver<ResolversTypes['Engagement'], ParentType, ContextType, RequireFields<MutationCreateEngagementArgs, 'input'>>;
  createExternality?: Resolver<ResolversTypes['Externality'], ParentType, ContextType, RequireFields<MutationCreateExternalityArgs, 'input'>>;
  createInfluence?: Resolver<ResolversTypes['Influence'], ParentType, ContextType, RequireFields<MutationCreateInfluenceArgs, 'input'>>;
  createMilestone?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType, RequireFields<MutationCreateMilestoneArgs, 'input'>>;
  createObjective?: Resolver<ResolversTypes['Objective'], ParentType, ContextType, RequireFields<MutationCreateObjectiveArgs, 'input'>>;
  createPerimeter?: Resolver<ResolversTypes['Perimeter'], ParentType, ContextType, RequireFields<MutationCreatePerimeterArgs, 'input'>>;
  createPosition?: Resolver<ResolversTypes['Position'], ParentType, ContextType, RequireFields<MutationCreatePositionArgs, 'input'>>;
  createProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationCreateProjectArgs, 'input'>>;
  createSystemicLeap?: Resolver<ResolversTypes['SystemicLeap'], ParentType, ContextType, RequireFields<MutationCreateSystemicLeapArgs, 'input'>>;
  createTerritory?: Resolver<ResolversTypes['Territory'], ParentType, ContextType, RequireFields<MutationCreateTerritoryArgs, 'input'>>;
  endActor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType, RequireFields<MutationEndActorArgs, 'id' | 'version'>>;
  endConflict?: Resolver<ResolversTypes['Conflict'], ParentType, ContextType, RequireFields<MutationEndConflictArgs, 'id' | 'version'>>;
  endConvergence?: Resolver<ResolversTypes['Convergence'], ParentType, ContextType, RequireFields<MutationEndConvergenceArgs, 'id' | 'version'>>;
  endCooperation?: Resolver<ResolversTypes['Cooperation'], ParentType, ContextType, RequireFields<MutationEndCooperationArgs, 'id' | 'version'>>;
  endEcosystem?: Resolver<ResolversTypes['Ecosystem'], ParentType, ContextType, RequireFields<MutationEndEcosystemArgs, 'id' | 'version'>>;
  endEngagement?: Resolver<ResolversTypes['Engagement'], ParentType, ContextType, RequireFields<MutationEndEngagementArgs, 'id' | 'version'>>;
  endExternality?: Resolver<ResolversTypes['Externality'], ParentType, ContextType, RequireFields<MutationEndExternalityArgs, 'id' | 'version'>>;
  endInfluence?: Resolver<ResolversTypes['Influence'], ParentType, ContextType, RequireFields<MutationEndInfluenceArgs, 'id' | 'version'>>;
  endMilestone?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType, RequireFields<MutationEndMilestoneArgs, 'id' | 'version'>>;
  endObjective?: Resolver<ResolversTypes['Objective'], ParentType, ContextType, RequireFields<MutationEndObjectiveArgs, 'id' | 'version'>>;
  endPerimeter?: Resolver<ResolversTypes['Perimeter'], ParentType, ContextType, RequireFields<MutationEndPerimeterArgs, 'id' | 'version'>>;
  endPosition?: Resolver<ResolversTypes['Position'], ParentType, ContextType, RequireFields<MutationEndPositionArgs, 'id' | 'version'>>;
  endProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationEndProjectArgs, 'id' | 'version'>>;
  endSystemicLeap?: Resolver<ResolversTypes['SystemicLeap'], ParentType, ContextType, RequireFields<MutationEndSystemicLeapArgs, 'id' | 'version'>>;
  endTerritory?: Resolver<ResolversTypes['Territory'], ParentType, ContextType, RequireFields<MutationEndTerritoryArgs, 'id' | 'version'>>;
  importActors?: Resolver<ResolversTypes['ImportReport'], ParentType, ContextType, RequireFields<MutationImportActorsArgs, 'dryRun' | 'projectId' | 'rows'>>;
  revertChange?: Resolver<ResolversTypes['Entity'], ParentType, ContextType, RequireFields<MutationRevertChangeArgs, 'changeId'>>;
  saveProjectLayout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationSaveProjectLayoutArgs, 'positions' | 'projectId'>>;
  updateActor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType, RequireFields<MutationUpdateActorArgs, 'id' | 'patch' | 'version'>>;
  updateConflict?: Resolver<ResolversTypes['Conflict'], ParentType, ContextType, RequireFields<MutationUpdateConflictArgs, 'id' | 'patch' | 'version'>>;
  updateConvergence?: Resolver<ResolversTypes['Convergence'], ParentType, ContextType, RequireFields<MutationUpdateConvergenceArgs, 'id' | 'patch' | 'version'>>;
  updateCooperation?: Resolver<ResolversTypes['Cooperation'], ParentType, ContextType, RequireFields<MutationUpdateCooperationArgs, 'id' | 'patch' | 'version'>>;
  updateEcosystem?: Resolver<ResolversTypes['Ecosystem'], ParentType, ContextType, RequireFields<MutationUpdateEcosystemArgs, 'id' | 'patch' | 'version'>>;
  updateEngagement?: Resolver<ResolversTypes['Engagement'], ParentType, ContextType, RequireFields<MutationUpdateEngagementArgs, 'id' | 'patch' | 'version'>>;
  updateExternality?: Resolver<ResolversTypes['Externality'], ParentType, ContextType, RequireFields<MutationUpdateExternalityArgs, 'id' | 'patch' | 'version'>>;
  updateInfluence?: Resolver<ResolversTypes['Influence'], ParentType, ContextType, RequireFields<MutationUpdateInfluenceArgs, 'id' | 'patch' | 'version'>>;
  updateMilestone?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType, RequireFields<MutationUpdateMilestoneArgs, 'id' | 'patch' | 'version'>>;
  updateObjective?: Resolver<ResolversTypes['Objective'], ParentType, ContextType, RequireFields<MutationUpdateObjectiveArgs, 'id' | 'patch' | 'version'>>;
  updatePerimeter?: Resolver<ResolversTypes['Perimeter'], ParentType, ContextType, RequireFields<MutationUpdatePerimeterArgs, 'id' | 'patch' | 'version'>>;
  updatePosition?: Resolver<ResolversTypes['Position'], ParentType, ContextType, RequireFields<MutationUpdatePositionArgs, 'id' | 'patch' | 'version'>>;
  updateProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationUpdateProjectArgs, 'id' | 'patch' | 'version'>>;
  updateSystemicLeap?: Resolver<ResolversTypes['SystemicLeap'], ParentType, ContextType, RequireFields<MutationUpdateSystemicLeapArgs, 'id' | 'patch' | 'version'>>;
  updateTerritory?: Resolver<ResolversTypes['Territory'], ParentType, ContextType, RequireFields<MutationUpdateTerritoryArgs, 'id' | 'patch' | 'version'>>;
};

export type ObjectiveResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Objective'] = ResolversParentTypes['Objective']> = {
  actor?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  confidential?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['ValueDimension']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nature?: Resolver<ResolversTypes['ObjectiveNature'], ParentType, ContextType>;
  perimeter?: Resolver<Maybe<ResolversTypes['Perimeter']>, ParentType, ContextType>;
  perimeterId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PerimeterResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Perimeter'] = ResolversParentTypes['Perimeter']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PositionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Position'] = ResolversParentTypes['Position']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  actorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  objective?: Resolver<ResolversTypes['Objective'], ParentType, ContextType>;
  objectiveId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PositionMoveResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PositionMove'] = ResolversParentTypes['PositionMove']> = {
  after?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project']> = {
  actors?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  conflicts?: Resolver<Array<ResolversTypes['Conflict']>, ParentType, ContextType>;
  convergences?: Resolver<Array<ResolversTypes['Convergence']>, ParentType, ContextType>;
  cooperations?: Resolver<Array<ResolversTypes['Cooperation']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ecosystems?: Resolver<Array<ResolversTypes['Ecosystem']>, ParentType, ContextType>;
  engagements?: Resolver<Array<ResolversTypes['Engagement']>, ParentType, ContextType>;
  externalities?: Resolver<Array<ResolversTypes['Externality']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  influences?: Resolver<Array<ResolversTypes['Influence']>, ParentType, ContextType>;
  leaps?: Resolver<Array<ResolversTypes['SystemicLeap']>, ParentType, ContextType>;
  milestones?: Resolver<Array<ResolversTypes['Milestone']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  objectives?: Resolver<Array<ResolversTypes['Objective']>, ParentType, ContextType>;
  perimeters?: Resolver<Array<ResolversTypes['Perimeter']>, ParentType, ContextType>;
  positions?: Resolver<Array<ResolversTypes['Position']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  territory?: Resolver<ResolversTypes['Territory'], ParentType, ContextType>;
  territoryId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProjectDiffResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectDiff'] = ResolversParentTypes['ProjectDiff']> = {
  actorsJoined?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  actorsLeft?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  added?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  changed?: Resolver<Array<ResolversTypes['EntityChange']>, ParentType, ContextType>;
  conflictStatusChanges?: Resolver<Array<ResolversTypes['ConflictStatusChange']>, ParentType, ContextType>;
  conflictsArbitrated?: Resolver<Array<ResolversTypes['Conflict']>, ParentType, ContextType>;
  conflictsDepasses?: Resolver<Array<ResolversTypes['Conflict']>, ParentType, ContextType>;
  conflictsNew?: Resolver<Array<ResolversTypes['Conflict']>, ParentType, ContextType>;
  cooperationsNew?: Resolver<Array<ResolversTypes['Cooperation']>, ParentType, ContextType>;
  ended?: Resolver<Array<ResolversTypes['Entity']>, ParentType, ContextType>;
  engagementChanges?: Resolver<Array<ResolversTypes['EngagementChange']>, ParentType, ContextType>;
  externalitiesInternalised?: Resolver<Array<ResolversTypes['Externality']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  leaps?: Resolver<Array<ResolversTypes['SystemicLeap']>, ParentType, ContextType>;
  positionsMoved?: Resolver<Array<ResolversTypes['PositionMove']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['DiffSummary'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ProjectMapResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectMap'] = ResolversParentTypes['ProjectMap']> = {
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ecosystems?: Resolver<Array<ResolversTypes['MapEcosystem']>, ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['MapEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['MapNode']>, ParentType, ContextType>;
  perimeterOrder?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ProjectProgressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProjectProgress'] = ResolversParentTypes['ProjectProgress']> = {
  project?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['DiffSummary'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  change?: Resolver<ResolversTypes['Change'], ParentType, ContextType, RequireFields<QueryChangeArgs, 'id'>>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<QueryProjectArgs, 'id'>>;
  projectAnalysis?: Resolver<ResolversTypes['Analysis'], ParentType, ContextType, RequireFields<QueryProjectAnalysisArgs, 'projectId'>>;
  projectDiff?: Resolver<ResolversTypes['ProjectDiff'], ParentType, ContextType, RequireFields<QueryProjectDiffArgs, 'projectId'>>;
  projectLayout?: Resolver<ResolversTypes['JSON'], ParentType, ContextType, RequireFields<QueryProjectLayoutArgs, 'projectId'>>;
  projectMap?: Resolver<ResolversTypes['ProjectMap'], ParentType, ContextType, RequireFields<QueryProjectMapArgs, 'hideConfidential' | 'projectId'>>;
  projectTimeline?: Resolver<ResolversTypes['TimelinePage'], ParentType, ContextType, RequireFields<QueryProjectTimelineArgs, 'first' | 'projectId'>>;
  territories?: Resolver<Array<ResolversTypes['Territory']>, ParentType, ContextType, Partial<QueryTerritoriesArgs>>;
  territory?: Resolver<ResolversTypes['Territory'], ParentType, ContextType, RequireFields<QueryTerritoryArgs, 'id'>>;
  territoryReview?: Resolver<ResolversTypes['TerritoryReview'], ParentType, ContextType, RequireFields<QueryTerritoryReviewArgs, 'territoryId'>>;
};

export type SystemicLeapResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SystemicLeap'] = ResolversParentTypes['SystemicLeap']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fromPerimeter?: Resolver<ResolversTypes['Perimeter'], ParentType, ContextType>;
  fromPerimeterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  toPerimeter?: Resolver<ResolversTypes['Perimeter'], ParentType, ContextType>;
  toPerimeterId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TensionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Tension'] = ResolversParentTypes['Tension']> = {
  actors?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
  conflict?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
  daysInStatus?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  daysSinceIdentified?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  identifiedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  intensity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  objectives?: Resolver<Array<ResolversTypes['AnalysisLabel']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConflictStatus'], ParentType, ContextType>;
  statusSince?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TerritoryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Territory'] = ResolversParentTypes['Territory']> = {
  actors?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TerritoryKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versionFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TerritoryReviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TerritoryReview'] = ResolversParentTypes['TerritoryReview']> = {
  analysis?: Resolver<ResolversTypes['Analysis'], ParentType, ContextType>;
  progress?: Resolver<Array<ResolversTypes['ProjectProgress']>, ParentType, ContextType>;
  since?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  territory?: Resolver<ResolversTypes['AnalysisLabel'], ParentType, ContextType>;
};

export type TimelinePageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TimelinePage'] = ResolversParentTypes['TimelinePage']> = {
  changes?: Resolver<Array<ResolversTypes['Change']>, ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasMore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Actor?: ActorResolvers<ContextType>;
  Analysis?: AnalysisResolvers<ContextType>;
  AnalysisLabel?: AnalysisLabelResolvers<ContextType>;
  BrokerScore?: BrokerScoreResolvers<ContextType>;
  Change?: ChangeResolvers<ContextType>;
  Coalition?: CoalitionResolvers<ContextType>;
  Coalitions?: CoalitionsResolvers<ContextType>;
  Conflict?: ConflictResolvers<ContextType>;
  ConflictStatusChange?: ConflictStatusChangeResolvers<ContextType>;
  Convergence?: ConvergenceResolvers<ContextType>;
  Cooperation?: CooperationResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DiffSummary?: DiffSummaryResolvers<ContextType>;
  Divergence?: DivergenceResolvers<ContextType>;
  Ecosystem?: EcosystemResolvers<ContextType>;
  EcosystemMatch?: EcosystemMatchResolvers<ContextType>;
  Engagement?: EngagementResolvers<ContextType>;
  EngagementChange?: EngagementChangeResolvers<ContextType>;
  EngagementLoadRow?: EngagementLoadRowResolvers<ContextType>;
  Entity?: EntityResolvers<ContextType>;
  EntityChange?: EntityChangeResolvers<ContextType>;
  Externality?: ExternalityResolvers<ContextType>;
  ExternalityReview?: ExternalityReviewResolvers<ContextType>;
  FieldChange?: FieldChangeResolvers<ContextType>;
  ImportReport?: ImportReportResolvers<ContextType>;
  ImportRowError?: ImportRowErrorResolvers<ContextType>;
  ImportRowResult?: ImportRowResultResolvers<ContextType>;
  Influence?: InfluenceResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LabelledMatrix?: LabelledMatrixResolvers<ContextType>;
  Mactor?: MactorResolvers<ContextType>;
  MactorNote?: MactorNoteResolvers<ContextType>;
  MactorOrder?: MactorOrderResolvers<ContextType>;
  MapEcosystem?: MapEcosystemResolvers<ContextType>;
  MapEdge?: MapEdgeResolvers<ContextType>;
  MapNode?: MapNodeResolvers<ContextType>;
  Milestone?: MilestoneResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Objective?: ObjectiveResolvers<ContextType>;
  Perimeter?: PerimeterResolvers<ContextType>;
  Position?: PositionResolvers<ContextType>;
  PositionMove?: PositionMoveResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectDiff?: ProjectDiffResolvers<ContextType>;
  ProjectMap?: ProjectMapResolvers<ContextType>;
  ProjectProgress?: ProjectProgressResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SystemicLeap?: SystemicLeapResolvers<ContextType>;
  Tension?: TensionResolvers<ContextType>;
  Territory?: TerritoryResolvers<ContextType>;
  TerritoryReview?: TerritoryReviewResolvers<ContextType>;
  TimelinePage?: TimelinePageResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

