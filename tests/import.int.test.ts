import { describe, expect, it } from 'vitest';
import { LIMITS, createEntity, importActors, type ActorImportReport, type ActorImportRow, type EntityRecord } from '@trame/graph';
import { at, build, buildSmallProject } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { codeOf, gql, type GqlResult } from './support/http.ts';
import { useTestApp } from './support/app.ts';

const t = useTestApp();

const IMPORT = /* GraphQL */ `
  mutation Import($projectId: ID!, $rows: [ActorImportRow!]!, $validFrom: DateTime, $dryRun: Boolean) {
    importActors(projectId: $projectId, rows: $rows, validFrom: $validFrom, dryRun: $dryRun) {
      dryRun projectId validFrom rowCount actorsCreated actorsReused engagementsCreated skipped
      rows { line name action actorId engagementId reason warnings }
      errors { line field code message }
    }
  }
`;

type Report = Omit<ActorImportReport, 'validFrom'> & { validFrom: string };
const importThroughApi = (variables: Record<string, unknown>) => gql<{ importActors: Report }>(t.app, IMPORT, variables);

/** A territory with a project (from 2018-01-01), one engaged actor « Acteur 1 » and a perimeter. */
async function setting(): Promise<{
  territory: EntityRecord;
  project: EntityRecord;
  engaged: EntityRecord;
  perimeter: EntityRecord;
}> {
  const small = await buildSmallProject(t.graph, 1, 0);
  const perimeter = await build(
    t.graph,
    'Perimeter',
    { projectId: small.project.id, name: 'Cantine bio' },
    { validFrom: at('2018-01-01') },
  );
  return { territory: small.territory, project: small.project, engaged: small.actors[0]!, perimeter };
}

/** Counts the history written in a territory: what "nothing was written" is checked against. */
async function footprint(territoryId: string): Promise<{ entities: number; versions: number; changes: number }> {
  return t.graph.read(async (tx) => {
    const result = await tx.run(
      `CALL { MATCH (e:Entity {territoryId: $t}) RETURN count(e) AS entities }
       CALL { MATCH (v:Version {territoryId: $t}) RETURN count(v) AS versions }
       CALL { MATCH (c:Change {territoryId: $t}) RETURN count(c) AS changes }
       RETURN entities, versions, changes`,
      { t: territoryId },
    );
    return result.records[0]!.toObject() as { entities: number; versions: number; changes: number };
  });
}

const ROWS: ActorImportRow[] = [
  {
    line: 2,
    name: 'Collectif des Glycines',
    kind: 'HABITANT',
    level: 'PARTICIPANT',
    role: 'Riverains',
    description: 'Habitants du quartier',
  },
  { line: 3, name: 'Les Anges Gardins', kind: 'association', level: 'coopérant', perimeter: 'cantine BIO' },
  { line: 4, name: 'acteur 1', kind: 'ASSOCIATION', level: 'MOTEUR' }, // already engaged: skipped
  { line: 5, name: 'Club ELEMIAH', kind: 'ASSOCIATION', level: 'INFORME' },
  { line: 6, name: 'Régie de quartier', kind: 'ENTREPRISE', level: 'CONCERNE' }, // exists in the territory, not engaged: reused
];

/**
 * The graph an import leaves in a territory, with every id replaced by what it names, so that
 * two territories loaded two ways can be compared.
 */
async function snapshot(territoryId: string, author: string) {
  return t.graph.read(async (tx) => {
    const result = await tx.run(
      `MATCH (e:Entity {territoryId: $t})<-[:CHANGED]-(:Change {op: 'CREATE', author: $author})
       MATCH (e)-[:HAS_VERSION]->(v:Version)
       OPTIONAL MATCH (c:Change {id: v.changeId})-[:CHANGED]->(e)
       CALL (v) {
         OPTIONAL MATCH (v)-[r:REFERS_TO]->(target:Entity)
         WITH r, target ORDER BY r.field
         RETURN collect(CASE WHEN r IS NULL THEN null ELSE [r.field, target.type, coalesce(target.name, target.id)] END) AS refs
       }
       WITH e, v, c, refs, EXISTS { (e)-[:LATEST]->(v) } AS latest, COUNT { (e)<-[:CHANGED]-() } AS changeCount
       RETURN e {.*} AS entity, v {.*} AS version, c {.*} AS change, refs, latest, changeCount`,
      { t: territoryId, author },
    );
    // Names by id, for both sides: the actor's name stands for its id, « engagement of <name> » for an engagement's.
    type Props = Record<string, unknown> & { id: string };
    const rows = result.records.map(
      (r) =>
        r.toObject() as {
          entity: Props;
          version: Props;
          change: Props | null;
          refs: unknown[];
          latest: boolean;
          changeCount: number;
        },
    );
    const nameOf = new Map<string, string>();
    for (const row of rows) if (row.entity.type === 'Actor') nameOf.set(row.entity.id, `actor:${String(row.version.name)}`);
    const actorIds = await tx.run(`MATCH (a:Actor {territoryId: $t})-[:LATEST]->(v) RETURN a.id AS id, v.name AS name`, {
      t: territoryId,
    });
    for (const r of actorIds.records) nameOf.set(r.get('id') as string, `actor:${String(r.get('name'))}`);
    for (const row of rows)
      if (row.entity.type === 'Engagement') nameOf.set(row.entity.id, `engagement:${nameOf.get(String(row.version.actorId))}`);
    const fix = (value: unknown): unknown => {
      if (typeof value === 'string') {
        if (nameOf.has(value)) return nameOf.get(value);
        if (value === territoryId) return 'territory';
        if (/^(prj|per|chg)-/.test(value)) return value.split('-')[0];
        try {
          const parsed = JSON.parse(value) as unknown;
          if (parsed && typeof parsed === 'object') return fix(parsed);
        } catch {
          /* not JSON */
        }
        return value;
      }
      if (Array.isArray(value)) return value.map(fix);
      if (value !== null && typeof value === 'object') {
        if ('year' in value && 'nanosecond' in value) return String(value);
        return Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, fix(v)]),
        );
      }
      return value;
    };
    return rows.map((row) => fix(row)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  });
}

describe('importing actors (t.graph)', () => {
  it('writes exactly what createActor and createEngagement write, in one transaction', async () => {
    const now = new Date(Date.now() - 60_000);
    const validFrom = at('2019-09-01');
    const ctx = { author: 'pilote-import', now };
    const [a, b] = [await setting(), await setting()];
    for (const s of [a, b]) {
      await build(
        t.graph,
        'Actor',
        { territoryId: s.territory.id, name: 'Régie de Quartier', kind: 'ENTREPRISE' },
        { validFrom: at('2018-06-01') },
      );
    }
    const before = await footprint(a.territory.id);

    const report = await t.graph.write((tx) => importActors(tx, ctx, a.project.id, ROWS, { validFrom }));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({
      dryRun: false,
      rowCount: 5,
      actorsCreated: 3,
      actorsReused: 1,
      engagementsCreated: 4,
      skipped: 1,
    });
    expect(report.rows.map((r) => r.action)).toEqual(['NEW_ACTOR', 'NEW_ACTOR', 'SKIPPED', 'NEW_ACTOR', 'EXISTING_ACTOR']);
    expect(report.rows[2]).toMatchObject({ actorId: a.engaged.id, reason: expect.stringContaining('déjà engagé') });
    // 3 actors + 4 engagements: one identity, one version and one change each.
    expect(await footprint(a.territory.id)).toEqual({
      entities: before.entities + 7,
      versions: before.versions + 7,
      changes: before.changes + 7,
    });

    // The same rows through the domain commands, one by one, in the other territory.
    const actorOf = new Map<string, string>([['acteur 1', b.engaged.id]]);
    await t.graph.write(async (tx) => {
      const existing = await tx.run(`MATCH (a:Actor {territoryId: $t})-[:LATEST]->(v) RETURN a.id AS id, v.name AS name`, {
        t: b.territory.id,
      });
      for (const r of existing.records) actorOf.set(String(r.get('name')).toLowerCase(), r.get('id') as string);
      const levels: Record<string, string> = { coopérant: 'COOPERANT' };
      for (const row of ROWS.filter((r) => r.line !== 4)) {
        const name = String(row.name);
        let actorId = actorOf.get(name.toLowerCase());
        if (!actorId) {
          const actor = await createEntity(
            tx,
            ctx,
            'Actor',
            { territoryId: b.territory.id, name, kind: String(row.kind).toUpperCase(), description: row.description ?? null },
            { validFrom },
          );
          actorId = actor.id;
        }
        const level = levels[String(row.level)] ?? String(row.level);
        const perimeterId = row.perimeter ? b.perimeter.id : null;
        await createEntity(
          tx,
          ctx,
          'Engagement',
          { actorId, projectId: b.project.id, level, role: row.role ?? null, perimeterId },
          { validFrom },
        );
      }
    });

    const [imported, commanded] = [await snapshot(a.territory.id, ctx.author), await snapshot(b.territory.id, ctx.author)];
    expect(imported).toHaveLength(7);
    expect(imported).toEqual(commanded);
  });
});

describe('importActors (GraphQL)', () => {
  it('previews without writing, then imports, attributed to the acting user and shown on the map', async () => {
    const s = await setting();
    const rows = [
      { line: 2, name: 'Collectif des Glycines', kind: 'habitant', level: 'participant' },
      { line: 3, name: 'ACTEUR 1', kind: 'ASSOCIATION', level: 'MOTEUR' },
    ];
    const before = await footprint(s.territory.id);
    const preview = await importThroughApi({ projectId: s.project.id, rows, validFrom: '2020-01-15', dryRun: true });
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.importActors).toMatchObject({
      dryRun: true,
      validFrom: '2020-01-15T00:00:00.000Z',
      actorsCreated: 1,
      engagementsCreated: 1,
      skipped: 1,
      errors: [],
      rows: [
        { line: 2, action: 'NEW_ACTOR', actorId: null, engagementId: null },
        { line: 3, action: 'SKIPPED', actorId: s.engaged.id },
      ],
    });
    expect(await footprint(s.territory.id)).toEqual(before);

    const done = await importThroughApi({ projectId: s.project.id, rows, validFrom: '2020-01-15' });
    expect(done.errors).toBeUndefined();
    const created = done.data!.importActors.rows[0]!;
    expect(created.actorId).toMatch(/^act-/);
    expect(created.engagementId).toMatch(/^eng-/);

    const timeline = await gql<{
      projectTimeline: { changes: { op: string; author: string; entityId: string; validFrom: string }[] };
    }>(t.app, `query($p: ID!) { projectTimeline(projectId: $p, first: 5) { changes { op author entityId validFrom } } }`, {
      p: s.project.id,
    });
    expect(timeline.data!.projectTimeline.changes[0]).toEqual({
      op: 'CREATE',
      author: 'Pilote de test',
      entityId: created.engagementId,
      validFrom: '2020-01-15T00:00:00.000Z',
    });
    const map = await gql<{ projectMap: { nodes: { id: string; label: string; data: { engagement?: string } }[] } }>(
      t.app,
      `query($p: ID!) { projectMap(projectId: $p) { nodes { id label data } } }`,
      { p: s.project.id },
    );
    expect(map.data!.projectMap.nodes.find((n) => n.id === created.actorId)).toMatchObject({
      label: 'Collectif des Glycines',
      data: { engagement: 'PARTICIPANT' },
    });
    // Read as of the day before: not there yet.
    const earlier = await gql<{ project: { actors: { id: string }[] } }>(
      t.app,
      `query($p: ID!) { project(id: $p, asOf: "2020-01-14") { actors { id } } }`,
      { p: s.project.id },
    );
    expect(earlier.data!.project.actors.map((a) => a.id)).not.toContain(created.actorId);

    // The same file again: nothing new, every row skipped.
    const again = await importThroughApi({ projectId: s.project.id, rows, validFrom: '2020-02-01' });
    expect(again.data!.importActors).toMatchObject({ actorsCreated: 0, engagementsCreated: 0, skipped: 2 });
  });

  it('refuses the whole file when a row is bad, listing every bad cell, and writes nothing', async () => {
    const s = await setting();
    const before = await footprint(s.territory.id);
    const rows = [
      { line: 2, name: 'Bon acteur', kind: 'ELU', level: 'INFORME' },
      { line: 3, name: '', kind: 'Mairie', level: 'INFORME' },
      { line: 4, name: 'Autre', kind: 'TIERS', level: 'INFORME', perimeter: 'Biodiversité' },
    ];
    const refused = await importThroughApi({ projectId: s.project.id, rows });
    expect(codeOf(refused as GqlResult)).toBe('IMPORT_INVALID_ROWS');
    const error = refused.errors![0]!;
    expect(error.message).toMatch(
      /^2 lignes ne peuvent pas être importées, rien n'a été importé — ligne 3 : le nom est obligatoire/,
    );
    expect(error.extensions!.rows).toEqual([
      { line: 3, field: 'name', code: 'REQUIRED_FIELD', message: 'le nom est obligatoire' },
      { line: 3, field: 'kind', code: 'INVALID_ENUM', message: expect.stringContaining("« Mairie » n'est pas reconnu") },
      { line: 4, field: 'perimeter', code: 'DANGLING_REFERENCE', message: expect.stringContaining('périmètres : Cantine bio') },
    ]);
    expect(await footprint(s.territory.id)).toEqual(before);

    // The dry run reports the same errors as data.
    const preview = await importThroughApi({ projectId: s.project.id, rows, dryRun: true });
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.importActors.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'name', 'REQUIRED_FIELD'],
      [3, 'kind', 'INVALID_ENUM'],
      [4, 'perimeter', 'DANGLING_REFERENCE'],
    ]);
    expect(preview.data!.importActors.rows.map((r) => r.action)).toEqual(['NEW_ACTOR', 'INVALID', 'INVALID']);
  });

  it('reuses an actor of the territory across case and accents, and an actor imported into another project', async () => {
    const s = await setting();
    const other = await build(
      t.graph,
      'Project',
      { territoryId: s.territory.id, name: 'Autre projet' },
      { validFrom: at('2018-01-01') },
    );
    const elus = await build(
      t.graph,
      'Actor',
      { territoryId: s.territory.id, name: 'Élus de la commune', kind: 'ELU' },
      { validFrom: at('2018-01-01') },
    );
    const first = await importThroughApi({
      projectId: s.project.id,
      rows: [
        { name: 'ELUS DE LA COMMUNE', kind: 'ELU', level: 'MOTEUR' },
        { name: 'Épicerie solidaire', kind: 'ASSOCIATION', level: 'INFORME' },
      ],
    });
    expect(first.data!.importActors.rows.map((r) => [r.action, r.actorId === elus.id])).toEqual([
      ['EXISTING_ACTOR', true],
      ['NEW_ACTOR', false],
    ]);
    const epicerie = first.data!.importActors.rows[1]!.actorId;
    const second = await importThroughApi({
      projectId: other.id,
      rows: [{ name: 'epicerie  solidaire', kind: 'ASSOCIATION', level: 'MOTEUR' }],
    });
    expect(second.data!.importActors.rows[0]).toMatchObject({ action: 'EXISTING_ACTOR', actorId: epicerie });
    const actors = await gql<{ territory: { actors: { name: string }[] } }>(
      t.app,
      `query($t: ID!) { territory(id: $t) { actors { name } } }`,
      { t: s.territory.id },
    );
    expect(actors.data!.territory.actors.filter((a) => a.name.toLowerCase().startsWith('épicerie'))).toHaveLength(1);
  });

  it('serialises concurrent imports of one territory: a new name becomes one actor', async () => {
    const s = await setting();
    const other = await build(
      t.graph,
      'Project',
      { territoryId: s.territory.id, name: 'Projet voisin' },
      { validFrom: at('2018-01-01') },
    );
    const name = `Ferme ${uniqueId('f')}`;
    const results = await Promise.all(
      [s.project.id, other.id].map((projectId) =>
        importThroughApi({ projectId, rows: [{ name, kind: 'ENTREPRISE', level: 'INFORME' }] }),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(results.map((r) => r.data!.importActors.rows[0]!.action).sort()).toEqual(['EXISTING_ACTOR', 'NEW_ACTOR']);
    expect(new Set(results.map((r) => r.data!.importActors.rows[0]!.actorId)).size).toBe(1);
  });

  it('refuses too many rows, no rows, an ended project, an unknown project and a date before the project', async () => {
    const s = await setting();
    const many = Array.from({ length: LIMITS.importRows + 1 }, (_, i) => ({
      name: `Acteur importé ${i}`,
      kind: 'HABITANT',
      level: 'CONCERNE',
    }));
    const tooMany = await importThroughApi({ projectId: s.project.id, rows: many, dryRun: true });
    expect(codeOf(tooMany as GqlResult)).toBe('IMPORT_TOO_MANY_ROWS');
    expect(tooMany.errors![0]!.extensions).toMatchObject({ max: LIMITS.importRows, rowCount: LIMITS.importRows + 1 });
    expect(codeOf((await importThroughApi({ projectId: s.project.id, rows: [] })) as GqlResult)).toBe('IMPORT_NO_ROWS');
    expect(
      codeOf(
        (await importThroughApi({
          projectId: 'prj-nexiste-pas',
          rows: [{ name: 'A', kind: 'ELU', level: 'INFORME' }],
        })) as GqlResult,
      ),
    ).toBe('NOT_FOUND');
    const early = await importThroughApi({
      projectId: s.project.id,
      rows: [{ name: 'A', kind: 'ELU', level: 'INFORME' }],
      validFrom: '2017-06-01',
    });
    expect(codeOf(early as GqlResult)).toBe('DANGLING_REFERENCE');

    const ended = await gql(
      t.app,
      `mutation($id: ID!, $v: Int!) { endProject(id: $id, version: $v, validFrom: "2024-01-01") { id } }`,
      { id: s.project.id, v: s.project.version },
    );
    expect(ended.errors).toBeUndefined();
    const late = await importThroughApi({
      projectId: s.project.id,
      rows: [{ name: 'A', kind: 'ELU', level: 'INFORME' }],
      validFrom: '2020-01-01',
    });
    expect(codeOf(late as GqlResult)).toBe('ENTITY_ENDED');
  });

  it('imports the largest file allowed in one go', async () => {
    const s = await setting();
    const rows = Array.from({ length: LIMITS.importRows }, (_, i) => ({
      line: i + 2,
      name: `Habitant ${i}`,
      kind: 'HABITANT',
      level: 'CONCERNE',
    }));
    const started = performance.now();
    const done = await importThroughApi({ projectId: s.project.id, rows, validFrom: '2021-01-01' });
    const ms = performance.now() - started;
    expect(done.errors).toBeUndefined();
    expect(done.data!.importActors).toMatchObject({ actorsCreated: LIMITS.importRows, engagementsCreated: LIMITS.importRows });
    expect(ms).toBeLessThan(30_000);
  });
});
