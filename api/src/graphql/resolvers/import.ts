import {
  DomainError,
  EXPORT_FORMATS,
  exportSnapshot,
  importActors,
  importWorkbook,
  presentImportReport,
  previewActorImport,
  readImportFile,
  type ChangeContext,
  type Graph,
  type ImportReportView,
  readProjectSnapshot,
  readTerritorySnapshot,
  type ExportFormat,
} from '@trame/graph';
import { TEXT_ENCODINGS, type TextEncoding } from '@trame/graph/exchange';
import type { Resolvers } from '../../generated/resolvers.ts';

export interface WorkbookImportArgs {
  projectId: string;
  fileName: string;
  bytes: Uint8Array;
  encoding?: string | null;
  skipSheets?: readonly string[] | null;
  validFrom?: Date | null;
  dryRun?: boolean | null;
}

/**
 * One workbook import, for the GraphQL mutation (base64 content) and the upload route (raw
 * bytes, api/src/plugins/exchange-files.ts): read, map, plan, and write unless a dry run.
 * @throws DomainError INVALID_FIELD (an unknown encoding), the file errors, IMPORT_INVALID_ROWS…
 */
export async function runWorkbookImport(
  graph: Graph,
  author: ChangeContext,
  args: WorkbookImportArgs,
): Promise<ImportReportView> {
  if (args.encoding && !(TEXT_ENCODINGS as readonly string[]).includes(args.encoding)) {
    throw new DomainError('INVALID_FIELD', `encodage « ${args.encoding} » inconnu (${TEXT_ENCODINGS.join(', ')})`, {
      field: 'encoding',
    });
  }
  const input = readImportFile(args.bytes, args.fileName, {
    ...(args.encoding ? { encoding: args.encoding as TextEncoding } : {}),
    ...(args.skipSheets ? { skipSheets: args.skipSheets } : {}),
  });
  const options = { dryRun: args.dryRun ?? false, ...(args.validFrom ? { validFrom: args.validFrom } : {}) };
  const report = options.dryRun
    ? await graph.read((tx) => importWorkbook(tx, author, args.projectId, input, options))
    : await graph.write((tx) => importWorkbook(tx, author, args.projectId, input, options));
  return presentImportReport(report);
}

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
    importWorkbook: (_p, { projectId, fileName, content, encoding, skipSheets, validFrom, dryRun }, ctx) =>
      runWorkbookImport(ctx.graph, ctx.author, {
        projectId,
        fileName,
        bytes: Buffer.from(content, 'base64'),
        encoding: encoding ?? null,
        skipSheets: skipSheets ?? null,
        validFrom: validFrom ?? null,
        dryRun: dryRun ?? false,
      }),
    importActors: async (_p, { projectId, rows, validFrom, dryRun }, ctx) => {
      const options = validFrom ? { validFrom } : {};
      return dryRun
        ? ctx.graph.read((tx) => previewActorImport(tx, ctx.author, projectId, rows, options))
        : ctx.graph.write((tx) => importActors(tx, ctx.author, projectId, rows, options));
    },
  },
};
