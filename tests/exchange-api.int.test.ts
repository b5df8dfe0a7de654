/** The API's workbook import and exports (api/schema/import.graphql, resolvers/import.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { at, build } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { codeOf } from './support/http.ts';
import { useTestApp } from './support/app.ts';

const t = useTestApp();
const CORPUS = join(import.meta.dirname, '../graph/src/exchange/fixtures/corpus');
const base64 = (name: string) => readFileSync(join(CORPUS, name)).toString('base64');

const IMPORT = /* GraphQL */ `
  mutation Import($projectId: ID!, $fileName: String!, $content: String!, $dryRun: Boolean, $validFrom: DateTime) {
    importWorkbook(projectId: $projectId, fileName: $fileName, content: $content, dryRun: $dryRun, validFrom: $validFrom) {
      accepted dryRun changeSetId counts { created }
      sheets { name recognised rows { line action kind label } }
    }
  }
`;
const EXPORT = /* GraphQL */ `
  query Export($projectId: ID, $territoryId: ID, $format: String!) {
    exportProject(projectId: $projectId, territoryId: $territoryId, format: $format) { fileName mediaType base64 }
  }
`;

describe('importWorkbook and exportProject through the API', () => {
  it('previews, imports, refuses a bad file with its rows, and exports', async () => {
    const from = at('2018-01-01');
    const territory = await build(
      t.graph,
      'Territory',
      { name: `Commune ${uniqueId('t')}`, code: '76', kind: 'COMMUNE' },
      { validFrom: from },
    );
    const project = await build(t.graph, 'Project', { territoryId: territory.id, name: 'Projet API' }, { validFrom: from });
    const variables = {
      projectId: project.id,
      fileName: 'noeuds-relations.xlsx',
      content: base64('noeuds-relations.xlsx'),
      validFrom: '2026-01-15T00:00:00Z',
    };

    const preview = await t.gql<{ importWorkbook: { accepted: boolean; dryRun: boolean; counts: { created: number } } }>(IMPORT, {
      ...variables,
      dryRun: true,
    });
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.importWorkbook).toMatchObject({ accepted: true, dryRun: true, counts: { created: 9 } });

    const done = await t.gql<{ importWorkbook: { changeSetId: string; counts: { created: number } } }>(IMPORT, variables);
    expect(done.errors).toBeUndefined();
    expect(done.data!.importWorkbook.counts.created).toBe(9);
    expect(done.data!.importWorkbook.changeSetId).toMatch(/^set-/);

    const bad = await t.gql(IMPORT, { ...variables, fileName: 'kumu-connexions.csv', content: base64('kumu-connexions.csv') });
    expect(codeOf(bad)).toBe('IMPORT_INVALID_ROWS');
    const binary = await t.gql(IMPORT, { ...variables, fileName: 'binaire.csv', content: base64('binaire.csv') });
    expect(codeOf(binary)).toBe('FILE_NOT_TEXT');

    const exported = await t.gql<{ exportProject: { fileName: string; mediaType: string; base64: string }[] }>(EXPORT, {
      projectId: project.id,
      format: 'gexf',
    });
    expect(exported.errors).toBeUndefined();
    const [file] = exported.data!.exportProject;
    expect(file!.mediaType).toBe('application/gexf+xml');
    const graph = parseGexf(Graph, Buffer.from(file!.base64, 'base64').toString('utf8'));
    expect([graph.order, graph.size]).toEqual([3, 3]);
    const unknown = await t.gql(EXPORT, { projectId: project.id, format: 'pdf' });
    expect(codeOf(unknown)).toBe('INVALID_FIELD');
  });
});
