import {
  ENTITIES,
  ENTITY_TYPES,
  END_OF_TIME,
  createEntity,
  endEntity,
  updateEntity,
  type EntityType,
} from '@trame/graph';
import type { GraphQLContext } from '../context.ts';
import { referenceFieldName } from '../naming.ts';
import { latestLookup, viewOf, type EntityView } from '../presenters.ts';

type FieldResolver = (view: EntityView, args: unknown, ctx: GraphQLContext) => unknown;

function follow(view: EntityView, id: unknown): Promise<EntityView | null> | null {
  if (typeof id !== 'string') return null;
  return Promise.resolve(view.lookup(id)).then((record) =>
    record ? { ...viewOf(record, view.asOf, view.lookup, view.state), latest: view.latest ?? false } : null,
  );
}

/**
 * Object resolvers for every entity type, read off the model: meta fields, field values, and
 * references followed at the view's date.
 */
export function entityObjectResolvers(): Record<EntityType, Record<string, FieldResolver>> {
  const resolvers = {} as Record<EntityType, Record<string, FieldResolver>>;
  for (const type of ENTITY_TYPES) {
    const fields: Record<string, FieldResolver> = {
      id: (v) => v.record.id,
      version: (v) => v.record.version,
      validFrom: (v) => v.record.validFrom,
      validTo: (v) => (v.record.validTo.getTime() >= END_OF_TIME.getTime() ? null : v.record.validTo),
      versionFrom: (v) => v.record.versionFrom,
      recordedAt: (v) => v.record.recordedAt,
    };
    for (const [name, spec] of Object.entries(ENTITIES[type].fields)) {
      fields[name] = (v) => v.record.values[name] ?? (spec.kind === 'enumList' || spec.kind === 'refList' ? [] : null);
      if (spec.kind === 'ref') {
        fields[referenceFieldName(name)] = (v) => follow(v, v.record.values[name]);
      }
      if (spec.kind === 'refList') {
        fields[referenceFieldName(name)] = async (v) => {
          const ids = (v.record.values[name] as string[] | null) ?? [];
          const views = await Promise.all(ids.map((id) => follow(v, id)));
          return views.filter((view): view is EntityView => view !== null);
        };
      }
    }
    resolvers[type] = fields;
  }
  return resolvers;
}

interface CreateArgs {
  input: Record<string, unknown>;
  validFrom?: Date | null;
  id?: string | null;
}
interface UpdateArgs {
  id: string;
  version: number;
  patch: Record<string, unknown>;
  validFrom?: Date | null;
}
interface EndArgs {
  id: string;
  version: number;
  validFrom?: Date | null;
}

type MutationResolver = (parent: unknown, args: never, ctx: GraphQLContext) => Promise<EntityView>;

/** createX / updateX / endX for every entity type: validate, authorize, one command, present. */
export function entityMutationResolvers(): Record<string, MutationResolver> {
  const mutations: Record<string, MutationResolver> = {};
  for (const type of ENTITY_TYPES) {
    mutations[`create${type}`] = async (_parent, args: CreateArgs, ctx) => {
      ctx.authorize('write');
      const record = await ctx.graph.write((tx) =>
        createEntity(tx, { author: ctx.user.id }, type, { ...args.input }, {
          ...(args.id ? { id: args.id } : {}),
          ...(args.validFrom ? { validFrom: args.validFrom } : {}),
        }),
      );
      return viewOf(record, null, latestLookup(ctx.graph));
    };
    mutations[`update${type}`] = async (_parent, args: UpdateArgs, ctx) => {
      ctx.authorize('write');
      const record = await ctx.graph.write((tx) =>
        updateEntity(tx, { author: ctx.user.id }, type, args.id, { ...args.patch }, {
          expectedVersion: args.version,
          ...(args.validFrom ? { validFrom: args.validFrom } : {}),
        }),
      );
      return viewOf(record, null, latestLookup(ctx.graph));
    };
    mutations[`end${type}`] = async (_parent, args: EndArgs, ctx) => {
      ctx.authorize('write');
      const record = await ctx.graph.write((tx) =>
        endEntity(tx, { author: ctx.user.id }, type, args.id, {
          expectedVersion: args.version,
          ...(args.validFrom ? { validFrom: args.validFrom } : {}),
        }),
      );
      return viewOf(record, null, latestLookup(ctx.graph));
    };
  }
  return mutations;
}
