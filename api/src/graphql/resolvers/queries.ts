import {
  DomainError,
  buildProjectMap,
  canSeeConfidential,
  diffProject,
  isAllowed,
  listTerritories,
  listTerritoryEntities,
  ofType,
  parseEntityId,
  readHiddenEntityIds,
  readProjectState,
  readVisibleChange,
  readTimeline,
  readTimelineAuthors,
  readLayout,
  scopeOfState,
  visibleProjectState,
  saveLayout,
  territoryResource,
  parsePositions,
  revertChange,
  summarisePath,
  type EntityType,
  type NodePositions,
  type ProjectState,
} from '@trame/graph';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { GraphQLContext } from '../context.ts';
import { latestLookup, readMoment, stateView, viewOf, type EntityView } from '../presenters.ts';
import { readVisibleProjectState as projectState } from '../project-states.ts';

/** A project view read elsewhere (a list, a mutation) loads its content on first use, redacted for the principal. */
export async function ensureState(view: EntityView, ctx: GraphQLContext): Promise<ProjectState> {
  if (!view.state) view.state = await projectState(ctx, view.record.id, view.latest ? null : view.asOf);
  return view.state;
}

/**
 * The saved layout as the principal may receive it: the positions of hidden entities, and of
 * actors on the map only through them, left out (their ids would say they exist). Positions of
 * entities no longer on the map (ended, public) stay, for the map at past dates.
 */
async function visibleLayout(ctx: GraphQLContext, projectId: string): Promise<NodePositions> {
  return ctx.graph.read(async (tx) => {
    const layout = await readLayout(tx, projectId);
    const full = await readProjectState(tx, projectId, null, { onBroken: () => {} });
    if (canSeeConfidential(ctx.principal, scopeOfState(full))) return layout;
    const hidden = await readHiddenEntityIds(tx, projectId);
    const visible = visibleProjectState(ctx.principal, full, hidden);
    return Object.fromEntries(
      Object.entries(layout).filter(([id]) => !hidden.has(id) && (visible.byId.has(id) || !full.byId.has(id))),
    );
  });
}

export const queryResolvers: Resolvers = {
  Query: {
    me: (_p, _a, ctx) => {
      // The rule ('user') let only signed-in users through.
      const user = ctx.principal.kind === 'user' ? ctx.principal.user : null;
      if (!user) throw new DomainError('UNAUTHENTICATED', 'connectez-vous pour accéder à Trame');
      return { id: user.id, name: user.name };
    },
    territories: async (_p, { asOf }, ctx) => {
      const moment = readMoment(asOf);
      const records = await ctx.graph.read((tx) => listTerritories(tx, moment ?? new Date()));
      // The rule let any signed-in user ask; each gets the territories they may read.
      return records
        .filter((record) => isAllowed(ctx.principal, 'territory:read', territoryResource(record)))
        .map((r) => viewOf(r, moment, latestLookup(ctx.graph)));
    },
    territory: async (_p, { id, asOf }, ctx) => {
      const moment = readMoment(asOf);
      const territoryId = parseEntityId(id);
      const [record] = await ctx.graph.read((tx) => listTerritoryEntities(tx, territoryId, ['Territory'], moment ?? new Date()));
      if (!record)
        throw new DomainError('NOT_FOUND', `le territoire « ${id} » n'existe pas à cette date`, { id, entityType: 'Territory' });
      return viewOf(record, moment, latestLookup(ctx.graph));
    },
    project: async (_p, { id, asOf }, ctx) => {
      const moment = readMoment(asOf);
      const state = await projectState(ctx, id, moment);
      return stateView(state, state.project, moment === null);
    },
    projectMap: async (_p, { projectId, asOf, hideConfidential }, ctx) => {
      const state = await projectState(ctx, projectId, readMoment(asOf));
      return buildProjectMap(state, { hideConfidential: hideConfidential ?? false });
    },
    projectDiff: async (_p, args, ctx) => {
      return ctx.graph.read((tx) => diffProject(tx, args, { principal: ctx.principal }));
    },
    projectTimeline: async (_p, args, ctx) => {
      const projectId = parseEntityId(args.projectId, "l'identifiant du projet");
      return ctx.graph.read((tx) =>
        readTimeline(tx, projectId, {
          first: args.first ?? 50,
          after: args.after ?? null,
          entityId: args.entityId ?? null,
          entityType: (args.entityType as EntityType | null | undefined) ?? null,
          author: args.author ?? null,
          withActors: args.withActors ?? false,
          reader: { principal: ctx.principal },
        }),
      );
    },
    projectTimelineAuthors: async (_p, args, ctx) => {
      const projectId = parseEntityId(args.projectId, "l'identifiant du projet");
      return ctx.graph.read((tx) =>
        readTimelineAuthors(tx, projectId, {
          entityId: args.entityId ?? null,
          entityType: (args.entityType as EntityType | null | undefined) ?? null,
          withActors: args.withActors ?? false,
          reader: { principal: ctx.principal },
        }),
      );
    },
    projectLayout: async (_p, { projectId }, ctx) => {
      return visibleLayout(ctx, parseEntityId(projectId, "l'identifiant du projet"));
    },
    change: async (_p, { id }, ctx) => {
      const changeId = parseEntityId(id, "l'identifiant du changement");
      return ctx.graph.read((tx) => readVisibleChange(tx, changeId, { principal: ctx.principal }));
    },
  },
  Mutation: {
    saveProjectLayout: async (_p, { projectId, positions }, ctx) => {
      const id = parseEntityId(projectId, "l'identifiant du projet");
      const parsed = parsePositions(positions);
      await ctx.graph.write((tx) => saveLayout(tx, id, parsed, ctx.author.authorId ?? ctx.author.author));
      return true;
    },
    revertChange: async (_p, { changeId }, ctx) => {
      const record = await ctx.graph.write((tx) => revertChange(tx, ctx.author, changeId));
      return viewOf(record, null, latestLookup(ctx.graph));
    },
  },
  Entity: {
    __resolveType: (view) => view.record.type,
  },
  // The other list fields of territories and projects are read off the model (resolvers/entities.ts).
  Territory: {
    asOf: (view) => view.asOf,
  },
  Project: {
    asOf: (view) => view.asOf,
    lastChange: async (view, _a, ctx) => {
      const page = await ctx.graph.read((tx) =>
        readTimeline(tx, view.record.id, { first: 1, reader: { principal: ctx.principal } }),
      );
      return page.changes[0] ?? null;
    },
    actors: async (view, _a, ctx) => {
      const state = await ensureState(view, ctx);
      return ofType(state, 'Engagement')
        .map((engagement) => state.byId.get(engagement.values.actorId as string))
        .filter((actor) => actor !== undefined)
        .map((actor) => stateView(state, actor, view.latest ?? false));
    },
    // In date order rather than the store's.
    milestones: async (view, _a, ctx) => {
      const state = await ensureState(view, ctx);
      return ofType(state, 'Milestone')
        .sort((a, b) => String(a.values.date).localeCompare(String(b.values.date)))
        .map((record) => stateView(state, record, view.latest ?? false));
    },
  },
  ProjectMap: {
    asOf: (map) => map.at,
  },
  ProjectDiff: {
    from: ({ diff }) => diff.from,
    to: ({ diff }) => diff.to,
    summary: ({ diff }) => diff.summary,
    path: ({ diff, before, after }) => summarisePath(diff, before, after),
    added: ({ diff, after }) => diff.added.map((r) => stateView(after, r, false)),
    ended: ({ diff, before }) => diff.ended.map((r) => stateView(before, r, false)),
    changed: ({ diff, after }) => diff.changed.map((change) => ({ change, view: stateView(after, change.after, false) })),
    actorsJoined: ({ diff, after }) => diff.actorsJoined.map((id) => stateView(after, after.byId.get(id)!, false)),
    actorsLeft: ({ diff, before }) => diff.actorsLeft.map((id) => stateView(before, before.byId.get(id)!, false)),
    engagementChanges: ({ diff, before, after }) =>
      diff.engagementChanges.map((change) => {
        const state = after.byId.has(change.actorId) ? after : before;
        return { change, actor: stateView(state, state.byId.get(change.actorId)!, false) };
      }),
    positionsMoved: ({ diff, after }) =>
      diff.positionsMoved.map((move) => ({ move, view: stateView(after, move.entity, false) })),
    conflictsNew: ({ diff, after }) => diff.conflictsNew.map((r) => stateView(after, r, false)),
    conflictStatusChanges: ({ diff, after }) =>
      diff.conflictStatusChanges.map((move) => ({ move, view: stateView(after, move.entity, false) })),
    conflictsArbitrated: ({ diff, after }) => diff.conflictsArbitrated.map((r) => stateView(after, r, false)),
    conflictsDepasses: ({ diff, after }) => diff.conflictsDepasses.map((r) => stateView(after, r, false)),
    externalitiesInternalised: ({ diff, after }) => diff.externalitiesInternalised.map((r) => stateView(after, r, false)),
    leaps: ({ diff, after }) => diff.leaps.map((r) => stateView(after, r, false)),
    cooperationsNew: ({ diff, after }) => diff.cooperationsNew.map((r) => stateView(after, r, false)),
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
