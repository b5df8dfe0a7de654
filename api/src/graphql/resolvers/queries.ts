import {
  DomainError,
  buildProjectMap,
  diffProjectStates,
  getChange,
  listTerritories,
  listTerritoryEntities,
  ofType,
  parseEntityId,
  readProjectState,
  readTimeline,
  revertChange,
  type EntityType,
  type ProjectState,
} from '@trame/graph';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { GraphQLContext } from '../context.ts';
import { latestLookup, stateView, viewOf, type EntityView } from '../presenters.ts';

const now = () => new Date();

async function projectState(ctx: GraphQLContext, projectId: string, at: Date): Promise<ProjectState> {
  const id = parseEntityId(projectId, "l'identifiant du projet");
  return ctx.graph.read((tx) => readProjectState(tx, id, at));
}

/** A project view read elsewhere (a list, a mutation) loads its content on first use. */
async function ensureState(view: EntityView, ctx: GraphQLContext): Promise<ProjectState> {
  if (!view.state) view.state = await projectState(ctx, view.record.id, view.asOf);
  return view.state;
}

function listOf(type: EntityType) {
  return async (view: EntityView, _args: unknown, ctx: GraphQLContext) => {
    const state = await ensureState(view, ctx);
    return ofType(state, type).map((record) => stateView(state, record));
  };
}

export const queryResolvers: Resolvers = {
  Query: {
    me: (_p, _a, ctx) => ctx.user,
    territories: async (_p, { asOf }, ctx) => {
      ctx.authorize('read');
      const at = asOf ?? now();
      const records = await ctx.graph.read((tx) => listTerritories(tx, at));
      return records.map((r) => viewOf(r, at, latestLookup(ctx.graph)));
    },
    territory: async (_p, { id, asOf }, ctx) => {
      ctx.authorize('read');
      const at = asOf ?? now();
      const territoryId = parseEntityId(id);
      const [record] = await ctx.graph.read((tx) => listTerritoryEntities(tx, territoryId, ['Territory'], at));
      if (!record) throw new DomainError('NOT_FOUND', `le territoire « ${id} » n'existe pas à cette date`, { id, entityType: 'Territory' });
      return viewOf(record, at, latestLookup(ctx.graph));
    },
    project: async (_p, { id, asOf }, ctx) => {
      ctx.authorize('read', { projectId: id });
      const state = await projectState(ctx, id, asOf ?? now());
      return stateView(state, state.project);
    },
    projectMap: async (_p, { projectId, asOf, hideConfidential }, ctx) => {
      ctx.authorize('read', { projectId });
      const state = await projectState(ctx, projectId, asOf ?? now());
      return buildProjectMap(state, { hideConfidential: hideConfidential ?? false });
    },
    projectDiff: async (_p, { projectId, from, to }, ctx) => {
      ctx.authorize('read', { projectId });
      if (from.getTime() > to.getTime()) {
        throw new DomainError('INVALID_RANGE', 'la date de début de la comparaison doit précéder sa date de fin');
      }
      const id = parseEntityId(projectId, "l'identifiant du projet");
      const [before, after] = await ctx.graph.read(async (tx) => [
        await readProjectState(tx, id, from),
        await readProjectState(tx, id, to),
      ]);
      return { diff: diffProjectStates(before, after), before, after };
    },
    projectTimeline: async (_p, args, ctx) => {
      ctx.authorize('read', { projectId: args.projectId });
      const projectId = parseEntityId(args.projectId, "l'identifiant du projet");
      return ctx.graph.read((tx) =>
        readTimeline(tx, projectId, {
          first: args.first ?? 50,
          after: args.after ?? null,
          entityId: args.entityId ?? null,
          entityType: (args.entityType as EntityType | null | undefined) ?? null,
          author: args.author ?? null,
        }),
      );
    },
    change: async (_p, { id }, ctx) => {
      ctx.authorize('read');
      return ctx.graph.read((tx) => getChange(tx, parseEntityId(id, "l'identifiant du changement")));
    },
  },
  Mutation: {
    revertChange: async (_p, { changeId }, ctx) => {
      ctx.authorize('write');
      const record = await ctx.graph.write((tx) => revertChange(tx, { author: ctx.user.id }, changeId));
      return viewOf(record, now(), latestLookup(ctx.graph));
    },
  },
  Entity: {
    __resolveType: (view) => view.record.type,
  },
  Territory: {
    asOf: (view) => view.asOf,
    projects: async (view, _a, ctx) => {
      const records = await ctx.graph.read((tx) => listTerritoryEntities(tx, view.record.id, ['Project'], view.asOf));
      return records.map((r) => viewOf(r, view.asOf, view.lookup));
    },
    actors: async (view, _a, ctx) => {
      const records = await ctx.graph.read((tx) => listTerritoryEntities(tx, view.record.id, ['Actor'], view.asOf));
      return records.map((r) => viewOf(r, view.asOf, view.lookup));
    },
  },
  Project: {
    asOf: (view) => view.asOf,
    engagements: listOf('Engagement'),
    actors: async (view, _a, ctx) => {
      const state = await ensureState(view, ctx);
      return ofType(state, 'Engagement')
        .map((engagement) => state.byId.get(engagement.values.actorId as string))
        .filter((actor) => actor !== undefined)
        .map((actor) => stateView(state, actor));
    },
    perimeters: listOf('Perimeter'),
    objectives: listOf('Objective'),
    positions: listOf('Position'),
    convergences: listOf('Convergence'),
    conflicts: listOf('Conflict'),
    externalities: listOf('Externality'),
    cooperations: listOf('Cooperation'),
    influences: listOf('Influence'),
    leaps: listOf('SystemicLeap'),
    ecosystems: listOf('Ecosystem'),
    milestones: async (view, _a, ctx) => {
      const state = await ensureState(view, ctx);
      return ofType(state, 'Milestone')
        .sort((a, b) => String(a.values.date).localeCompare(String(b.values.date)))
        .map((record) => stateView(state, record));
    },
  },
  ProjectMap: {
    asOf: (map) => map.at,
  },
  ProjectDiff: {
    from: ({ diff }) => diff.from,
    to: ({ diff }) => diff.to,
    summary: ({ diff }) => diff.summary,
    added: ({ diff, after }) => diff.added.map((r) => stateView(after, r)),
    ended: ({ diff, before }) => diff.ended.map((r) => stateView(before, r)),
    changed: ({ diff, after }) => diff.changed.map((change) => ({ change, view: stateView(after, change.after) })),
    actorsJoined: ({ diff, after }) => diff.actorsJoined.map((id) => stateView(after, after.byId.get(id)!)),
    actorsLeft: ({ diff, before }) => diff.actorsLeft.map((id) => stateView(before, before.byId.get(id)!)),
    engagementChanges: ({ diff, before, after }) =>
      diff.engagementChanges.map((change) => {
        const state = after.byId.has(change.actorId) ? after : before;
        return { change, actor: stateView(state, state.byId.get(change.actorId)!) };
      }),
    positionsMoved: ({ diff, after }) => diff.positionsMoved.map((move) => ({ move, view: stateView(after, move.entity) })),
    conflictsNew: ({ diff, after }) => diff.conflictsNew.map((r) => stateView(after, r)),
    conflictStatusChanges: ({ diff, after }) =>
      diff.conflictStatusChanges.map((move) => ({ move, view: stateView(after, move.entity) })),
    conflictsArbitrated: ({ diff, after }) => diff.conflictsArbitrated.map((r) => stateView(after, r)),
    conflictsDepasses: ({ diff, after }) => diff.conflictsDepasses.map((r) => stateView(after, r)),
    externalitiesInternalised: ({ diff, after }) => diff.externalitiesInternalised.map((r) => stateView(after, r)),
    leaps: ({ diff, after }) => diff.leaps.map((r) => stateView(after, r)),
    cooperationsNew: ({ diff, after }) => diff.cooperationsNew.map((r) => stateView(after, r)),
  },
  EntityChange: {
    entity: ({ view }) => view,
    fields: ({ change }) => change.fields,
  },
  EngagementChange: {
    actor: ({ actor }) => actor,
    before: ({ change }) => change.before as never,
    after: ({ change }) => change.after as never,
    delta: ({ change }) => change.delta,
  },
  PositionMove: {
    position: ({ view }) => view,
    before: ({ move }) => move.before as number | null,
    after: ({ move }) => move.after as number | null,
  },
  ConflictStatusChange: {
    conflict: ({ view }) => view,
    before: ({ move }) => move.before as never,
    after: ({ move }) => move.after as never,
  },
  TimelinePage: {
    hasMore: (page) => page.endCursor !== null,
  },
};
