import { describe, expect, it } from 'vitest';
import { buildMalaunaySnapshot } from '../fixtures/snapshot.ts';
import { mapWorkbook } from '../map/plan.ts';
import type { PlanRow } from '../map/plan-types.ts';
import { readWorkbook } from '../read/workbook.ts';
import type { ProjectSnapshot, SnapshotEntity } from './snapshot.ts';
import { writeCsvFiles, writeMatrixXlsx, writeXlsx } from './workbook.ts';

type Row = Pick<PlanRow, 'kind' | 'id' | 'values' | 'refs' | 'start' | 'end'>;

/**
 * What the import must read back from an export of `snapshot`, derived from the snapshot here
 * (not from the writer): every entity with its id, values (without the scope fields the import
 * takes from the project), references by name, and dates.
 */
function expectedRows(snapshot: ProjectSnapshot): Row[] {
  const byId = new Map(snapshot.entities.map((e) => [e.id, e]));
  const name = (id: unknown) => {
    const entity = byId.get(id as string)!;
    return (entity.values.title ?? entity.values.name) as string;
  };
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
  const sorted = (type: SnapshotEntity['type']) =>
    snapshot.entities.filter((e) => e.type === type).sort((a, b) => a.id.localeCompare(b.id));
  const pick = (e: SnapshotEntity, keys: string[]) => Object.fromEntries(keys.map((k) => [k, e.values[k] ?? null]));
  const refs = (e: SnapshotEntity, keys: string[]) =>
    Object.fromEntries(
      keys
        .filter((k) => e.values[k])
        .map((k) => [k, Array.isArray(e.values[k]) ? (e.values[k] as string[]).map(name) : name(e.values[k])]),
    );
  const row = (e: SnapshotEntity, values: string[], refKeys: string[], dates = true): Row => ({
    kind: e.type,
    id: e.id,
    values: pick(e, values),
    refs: refs(e, refKeys),
    start: dates ? day(e.validFrom) : null,
    end: dates ? day(e.validTo) : null,
  });
  const rows: Row[] = [];
  const engagements = new Map(sorted('Engagement').map((e) => [e.values.actorId, e]));
  for (const actor of sorted('Actor')) {
    const engagement = engagements.get(actor.id)!;
    rows.push({
      kind: 'Actor',
      id: actor.id,
      values: pick(actor, ['name', 'kind', 'description']),
      refs: {},
      start: day(engagement.validFrom),
      end: null,
    });
    rows.push({
      kind: 'Engagement',
      id: engagement.id,
      values: pick(engagement, ['level', 'role']),
      refs: { actorId: actor.id, ...refs(engagement, ['perimeterId']) },
      start: day(engagement.validFrom),
      end: day(engagement.validTo),
    });
  }
  for (const e of sorted('Perimeter')) rows.push(row(e, ['name', 'description'], []));
  for (const e of sorted('Objective'))
    rows.push(row(e, ['title', 'description', 'dimensions', 'nature', 'confidential'], ['actorId', 'perimeterId']));
  for (const e of sorted('Position')) rows.push(row(e, ['value', 'note'], ['actorId', 'objectiveId']));
  for (const e of sorted('Influence')) rows.push(row(e, ['value'], ['fromActorId', 'toActorId']));
  for (const e of sorted('Cooperation')) rows.push(row(e, ['commitments', 'counterparts'], ['actorAId', 'actorBId']));
  for (const e of sorted('Convergence')) rows.push(row(e, ['note'], ['objectiveAId', 'objectiveBId']));
  for (const e of sorted('Conflict'))
    rows.push(row(e, ['intensity', 'status', 'arbitration', 'note', 'confidential'], ['objectiveAId', 'objectiveBId']));
  for (const e of sorted('Externality'))
    rows.push(row(e, ['description', 'sign', 'status', 'internalisation'], ['affectedActorIds', 'objectiveId']));
  for (const e of sorted('Milestone')) rows.push(row(e, ['name', 'date', 'description'], [], false));
  for (const e of sorted('Ecosystem')) rows.push(row(e, ['name', 'description'], ['memberIds', 'perimeterId']));
  for (const e of sorted('SystemicLeap')) rows.push(row(e, ['trigger', 'description'], ['fromPerimeterId', 'toPerimeterId']));
  return rows;
}

const strip = (rows: PlanRow[]): Row[] =>
  rows.map(({ kind, id, values, refs, start, end }) => ({ kind, id, values, refs, start, end }));

/** The writers' snapshot plus what only a workbook carries: a second perimeter, a systemic leap, an ecosystem. */
function withEcosystemAndLeap(): ProjectSnapshot {
  const snapshot = buildMalaunaySnapshot();
  const t = (day: string) => `${day}T00:00:00.000Z`;
  snapshot.entities.push(
    {
      id: 'per-commune',
      type: 'Perimeter',
      validFrom: t('2022-01-10'),
      validTo: null,
      values: { projectId: 'prj-1', name: 'Commune entière', description: 'Alimentation de toute la commune' },
    },
    {
      id: 'leap-1',
      type: 'SystemicLeap',
      validFrom: t('2022-01-10'),
      validTo: null,
      values: {
        projectId: 'prj-1',
        fromPerimeterId: 'per-centre',
        toPerimeterId: 'per-commune',
        trigger: 'Appel à projets PAT',
        description: null,
      },
    },
    {
      id: 'eco-1',
      type: 'Ecosystem',
      validFrom: t('2021-09-01'),
      validTo: null,
      values: {
        projectId: 'prj-1',
        name: 'Circuits courts',
        memberIds: ['act-amap', 'act-prod', 'act-media'],
        perimeterId: 'per-centre',
        description: 'Paniers, marché et distribution',
      },
    },
  );
  return snapshot;
}

describe('export → import round trip', () => {
  const snapshot = withEcosystemAndLeap();

  it('XLSX: one sheet per kind, read back as the same rows, no problem, nothing ignored', () => {
    const plan = mapWorkbook(readWorkbook(writeXlsx(snapshot), 'export.xlsx'));
    expect(plan.sheets.map((s) => [s.name, s.kind, s.status])).toEqual([
      ['Acteurs', 'actors', 'read'],
      ['Périmètres', 'perimeters', 'read'],
      ['Objectifs', 'objectives', 'read'],
      ['Positions', 'positions', 'read'],
      ['Influences', 'influences', 'read'],
      ['Coopérations', 'cooperations', 'read'],
      ['Convergences', 'convergences', 'read'],
      ['Conflits', 'conflicts', 'read'],
      ['Externalités', 'externalities', 'read'],
      ['Jalons', 'milestones', 'read'],
      ['Écosystèmes', 'ecosystems', 'read'],
      ['Sauts systémiques', 'leaps', 'read'],
    ]);
    expect(plan.sheets.flatMap((s) => s.columns.filter((c) => c.ignored))).toEqual([]);
    expect(plan.problems).toEqual([]);
    expect(strip(plan.rows)).toEqual(expectedRows(snapshot));
  });

  it('CSV: one file per kind, each read back as the same rows', () => {
    const files = writeCsvFiles(snapshot);
    expect(files.map((f) => f.fileName)).toEqual([
      'Acteurs.csv',
      'Périmètres.csv',
      'Objectifs.csv',
      'Positions.csv',
      'Influences.csv',
      'Coopérations.csv',
      'Convergences.csv',
      'Conflits.csv',
      'Externalités.csv',
      'Jalons.csv',
      'Écosystèmes.csv',
      'Sauts systémiques.csv',
    ]);
    const rows = files.flatMap((file) => {
      const plan = mapWorkbook(readWorkbook(file.bytes, file.fileName));
      expect(plan.encoding).toMatchObject({ encoding: 'utf-8', bom: true });
      expect(plan.separator).toBe(';');
      expect(plan.problems).toEqual([]);
      return strip(plan.rows);
    });
    expect(rows).toEqual(expectedRows(snapshot));
  });

  it('MACTOR matrices: written as sheets, read back as the same positions and influences', () => {
    const plan = mapWorkbook(readWorkbook(writeMatrixXlsx(snapshot), 'mactor.xlsx'));
    expect(plan.sheets.map((s) => s.kind)).toEqual(['positionMatrix', 'influenceMatrix']);
    expect(plan.problems).toEqual([]);
    const name = (id: unknown) =>
      snapshot.entities.find((e) => e.id === id)!.values[id && String(id).startsWith('obj') ? 'title' : 'name'];
    const sortKey = (r: { refs: Record<string, unknown> }) => JSON.stringify(r.refs);
    const read = (kind: string) =>
      plan.rows
        .filter((r) => r.kind === kind)
        .map((r) => ({ refs: r.refs, value: r.values.value }))
        .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    const positions = snapshot.entities
      .filter((e) => e.type === 'Position')
      .map((e) => ({
        refs: { actorId: name(e.values.actorId), objectiveId: name(e.values.objectiveId) },
        value: e.values.value,
      }));
    const influences = snapshot.entities
      .filter((e) => e.type === 'Influence')
      .map((e) => ({
        refs: { fromActorId: name(e.values.fromActorId), toActorId: name(e.values.toActorId) },
        value: e.values.value,
      }));
    expect(read('Position')).toEqual(positions.sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
    expect(read('Influence')).toEqual(influences.sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
  });

  it('the XLSX with matrices still reads every sheet, matrices recognised as such', () => {
    const plan = mapWorkbook(readWorkbook(writeXlsx(snapshot, { matrices: true }), 'export.xlsx'));
    expect(plan.sheets.slice(-2).map((s) => [s.name, s.kind])).toEqual([
      ['Matrice des positions', 'positionMatrix'],
      ['Matrice des influences', 'influenceMatrix'],
    ]);
  });
});
