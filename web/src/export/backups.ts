import { ApiError } from '../api/client.ts';
import { download } from './download.ts';

/**
 * The administrator's backups through GET and POST /backups (api/src/plugins/exchange-files.ts):
 * the document as it is, no GraphQL body limit. Same credentials and CSRF header as /graphql.
 */

const HEADERS = { accept: 'application/json', 'x-trame-csrf': '1' };

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    const error = body.errors?.[0];
    if (error) return new ApiError(error.message, String(error.extensions?.code ?? 'UNKNOWN'), error.extensions ?? {});
  } catch {
    // not JSON: said below
  }
  return new ApiError(`Réponse illisible du serveur (HTTP ${response.status}).`, 'BAD_RESPONSE');
}

/** Downloads the whole database's backup (`territoryId` null) or one territory's, under the server's file name. */
export async function downloadBackup(territoryId: string | null): Promise<void> {
  const query = territoryId ? `?territoryId=${encodeURIComponent(territoryId)}` : '';
  let response: Response;
  try {
    response = await fetch(`/backups${query}`, { headers: HEADERS, credentials: 'same-origin' });
  } catch {
    throw new ApiError('Le serveur ne répond pas. Vérifiez qu’il est démarré, puis réessayez.', 'NETWORK');
  }
  if (!response.ok) throw await failure(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'trame-sauvegarde.json';
  download(await response.blob(), name);
}

export interface RestoreStats {
  entities: number;
  versions: number;
  changes: number;
  layouts: number;
  users: number;
}

/**
 * Restores a backup file. Rejects with ApiError: BACKUP_ID_COLLISION, BACKUP_VERSION_UNSUPPORTED
 * (newer or older format), BACKUP_INVALID, FILE_TOO_LARGE… with the server's French message.
 */
export async function restoreBackupFile(file: Blob): Promise<RestoreStats> {
  let response: Response;
  try {
    response = await fetch('/backups', {
      method: 'POST',
      headers: { ...HEADERS, 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError('Le serveur ne répond pas. Vérifiez qu’il est démarré, puis réessayez.', 'NETWORK');
  }
  if (!response.ok) throw await failure(response);
  const body = (await response.json()) as { data?: { restore: RestoreStats } };
  if (!body.data) throw new ApiError('Réponse vide du serveur.', 'BAD_RESPONSE');
  return body.data.restore;
}
