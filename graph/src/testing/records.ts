import type { EntityType } from '../model/enums.ts';
import type { FieldValues } from '../model/validation.ts';
import type { ProjectState } from '../reads/project-state.ts';
import type { EntityRecord } from '../store/records.ts';
import { END_OF_TIME } from '../time.ts';

/** An in-memory record for pure unit tests (no database). */
export function fakeRecord(type: EntityType, id: string, values: FieldValues, since = '2020-01-01'): EntityRecord {
  const from = new Date(`${since}T00:00:00Z`);
  return {
    id,
    type,
    version: 1,
    projectId: type === 'Actor' || type === 'Territory' ? null : 'prj-1',
    territoryId: 'ter-1',
    validFrom: from,
    validTo: END_OF_TIME,
    versionFrom: from,
    versionTo: END_OF_TIME,
    recordedAt: from,
    values,
  };
}

export function fakeState(at: string, entities: EntityRecord[]): ProjectState {
  const project = fakeRecord('Project', 'prj-1', { territoryId: 'ter-1', name: 'Projet', description: null });
  const territory = fakeRecord('Territory', 'ter-1', { name: 'Commune', code: '62', kind: 'COMMUNE', description: null });
  return {
    at: new Date(`${at}T00:00:00Z`),
    project,
    territory,
    entities,
    byId: new Map([project, territory, ...entities].map((e) => [e.id, e])),
  };
}
