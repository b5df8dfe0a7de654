import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from './app.ts';
import { uniqueId } from './graph.ts';

/**
 * A territory and a project created from scratch for the names, merge and table browser tests
 * (issue 13 parts 4 and 9), through the API as the pilot's tools would: these tests merge and
 * edit, so they never touch the demo map other tests read.
 */
export interface NamesProject {
  territoryId: string;
  projectId: string;
  suffix: string;
  actors: Record<string, string>;
  objectives: Record<string, string>;
  positions: Record<string, string>;
}

async function one<T>(t: TestApp, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await t.gql<Record<string, T>>(query, variables);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data!)[0]!;
}

/**
 * « Commune <suffix> » with project « Épicerie et jeunesse <suffix> » from 2020-01-01:
 * actors (name → id) engaged as given, objectives, and positions `actor:objective` → value.
 */
export async function buildNamesProject(
  t: TestApp,
  spec: {
    engaged: Record<string, string>;
    territoryOnly?: string[];
    objectives: string[];
    positions?: Record<string, number>;
  },
): Promise<NamesProject> {
  const suffix = uniqueId('n').slice(2);
  const from = '2020-01-01';
  const territory = await one<{ id: string }>(
    t,
    'mutation($input: CreateTerritoryInput!, $at: DateTime) { createTerritory(input: $input, validFrom: $at) { id } }',
    { input: { name: `Commune ${suffix}`, code: '76', kind: 'COMMUNE' }, at: from },
  );
  const project = await one<{ id: string }>(
    t,
    'mutation($input: CreateProjectInput!, $at: DateTime) { createProject(input: $input, validFrom: $at) { id } }',
    { input: { territoryId: territory.id, name: `Épicerie et jeunesse ${suffix}` }, at: from },
  );
  const actors: Record<string, string> = {};
  const createActor = async (name: string) => {
    const actor = await one<{ id: string }>(
      t,
      'mutation($input: CreateActorInput!, $at: DateTime) { createActor(input: $input, validFrom: $at) { id } }',
      { input: { territoryId: territory.id, name, kind: 'ASSOCIATION' }, at: from },
    );
    actors[name] = actor.id;
    return actor.id;
  };
  for (const [name, level] of Object.entries(spec.engaged)) {
    const actorId = await createActor(name);
    await one(
      t,
      'mutation($input: CreateEngagementInput!, $at: DateTime) { createEngagement(input: $input, validFrom: $at) { id } }',
      {
        input: { actorId, projectId: project.id, level },
        at: from,
      },
    );
  }
  for (const name of spec.territoryOnly ?? []) await createActor(name);
  const objectives: Record<string, string> = {};
  for (const title of spec.objectives) {
    const objective = await one<{ id: string }>(
      t,
      'mutation($input: CreateObjectiveInput!, $at: DateTime) { createObjective(input: $input, validFrom: $at) { id } }',
      { input: { projectId: project.id, title, dimensions: ['SOCIAL'], nature: 'MATERIEL' }, at: from },
    );
    objectives[title] = objective.id;
  }
  const positions: Record<string, string> = {};
  for (const [key, value] of Object.entries(spec.positions ?? {})) {
    const [actor, objective] = key.split(':') as [string, string];
    const position = await one<{ id: string }>(
      t,
      'mutation($input: CreatePositionInput!, $at: DateTime) { createPosition(input: $input, validFrom: $at) { id } }',
      { input: { actorId: actors[actor], objectiveId: objectives[objective], value }, at: '2021-01-01' },
    );
    positions[key] = position.id;
  }
  return { territoryId: territory.id, projectId: project.id, suffix, actors, objectives, positions };
}

interface Cy {
  nodes(selector: string): { map<T>(f: (n: { id(): string }) => T): T[] };
  edges(selector: string): { map<T>(f: (e: { id(): string; data(key: string): unknown }) => T): T[] };
  getElementById(id: string): { emit(event: string): void };
}

/** Opens the project's map (at `date`, when given) and waits for its actors. */
export async function openMap(page: Page, base: string, projectId: string, date?: string): Promise<void> {
  await page.goto(`${base}/projets/${projectId}${date ? `?date=${date}` : ''}`);
  await page.locator('[data-testid="map-canvas"] canvas').first().waitFor();
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const cy = (window as unknown as { __trameCy?: Cy }).__trameCy;
          return cy ? cy.nodes('[kind = "ACTOR"]').map((n) => n.id()).length : 0;
        }),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
}

/**
 * Selects an actor as a click does, until its panel shows it: the panel reads the entity from
 * the project's lists, which follow the map in a second request.
 */
export async function selectActor(page: Page, id: string, name: string): Promise<void> {
  const heading = page.locator('aside.side-panel h2').first();
  await expect
    .poll(
      async () => {
        await tap(page, id);
        return (await heading.textContent({ timeout: 2_000 }).catch(() => '')) ?? '';
      },
      { timeout: 30_000 },
    )
    .toContain(name);
}

/** The actors on the map, by node id. */
export function mapActors(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __trameCy: Cy }).__trameCy
      .nodes('[kind = "ACTOR"]')
      .map((n) => n.id())
      .sort(),
  );
}

/** The positions on the map: `actorId→objectiveId` → value. */
export function mapPositions(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      (window as unknown as { __trameCy: Cy }).__trameCy
        .edges('[kind = "POSITION"]')
        .map((e) => [`${String(e.data('source'))}→${String(e.data('target'))}`, Number(e.data('value'))]),
    ),
  );
}

/** Selects a node as a click does. */
export async function tap(page: Page, id: string): Promise<void> {
  await page.evaluate((nodeId) => (window as unknown as { __trameCy: Cy }).__trameCy.getElementById(nodeId).emit('tap'), id);
}
