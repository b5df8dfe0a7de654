import type { Resolvers } from '../../generated/resolvers.ts';
import { projectFeed } from '../../live/project-feed.ts';
import { endProjection, projectionFeed, setProjection } from '../../live/projection.ts';

/**
 * Live updates and projection sessions (api/schema/live.graphql): thin — the feeds and the
 * bus are api/src/live/; access is the rules' (access-rules.ts), checked before `subscribe`.
 */

/**
 * A feed's item as the field's value; an error (the last item of a feed whose credentials were
 * revoked, api/src/live/revocation.ts) is raised, so it reaches the client as that event's error.
 */
function eventOrError(item: unknown): never {
  if (item instanceof Error) throw item;
  return item as never;
}
export const liveResolvers: Resolvers = {
  Subscription: {
    projectLive: {
      subscribe: (_p, { projectId, hideConfidential, since }, ctx) =>
        projectFeed(ctx, ctx.live, { projectId, hideConfidential: hideConfidential ?? false, since: since ?? null }),
      resolve: eventOrError,
    },
    projection: {
      subscribe: (_p, { projectId }, ctx) => projectionFeed(ctx, ctx.live, projectId),
      resolve: eventOrError,
    },
  },
  Mutation: {
    setProjection: (_p, { projectId, milestoneId, date, focusId }, ctx) =>
      setProjection(ctx.live, projectId, { milestoneId, date, focusId }) as never,
    endProjection: (_p, { projectId }, ctx) => endProjection(ctx.live, projectId),
  },
};
