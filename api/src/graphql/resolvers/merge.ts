import { mergeActors } from '@trame/graph';
import type { Resolvers } from '../../generated/resolvers.ts';
import { latestLookup, viewOf } from '../presenters.ts';

/** mergeActors: one graph command; a dry run reads, a merge writes. */
export const mergeResolvers: Resolvers = {
  Mutation: {
    mergeActors: async (_p, { keepId, mergeId, validFrom, dryRun }, ctx) => {
      const input = { keepId, mergeId, ...(validFrom ? { validFrom } : {}) };
      const result = dryRun
        ? await ctx.graph.read((tx) => mergeActors(tx, ctx.author, input, { dryRun: true }))
        : await ctx.graph.write((tx) => mergeActors(tx, ctx.author, input));
      const lookup = latestLookup(ctx.graph);
      return {
        kept: viewOf(result.kept, null, lookup),
        merged: viewOf(result.merged, null, lookup),
        validFrom: result.validFrom,
        steps: result.steps,
        changeId: result.changeId,
      };
    },
  },
};
