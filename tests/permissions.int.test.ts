/**
 * The permission matrix (issue 12, « Done when »): every Query and Mutation field of the schema
 * × {anonymous, wall link, relecteur, pilote of another project, pilote, administrateur}, run
 * for real against the API with minimal valid arguments built from the argument types and a
 * fixture project. Each cell is "allowed" (any answer but UNAUTHENTICATED / FORBIDDEN: a
 * domain error after the check is fine) or the refusal code. The expected cell is computed by
 * the policy's `decide` from the field's rule — and a handful of cells are written by hand from
 * ADR 0004's table, so that the test is not only the rules read back. A root field without a
 * rule fails here (and the schema refuses to build).
 */
import type { GraphQLArgument, GraphQLField, GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleAction } from '../api/src/graphql/access-policy.ts';
import { accessRules } from '../api/src/graphql/access-rules.ts';
import { buildSchema } from '../api/src/graphql/schema.ts';
import {
  decide,
  GLOBAL,
  listGrants,
  type Principal,
  type Resource,
  type User,
  createApiToken,
  createWallLink,
  grantRole,
} from '@trame/graph';
import { useTestApp } from './support/app.ts';
import { build, buildSmallProject, type SmallProject } from './support/factories.ts';
import { codeOf, type GqlResult } from './support/http.ts';
import { createPilot, createReviewer, createTestUser, createTestWallLink } from './support/principals.ts';

const t = useTestApp();

const PRINCIPALS = ['anonymous', 'wallLink', 'relecteur', 'otherPilot', 'pilot', 'admin'] as const;
type Who = (typeof PRINCIPALS)[number];
type Cell = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';

interface Fixture {
  small: SmallProject;
  otherProjectId: string;
  changeId: string;
  spareLinkId: string;
  spare: { user: User; tokenId: string; grantId: string };
  secrets: Record<Who, string | null>;
  principals: Record<Who, Principal>;
}
let fx: Fixture;

async function userPrincipal(user: User): Promise<Principal> {
  return { kind: 'user', user, grants: await listGrants(t.graph, { userId: user.id }), via: 'token' };
}

beforeAll(async () => {
  const small = await buildSmallProject(t.graph, 2, 2);
  const other = await build(t.graph, 'Project', { territoryId: small.territory.id, name: 'Autre projet' });
  const pilot = await createPilot(t.graph, small.project.id);
  const otherPilot = await createPilot(t.graph, other.id, 'Pilote d’un autre projet');
  const relecteur = await createReviewer(t.graph, small.territory.id);
  const wall = await createTestWallLink(t.graph, small.project.id, pilot.user.id);
  const spareLink = await createWallLink(t.graph, {
    projectId: small.project.id,
    name: 'Mur à révoquer',
    createdBy: pilot.user.id,
  });
  // A user nobody in the matrix is: the administration operations act on them.
  const spareUser = await createTestUser(t.graph, { name: 'Compte annexe' });
  const spareToken = await createApiToken(t.graph, { userId: spareUser.user.id, name: 'annexe' });
  const spareGrant = await grantRole(t.graph, {
    userId: spareUser.user.id,
    role: 'RELECTEUR',
    territoryId: small.territory.id,
    by: 'system',
  });
  const changeId = await t.graph.read(async (tx) => {
    const result = await tx.run('MATCH (c:Change {entityId: $id}) RETURN c.id AS id LIMIT 1', { id: small.objectives[0]!.id });
    return result.records[0]!.get('id') as string;
  });
  const wallPrincipal: Principal = {
    kind: 'wallLink',
    linkId: 'mur',
    projectId: small.project.id,
    territoryId: small.territory.id,
    name: 'Mur de test',
  };
  fx = {
    small,
    otherProjectId: other.id,
    changeId,
    spareLinkId: spareLink.info.id,
    spare: { user: spareUser.user, tokenId: spareToken.info.id, grantId: spareGrant.id },
    secrets: {
      anonymous: null,
      wallLink: wall,
      relecteur: relecteur.token,
      otherPilot: otherPilot.token,
      pilot: pilot.token,
      admin: t.admin.token,
    },
    principals: {
      anonymous: { kind: 'anonymous' },
      wallLink: wallPrincipal,
      relecteur: await userPrincipal(relecteur.user),
      otherPilot: await userPrincipal(otherPilot.user),
      pilot: await userPrincipal(pilot.user),
      admin: await userPrincipal(t.admin.user),
    },
  };
});

// Duck-typed (yoga may build the schema with graphql's other module build): a type is read
// from its printed form and the schema's named types.
const schema = buildSchema() as unknown as GraphQLSchema;
const RULES = accessRules();

/** The entity the update/end mutation of each type acts on: the rule needs its project or territory. */
function entityIdFor(type: string): string {
  if (type === 'Territory') return fx.small.territory.id;
  if (type === 'Project') return fx.small.project.id;
  if (type === 'Actor') return fx.small.actors[0]!.id;
  // Any project-scoped entity of the project: the rule looks up its project; the command then
  // refuses the wrong type or the stale version, after the check.
  return fx.small.objectives[0]!.id;
}

/** An ID argument's value, by the field and the argument's name. */
function idFor(field: string, name: string): string {
  const special: Record<string, string> = {
    'Query.project.id': fx.small.project.id,
    'Query.territory.id': fx.small.territory.id,
    'Query.change.id': fx.changeId,
    'Mutation.revertChange.changeId': fx.changeId,
    // The first principal allowed merges the second actor into the first for good; the fields
    // that name it afterwards are refused by their command (ENTITY_ENDED…), not by their rule.
    'Mutation.mergeActors.keepId': fx.small.actors[0]!.id,
    'Mutation.mergeActors.mergeId': fx.small.actors[1]!.id,
    'Mutation.revokeApiToken.id': fx.spare.tokenId,
    'Mutation.revokeWallLink.id': fx.spareLinkId,
    'Mutation.revokeGrant.id': fx.spare.grantId,
    'Mutation.grantRole.userId': fx.spare.user.id,
  };
  const key = `${field}.${name}`;
  if (special[key]) return special[key];
  const entity = /^Mutation\.(update|end)([A-Z]\w+)\.id$/.exec(key);
  if (entity) return entityIdFor(entity[2]!);
  if (name === 'projectId') return fx.small.project.id;
  if (name === 'territoryId') return fx.small.territory.id;
  if (/^actor/.test(name)) return name.endsWith('BId') ? fx.small.actors[1]!.id : fx.small.actors[0]!.id;
  if (name.endsWith('BId')) return fx.small.objectives[1]!.id;
  return fx.small.objectives[0]!.id;
}

/** A minimal value of the printed input type `typeName` for argument (or input field) `name`. */
function valueFor(typeName: string, name: string, field: string): unknown {
  if (typeName.endsWith('!')) return valueFor(typeName.slice(0, -1), name, field);
  if (typeName.startsWith('[')) {
    if (name === 'rows') return [];
    const item = valueFor(typeName.slice(1, -1), name, field);
    return name === 'memberIds' ? [fx.small.actors[0]!.id, fx.small.actors[1]!.id] : [item];
  }
  const named = schema.getType(typeName) as unknown as Record<string, unknown>;
  if (typeof named.getFields === 'function') {
    const fields = (named.getFields as () => Record<string, { type: { toString(): string }; defaultValue?: unknown }>)();
    return Object.fromEntries(
      Object.entries(fields)
        .filter(([, f]) => f.type.toString().endsWith('!') && f.defaultValue === undefined)
        .map(([n, f]) => [n, valueFor(f.type.toString(), n, field)]),
    );
  }
  if (typeof named.getValues === 'function') return (named.getValues as () => { value: unknown }[])()[0]!.value;
  switch (typeName) {
    case 'ID':
      return idFor(field, name);
    case 'String':
      return 'x';
    case 'Int':
      // A stale version: updates and ends stop after the check, changing nothing.
      return name === 'version' ? 999 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return '2020-01-01T00:00:00.000Z';
    case 'Date':
      return '2099-12-31';
    case 'JSON':
      return {};
    default:
      throw new Error(`no value for scalar ${typeName}`);
  }
}

interface Operation {
  key: string;
  text: string;
  variables: Record<string, unknown>;
}

/** Optional arguments a field needs to name what it is about (an export: its project or territory). */
const SCOPE_ARGS: Record<string, string[]> = { 'Query.exportProject': ['projectId'] };

function operationFor(kind: 'Query' | 'Mutation', field: GraphQLField<unknown, unknown>): Operation {
  const key = `${kind}.${field.name}`;
  const required = field.args.filter(
    (arg: GraphQLArgument) =>
      (arg.type.toString().endsWith('!') && arg.defaultValue === undefined) || SCOPE_ARGS[key]?.includes(arg.name),
  );
  const variables = Object.fromEntries(required.map((arg) => [arg.name, valueFor(arg.type.toString(), arg.name, key)]));
  const declared = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const returned = schema.getType(field.type.toString().replace(/[[\]!]/g, '')) as unknown as Record<string, unknown>;
  const composite = typeof returned.getFields === 'function' || typeof returned.getTypes === 'function';
  const text = `${kind === 'Query' ? 'query' : 'mutation'}${declared ? `(${declared})` : ''} { ${field.name}${
    passed ? `(${passed})` : ''
  }${composite ? ' { __typename }' : ''} }`;
  return { key, text, variables };
}

function operations(): Operation[] {
  const query = schema.getQueryType()!;
  const mutation = schema.getMutationType()!;
  return [
    ...Object.values(query.getFields()).map((f) => operationFor('Query', f as GraphQLField<unknown, unknown>)),
    ...Object.values(mutation.getFields()).map((f) => operationFor('Mutation', f as GraphQLField<unknown, unknown>)),
  ];
}

/** The cell the rule says, through the policy's `decide`. */
async function expected(key: string, variables: Record<string, unknown>, who: Who): Promise<Cell> {
  const rule = RULES[key];
  if (!rule) throw new Error(`${key} has no access rule`);
  const principal = fx.principals[who];
  if (rule === 'public') return 'allowed';
  if (principal.kind === 'anonymous') return 'UNAUTHENTICATED';
  if (rule === 'user') return principal.kind === 'user' ? 'allowed' : 'FORBIDDEN';
  let resource: Resource = GLOBAL;
  let action = 'account:self' as Parameters<typeof decide>[1];
  if (rule !== 'self') {
    resource = await rule.resource(variables, { graph: t.graph, resources: new Map() } as never);
    action = ruleAction(rule, resource);
  }
  const decision = decide(principal, action, resource);
  return decision.allowed ? 'allowed' : decision.code;
}

function cellOf(result: GqlResult): Cell {
  const code = codeOf(result);
  return code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'allowed';
}

/** Cells written from ADR 0004's table, independently of access-rules.ts. */
const BY_HAND: Record<string, Partial<Record<Who, Cell>>> = {
  'Query.viewer': { anonymous: 'allowed', wallLink: 'allowed' },
  'Query.project': {
    anonymous: 'UNAUTHENTICATED',
    wallLink: 'allowed',
    relecteur: 'allowed',
    otherPilot: 'allowed',
    pilot: 'allowed',
  },
  'Query.territories': { anonymous: 'UNAUTHENTICATED', wallLink: 'FORBIDDEN', relecteur: 'allowed' },
  'Query.territoryReview': { wallLink: 'FORBIDDEN', relecteur: 'allowed', otherPilot: 'allowed' },
  'Mutation.updateObjective': {
    wallLink: 'FORBIDDEN',
    relecteur: 'FORBIDDEN',
    otherPilot: 'FORBIDDEN',
    pilot: 'allowed',
    admin: 'allowed',
  },
  'Mutation.createActor': { wallLink: 'FORBIDDEN', relecteur: 'FORBIDDEN', otherPilot: 'allowed', pilot: 'allowed' },
  'Mutation.createProject': { pilot: 'FORBIDDEN', relecteur: 'FORBIDDEN', admin: 'allowed' },
  'Mutation.createTerritory': { pilot: 'FORBIDDEN', admin: 'allowed' },
  // The territory itself (`territory:manage`): every project of it shares its name, so no pilot renames it.
  'Mutation.updateTerritory': { pilot: 'FORBIDDEN', otherPilot: 'FORBIDDEN', relecteur: 'FORBIDDEN', admin: 'allowed' },
  'Mutation.endTerritory': { pilot: 'FORBIDDEN', otherPilot: 'FORBIDDEN', admin: 'allowed' },
  'Mutation.createWallLink': { pilot: 'allowed', otherPilot: 'FORBIDDEN', relecteur: 'FORBIDDEN', wallLink: 'FORBIDDEN' },
  'Query.users': { pilot: 'FORBIDDEN', relecteur: 'FORBIDDEN', admin: 'allowed', anonymous: 'UNAUTHENTICATED' },
  'Mutation.createApiToken': { wallLink: 'FORBIDDEN', relecteur: 'allowed', anonymous: 'UNAUTHENTICATED' },
  'Mutation.importActors': { pilot: 'allowed', otherPilot: 'FORBIDDEN', relecteur: 'FORBIDDEN' },
  // A merge changes the territory's actors: its pilots (as createActor), never a relecteur or a wall.
  'Mutation.mergeActors': { pilot: 'allowed', otherPilot: 'allowed', relecteur: 'FORBIDDEN', wallLink: 'FORBIDDEN' },
  'Mutation.importWorkbook': { pilot: 'allowed', otherPilot: 'FORBIDDEN', relecteur: 'FORBIDDEN', wallLink: 'FORBIDDEN' },
  // Projection sessions (ADR 0010): whoever edits the project drives its walls.
  'Mutation.setProjection': { pilot: 'allowed', otherPilot: 'FORBIDDEN', relecteur: 'FORBIDDEN', wallLink: 'FORBIDDEN' },
  // `export` (ADR 0004): everyone who reads the territory's projects, never a wall link.
  'Query.exportProject': {
    anonymous: 'UNAUTHENTICATED',
    wallLink: 'FORBIDDEN',
    relecteur: 'allowed',
    otherPilot: 'allowed',
    pilot: 'allowed',
    admin: 'allowed',
  },
};

describe('the permission matrix', () => {
  it('has a rule for every root field, and no rule for a field the schema lacks', () => {
    // Subscriptions are checked by the same rules; their own tests run them over SSE (tests/live.int.test.ts).
    const subscriptions = Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map((name) => `Subscription.${name}`);
    const fields = [...operations().map((op) => op.key), ...subscriptions];
    expect(fields.filter((key) => !(key in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((key) => !fields.includes(key))).toEqual([]);
    expect(fields.length).toBeGreaterThan(60);
  });

  it('answers every field for every principal as its rule and ADR 0004 say', async () => {
    const mismatches: string[] = [];
    const table: string[] = [];
    for (const op of operations()) {
      const row: string[] = [];
      for (const who of PRINCIPALS) {
        const want = await expected(op.key, op.variables, who);
        const result = await t.gqlAs(fx.secrets[who], op.text, op.variables);
        if (codeOf(result) === 'GRAPHQL_VALIDATION_FAILED' || codeOf(result) === 'GRAPHQL_PARSE_FAILED')
          mismatches.push(`${op.key}: the generated operation is invalid: ${result.errors?.[0]?.message}`);
        const got = cellOf(result);
        const byHand = BY_HAND[op.key]?.[who];
        if (got !== want)
          mismatches.push(`${op.key} as ${who}: got ${got}, the rule says ${want} (${result.errors?.[0]?.message})`);
        if (byHand && byHand !== got) mismatches.push(`${op.key} as ${who}: got ${got}, ADR 0004 says ${byHand}`);
        row.push(got === 'allowed' ? '✓' : got === 'FORBIDDEN' ? 'F' : 'U');
      }
      table.push(`${op.key.padEnd(36)} ${row.join(' ')}`);
    }
    // Every hand-written cell names a real field and principal.
    for (const key of Object.keys(BY_HAND)) expect(key in RULES, key).toBe(true);
    expect(mismatches, `\n${table.join('\n')}`).toEqual([]);
  }, 300_000);
});

describe('undoing a change of the territory itself', () => {
  it('is the administrators’, as the change: a pilot may not undo a rename (FORBIDDEN, nothing changed)', async () => {
    const territoryId = fx.small.territory.id;
    const read = `query ($id: ID!) { territory(id: $id) { name version } }`;
    const before = await t.gqlAs<{ territory: { name: string; version: number } }>(fx.secrets.admin, read, { id: territoryId });
    const renamed = await t.gqlAs(
      fx.secrets.admin,
      `mutation ($id: ID!, $version: Int!) { updateTerritory(id: $id, version: $version, patch: { name: "Territoire renommé" }) { id } }`,
      { id: territoryId, version: before.data!.territory.version },
    );
    expect(renamed.errors).toBeUndefined();
    const changeId = await t.graph.read(async (tx) => {
      const result = await tx.run(
        'MATCH (c:Change {entityId: $id}) RETURN c.id AS id ORDER BY c.recordedAt DESC, c.version DESC LIMIT 1',
        { id: territoryId },
      );
      return result.records[0]!.get('id') as string;
    });
    const revert = `mutation ($changeId: ID!) { revertChange(changeId: $changeId) { id } }`;

    // A pilot of one of its projects edits the territory's actors, not the name all its projects share.
    const byPilot = await t.gqlAs(fx.secrets.pilot, revert, { changeId });
    expect(codeOf(byPilot)).toBe('FORBIDDEN');
    const after = await t.gqlAs<{ territory: { name: string } }>(fx.secrets.admin, read, { id: territoryId });
    expect(after.data!.territory.name).toBe('Territoire renommé');

    // A change of one of its actors stays the pilots' (territory:write).
    const actorChange = await t.graph.read(async (tx) => {
      const result = await tx.run('MATCH (c:Change {entityId: $id}) RETURN c.id AS id LIMIT 1', { id: fx.small.actors[0]!.id });
      return result.records[0]!.get('id') as string;
    });
    const byPilotOnActor = await t.gqlAs(fx.secrets.pilot, revert, { changeId: actorChange });
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).not.toContain(codeOf(byPilotOnActor));

    const byAdmin = await t.gqlAs(fx.secrets.admin, revert, { changeId });
    expect(byAdmin.errors).toBeUndefined();
    const undone = await t.gqlAs<{ territory: { name: string } }>(fx.secrets.admin, read, { id: territoryId });
    expect(undone.data!.territory.name).toBe(before.data!.territory.name);
  });
});
