import {
  ENTITIES,
  END_OF_TIME,
  authorize,
  correctEntity,
  createEntity,
  endEntity,
  listTerritoryEntities,
  ofType,
  projectLists,
  territoryLists,
  updateEntity,
  type EntityType,
  type Model,
} from '@trame/graph';
import type { MutationResolvers, ResolverFn } from '../../generated/resolvers.ts';
import type { GraphQLContext } from '../context.ts';
import { referenceFieldName } from '../naming.ts';
import { latestLookup, stateView, viewOf, type EntityView } from '../presenters.ts';
import { ensureState } from './queries.ts';

/** An entity's field, read off the model: its values are as the model describes, not typed here. */
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
export function entityObjectResolvers(model: Model = ENTITIES): Record<EntityType, Record<string, FieldResolver>> {
  const resolvers = {} as Record<EntityType, Record<string, FieldResolver>>;
  for (const spec of Object.values(model)) {
    const fields: Record<string, FieldResolver> = {
      id: (v) => v.record.id,
      version: (v) => v.record.version,
      validFrom: (v) => v.record.validFrom,
      validTo: (v) => (v.record.validTo.getTime() >= END_OF_TIME.getTime() ? null : v.record.validTo),
      versionFrom: (v) => v.record.versionFrom,
      recordedAt: (v) => v.record.recordedAt,
    };
    for (const [name, field] of Object.entries(spec.fields)) {
      fields[name] = (v) => v.record.values[name] ?? (field.kind === 'enumList' || field.kind === 'refList' ? [] : null);
      if (field.kind === 'ref') {
        fields[referenceFieldName(name)] = (v) => follow(v, v.record.values[name]);
      }
      if (field.kind === 'refList') {
        fields[referenceFieldName(name)] = async (v) => {
          const ids = (v.record.values[name] as string[] | null) ?? [];
          const views = await Promise.all(ids.map((id) => follow(v, id)));
          return views.filter((view): view is EntityView => view !== null);
        };
      }
    }
    resolvers[spec.type] = fields;
  }
  return resolvers;
}

type ListResolver = (view: EntityView, args: unknown, ctx: GraphQLContext) => Promise<EntityView[]>;

/**
 * The list fields read off the model: a project's content of each project-scoped type (from
 * the project state read once per operation), a territory's entities of each territory-scoped type.
 */
export function entityListResolvers(
  model: Model = ENTITIES,
): Partial<Record<'Project' | 'Territory', Record<string, ListResolver>>> {
  const project: Record<string, ListResolver> = {};
  for (const [list, type] of projectLists(model)) {
    project[list] = async (view, _args, ctx) => {
      const state = await ensureState(view, ctx);
      return ofType(state, type).map((record) => stateView(state, record, view.latest ?? false));
    };
  }
  const territory: Record<string, ListResolver> = {};
  for (const [list, type] of territoryLists(model)) {
    territory[list] = async (view, _args, ctx) => {
      // Reached from a project (`project { territory { actors } }`), a territory's lists would
      // open the whole territory to whoever may read the project: a wall link may read only its
      // project, so the lists answer to the territory's own read right (ADR 0004).
      const name = view.record.values.name;
      authorize(ctx.principal, 'territory:read', {
        kind: 'territory',
        territoryId: view.record.id,
        ...(typeof name === 'string' ? { label: name } : {}),
      });
      const read = () => ctx.graph.read((tx) => listTerritoryEntities(tx, view.record.id, [type], view.asOf));
      const moment = view.latest ? 'latest' : view.asOf.getTime();
      const records = await (ctx.projectStates?.remember(`territory\u0000${view.record.id}\u0000${type}\u0000${moment}`, read) ??
        read());
      return records.map((record) => viewOf(record, view.asOf, view.lookup));
    };
  }
  return { Project: project, Territory: territory };
}

// The generated signatures of every createX / updateX / endX: one resolver each serves all types.
type Generated = Required<MutationResolvers<GraphQLContext>>;
type ArgsOf<R> = R extends ResolverFn<unknown, never, never, infer Args> ? Args : never;
type CreateArgs = ArgsOf<Generated[`create${EntityType}`]>;
type UpdateArgs = ArgsOf<Generated[`update${EntityType}`]>;
type EndArgs = ArgsOf<Generated[`end${EntityType}`]>;
type CorrectArgs = ArgsOf<Generated[`correct${EntityType}`]>;
type MutationResolver<Args> = (parent: unknown, args: Args, ctx: GraphQLContext) => Promise<EntityView>;
/** True when the function `F` may stand for the generated `<verb>X` resolver of every entity type X. */
type FitsEvery<F, Verb extends string> = {
  [T in EntityType]: F extends Generated[`${Verb}${T}` & keyof Generated] ? 0 : 1;
}[EntityType] extends 0
  ? true
  : false;
const checked: [
  FitsEvery<MutationResolver<CreateArgs>, 'create'>,
  FitsEvery<MutationResolver<UpdateArgs>, 'update'>,
  FitsEvery<MutationResolver<EndArgs>, 'end'>,
  FitsEvery<MutationResolver<CorrectArgs>, 'correct'>,
] = [true, true, true, true];
void checked;

export type EntityMutations = Pick<Generated, `${'create' | 'update' | 'end' | 'correct'}${EntityType}`>;

/** createX / updateX / endX / correctX for every entity type: validate, authorize, one command, present. */
export function entityMutationResolvers(model: Model = ENTITIES): EntityMutations {
  const mutations: Record<string, MutationResolver<never>> = {};
  for (const { type } of Object.values(model)) {
    const create: MutationResolver<CreateArgs> = async (_parent, args, ctx) => {
      const record = await ctx.graph.write((tx) =>
        createEntity(
          tx,
          ctx.author,
          type,
          { ...args.input },
          {
            ...(args.id ? { id: args.id } : {}),
            ...(args.validFrom ? { validFrom: args.validFrom } : {}),
          },
        ),
      );
      return viewOf(record, null, latestLookup(ctx.graph));
    };
    const update: MutationResolver<UpdateArgs> = async (_parent, args, ctx) => {
      const record = await ctx.graph.write((tx) =>
        updateEntity(
          tx,
          ctx.author,
          type,
          args.id,
          { ...args.patch },
          {
            expectedVersion: args.version,
            ...(args.validFrom ? { validFrom: args.validFrom } : {}),
          },
        ),
      );
      return viewOf(record, null, latestLookup(ctx.graph));
    };
    const end: MutationResolver<EndArgs> = async (_parent, args, ctx) => {
      const record = await ctx.graph.write((tx) =>
        endEntity(tx, ctx.author, type, args.id, {
          expectedVersion: args.version,
          ...(args.validFrom ? { validFrom: args.validFrom } : {}),
        }),
      );
      return viewOf(record, null, latestLookup(ctx.graph));
    };
    const correct: MutationResolver<CorrectArgs> = async (_parent, args, ctx) => {
      const record = await ctx.graph.write((tx) =>
        correctEntity(
          tx,
          ctx.author,
          type,
          args.id,
          { ...args.patch },
          { expectedVersion: args.version, validFrom: args.validFrom },
        ),
      );
      return viewOf(record, null, latestLookup(ctx.graph));
    };
    Object.assign(mutations, {
      [`create${type}`]: create,
      [`update${type}`]: update,
      [`end${type}`]: end,
      [`correct${type}`]: correct,
    });
  }
  // Sound by `checked` above: each function fits every generated signature of its verb.
  return mutations as unknown as EntityMutations;
}
