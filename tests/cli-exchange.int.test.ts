/**
 * The command line's exchange commands (cli/commands/{import,export,backup,restore}.ts), run as
 * the operator runs them (bin/trame.mjs in a child process) against the test Neo4j.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, inject, it } from 'vitest';
import type { EntityRecord, WorkbookImportReport } from '@trame/graph';
import { at, build } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { useTestGraph } from './support/app.ts';

const t = useTestGraph();
const bin = fileURLToPath(new URL('../bin/trame.mjs', import.meta.url));
const CORPUS = fileURLToPath(new URL('../graph/src/exchange/fixtures/corpus/', import.meta.url));

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
    execFile(process.execPath, [bin, ...args], { env, timeout: 180_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 2) : 0, stdout, stderr });
    });
  });

async function emptyProject(): Promise<{ territory: EntityRecord; project: EntityRecord }> {
  const from = at('2018-01-01');
  const territory = await build(
    t.graph,
    'Territory',
    { name: `Commune ${uniqueId('t')}`, code: '76', kind: 'COMMUNE' },
    { validFrom: from },
  );
  const project = await build(t.graph, 'Project', { territoryId: territory.id, name: 'Projet CLI' }, { validFrom: from });
  return { territory, project };
}

const count = (territoryId: string) =>
  t.graph.read(async (tx) => {
    const r = await tx.run('MATCH (c:Change {territoryId: $t}) RETURN count(c) AS n', { t: territoryId });
    return Number(r.records[0]!.get('n'));
  });

describe('trame import / export / backup / restore', () => {
  it('import: --dry-run --json prints the preview and writes nothing; then imports; a bad file exits 1 with its rows', async () => {
    const { territory, project } = await emptyProject();
    const file = join(CORPUS, 'noeuds-relations.xlsx');
    const dry = await run(['import', file, '--project', project.id, '--dry-run', '--json', '--date', '2026-01-15']);
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.stdout) as WorkbookImportReport;
    expect(preview).toMatchObject({ dryRun: true, accepted: true, date: '2026-01-15' });
    expect(preview.rows.map((r) => [r.sheet, r.line, r.kind, r.action])).toContainEqual(['Relations', 2, 'Influence', 'CREATE']);
    expect(await count(territory.id)).toBe(2);

    const real = await run(['import', file, '--project', project.id, '--date', '2026-01-15']);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('9 création(s)');
    expect(await count(territory.id)).toBe(2 + 9);

    const bad = await run(['import', join(CORPUS, 'kumu-connexions.csv'), '--project', project.id]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      "« kumu-connexions » ligne 5, colonne « Type » : colonne « Type » : le type de relation « amitié » n'est pas reconnu",
    );
    expect(await count(territory.id)).toBe(2 + 9);

    // Export it back: GEXF read by graphology, CSV one file per kind.
    const dir = mkdtempSync(join(tmpdir(), 'trame-cli-export-'));
    const gexf = await run(['export', '--project', project.id, '--format', 'gexf', '-o', join(dir, 'projet.gexf')]);
    expect(gexf.code).toBe(0);
    const graph = parseGexf(Graph, readFileSync(join(dir, 'projet.gexf'), 'utf8'));
    expect([graph.order, graph.size]).toEqual([3, 3]);
    const csv = await run(['export', '--territory', territory.id, '--format', 'csv', '-o', join(dir, 'csv')]);
    expect(csv.code).toBe(0);
    expect(readdirSync(join(dir, 'csv')).some((name) => name.endsWith('Acteurs.csv'))).toBe(true);
    const wrong = await run(['export', '--project', project.id, '--format', 'pdf']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('format « pdf » inconnu');
  }, 600_000); // seven child processes, each starting tsx: slow on a loaded machine

  it('export leaves the confidential items out, unless --with-confidential', async () => {
    const { project } = await emptyProject();
    const objective = (title: string, confidential: boolean) =>
      build(
        t.graph,
        'Objective',
        { projectId: project.id, title, dimensions: ['SOCIAL'], nature: 'MATERIEL', confidential },
        { validFrom: at('2018-01-01') },
      );
    const secret = `Objectif confidentiel ${uniqueId('o')}`;
    await objective('Objectif public', false);
    await objective(secret, true);
    const dir = mkdtempSync(join(tmpdir(), 'trame-cli-confidential-'));
    /** Every CSV table the export wrote in `folder`, as one text. */
    const tables = (folder: string) =>
      readdirSync(join(dir, folder))
        .map((name) => readFileSync(join(dir, folder, name), 'utf8'))
        .join('\n');

    const plain = await run(['export', '--project', project.id, '--format', 'csv', '-o', join(dir, 'sans')]);
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
    expect(tables('sans')).toContain('Objectif public');
    expect(tables('sans')).not.toContain(secret);

    const full = await run([
      'export',
      '--project',
      project.id,
      '--format',
      'csv',
      '--with-confidential',
      '-o',
      join(dir, 'avec'),
    ]);
    expect(full.code).toBe(0);
    expect(tables('avec')).toContain('Objectif public');
    expect(tables('avec')).toContain(secret);
  }, 600_000);

  it('backup a territory, restore over it is refused (exit 1), restore after removal gives the same backup', async () => {
    const { territory, project } = await emptyProject();
    const imported = await run(['import', join(CORPUS, 'texte-unicode.txt'), '--project', project.id, '--date', '2026-01-15']);
    expect(imported.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'trame-cli-backup-'));
    const file = join(dir, 'sauvegarde.json');
    const first = await run(['backup', '--territory', territory.id, '-o', file]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Sauvegarde écrite');
    const refused = await run(['restore', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refusée');
    await t.graph.write((tx) =>
      tx.run('MATCH (n) WHERE (n:Entity OR n:Version OR n:Change) AND n.territoryId = $t DETACH DELETE n', { t: territory.id }),
    );
    const restored = await run(['restore', file]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Sauvegarde restaurée');
    const again = await run(['backup', '--territory', territory.id]);
    const strip = (text: string) => text.replace(/"takenAt": "[^"]*"/, '');
    expect(strip(again.stdout)).toBe(strip(readFileSync(file, 'utf8')));
  }, 600_000);
});
