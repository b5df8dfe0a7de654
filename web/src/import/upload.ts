import { ApiError } from '../api/client.ts';
import { BOOKMARK_HEADER, bookmarkHeaders, rememberBookmark } from '../api/bookmark.ts';
import type { ImportReport } from '../generated/graphql.ts';

/**
 * Sends a workbook's bytes as they are to POST /imports (api/src/plugins/exchange-files.ts):
 * no base64, no 2 MiB GraphQL body limit. XMLHttpRequest rather than fetch for the upload's
 * progress. Resolves with the API's ImportReport (the GraphQL type); rejects with ApiError
 * (the API's code and French message, or NETWORK / BAD_RESPONSE).
 */
export interface UploadOptions {
  projectId: string;
  file: Blob;
  fileName: string;
  dryRun: boolean;
  encoding?: string | null;
  skipSheets?: readonly string[];
  /** 'YYYY-MM-DD', the default date of rows without one. */
  validFrom?: string | null;
  /** The upload's progress, 0…1; null once sent, while the server reads the file. */
  onProgress?(fraction: number | null): void;
}

export function uploadWorkbook(options: UploadOptions): Promise<ImportReport> {
  const query = new URLSearchParams({ projectId: options.projectId, fileName: options.fileName });
  if (options.dryRun) query.set('dryRun', 'true');
  if (options.encoding) query.set('encoding', options.encoding);
  if (options.validFrom) query.set('validFrom', `${options.validFrom}T00:00:00.000Z`);
  for (const sheet of options.skipSheets ?? []) query.append('skipSheets', sheet);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/imports?${query}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    // The session cookie signs the request: the CSRF header the server asks for (security.ts).
    xhr.setRequestHeader('x-trame-csrf', '1');
    for (const [name, value] of Object.entries(bookmarkHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => options.onProgress?.(null);
    xhr.onerror = () => reject(new ApiError('Le serveur ne répond pas. Vérifiez qu’il est démarré, puis réessayez.', 'NETWORK'));
    xhr.onload = () => {
      const bookmark = xhr.getResponseHeader(BOOKMARK_HEADER);
      if (bookmark) rememberBookmark(new Response(null, { headers: { [BOOKMARK_HEADER]: bookmark } }));
      let body: { data?: { importWorkbook: ImportReport }; errors?: { message: string; extensions?: Record<string, unknown> }[] };
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        reject(new ApiError(`Réponse illisible du serveur (HTTP ${xhr.status}).`, 'BAD_RESPONSE'));
        return;
      }
      const error = body.errors?.[0] ?? (body as { error?: { code: string; message: string } }).error;
      if (error) {
        const extensions = 'extensions' in error ? (error.extensions ?? {}) : { code: (error as { code: string }).code };
        reject(new ApiError(error.message, String(extensions.code ?? 'UNKNOWN'), extensions));
        return;
      }
      if (!body.data) reject(new ApiError('Réponse vide du serveur.', 'BAD_RESPONSE'));
      else resolve(body.data.importWorkbook);
    };
    xhr.send(options.file);
  });
}
