/** The counts of what changed between two states (graph/src/history/diff.ts), as the review shows them. */
export interface DiffSummary {
  added: number;
  ended: number;
  changed: number;
  actorsJoined: number;
  actorsLeft: number;
  engagementGained: number;
  engagementLost: number;
  positionsMoved: number;
  conflictsNew: number;
  conflictsArbitrated: number;
  conflictsDepasses: number;
  externalitiesInternalised: number;
  leaps: number;
  cooperationsNew: number;
}
