/**
 * A field added to the model reaches everything generated from it: here the fixture model gives
 * the actor a website. The model module is replaced for this file only, so every reader of the
 * model — the store, the reads, the schema, the resolvers, the forms (web/src/panels/fields.ts,
 * called unchanged) and the map — sees the fixture, as they would see a real new field.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ENTITIES, buildProjectMap, readProjectState } from '@trame/graph';
import { entityTypeDefs } from '../api/src/graphql/entity-schema.ts';
import { formFields, initialValues, toInput } from '../web/src/panels/fields.ts';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { useTestApp } from './support/app.ts';

vi.mock('../graph/src/model/entities.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../graph/src/model/entities.ts')>();
  const actor = real.ENTITIES.Actor;
  const fixture = {
    ...real.ENTITIES,
    Actor: {
      ...actor,
      fields: { ...actor.fields, website: { kind: 'text' as const, label: 'le site web', max: 200, map: true } },
    },
  };
  return { ...real, ENTITIES: fixture, entitySpec: (type: keyof typeof fixture) => fixture[type] };
});

const t = useTestApp();
let small: SmallProject;

beforeAll(async () => {
  small = await buildSmallProject(t.graph, 1, 1);
});

const SITE = 'https://amap.example.org';

describe('a field added to the model', () => {
  it('is the fixture, not the real model (the mock took)', () => {
    expect(Object.keys(ENTITIES.Actor.fields)).toContain('website');
  });

  it('reaches the SDL: the object, the create input and the patch', () => {
    const sdl = entityTypeDefs();
    const block = (name: string) => sdl.slice(sdl.indexOf(`${name} `), sdl.indexOf('}', sdl.indexOf(`${name} `)));
    expect(block('type Actor')).toContain('website: String\n');
    expect(block('input CreateActorInput')).toContain('website: String\n');
    expect(block('input ActorPatch')).toContain('website: String\n');
  });

  it('is created, updated and read through the API, stored in Neo4j', async () => {
    const created = await t.gql<{ createActor: { id: string; version: number; website: string } }>(
      /* GraphQL */ `
        mutation ($input: CreateActorInput!) {
          createActor(input: $input) { id version website }
        }
      `,
      { input: { territoryId: small.territory.id, name: 'AMAP au site', kind: 'ASSOCIATION', website: SITE } },
    );
    expect(created.errors).toBeUndefined();
    const actor = created.data!.createActor;
    expect(actor.website).toBe(SITE);

    const updated = await t.gql<{ updateActor: { website: string } }>(
      /* GraphQL */ `
        mutation ($id: ID!, $version: Int!) {
          updateActor(id: $id, version: $version, patch: { website: "https://amap.example.org/v2" }) { website }
        }
      `,
      { id: actor.id, version: actor.version },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateActor.website).toBe('https://amap.example.org/v2');

    const read = await t.gql<{ territory: { actors: { id: string; website: string | null }[] } }>(
      /* GraphQL */ `
        query ($id: ID!) {
          territory(id: $id) { actors { id website } }
        }
      `,
      { id: small.territory.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.territory.actors.find((a) => a.id === actor.id)?.website).toBe('https://amap.example.org/v2');
  });

  it('is refused with the model’s own rules (its length)', async () => {
    const result = await t.gql(
      /* GraphQL */ `
        mutation ($input: CreateActorInput!) {
          createActor(input: $input) { id }
        }
      `,
      { input: { territoryId: small.territory.id, name: 'AMAP trop longue', kind: 'ASSOCIATION', website: 'x'.repeat(201) } },
    );
    expect(result.errors?.[0]?.message).toMatch(/le site web/);
  });

  it('reaches the forms', () => {
    const field = formFields('Actor', 'create').find((f) => f.name === 'website');
    expect(field).toMatchObject({ required: false, editable: true, spec: { kind: 'text', label: 'le site web' } });
    expect(initialValues('Actor')).toHaveProperty('website', '');
    expect(toInput('Actor', { name: 'AMAP', website: ' ' })).toEqual({ name: 'AMAP', website: null });
  });

  it('reaches the map, read from Neo4j and through the API', async () => {
    const engaged = small.actors[0]!;
    const engagedId = engaged.id;
    const set = await t.gql(
      'mutation ($id: ID!, $v: Int!) { updateActor(id: $id, version: $v, patch: { website: "https://mairie.example.org" }) { id } }',
      {
        id: engagedId,
        v: engaged.version,
      },
    );
    expect(set.errors).toBeUndefined();

    const state = await t.graph.read((tx) => readProjectState(tx, small.project.id, null));
    expect(buildProjectMap(state).nodes.find((n) => n.id === engagedId)?.data).toMatchObject({
      website: 'https://mairie.example.org',
    });

    const map = await t.gql<{ projectMap: { nodes: { id: string; data: Record<string, unknown> }[] } }>(
      'query ($id: ID!) { projectMap(projectId: $id) { nodes { id data } } }',
      { id: small.project.id },
    );
    expect(map.data!.projectMap.nodes.find((n) => n.id === engagedId)?.data.website).toBe('https://mairie.example.org');
  });
});
