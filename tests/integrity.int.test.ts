/**
 * A dangling reference written straight into the graph (as an older build's race, a manual
 * Cypher edit or a partial restore leaves it): project reads skip the broken relation and warn
 * instead of failing, the consistency check names it, and `trame check` exits 1 on it.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { checkIntegrity } from '@trame/graph';
import { useTestApp } from './support/app.ts';
import { build, buildSmallProject, type SmallProject } from './support/factories.ts';

/** The app's log lines (JSON), to see the warning a broken read leaves. */
const logLines: string[] = [];
const t = useTestApp({ logger: { level: 'warn', stream: { write: (line: string) => void logLines.push(line) } } });
let clean: SmallProject;
let broken: SmallProject;
let orphan: { id: string };
let kept: { id: string };

beforeAll(async () => {
  const graph = t.graph;
  clean = await buildSmallProject(graph, 2, 1);
  await build(graph, 'Position', { actorId: clean.actors[0]!.id, objectiveId: clean.objectives[0]!.id, value: 1 });
  broken = await buildSmallProject(graph, 2, 2);
  orphan = await build(graph, 'Position', { actorId: broken.actors[0]!.id, objectiveId: broken.objectives[0]!.id, value: 3 });
  kept = await build(graph, 'Position', { actorId: broken.actors[1]!.id, objectiveId: broken.objectives[1]!.id, value: -2 });
  // End the first objective behind the commands' back: no cascade, its position stays open.
  await graph.write((tx) =>
    tx.run(
      `MATCH (o:Entity {id: $id})-[:LATEST]->(v:Version)
       SET o.validTo = datetime(), v.validTo = datetime(), o.version = o.version + 1`,
      { id: broken.objectives[0]!.id },
    ),
  );
});

describe('a dangling reference in the data', () => {
  it('does not fail the project read: the broken position is left out, with a warning', async () => {
    const read = await t.gql<{
      project: { positions: { id: string; objective: { id: string } }[]; objectives: { id: string }[] };
    }>(`query($id: ID!) { project(id: $id) { positions { id objective { id } actor { id } } objectives { id } } }`, {
      id: broken.project.id,
    });
    expect(read.errors).toBeUndefined();
    expect(read.data!.project.positions.map((p) => p.id)).toEqual([kept.id]);
    expect(read.data!.project.objectives.map((o) => o.id)).toEqual([broken.objectives[1]!.id]);
    const warning = logLines
      .map(
        (line) =>
          JSON.parse(line) as { msg: string; broken?: { entityId: string; field: string; targetId: string; action: string }[] },
      )
      .find((entry) => entry.broken);
    expect(warning?.msg).toContain('trame check');
    expect(warning?.broken).toContainEqual(
      expect.objectContaining({
        entityId: orphan.id,
        field: 'objectiveId',
        targetId: broken.objectives[0]!.id,
        action: 'skipped',
      }),
    );
  });

  it('is named by the consistency check', async () => {
    const report = await t.graph.read((tx) => checkIntegrity(tx, { territoryId: broken.territory.id }));
    expect(report.ok).toBe(false);
    expect(report.danglingReferences).toEqual([
      expect.objectContaining({
        entityId: orphan.id,
        entityType: 'Position',
        field: 'objectiveId',
        targetId: broken.objectives[0]!.id,
        validTo: null,
      }),
    ]);
    expect(report.overlappingVersions).toEqual([]);
    expect(report.identityMismatches).toEqual([]);
    const fine = await t.graph.read((tx) => checkIntegrity(tx, { territoryId: clean.territory.id }));
    expect(fine).toMatchObject({ ok: true, danglingReferences: [], overlappingVersions: [], identityMismatches: [] });
    expect(fine.entities).toBeGreaterThan(5);
  });
});

describe('trame check', () => {
  const bin = fileURLToPath(new URL('../bin/trame.mjs', import.meta.url));
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const config = inject('neo4j');
      const env = {
        ...process.env,
        NEO4J_URI: config.uri,
        NEO4J_USER: config.user,
        NEO4J_PASSWORD: config.password,
        NEO4J_DATABASE: config.database,
      };
      execFile(process.execPath, [bin, ...args], { env, timeout: 120_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 2) : 0, stdout, stderr });
      });
    });

  it('exits 0 on clean data', async () => {
    const result = await run(['check', '--territory', clean.territory.id]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Résultat : aucun problème.');
  });

  it('exits 1 and names the dangling reference', async () => {
    const result = await run(['check', '--territory', broken.territory.id]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✘ 1 référence pendante');
    expect(result.stdout).toContain(`la position « ${orphan.id} »`);
    expect(result.stdout).toContain(`l'objectif → « ${broken.objectives[0]!.id} »`);
    const json = await run(['check', '--json', '--territory', broken.territory.id]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      danglingReferences: [{ entityId: orphan.id, targetId: broken.objectives[0]!.id }],
    });
  });

  it('refuses an unknown option with exit 2', async () => {
    const result = await run(['check', '--nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--nope');
  });
});
