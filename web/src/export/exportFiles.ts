import { zipSync } from 'fflate';
import { request } from '../api/client.ts';
import { graphql } from '../generated/gql.ts';
import { download } from './download.ts';

/** The exchange formats the menu offers (graph/src/exchange, docs/decisions/0005-exchange-formats.md). */
export const EXPORT_CHOICES = ['xlsx', 'csv', 'graphml', 'gexf', 'cyjs', 'kumu'] as const;
export type ExportChoice = (typeof EXPORT_CHOICES)[number];

const EXPORT = graphql(`
  query ExportFiles($projectId: ID, $territoryId: ID, $format: String!, $at: DateTime, $confidential: Boolean) {
    exportProject(projectId: $projectId, territoryId: $territoryId, format: $format, at: $at, confidential: $confidential) {
      fileName
      mediaType
      base64
    }
  }
`);

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** `name.ext` → `name-suffix.ext`. */
function withSuffix(fileName: string, suffix: string | null): string {
  if (!suffix) return fileName;
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? `${fileName}-${suffix}` : `${fileName.slice(0, dot)}-${suffix}${fileName.slice(dot)}`;
}

/**
 * Asks the API for a project's (or a territory's) export at `at` (null: now) and hands it to
 * the browser's downloads, named by the API from the label and the date (`suffix` added, e.g.
 * « sans-confidentiel »). CSV comes as one file per kind: zipped into one `.zip`.
 */
export async function downloadExport(options: {
  projectId?: string;
  territoryId?: string;
  format: ExportChoice;
  at: string | null;
  confidential: boolean;
  suffix: string | null;
}): Promise<void> {
  const { exportProject: files } = await request(EXPORT, {
    projectId: options.projectId ?? null,
    territoryId: options.territoryId ?? null,
    format: options.format,
    at: options.at,
    confidential: options.confidential,
  });
  if (options.format === 'csv') {
    const entries = Object.fromEntries(files.map((f) => [f.fileName, bytesOf(f.base64)]));
    // The tables share the export's name: « projet-2026-11-30-acteurs.csv » → « projet-2026-11-30 ».
    const first = files[0]?.fileName ?? 'export.csv';
    const base = first.replace(/-[^-]+\.csv$/, '');
    download(
      new Blob([zipSync(entries) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
      withSuffix(`${base}-csv.zip`, options.suffix),
    );
    return;
  }
  for (const file of files) {
    download(
      new Blob([bytesOf(file.base64) as Uint8Array<ArrayBuffer>], { type: file.mediaType }),
      withSuffix(file.fileName, options.suffix),
    );
  }
}
