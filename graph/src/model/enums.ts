// The closed vocabularies of the domain (DOMAIN.md). Values are stable codes stored in the graph
// and exposed as GraphQL enums; French labels live with the UI.

export const ENTITY_TYPES = [
  'Territory',
  'Project',
  'Actor',
  'Engagement',
  'Perimeter',
  'Objective',
  'Position',
  'Convergence',
  'Conflict',
  'Externality',
  'Cooperation',
  'Influence',
  'SystemicLeap',
  'Ecosystem',
  'Milestone',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const TERRITORY_KINDS = ['COMMUNE', 'INTERCOMMUNALITE'] as const;
export const ACTOR_KINDS = [
  'ELU',
  'SERVICE',
  'ENTREPRISE',
  'ASSOCIATION',
  'HABITANT',
  'INSTITUTION',
  'TIERS',
  'FINANCEUR',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Ordered from the weakest to the strongest involvement. */
export const ENGAGEMENT_LEVELS = ['CONCERNE', 'INFORME', 'PARTICIPANT', 'COOPERANT', 'MOTEUR'] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];

export const VALUE_DIMENSIONS = ['SOCIAL', 'ECOLOGIQUE', 'ECONOMIQUE'] as const;
export const OBJECTIVE_NATURES = ['MATERIEL', 'IMMATERIEL'] as const;
export const CONFLICT_STATUSES = ['IDENTIFIE', 'MIS_AU_TRAVAIL', 'ARBITRE', 'DEPASSE', 'PERSISTANT'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];
export const EXTERNALITY_SIGNS = ['POSITIVE', 'NEGATIVE'] as const;
export const EXTERNALITY_STATUSES = ['IDENTIFIEE', 'INTERNALISEE'] as const;

/** REOPEN undoes an END; a revert is recorded as the op it performs, with `revertOf`. */
export const CHANGE_OPS = ['CREATE', 'UPDATE', 'END', 'REOPEN'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/**
 * Every closed vocabulary an entity field may take, by the name the API gives it (a GraphQL
 * enum of the same name is declared in api/schema/schema.graphql).
 */
export const VOCABULARIES = {
  TerritoryKind: TERRITORY_KINDS,
  ActorKind: ACTOR_KINDS,
  EngagementLevel: ENGAGEMENT_LEVELS,
  ValueDimension: VALUE_DIMENSIONS,
  ObjectiveNature: OBJECTIVE_NATURES,
  ConflictStatus: CONFLICT_STATUSES,
  ExternalitySign: EXTERNALITY_SIGNS,
  ExternalityStatus: EXTERNALITY_STATUSES,
  ChangeOp: CHANGE_OPS,
} as const satisfies Record<string, readonly string[]>;

/** The name of a vocabulary (`ActorKind` for ACTOR_KINDS), found by identity; null for an unlisted one. */
export function vocabularyName(values: readonly string[]): string | null {
  return Object.entries(VOCABULARIES).find(([, listed]) => listed === values)?.[0] ?? null;
}
