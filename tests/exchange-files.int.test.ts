/**
 * The raw-body routes of files (api/src/plugins/exchange-files.ts): POST /imports (the typed
 * report, the 50 MB file refused before it is read), GET/POST /backups for administrators, and
 * their guards (CSRF with the session cookie, the access rules).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeBackup, type ImportReportView } from '@trame/graph';
import { at, build } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { createPilot, createTestSession, createTestUser } from './support/principals.ts';
import { useTestApp } from './support/app.ts';

const t = useTestApp();
const CORPUS = join(import.meta.dirname, '../graph/src/exchange/fixtures/corpus');
const file = (name: string) => readFileSync(join(CORPUS, name));

type Answer<T> = { data?: T; errors?: { message: string; extensions: Record<string, unknown> }[] };

async function project() {
  const from = at('2018-01-01');
  const territory = await build(
    t.graph,
    'Territory',
    { name: `Commune ${uniqueId('t')}`, code: '76', kind: 'COMMUNE' },
    { validFrom: from },
  );
  const p = await build(t.graph, 'Project', { territoryId: territory.id, name: 'Projet fichiers' }, { validFrom: from });
  return { territory, project: p };
}

function upload(query: Record<string, string>, body: Buffer, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/imports?${new URLSearchParams(query)}`,
    headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': 'application/octet-stream', ...headers },
    payload: body,
  });
}

describe('POST /imports', () => {
  it('previews a workbook as the typed report, then imports it in one change set', async () => {
    const { project: p } = await project();
    const query = { projectId: p.id, fileName: 'noeuds-relations.xlsx', validFrom: '2026-01-15T00:00:00Z' };
    const preview = await upload({ ...query, dryRun: 'true' }, file('noeuds-relations.xlsx'));
    expect(preview.statusCode).toBe(200);
    const report = (preview.json() as Answer<{ importWorkbook: ImportReportView }>).data!.importWorkbook;
    expect(report).toMatchObject({ dryRun: true, accepted: true, changeSetId: null, counts: { created: 9, invalid: 0 } });
    expect(report.sheets.map((s) => [s.name, s.recognised])).toEqual([
      ['Nodes', true],
      ['Relations', true],
    ]);
    expect(report.sheets[0]!.rows.every((r) => r.action === 'CREATE' && r.kindLabel !== null)).toBe(true);

    const done = await upload(query, file('noeuds-relations.xlsx'));
    const written = (done.json() as Answer<{ importWorkbook: ImportReportView }>).data!.importWorkbook;
    expect(written.changeSetId).toMatch(/^set-/);
    // Again: every row is matched, nothing changes.
    const again = await upload({ ...query, dryRun: 'true' }, file('noeuds-relations.xlsx'));
    const second = (again.json() as Answer<{ importWorkbook: ImportReportView }>).data!.importWorkbook;
    expect(second.counts).toMatchObject({ created: 0, updated: 0 });
    expect(second.sheets.flatMap((s) => s.rows).every((r) => r.action === 'UNCHANGED' || r.action === 'SKIPPED')).toBe(true);
  });

  it('reports every problem on its row, in French, and offers the encodings of a text file', async () => {
    const { project: p } = await project();
    const answer = await upload(
      { projectId: p.id, fileName: 'kumu-connexions.csv', dryRun: 'true' },
      file('kumu-connexions.csv'),
    );
    const report = (answer.json() as Answer<{ importWorkbook: ImportReportView }>).data!.importWorkbook;
    expect(report.accepted).toBe(false);
    const invalid = report.sheets.flatMap((s) => s.rows).filter((r) => r.action === 'INVALID');
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid[0]!.problems[0]!.message).toMatch(/«/);
    expect(report.encoding?.label).toBeTruthy();
    expect(report.encodings.map((e) => e.encoding)).toContain('windows-1252');
    // The override is used.
    const forced = await upload(
      { projectId: p.id, fileName: 'kumu-connexions.csv', dryRun: 'true', encoding: 'macintosh' },
      file('kumu-connexions.csv'),
    );
    const overridden = (forced.json() as Answer<{ importWorkbook: ImportReportView }>).data!.importWorkbook;
    expect(overridden.encoding).toMatchObject({ encoding: 'macintosh', source: 'override' });
  });

  it('a 50 MB file is refused from its size, before it is read: FILE_TOO_LARGE, HTTP 413, nothing written', async () => {
    const { project: p } = await project();
    const big = Buffer.alloc(50 * 1024 * 1024, 0x41);
    const before = process.memoryUsage().rss;
    const answer = await upload({ projectId: p.id, fileName: 'enorme.csv' }, big);
    expect(answer.statusCode).toBe(413);
    const error = (answer.json() as Answer<never>).errors![0]!;
    expect(error.extensions.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toBe('le fichier pèse 50 Mo : au-delà de 20 Mo, découpez-le en plusieurs fichiers');
    // Bounded: the server did not hold a parsed copy (rows, strings) of the 50 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    const count = await t.graph.read(async (tx) =>
      Number(
        (
          await tx.run("MATCH (e:Entity {projectId: $id}) WHERE e.type <> 'Project' RETURN count(e) AS n", { id: p.id })
        ).records[0]!.get('n'),
      ),
    );
    expect(count).toBe(0);
  });

  it('is guarded like /graphql: the access rule (project:write), and CSRF with the session cookie', async () => {
    const { project: p } = await project();
    const other = await project();
    const pilot = await createPilot(t.graph, other.project.id);
    const refused = await upload({ projectId: p.id, fileName: 'x.csv', dryRun: 'true' }, file('kumu-connexions.csv'), {
      authorization: `Bearer ${pilot.token}`,
    });
    expect([refused.statusCode, (refused.json() as Answer<never>).errors![0]!.extensions.code]).toEqual([403, 'FORBIDDEN']);

    const anonymous = await t.app.inject({ method: 'POST', url: `/imports?projectId=${p.id}&fileName=x.csv`, payload: 'Nom\nA' });
    expect([anonymous.statusCode, (anonymous.json() as Answer<never>).errors![0]!.extensions.code]).toEqual([
      401,
      'UNAUTHENTICATED',
    ]);

    const session = await createTestSession(t.graph, t.admin.user.id);
    const cookie = `trame_session=${session}`;
    const noHeader = await t.app.inject({
      method: 'POST',
      url: `/imports?projectId=${p.id}&fileName=x.csv&dryRun=true`,
      headers: { cookie, 'content-type': 'text/csv' },
      payload: 'Nom\nA',
    });
    expect(noHeader.statusCode).toBe(403);
    expect((noHeader.json() as { error: { code: string } }).error.code).toBe('CSRF_REFUSED');
    const withHeader = await t.app.inject({
      method: 'POST',
      url: `/imports?projectId=${p.id}&fileName=x.csv&dryRun=true`,
      headers: { cookie, 'content-type': 'text/csv', 'x-trame-csrf': '1' },
      payload: 'Nom\nA',
    });
    expect(withHeader.statusCode).toBe(200);
  });
});

describe('GET and POST /backups', () => {
  it('an administrator downloads a territory, and its restore is refused over itself in words', async () => {
    const { territory } = await project();
    const download = await t.app.inject({
      method: 'GET',
      url: `/backups?territoryId=${territory.id}`,
      headers: { authorization: `Bearer ${t.admin.token}` },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="trame-sauvegarde-ter-/);
    const doc = download.json() as { format: string; entities: unknown[] };
    expect(doc.format).toBe('trame-backup');
    expect(doc.entities.length).toBe(2);

    const restore = (body: string) =>
      t.app.inject({
        method: 'POST',
        url: '/backups',
        headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': 'application/json' },
        payload: body,
      });
    const collision = await restore(download.body);
    expect(collision.statusCode).toBe(409);
    const error = (collision.json() as Answer<never>).errors![0]!;
    expect(error.extensions.code).toBe('BACKUP_ID_COLLISION');
    expect(error.message).toMatch(/^la base contient déjà 4 éléments de cette sauvegarde/);

    const newer = await restore(JSON.stringify({ ...doc, version: 99 }));
    expect((newer.json() as Answer<never>).errors![0]!).toMatchObject({
      extensions: { code: 'BACKUP_VERSION_UNSUPPORTED' },
      message: expect.stringMatching(/plus récente/),
    });
    const notJson = await restore('pas du JSON');
    expect((notJson.json() as Answer<never>).errors![0]!.extensions.code).toBe('BACKUP_INVALID');

    // Removed, then restored from the download: the same backup again.
    const before = await t.graph.read((tx) => takeBackup(tx, { territoryId: territory.id }));
    await t.graph.write((tx) =>
      tx.run(
        `MATCH (e:Entity {territoryId: $id}) OPTIONAL MATCH (e)-[:HAS_VERSION]->(v) OPTIONAL MATCH (c:Change)-[:CHANGED]->(e)
         DETACH DELETE e, v, c`,
        { id: territory.id },
      ),
    );
    const restored = await restore(download.body);
    expect(restored.statusCode).toBe(200);
    const after = await t.graph.read((tx) => takeBackup(tx, { territoryId: territory.id }));
    expect({ ...after, takenAt: null }).toEqual({ ...before, takenAt: null });
  });

  it('only administrators: a pilot is refused', async () => {
    const { project: p } = await project();
    const pilot = await createPilot(t.graph, p.id);
    const answer = await t.app.inject({ method: 'GET', url: '/backups', headers: { authorization: `Bearer ${pilot.token}` } });
    expect([answer.statusCode, (answer.json() as Answer<never>).errors![0]!.extensions.code]).toEqual([403, 'FORBIDDEN']);
    const user = await createTestUser(t.graph, { name: 'Sans rôle' });
    const post = await t.app.inject({
      method: 'POST',
      url: '/backups',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(post.statusCode).toBe(403);
  });
});
