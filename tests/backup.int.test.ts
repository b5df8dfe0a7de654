/**
 * Backup and restore (graph/src/backup/backup.ts) against the real Neo4j: a territory's
 * backup, the territory removed, restored, backed up again gives the same bytes; restoring over
 * what is there is refused and changes nothing; the format's version is checked; a whole
 * database's backup carries the accounts and no bearer secret.
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  createSession,
  createUser,
  importWorkbook,
  parseBackup,
  readImportFile,
  readProjectState,
  restoreBackup,
  restoreBackupDocument,
  saveLayout,
  takeBackup,
  type BackupDocument,
  type EntityRecord,
} from '@trame/graph';
import { writeXlsx } from '@trame/graph/exchange';
import { buildMalaunaySnapshot } from '../graph/src/exchange/fixtures/snapshot.ts';
import { at, build } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { useTestGraph } from './support/app.ts';

const t = useTestGraph();
const TAKEN_AT = new Date('2026-02-01T12:00:00Z');

/** A territory with a project of every kind of entity, an update, an end and a saved layout. */
async function territoryWithHistory(): Promise<{ territory: EntityRecord; project: EntityRecord }> {
  const from = at('2018-01-01');
  const territory = await build(
    t.graph,
    'Territory',
    { name: `Commune ${uniqueId('t')}`, code: '76', kind: 'COMMUNE' },
    { validFrom: from },
  );
  const project = await build(t.graph, 'Project', { territoryId: territory.id, name: 'Marché' }, { validFrom: from });
  const bytes = writeXlsx(buildMalaunaySnapshot());
  await t.graph.write((tx) =>
    importWorkbook(tx, { author: 'backup-test' }, project.id, readImportFile(bytes, 'm.xlsx'), { validFrom: at('2026-01-15') }),
  );
  const state = await t.graph.read((tx) => readProjectState(tx, project.id, null));
  const positions = Object.fromEntries(
    state.entities.filter((e) => e.type === 'Actor').map((e, i) => [e.id, { x: i * 10, y: -i }]),
  );
  await t.graph.write((tx) => saveLayout(tx, project.id, positions, 'backup-test'));
  return { territory, project };
}

const backup = (territoryId: string | null) => t.graph.read((tx) => takeBackup(tx, { territoryId, takenAt: TAKEN_AT }));

async function removeTerritory(territoryId: string): Promise<void> {
  await t.graph.write(async (tx) => {
    await tx.run(`MATCH (p:Entity {territoryId: $t, type: 'Project'})-[:HAS_LAYOUT]->(l:Layout) DETACH DELETE l`, {
      t: territoryId,
    });
    await tx.run('MATCH (n) WHERE (n:Entity OR n:Version OR n:Change) AND n.territoryId = $t DETACH DELETE n', {
      t: territoryId,
    });
  });
}

async function footprint(territoryId: string) {
  return t.graph.read(async (tx) => {
    const r = await tx.run(
      `CALL { MATCH (e:Entity {territoryId: $t}) RETURN count(e) AS entities }
       CALL { MATCH (v:Version {territoryId: $t}) RETURN count(v) AS versions }
       CALL { MATCH (c:Change {territoryId: $t}) RETURN count(c) AS changes }
       CALL { MATCH (:Version {territoryId: $t})-[r:REFERS_TO]->() RETURN count(r) AS refs }
       CALL { MATCH (e:Entity {territoryId: $t})-[r:LATEST]->() RETURN count(r) AS latest }
       RETURN entities, versions, changes, refs, latest`,
      { t: territoryId },
    );
    return r.records[0]!.toObject();
  });
}

describe('backup and restore', () => {
  it('territory: backup → remove → restore → backup gives the same bytes, and the same map', async () => {
    const { territory, project } = await territoryWithHistory();
    const first = await backup(territory.id);
    expect(first.entities.length).toBeGreaterThan(15);
    expect(first.layouts).toHaveLength(1);
    expect(first.users).toEqual([]);
    expect(first.versions.some((v) => v.refs.length > 0)).toBe(true);
    const before = await footprint(territory.id);
    const mapBefore = await t.graph.read((tx) => readProjectState(tx, project.id, at('2022-01-01')));

    await removeTerritory(territory.id);
    expect((await footprint(territory.id)).entities).toBe(0);
    // Through text, as the command line does.
    const stats = await t.graph.write((tx) => restoreBackup(tx, JSON.parse(canonicalJson(first))));
    expect(stats.entities).toBe(first.entities.length);

    const second = await backup(territory.id);
    expect(canonicalJson(second)).toBe(canonicalJson(first));
    expect(await footprint(territory.id)).toEqual(before);
    const mapAfter = await t.graph.read((tx) => readProjectState(tx, project.id, at('2022-01-01')));
    const brief = (state: typeof mapBefore) =>
      state.entities.map((e) => JSON.stringify([e.id, e.values, e.version, e.validFrom, e.versionFrom])).sort();
    expect(brief(mapAfter)).toEqual(brief(mapBefore));
  });

  it('a large document is restored in several transactions: the same bytes; a step that fails leaves nothing behind', async () => {
    const { territory } = await territoryWithHistory();
    const first = await backup(territory.id);
    await removeTerritory(territory.id);
    // A few records per transaction, so this small territory takes the stepwise path.
    const stats = await restoreBackupDocument(t.graph, JSON.parse(canonicalJson(first)), { rowsPerTransaction: 10 });
    expect(stats.versions).toBe(first.versions.length);
    expect(canonicalJson(await backup(territory.id))).toBe(canonicalJson(first));

    // The same document again after removal, but its last change twice: the step writing the
    // changes fails on the unique change id, after the entities and versions were committed.
    await removeTerritory(territory.id);
    const broken = JSON.parse(canonicalJson(first)) as typeof first;
    broken.changes.push(broken.changes[broken.changes.length - 1]!);
    await expect(restoreBackupDocument(t.graph, broken, { rowsPerTransaction: 10 })).rejects.toThrow();
    expect(await footprint(territory.id)).toEqual({ entities: 0, versions: 0, changes: 0, refs: 0, latest: 0 });
    const changeIds = first.changes.map((c) => c.id![1]);
    const left = await t.graph.read(async (tx) =>
      Number((await tx.run('MATCH (c:Change) WHERE c.id IN $ids RETURN count(c) AS n', { ids: changeIds })).records[0]!.get('n')),
    );
    expect(left).toBe(0);
  });

  it('refuses a restore over what is there (BACKUP_ID_COLLISION), and changes nothing', async () => {
    const { territory } = await territoryWithHistory();
    const doc = await backup(territory.id);
    const before = await footprint(territory.id);
    await expect(t.graph.write((tx) => restoreBackup(tx, doc))).rejects.toMatchObject({
      code: 'BACKUP_ID_COLLISION',
      message: expect.stringContaining('restaurez-la dans une base vide'),
    });
    expect(await footprint(territory.id)).toEqual(before);
  });

  it('refuses a document referring to an entity it does not hold and the database lacks (BACKUP_INVALID), and changes nothing', async () => {
    const { territory } = await territoryWithHistory();
    const doc = JSON.parse(canonicalJson(await backup(territory.id))) as BackupDocument;
    await removeTerritory(territory.id);
    const missing = uniqueId('act-absent');
    const version = doc.versions.find((v) => v.refs.length > 0)!;
    version.refs[0]!.id = missing;
    for (const rowsPerTransaction of [undefined, 10]) {
      await expect(restoreBackupDocument(t.graph, doc, rowsPerTransaction ? { rowsPerTransaction } : {})).rejects.toMatchObject({
        code: 'BACKUP_INVALID',
        message: expect.stringContaining(missing),
      });
      expect(await footprint(territory.id)).toEqual({ entities: 0, versions: 0, changes: 0, refs: 0, latest: 0 });
    }
  });

  it('the demo territory backs up canonically (same bytes twice), and cannot be restored over itself', async () => {
    const one = canonicalJson(await backup('ter-malaunay'));
    const two = canonicalJson(await backup('ter-malaunay'));
    expect(two).toBe(one);
    const doc = JSON.parse(one) as BackupDocument;
    expect(doc.entities.length).toBeGreaterThan(10);
    await expect(t.graph.write((tx) => restoreBackup(tx, doc))).rejects.toMatchObject({ code: 'BACKUP_ID_COLLISION' });
  });

  it('checks the format and its version', () => {
    expect(() => parseBackup({ format: 'autre' })).toThrow(expect.objectContaining({ code: 'BACKUP_INVALID' }));
    expect(() => parseBackup({ format: 'trame-backup', version: 2 })).toThrow(
      expect.objectContaining({ code: 'BACKUP_VERSION_UNSUPPORTED' }),
    );
    expect(() => parseBackup({ format: 'trame-backup', version: 1, entities: [] })).toThrow(
      expect.objectContaining({ code: 'BACKUP_INVALID' }),
    );
  });

  it('a whole-database backup carries users, password hashes and grants, never sessions', async () => {
    const email = `${uniqueId('u')}@example.org`;
    const user = await createUser(t.graph, { email, name: 'Sauvegarde', password: 'un mot de passe assez long' });
    await createSession(t.graph, user.id);
    const doc = await backup(null);
    const mine = doc.users.find((u) => u.email?.[1] === email)!;
    expect(mine.id![1]).toBe(user.id);
    expect(doc.passwords.find((p) => p.userId?.[1] === user.id)!.hash![1]).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(doc)).not.toMatch(/idHash/);
    expect(doc.territoryId).toBeNull();
    expect(doc.entities.some((e) => e.id?.[1] === 'ter-malaunay')).toBe(true);
  });
});
