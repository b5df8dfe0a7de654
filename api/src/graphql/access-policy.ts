import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { authorize, DomainError, GLOBAL, type Action, type Principal, type Resource } from '@trame/graph';
import type { GraphQLContext } from './context.ts';

/**
 * How a root field is guarded (the table is access-rules.ts):
 * - `'public'`: anyone, anonymous included (who am I);
 * - `'self'`: any signed-in user, about their own account (`account:self`);
 * - `'user'`: any signed-in user (not a wall link); the resolver returns only what the user may
 *   read (the list of territories);
 * - `{action, resource}`: the policy's `authorize(principal, action, resource)`, the resource
 *   looked up from the arguments (its territory and label). `action` may depend on the resource
 *   found (a change of an actor is a territory's, a change of an objective a project's).
 */
export type AccessRule =
  | 'public'
  | 'self'
  | 'user'
  | {
      action: Action | ((resource: Resource) => Action);
      resource: (args: Record<string, unknown>, ctx: GraphQLContext) => Promise<Resource>;
    };

/** `'Query.project'`, `'Mutation.createActor'`… → its rule. */
export type AccessRules = Readonly<Record<string, AccessRule>>;

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

/** The action a rule checks once its resource is known. */
export function ruleAction(rule: Exclude<AccessRule, string>, resource: Resource): Action {
  return typeof rule.action === 'function' ? rule.action(resource) : rule.action;
}

/**
 * Anonymous requests are refused before any lookup, with a message naming nothing: an
 * anonymous caller must not learn a project's name, nor whether an id exists.
 */
function signInFirst(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'connectez-vous pour accéder à Trame');
}

/** A wall link is refused with the resource's id, never its label: it may read one project only. */
function withoutLabel(resource: Resource): Resource {
  if (resource.kind === 'global') return resource;
  const { label: _label, ...rest } = resource;
  return rest;
}

/**
 * Checks `rule` for the request's principal; returns when allowed, throws DomainError
 * UNAUTHENTICATED / FORBIDDEN otherwise (and whatever the resource lookup throws: NOT_FOUND,
 * INVALID_ID…, only for signed-in principals and wall links).
 */
export async function checkAccess(rule: AccessRule, args: Record<string, unknown>, ctx: GraphQLContext): Promise<void> {
  if (rule === 'public') return;
  const principal: Principal = ctx.principal;
  if (principal.kind === 'anonymous') throw signInFirst();
  if (rule === 'self') return authorize(principal, 'account:self', GLOBAL);
  if (rule === 'user') {
    if (principal.kind === 'user') return;
    throw new DomainError('FORBIDDEN', "un lien d'affichage mural permet seulement de lire son projet");
  }
  const resource = await rule.resource(args, ctx);
  authorize(principal, ruleAction(rule, resource), principal.kind === 'user' ? resource : withoutLabel(resource));
}

/** The root fields of a schema, as `Type.field` keys. */
export function rootFieldKeys(schema: GraphQLSchema): string[] {
  const keys: string[] = [];
  for (const typeName of ROOT_TYPES) {
    const type = schema.getType(typeName);
    if (!type || !('getFields' in type)) continue;
    for (const field of Object.keys(type.getFields())) keys.push(`${typeName}.${field}`);
  }
  return keys;
}

/**
 * Wraps every root field (Query, Mutation, Subscription) of `schema` with its rule: the one
 * place authorization happens, so a resolver cannot forget it. Throws (the server does not
 * start, the tests fail) when a root field has no rule, or a rule names no field — a new
 * operation cannot ship unguarded, a renamed one cannot keep a stale rule. Returns the schema.
 */
export function guardRootFields(schema: GraphQLSchema, rules: AccessRules): GraphQLSchema {
  const keys = rootFieldKeys(schema);
  const missing = keys.filter((key) => !(key in rules));
  const stale = Object.keys(rules).filter((key) => !keys.includes(key));
  if (missing.length > 0 || stale.length > 0) {
    throw new Error(
      [
        missing.length > 0 ? `root fields without an access rule (api/src/graphql/access-rules.ts): ${missing.join(', ')}` : '',
        stale.length > 0 ? `access rules for fields the schema does not have: ${stale.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
  }
  for (const typeName of ROOT_TYPES) {
    const type = schema.getType(typeName);
    if (!type || !('getFields' in type)) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      const rule = rules[`${typeName}.${name}`]!;
      const wrap =
        (inner: GraphQLFieldResolver<unknown, GraphQLContext>): GraphQLFieldResolver<unknown, GraphQLContext> =>
        async (source, args: Record<string, unknown>, ctx, info) => {
          await checkAccess(rule, args, ctx);
          return inner(source, args, ctx, info);
        };
      if (typeName === 'Subscription' && field.subscribe) field.subscribe = wrap(field.subscribe);
      else field.resolve = wrap(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

/** The resource under `key`, looked up once per operation (ctx.resources). A failed lookup is not kept. */
export function cachedResource(ctx: GraphQLContext, key: string, read: () => Promise<Resource>): Promise<Resource> {
  let resource = ctx.resources.get(key);
  if (!resource) {
    resource = read();
    ctx.resources.set(key, resource);
    resource.catch(() => ctx.resources.delete(key));
  }
  return resource;
}
