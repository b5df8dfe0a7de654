import { importActors, previewActorImport } from '@trame/graph';
import type { Resolvers } from '../../generated/resolvers.ts';

export const importResolvers: Resolvers = {
  Mutation: {
    importActors: async (_p, { projectId, rows, validFrom, dryRun }, ctx) => {
      const options = validFrom ? { validFrom } : {};
      return dryRun
        ? ctx.graph.read((tx) => previewActorImport(tx, ctx.author, projectId, rows, options))
        : ctx.graph.write((tx) => importActors(tx, ctx.author, projectId, rows, options));
    },
  },
};
