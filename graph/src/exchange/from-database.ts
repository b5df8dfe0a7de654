import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import { readLayout } from '../layout/saved-layout.ts';
import { isoDay } from '../model/dates.ts';
import type { Reader } from '../access/redaction.ts';
import { readProjectState, type ProjectState, type ReadMoment } from '../reads/project-state.ts';
import { visibleStatesOf } from '../reads/visible-states.ts';
import { listTerritoryEntities } from '../reads/territories.ts';
import { isoOrOpen } from '../time.ts';
import { writeCyjs } from './write/cyjs.ts';
import { writeGexf } from './write/gexf.ts';
import { writeGraphml } from './write/graphml.ts';
import { writeKumu } from './write/kumu.ts';
import { snapshotFromState, type ProjectSnapshot, type SnapshotVersion } from './write/snapshot.ts';
import { writeCsvFiles, writeMatrixXlsx, writeXlsx } from './write/workbook.ts';

/**
 * Exports read from the database (Node side, not in the browser-safe `@trame/graph/exchange`):
 * a project — or a whole territory — as of a date, turned into a `ProjectSnapshot` with each
 * entity's history (its versions, for GEXF spells) and the saved layout, then written by the
 * writers of write/ (docs/decisions/0005-exchange-formats.md).
 */

export const EXPORT_FORMATS = ['xlsx', 'csv', 'matrices', 'graphml', 'gexf', 'cyjs', 'kumu'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

/**
 * The spans of every version of the given entities, in time order: entity id → versions (from,
 * to; no values — the writers need the spans only). One read through the versions' `entityId`
 * index, the dates as epoch milliseconds: the driver's decoding of zoned date-times cost more
 * than the whole read on a territory (about 1 s for its 34,000 versions' 68,000 dates).
 */
export async function readHistory(tx: ManagedTransaction, ids: readonly string[]): Promise<Record<string, SnapshotVersion[]>> {
  const result = await tx.run(
    `MATCH (v:Version) WHERE v.entityId IN $ids
     WITH v ORDER BY v.validFrom, v.recordedAt
     RETURN v.entityId AS id, collect(v.validFrom.epochMillis) AS froms, collect(v.validTo.epochMillis) AS tos`,
    { ids: [...ids] },
  );
  const history: Record<string, SnapshotVersion[]> = {};
  for (const record of result.records) {
    const froms = record.get('froms') as number[];
    const tos = record.get('tos') as number[];
    history[record.get('id') as string] = froms.map((from, i) => ({
      from: new Date(Number(from)).toISOString(),
      to: isoOrOpen(new Date(Number(tos[i]))),
    }));
  }
  return history;
}

/** What an export reads: the history (default true) and for whom (no reader: everything, trusted callers). */
export interface SnapshotOptions {
  history?: boolean;
  /**
   * The reader the export is for: a reader who may not receive the project's confidential
   * items (or asked for the version without them) gets the redacted state — the same as every
   * other read (reads/visible-states.ts) — and the history of what it holds, as spans only (no
   * past value leaves the server).
   */
  reader?: Reader | null;
}

/**
 * A project as of `moment` (null: now), with its entities' history and its saved layout, as
 * `options.reader` may receive it.
 * @throws DomainError NOT_FOUND (no such project at that date)
 */
export async function readProjectSnapshot(
  tx: ManagedTransaction,
  projectId: string,
  moment: ReadMoment,
  options: SnapshotOptions = {},
): Promise<ProjectSnapshot> {
  const state = await readVisibleProject(tx, projectId, moment, options.reader);
  const layout = await readLayout(tx, projectId);
  // The history of what the reader may see only (the redacted state's entities): spans, no values.
  const history =
    options.history === false
      ? undefined
      : await readHistory(
          tx,
          state.entities.map((e) => e.id),
        );
  return snapshotFromState(state, { layout, ...(history ? { history } : {}) });
}

/** The project's state as the reader may see it (redacted like every other read). */
async function readVisibleProject(
  tx: ManagedTransaction,
  projectId: string,
  moment: ReadMoment,
  reader: Reader | null | undefined,
): Promise<ProjectState> {
  const full = await readProjectState(tx, projectId, moment, { onBroken: () => {} });
  const [state] = await visibleStatesOf(tx, reader, [full]);
  return state!;
}

/**
 * A territory as of `moment`: every project valid then, merged into one snapshot (actors once,
 * each project's entities; the « project » of the snapshot is the territory). Layouts are per
 * project, so none is given (the network writers place the nodes on a circle).
 * @throws DomainError NOT_FOUND (no such territory at that date)
 */
export async function readTerritorySnapshot(
  tx: ManagedTransaction,
  territoryId: string,
  moment: ReadMoment,
  options: SnapshotOptions = {},
): Promise<ProjectSnapshot> {
  const at = moment ?? new Date();
  const [territory] = await listTerritoryEntities(tx, territoryId, ['Territory'], at);
  if (!territory || territory.id !== territoryId) {
    throw new DomainError('NOT_FOUND', `le territoire « ${territoryId} » n'existe pas au ${isoDay(at)}`, {
      id: territoryId,
      entityType: 'Territory',
    });
  }
  const projects = await listTerritoryEntities(tx, territoryId, ['Project'], at);
  const name = String(territory.values.name ?? territoryId);
  const entities = new Map<string, ProjectSnapshot['entities'][number]>();
  for (const project of projects) {
    // Per project, so each project's entities are redacted for the reader as that project's.
    const state = await readVisibleProject(tx, project.id, moment, options.reader);
    for (const entity of snapshotFromState(state).entities) entities.set(entity.id, entity);
  }
  // One history read for the whole territory: an actor of several projects is read once.
  if (options.history !== false) {
    const history = await readHistory(tx, [...entities.keys()]);
    for (const entity of entities.values()) {
      const versions = history[entity.id];
      if (versions) entity.history = versions;
    }
  }
  return {
    at: at.toISOString(),
    territory: { id: territoryId, name },
    project: { id: territoryId, name, description: (territory.values.description as string | null) ?? null },
    entities: [...entities.values()],
  };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name from a project's name: letters, digits and dashes. */
function baseName(snapshot: ProjectSnapshot): string {
  const slug = snapshot.project.name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${slug || snapshot.project.id}-${snapshot.at.slice(0, 10)}`;
}

/** The snapshot in one format: one file, or one file per table for CSV. */
export function exportSnapshot(snapshot: ProjectSnapshot, format: ExportFormat): ExportFile[] {
  const base = baseName(snapshot);
  const text = (fileName: string, mediaType: string, content: string): ExportFile[] => [
    { fileName, mediaType, bytes: new TextEncoder().encode(content) },
  ];
  switch (format) {
    case 'xlsx':
      return [{ fileName: `${base}.xlsx`, mediaType: XLSX_TYPE, bytes: writeXlsx(snapshot, { matrices: true }) }];
    case 'matrices':
      return [{ fileName: `${base}-matrices.xlsx`, mediaType: XLSX_TYPE, bytes: writeMatrixXlsx(snapshot) }];
    case 'csv':
      return writeCsvFiles(snapshot).map((file) => ({
        fileName: `${base}-${file.fileName}`,
        mediaType: 'text/csv; charset=utf-8',
        bytes: file.bytes,
      }));
    case 'graphml':
      return text(`${base}.graphml`, 'application/graphml+xml', writeGraphml(snapshot));
    case 'gexf':
      return text(`${base}.gexf`, 'application/gexf+xml', writeGexf(snapshot));
    case 'cyjs':
      return text(`${base}.cyjs`, 'application/json', `${JSON.stringify(writeCyjs(snapshot), null, 2)}\n`);
    case 'kumu':
      return text(`${base}-kumu.json`, 'application/json', `${JSON.stringify(writeKumu(snapshot), null, 2)}\n`);
  }
}
