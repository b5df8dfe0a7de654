import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  authorize,
  canonicalJson,
  DomainError,
  GLOBAL,
  isDomainError,
  parseEntityId,
  principalLabel,
  type RecordedChange,
  restoreBackupDocument,
  takeBackup,
} from '@trame/graph';
import { FILE_LIMITS } from '@trame/graph/exchange';
import { checkAccess } from '../graphql/access-policy.ts';
import { accessRules } from '../graphql/access-rules.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import type { LiveBus } from '../live/bus.ts';
import { runWorkbookImport } from '../graphql/resolvers/import.ts';

/**
 * Files too big for a GraphQL JSON body (2 MiB): a workbook to import, a backup to download or
 * restore. Raw bodies (the file's bytes as they are, no base64, no multipart), guarded like
 * /graphql: the auth plugin's principal, the security plugin's Host, Origin and CSRF checks
 * (`x-trame-csrf` with the session cookie, security.ts guards these paths too).
 *
 * - `POST /imports?projectId=…&fileName=…[&encoding=…][&validFrom=…][&dryRun=true][&skipSheets=…]`:
 *   the body is the file (at most FILE_LIMITS.maxBytes, refused from its Content-Length before
 *   it is read: FILE_TOO_LARGE, HTTP 413). Answers as GraphQL does, `{data: {importWorkbook:
 *   ImportReport}}` or `{errors: [{message, extensions: {code…}}]}`, under the same access rule
 *   as the mutation (project:write).
 * - `GET /backups[?territoryId=…]`: the backup document (administrators), as a download.
 * - `POST /backups`: restores the backup in the body (administrators; at most BACKUP_MAX_BYTES).
 */

/** The largest backup the web app may upload (a territory of the L bench is about 60 MB). */
export const BACKUP_MAX_BYTES = 512 * 1024 * 1024;

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
  BACKUP_ID_COLLISION: 409,
};

const RULES = accessRules();

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} Mo`;

function sendErrors(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
) {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { ...extensions, code } }] });
}

function sendDomainError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!isDomainError(error)) throw error;
  request.log.info({ code: error.code }, error.message);
  return sendErrors(reply, STATUS[error.code] ?? 400, error.code, error.message, error.details ?? {});
}

/** The bits of the GraphQL context the access rules read, and the live bus an import tells. */
function accessContext(request: FastifyRequest, live: LiveBus): GraphQLContext {
  return {
    live,
    graph: request.graph,
    principal: request.principal,
    author: {
      author: principalLabel(request.principal),
      authorId: request.principal.kind === 'user' ? request.principal.user.id : null,
    },
    sessionToken: request.sessionToken,
    publicUrl: '',
    requestId: request.id,
    log: request.log,
    resources: new Map(),
  };
}

export interface ExchangeFilesOptions {
  /** Where an import's committed changes are published (live walls and editors, api/src/live). */
  live: LiveBus;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

function administrator(request: FastifyRequest): void {
  if (request.principal.kind === 'anonymous') {
    throw new DomainError('UNAUTHENTICATED', 'connectez-vous pour sauvegarder ou restaurer');
  }
  authorize(request.principal, 'admin:users', GLOBAL);
}

export function registerExchangeFiles(app: FastifyInstance, options: ExchangeFilesOptions): void {
  void app.register(async (scope) => {
    // The body as it is: whatever its type, one buffer (bounded by each route's bodyLimit).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const isImport = request.url.startsWith('/imports');
        const max = isImport ? FILE_LIMITS.maxBytes : BACKUP_MAX_BYTES;
        const length = Number(request.headers['content-length']);
        const size = Number.isFinite(length) && length > 0 ? ` pèse ${megabytes(length)} :` : ' est trop volumineux :';
        const message = isImport
          ? `le fichier${size} au-delà de ${megabytes(max)}, découpez-le en plusieurs fichiers`
          : `la sauvegarde${size} au-delà de ${megabytes(max)}, restaurez-la avec la commande trame restore`;
        request.log.info({ code: 'FILE_TOO_LARGE' }, message);
        return sendErrors(reply, 413, 'FILE_TOO_LARGE', message, { maxBytes: max });
      }
      if (isDomainError(error)) return sendDomainError(request, reply, error);
      if ((error.statusCode ?? 500) < 500) {
        return sendErrors(reply, error.statusCode!, 'BAD_REQUEST', 'la requête HTTP est mal formée');
      }
      request.log.error({ err: error }, 'unexpected error on an exchange route');
      return sendErrors(reply, 500, 'INTERNAL_SERVER_ERROR', 'Erreur interne : rien n’a été modifié.');
    });

    scope.post('/imports', { bodyLimit: FILE_LIMITS.maxBytes }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const ctx = accessContext(request, options.live);
      try {
        const projectId = parseEntityId(query.projectId, "l'identifiant du projet");
        await checkAccess(RULES['Mutation.importWorkbook']!, { projectId }, ctx);
        const fileName = text(query.fileName);
        if (!fileName) throw new DomainError('INVALID_FIELD', 'indiquez le nom du fichier (fileName)', { field: 'fileName' });
        const body = request.body;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
        const validFrom = text(query.validFrom);
        const at = validFrom ? new Date(validFrom) : null;
        if (at && Number.isNaN(at.getTime())) {
          throw new DomainError('INVALID_DATE', `la date « ${validFrom} » n'est pas lisible`, { field: 'validFrom' });
        }
        // The changes the import records: told to live subscribers once committed (as a mutation's).
        const recorded: RecordedChange[] = [];
        const author = { ...ctx.author, onRecorded: (change: RecordedChange) => void recorded.push(change) };
        const report = await runWorkbookImport(request.graph, author, {
          projectId,
          fileName,
          bytes,
          encoding: text(query.encoding),
          skipSheets: list(query.skipSheets),
          validFrom: at,
          dryRun: query.dryRun === 'true' || query.dryRun === '1',
        });
        options.live.publishChanges(recorded);
        return reply.type('application/json; charset=utf-8').send({ data: { importWorkbook: report } });
      } catch (error) {
        return sendDomainError(request, reply, error);
      }
    });

    scope.get('/backups', async (request, reply) => {
      try {
        administrator(request);
        const query = request.query as Record<string, unknown>;
        const territoryId = text(query.territoryId);
        const doc = await request.graph.read((tx) => takeBackup(tx, { territoryId }));
        const day = doc.takenAt.slice(0, 10);
        const name = territoryId ? `trame-sauvegarde-${territoryId}-${day}.json` : `trame-sauvegarde-${day}.json`;
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(canonicalJson(doc));
      } catch (error) {
        return sendDomainError(request, reply, error);
      }
    });

    scope.post('/backups', { bodyLimit: BACKUP_MAX_BYTES }, async (request, reply) => {
      try {
        administrator(request);
        const body = request.body;
        let doc: unknown;
        try {
          doc = JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : '');
        } catch {
          throw new DomainError('BACKUP_INVALID', "ce fichier n'est pas une sauvegarde de Trame : ce n'est pas un document JSON");
        }
        const stats = await restoreBackupDocument(request.graph, doc);
        return reply.type('application/json; charset=utf-8').send({ data: { restore: stats } });
      } catch (error) {
        return sendDomainError(request, reply, error);
      }
    });
  });
}
