import { beforeAll, describe, expect, it } from 'vitest';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { codeOf } from './support/http.ts';
import { useTestApp } from './support/app.ts';

// An answer past the size limit is refused in words (RESPONSE_TOO_LARGE), never an internal
// error; a mutation whose answer is too large records nothing. The limit is lowered to 20,000
// JSON characters here so that a nested read of 30 actors passes it.
const LIMIT = 20_000;
const t = useTestApp({ maxResponseChars: LIMIT });
let small: SmallProject;

beforeAll(async () => {
  small = await buildSmallProject(t.graph, 30, 1);
});

/** Each actor's territory lists every actor again: 30 × 30 × 30 names. */
const NESTED = `query($t: ID!) { territory(id: $t) { actors { id name territory { actors { id name territory { actors { id name } } } } } } }`;

describe('the size of an answer', () => {
  it('answers a read within the limit', async () => {
    const result = await t.gql<{ territory: { actors: { id: string }[] } }>(
      `query($t: ID!) { territory(id: $t) { actors { id name } } }`,
      {
        t: small.territory.id,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.territory.actors).toHaveLength(30);
    expect(JSON.stringify(result.data).length).toBeLessThan(LIMIT);
  });

  it('refuses a read past it with RESPONSE_TOO_LARGE, in French, naming the limit, and no data', async () => {
    const result = await t.gql(NESTED, { t: small.territory.id });
    expect(codeOf(result)).toBe('RESPONSE_TOO_LARGE');
    expect(result.errors![0]!.message).toMatch(/^la réponse dépasserait 20 Kio : demandez moins de niveaux imbriqués/);
    expect(result.errors![0]!.extensions).toMatchObject({ max: LIMIT });
    expect(result.data ?? null).toBeNull();
  });

  it('rolls back a mutation whose answer is past it: nothing is recorded', async () => {
    const id = uniqueId('act');
    const result = await t.gql(
      `mutation($input: CreateActorInput!, $id: ID) {
        createActor(input: $input, id: $id) { id territory { actors { id name territory { actors { id name } } } } }
      }`,
      { input: { territoryId: small.territory.id, name: 'Collectif trop bavard', kind: 'ASSOCIATION' }, id },
    );
    expect(codeOf(result)).toBe('RESPONSE_TOO_LARGE');
    const after = await t.gql<{ territory: { actors: { id: string }[] } }>(
      `query($t: ID!) { territory(id: $t) { actors { id } } }`,
      {
        t: small.territory.id,
      },
    );
    expect(after.data!.territory.actors.map((a) => a.id)).not.toContain(id);
    expect(after.data!.territory.actors).toHaveLength(30);
  });
});
