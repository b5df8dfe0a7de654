/**
 * A 500-row actor import: one `importActors` mutation against 500 × (createActor +
 * createEngagement) mutations, as the editor would send them one by one, both through HTTP
 * (fastify inject) on the same Neo4j; and, server side, `importActors` against the same 1,000
 * creations through the domain commands in one transaction. Each run imports into a fresh
 * territory and project, so every candidate starts from the same graph.
 *
 *   npx tsx bench/import.ts            # starts its own Neo4j (a minute), 5 runs after 1 warm-up
 *   BENCH_IMPORT_ROWS=2000 BENCH_IMPORT_RUNS=3 npx tsx bench/import.ts
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@trame/api';
import {
  Graph,
  createApiToken,
  createDriver,
  createEntity,
  createUser,
  grantRole,
  importActors,
  type ActorImportRow,
} from '@trame/graph';
import { startDisposableNeo4j } from '@trame/neo4j-embedded/disposable';
import { migrate } from '@trame/migrations';
import { stat, type Stat } from './lib.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 500);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 5);
const WARMUP = 1;
const AUTHOR = 'bench';
const VALID_FROM = '2024-01-01';
const KINDS = ['ELU', 'SERVICE', 'ENTREPRISE', 'ASSOCIATION', 'HABITANT', 'INSTITUTION', 'TIERS', 'FINANCEUR'];
const LEVELS = ['CONCERNE', 'INFORME', 'PARTICIPANT', 'COOPERANT', 'MOTEUR'];

const rows = (tag: string): ActorImportRow[] =>
  Array.from({ length: ROWS }, (_, i) => ({
    line: i + 2,
    name: `Acteur ${tag} ${i}`,
    kind: KINDS[i % KINDS.length]!,
    description: i % 3 === 0 ? `Description de l'acteur ${i}, importée d'un tableur.` : null,
    level: LEVELS[i % LEVELS.length]!,
    role: i % 2 === 0 ? 'Membre du comité de pilotage' : null,
  }));

/** The bench's administrator token (the API refuses anonymous writes). */
let bearer = '';

async function gql(app: FastifyInstance, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { authorization: `Bearer ${bearer}` },
    payload: { query, variables },
  });
  const body = response.json() as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0]!.message);
  return body.data!;
}

const IMPORT = `mutation($p: ID!, $rows: [ActorImportRow!]!, $v: DateTime, $dry: Boolean) {
  importActors(projectId: $p, rows: $rows, validFrom: $v, dryRun: $dry) { actorsCreated engagementsCreated errors { line } } }`;
const CREATE_ACTOR = `mutation($input: CreateActorInput!, $v: DateTime) { createActor(input: $input, validFrom: $v) { id } }`;
const CREATE_ENGAGEMENT = `mutation($input: CreateEngagementInput!, $v: DateTime) { createEngagement(input: $input, validFrom: $v) { id } }`;

async function main(): Promise<void> {
  const password = 'trame-bench-password';
  const external = process.env.BENCH_NEO4J_URI;
  const neo = external ? null : await startDisposableNeo4j({ password, heap: '1g' });
  const config = {
    uri: external ?? neo!.uri,
    user: 'neo4j',
    password: process.env.BENCH_NEO4J_PASSWORD ?? password,
    database: 'neo4j',
  };
  const driver = createDriver(config);
  const graph = new Graph(driver, config.database);
  const app = await buildApp({ graph, webDir: null, graphiql: false });
  try {
    await migrate(driver, { database: config.database });
    const admin = await createUser(graph, { email: `bench-${Date.now()}@trame.test`, name: 'Bench' });
    await grantRole(graph, { userId: admin.id, role: 'ADMINISTRATEUR', by: 'system' });
    bearer = (await createApiToken(graph, { userId: admin.id, name: 'bench' })).token;
    let n = 0;
    const fresh = async () => {
      n += 1;
      const territory = await graph.write((tx) =>
        createEntity(
          tx,
          { author: AUTHOR },
          'Territory',
          { name: `Import ${n}`, code: '62', kind: 'COMMUNE' },
          { validFrom: new Date('2020-01-01') },
        ),
      );
      const project = await graph.write((tx) =>
        createEntity(
          tx,
          { author: AUTHOR },
          'Project',
          { territoryId: territory.id, name: `Projet ${n}` },
          { validFrom: new Date('2020-01-01') },
        ),
      );
      return { territoryId: territory.id, projectId: project.id, tag: String(n) };
    };
    type Target = Awaited<ReturnType<typeof fresh>>;
    const cases: Record<string, (t: Target) => Promise<void>> = {
      'importActors mutation (HTTP, one request)': async (t) => {
        const data = (await gql(app, IMPORT, { p: t.projectId, rows: rows(t.tag), v: VALID_FROM })) as {
          importActors: { engagementsCreated: number };
        };
        if (data.importActors.engagementsCreated !== ROWS) throw new Error('import: wrong count');
      },
      'importActors dry run (HTTP)': async (t) => {
        await gql(app, IMPORT, { p: t.projectId, rows: rows(t.tag), v: VALID_FROM, dry: true });
      },
      [`${ROWS} × (createActor + createEngagement) mutations (HTTP, ${2 * ROWS} requests)`]: async (t) => {
        for (const row of rows(t.tag)) {
          const actor = (await gql(app, CREATE_ACTOR, {
            input: { territoryId: t.territoryId, name: row.name, kind: row.kind, description: row.description },
            v: VALID_FROM,
          })) as {
            createActor: { id: string };
          };
          await gql(app, CREATE_ENGAGEMENT, {
            input: { actorId: actor.createActor.id, projectId: t.projectId, level: row.level, role: row.role },
            v: VALID_FROM,
          });
        }
      },
      'importActors (server, one transaction)': async (t) => {
        await graph.write((tx) =>
          importActors(tx, { author: AUTHOR }, t.projectId, rows(t.tag), { validFrom: new Date(VALID_FROM) }),
        );
      },
      [`${2 * ROWS} createEntity commands (server, one transaction)`]: async (t) => {
        await graph.write(async (tx) => {
          for (const row of rows(t.tag)) {
            const ctx = { author: AUTHOR };
            const options = { validFrom: new Date(VALID_FROM) };
            const actor = await createEntity(
              tx,
              ctx,
              'Actor',
              { territoryId: t.territoryId, name: row.name, kind: row.kind, description: row.description },
              options,
            );
            await createEntity(
              tx,
              ctx,
              'Engagement',
              { actorId: actor.id, projectId: t.projectId, level: row.level, role: row.role },
              options,
            );
          }
        });
      },
    };
    const names = Object.keys(cases);
    const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
    for (let run = 0; run < WARMUP + RUNS; run += 1) {
      // Rotate the order from run to run, so that noise on a shared machine hits all alike.
      for (let k = 0; k < names.length; k += 1) {
        const name = names[(run + k) % names.length]!;
        const target = await fresh();
        const started = performance.now();
        await cases[name]!(target);
        if (run >= WARMUP) samples[name]!.push(performance.now() - started);
      }
      console.error(`run ${run + 1}/${WARMUP + RUNS} done`);
    }
    const stats: Stat[] = names.map((name) => stat(name, samples[name]!));
    const base = stats[0]!.medianMs;
    console.log(`\n${ROWS}-row actor import, median of ${RUNS} runs after ${WARMUP} warm-up\n`);
    console.log('| candidate | median | p95 | ÷ importActors |');
    console.log('|---|---|---|---|');
    for (const s of stats)
      console.log(
        `| ${s.name} | ${(s.medianMs / 1000).toFixed(2)} s | ${(s.p95Ms / 1000).toFixed(2)} s | ${(s.medianMs / base).toFixed(1)} |`,
      );
  } finally {
    await app.close();
    await graph.close();
    await neo?.dispose();
  }
}

await main();
