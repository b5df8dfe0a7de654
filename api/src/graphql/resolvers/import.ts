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
    exportProject: async (_p, { projectId, territoryId, format, at, confidential }, ctx) => {
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
      // Access: the rule (access-rules.ts, action `export`) ran before; the export is read as
      // the principal may receive it (confidential items only for those who may see them).
      const moment = at ?? null;
      const reader = { principal: ctx.principal, confidential: confidential ?? true };
      const snapshot = await ctx.graph.read((tx) =>
        projectId
          ? readProjectSnapshot(tx, projectId, moment, { reader })
          : readTerritorySnapshot(tx, territoryId!, moment, { reader }),
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
      const input = readImportFile(Buffer.from(content, 'base64'), fileName, encoding ? { encoding: encoding as never } : {});
      const author = ctx.author;
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
