import {
  DomainError,
  EXPORT_FORMATS,
  exportSnapshot,
  importActors,
  importWorkbook,
  previewActorImport,
  readImportFile,
  readProjectSnapshot,
  readTerritorySnapshot,
  type ExportFormat,
} from '@trame/graph';
import type { Resolvers } from '../../generated/resolvers.ts';

export const importResolvers: Resolvers = {
  Query: {
    exportProject: async (_p, { projectId, territoryId, format, at }, ctx) => {
      if (!projectId === !territoryId) {
        throw new DomainError('INVALID_FIELD', "indiquez le projet ou le territoire à exporter (l'un des deux)", {
          field: 'projectId',
        });
      }
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
        throw new DomainError('INVALID_FIELD', `format « ${format} » inconnu (formats : ${EXPORT_FORMATS.join(', ')})`, {
          field: 'format',
        });
      }
      ctx.authorize('read', projectId ? { projectId } : { territoryId: territoryId ?? null });
      const moment = at ?? null;
      const snapshot = await ctx.graph.read((tx) =>
        projectId ? readProjectSnapshot(tx, projectId, moment) : readTerritorySnapshot(tx, territoryId!, moment),
      );
      return exportSnapshot(snapshot, format as ExportFormat).map((file) => ({
        fileName: file.fileName,
        mediaType: file.mediaType,
        base64: Buffer.from(file.bytes).toString('base64'),
      }));
    },
  },
  Mutation: {
    importWorkbook: async (_p, { projectId, fileName, content, encoding, validFrom, dryRun }, ctx) => {
      ctx.authorize('write', { projectId });
      const input = readImportFile(Buffer.from(content, 'base64'), fileName, encoding ? { encoding: encoding as never } : {});
      const author = { author: ctx.user.id };
      const options = { dryRun: dryRun ?? false, ...(validFrom ? { validFrom } : {}) };
      return options.dryRun
        ? ctx.graph.read((tx) => importWorkbook(tx, author, projectId, input, options))
        : ctx.graph.write((tx) => importWorkbook(tx, author, projectId, input, options));
    },
    importActors: async (_p, { projectId, rows, validFrom, dryRun }, ctx) => {
      const options = validFrom ? { validFrom } : {};
      return dryRun
        ? ctx.graph.read((tx) => previewActorImport(tx, ctx.author, projectId, rows, options))
        : ctx.graph.write((tx) => importActors(tx, ctx.author, projectId, rows, options));
    },
  },
};
