import { createSchema } from 'graphql-yoga';
import type { GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, GLOBAL, type Principal } from '@trame/graph';
import { checkAccess, guardRootFields, rootFieldKeys } from './access-policy.ts';
import { accessRules } from './access-rules.ts';
import { buildSchema } from './schema.ts';
import type { GraphQLContext } from './context.ts';

const tiny = () =>
  createSchema({
    typeDefs: 'type Query { open: String, closed: String } type Mutation { act: String }',
    resolvers: { Query: { open: () => 'ok', closed: () => 'secret' }, Mutation: { act: () => 'done' } },
  }) as unknown as GraphQLSchema;

const ctx = (principal: Principal) => ({ principal, resources: new Map() }) as unknown as GraphQLContext;
const admin: Principal = {
  kind: 'user',
  via: 'token',
  user: { id: 'usr-a', email: 'a@trame.test', name: 'A', createdAt: new Date(), disabledAt: null },
  grants: [
    {
      id: 'g',
      userId: 'usr-a',
      role: 'ADMINISTRATEUR',
      territoryId: null,
      projectId: null,
      grantedAt: new Date(),
      grantedBy: 'system',
      revokedAt: null,
      revokedBy: null,
    },
  ],
};

describe('guardRootFields', () => {
  it('refuses a schema with a root field without a rule, naming it', () => {
    expect(() => guardRootFields(tiny(), { 'Query.open': 'public', 'Mutation.act': 'self' })).toThrow(
      /without an access rule.*Query\.closed/,
    );
  });

  it('refuses a rule for a field the schema lacks', () => {
    expect(() =>
      guardRootFields(tiny(), { 'Query.open': 'public', 'Query.closed': 'self', 'Mutation.act': 'self', 'Query.gone': 'public' }),
    ).toThrow(/Query\.gone/);
  });

  it('runs the rule before the resolver', async () => {
    const schema = guardRootFields(tiny(), {
      'Query.open': 'public',
      'Query.closed': { action: 'admin:users', resource: async () => GLOBAL },
      'Mutation.act': 'self',
    });
    const closed = schema.getQueryType()!.getFields().closed!;
    const run = (principal: Principal) => closed.resolve!(null, {}, ctx(principal), {} as never);
    await expect(run(ANONYMOUS)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(run(admin)).resolves.toBe('secret');
    const open = schema.getQueryType()!.getFields().open!;
    await expect(open.resolve!(null, {}, ctx(ANONYMOUS), {} as never)).resolves.toBe('ok');
  });

  it('guards every root field of the real schema (building it would throw otherwise)', () => {
    const schema = buildSchema() as unknown as GraphQLSchema;
    expect(rootFieldKeys(schema).sort()).toEqual(Object.keys(accessRules()).sort());
  });
});

describe('checkAccess', () => {
  it('refuses anonymous callers before any lookup, naming nothing', async () => {
    let looked = false;
    const rule = {
      action: 'project:read' as const,
      resource: async () => {
        looked = true;
        return { kind: 'project' as const, projectId: 'prj-x', territoryId: 'ter-x', label: 'Projet secret' };
      },
    };
    await expect(checkAccess(rule, {}, ctx(ANONYMOUS))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'connectez-vous pour accéder à Trame',
    });
    expect(looked).toBe(false);
  });

  it('tells a wall link the id of a project it may not read, never its name', async () => {
    const wall: Principal = { kind: 'wallLink', linkId: 'mur', projectId: 'prj-mine', territoryId: 'ter-x', name: 'Mur' };
    const rule = {
      action: 'project:read' as const,
      resource: async () => ({ kind: 'project' as const, projectId: 'prj-other', territoryId: 'ter-x', label: 'Projet voisin' }),
    };
    const error = await checkAccess(rule, {}, ctx(wall)).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect(error?.message).toContain('prj-other');
    expect(error?.message).not.toContain('Projet voisin');
  });
});
