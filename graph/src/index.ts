// The domain: model, store, reads, history. Knows nothing of HTTP or GraphQL.
export * from './errors.ts';
export * from './time.ts';
export * from './model/index.ts';
export * from './db/graph.ts';
export * from './db/bookmarks.ts';
export * from './store/records.ts';
export {
  createEntity,
  updateEntity,
  endEntity,
  revertChange,
  correctEntity,
  getEntity,
  getChange,
  type ChangeContext,
  type RecordedChange,
  type CreateOptions,
  type UpdateOptions,
  type EndOptions,
  type CorrectOptions,
} from './store/commands.ts';
export * from './store/merge-actors.ts';
export { spanLevelCypher } from './store/span.ts';
export * from './import/actors.ts';
export * from './import/workbook.ts';
export * from './import/report-view.ts';
export * from './reads/project-state.ts';
export * from './reads/territories.ts';
export * from './reads/visible-states.ts';
export * from './history/diff.ts';
export * from './history/path.ts';
export * from './history/project-diff.ts';
export * from './history/timeline.ts';
export * from './history/live.ts';
export * from './map/project-map.ts';
export { loadDemoMap } from './demo/load-demo.ts';
export * from './history/milestones.ts';
export * from './layout/saved-layout.ts';
export * from './analysis/sparse-matrix.ts';
export * from './analysis/mactor.ts';
export * from './analysis/network.ts';
export * from './analysis/review.ts';
export * from './analysis/load-timeline.ts';
export * from './analysis/assemble.ts';
export * from './analysis/read-analysis.ts';
export { seededRandom } from './random.ts';
export * from './access/index.ts';
export * from './integrity/check.ts';
export type { BrokenReference } from './reads/broken-references.ts';
export * from './exchange/from-database.ts';
export * from './backup/backup.ts';
