import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError, isDomainError, type ErrorCode } from '../errors.ts';
import { isoDay as day } from '../model/dates.ts';
import { entitySpec } from '../model/entities.ts';
import type { EntityType } from '../model/enums.ts';
import { LIMITS } from '../model/limits.ts';
import { enumFromText, nameKey } from '../model/names.ts';
import { parseEntityId, parsePatch, type FieldValue, type FieldValues } from '../model/validation.ts';
import { planBulk, writePlan, type BulkCreate, type BulkExisting } from '../store/bulk.ts';
import { effectiveDate, newId, type ChangeContext } from '../store/commands.ts';
import type { Query } from '../store/queries.ts';
import { END_OF_TIME, fromNeoDateTime, toNeoDateTime } from '../time.ts';

/**
 * Importing a pilot's actor list (a spreadsheet) into a project: for each row, the actor of the
 * territory — reused when one of that name already exists, created otherwise — and its
 * engagement in the project. Every creation is dated and attributed exactly as `createEntity`
 * would record it (it goes through the bulk planner, proven equal to the commands), and the whole
 * file is written in one transaction with a few UNWIND statements, or not at all.
 *
 * The rules (docs/decisions/0002-actor-import.md):
 * - every row is checked with the single-entity rules; one bad row and nothing is written, and
 *   every bad row is reported (IMPORT_INVALID_ROWS, `rows` in the details);
 * - names match case-, accent-, space- and apostrophe-insensitively (`nameKey`) against the open
 *   actors of the territory; two of them with that name is an error (AMBIGUOUS_NAME); an ended
 *   actor is not reused;
 * - a name twice in the file: the same values again is skipped, different values are an error;
 * - an actor already engaged in the project is skipped (its engagement is left as it is);
 * - an unknown perimeter is an error; an ended project refuses the import (ENTITY_ENDED).
 */

/** One row as read from the spreadsheet: plain text, checked here. */
export interface ActorImportRow {
  /** Where the row stands in the source file (the spreadsheet's line), for messages; default: its position from 1. */
  line?: number | null;
  name?: unknown;
  kind?: unknown;
  description?: unknown;
  level?: unknown;
  role?: unknown;
  /** The name (or id) of one of the project's perimeters: the actor's perimètre d'entrée. */
  perimeter?: unknown;
}

export type ImportRowField = 'name' | 'kind' | 'description' | 'level' | 'role' | 'perimeter';
export type ImportRowAction = 'NEW_ACTOR' | 'EXISTING_ACTOR' | 'SKIPPED' | 'INVALID';

export interface ImportRowResult {
  line: number;
  name: string | null;
  action: ImportRowAction;
  /** The actor created or reused (null for a new actor in a dry run, and for skipped or invalid rows). */
  actorId: string | null;
  engagementId: string | null;
  /** Why a row was skipped. */
  reason: string | null;
  /** What was kept from Trame rather than from the file (a reused actor's kind…). */
  warnings: string[];
}

export interface ImportRowError {
  line: number;
  field: ImportRowField | null;
  code: ErrorCode;
  message: string;
}

export interface ActorImportReport {
  dryRun: boolean;
  projectId: string;
  validFrom: Date;
  rowCount: number;
  actorsCreated: number;
  actorsReused: number;
  engagementsCreated: number;
  skipped: number;
  rows: ImportRowResult[];
  errors: ImportRowError[];
}

export interface ImportOptions {
  /** When the actors' engagements began on the territory (valid time); defaults to now. */
  validFrom?: Date;
}

interface Known {
  id: string;
  validFrom: Date;
  validTo: Date;
}

/** What the import needs to know of the graph, read in the import's transaction. */
export interface ImportContext {
  project: Known & { type: EntityType; territoryId: string; name: string };
  territory: Known;
  /** Open actors of the territory, with their latest values. */
  actors: (Known & { name: string; kind: string; description: string | null })[];
  /** Engagements of the project that last beyond the import's date. */
  engagements: (Known & { actorId: string; level: string })[];
  /** Perimeters of the project that last beyond the import's date. */
  perimeters: (Known & { name: string })[];
}

export interface ActorImportPlan {
  report: ActorImportReport;
  ops: BulkCreate[];
  existing: BulkExisting[];
}

const ACTOR = entitySpec('Actor');
const ENGAGEMENT = entitySpec('Engagement');
const FIELDS: Record<Exclude<ImportRowField, 'perimeter'>, [typeof ACTOR, string]> = {
  name: [ACTOR, 'name'],
  kind: [ACTOR, 'kind'],
  description: [ACTOR, 'description'],
  level: [ENGAGEMENT, 'level'],
  role: [ENGAGEMENT, 'role'],
};
const ROW_FIELDS: readonly ImportRowField[] = ['name', 'kind', 'description', 'level', 'role', 'perimeter'];

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

type Issue = Omit<ImportRowError, 'line'>;

/** One cell checked with the single-entity rule of its field; enum codes typed loosely are accepted. */
function checkField(field: Exclude<ImportRowField, 'perimeter'>, raw: unknown, issues: Issue[]): FieldValue {
  const [spec, name] = FIELDS[field];
  const fieldSpec = spec.fields[name]!;
  let value = raw ?? null;
  if (fieldSpec.kind === 'enum' && typeof raw === 'string' && raw.trim() !== '') {
    const code = enumFromText(raw, fieldSpec.values);
    if (code === null) {
      issues.push({
        field,
        code: 'INVALID_ENUM',
        message: `${fieldSpec.label} « ${raw.trim()} » n'est pas reconnu (valeurs permises : ${fieldSpec.values.join(', ')})`,
      });
      return null;
    }
    value = code;
  }
  try {
    return parsePatch(spec, { [name]: value })[name] ?? null;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    issues.push({ field, code: error.code, message: error.message });
    return null;
  }
}

function findPerimeter(context: ImportContext, raw: unknown, at: Date, issues: Issue[]): string | null {
  if (isBlank(raw)) return null;
  if (typeof raw !== 'string') {
    issues.push({ field: 'perimeter', code: 'INVALID_FIELD', message: 'le périmètre doit être un texte' });
    return null;
  }
  const text = raw.trim();
  const byId = context.perimeters.find((p) => p.id === text);
  const matches = byId ? [byId] : context.perimeters.filter((p) => nameKey(p.name) === nameKey(text));
  if (matches.length === 0) {
    const names = context.perimeters.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'fr'));
    issues.push({
      field: 'perimeter',
      code: 'DANGLING_REFERENCE',
      message: `le périmètre « ${text} » n'existe pas dans ce projet (${names.length > 0 ? `périmètres : ${names.join(', ')}` : "le projet n'a pas de périmètre"})`,
    });
    return null;
  }
  if (matches.length > 1) {
    issues.push({
      field: 'perimeter',
      code: 'AMBIGUOUS_NAME',
      message: `plusieurs périmètres du projet s'appellent « ${text} »`,
    });
    return null;
  }
  const perimeter = matches[0]!;
  if (perimeter.validFrom.getTime() > at.getTime()) {
    issues.push({
      field: 'perimeter',
      code: 'DANGLING_REFERENCE',
      message: `le périmètre « ${perimeter.name} » ne commence que le ${day(perimeter.validFrom)}, après la date d'effet de l'import (${day(at)})`,
    });
    return null;
  }
  return perimeter.id;
}

function checkRowCount(rowCount: number): void {
  if (rowCount > LIMITS.importRows) {
    throw new DomainError(
      'IMPORT_TOO_MANY_ROWS',
      `le fichier compte ${rowCount} lignes : ${LIMITS.importRows} au plus en une fois (découpez-le en plusieurs fichiers)`,
      { rowCount, max: LIMITS.importRows },
    );
  }
}

/** The checks on the whole import, before any row: the project is there, open, and begun. */
function checkTarget(context: ImportContext, at: Date, rowCount: number): void {
  checkRowCount(rowCount);
  if (rowCount === 0) throw new DomainError('IMPORT_NO_ROWS', "le fichier ne contient aucune ligne d'acteur à importer");
  const { project, territory } = context;
  if (project.type !== 'Project') {
    throw new DomainError('NOT_FOUND', `le projet « ${project.id} » n'existe pas`, { id: project.id, entityType: 'Project' });
  }
  if (project.validTo.getTime() < END_OF_TIME.getTime()) {
    throw new DomainError(
      'ENTITY_ENDED',
      `le projet « ${project.name} » a pris fin le ${day(project.validTo)} : on n'y importe plus d'acteurs`,
    );
  }
  const begins = Math.max(project.validFrom.getTime(), territory.validFrom.getTime());
  if (at.getTime() < begins || territory.validTo.getTime() <= at.getTime()) {
    throw new DomainError(
      'DANGLING_REFERENCE',
      `le projet « ${project.name} » n'existe pas au ${day(at)} : la date d'effet de l'import doit suivre son début (${day(new Date(begins))})`,
      { field: 'validFrom' },
    );
  }
}

/**
 * Decides, row by row, what the import does: pure (no database), so every rule is tested
 * without Neo4j. Throws for what concerns the whole import; reports row errors in the report.
 */
export function planActorImport(
  context: ImportContext,
  rows: readonly ActorImportRow[],
  options: { at: Date; now: Date; author: string; authorId?: string | null; dryRun: boolean },
): ActorImportPlan {
  const { at, now, author, dryRun } = options;
  checkTarget(context, at, rows.length);
  const { project } = context;

  const actorsByKey = new Map<string, ImportContext['actors']>();
  for (const actor of context.actors) {
    const key = nameKey(actor.name);
    actorsByKey.set(key, [...(actorsByKey.get(key) ?? []), actor]);
  }
  const engagementOf = new Map(context.engagements.map((e) => [e.actorId, e]));
  const seen = new Map<string, { line: number; signature: string }>();
  const usedPerimeters = new Set<string>();
  const reused = new Map<string, ImportContext['actors'][number]>();

  const results: ImportRowResult[] = [];
  const errors: ImportRowError[] = [];
  const actorOps: BulkCreate[] = [];
  const engagementOps: BulkCreate[] = [];
  const base = { validFrom: at, recordedAt: now, author, authorId: options.authorId ?? null };

  rows.forEach((row, index) => {
    const line = typeof row.line === 'number' && Number.isInteger(row.line) && row.line > 0 ? row.line : index + 1;
    const result: ImportRowResult = {
      line,
      name: null,
      action: 'INVALID',
      actorId: null,
      engagementId: null,
      reason: null,
      warnings: [],
    };
    results.push(result);
    if (ROW_FIELDS.every((field) => isBlank(row[field]))) {
      Object.assign(result, { action: 'SKIPPED', reason: 'ligne vide' });
      return;
    }
    const issues: Issue[] = [];
    const name = checkField('name', row.name, issues) as string | null;
    const kind = checkField('kind', row.kind, issues) as string | null;
    const description = checkField('description', row.description, issues) as string | null;
    const level = checkField('level', row.level, issues) as string | null;
    const role = checkField('role', row.role, issues) as string | null;
    const perimeterId = findPerimeter(context, row.perimeter, at, issues);
    result.name = name ?? (typeof row.name === 'string' ? row.name.trim() || null : null);
    const fail = (...more: Issue[]) => {
      for (const issue of [...issues, ...more]) errors.push({ line, ...issue });
    };
    // Required fields (name, kind, level) are non-null once there is no issue.
    if (issues.length > 0 || name === null || kind === null || level === null) return fail();

    const key = nameKey(name);
    const signature = JSON.stringify([kind, description, level, role, perimeterId]);
    const earlier = seen.get(key);
    if (earlier) {
      if (earlier.signature === signature) {
        Object.assign(result, { action: 'SKIPPED', reason: `doublon de la ligne ${earlier.line}` });
        return;
      }
      return fail({
        field: 'name',
        code: 'DUPLICATE_ENTITY',
        message: `« ${name} » figure déjà ligne ${earlier.line} avec d'autres valeurs : gardez une seule ligne par acteur`,
      });
    }
    seen.set(key, { line, signature });

    const candidates = actorsByKey.get(key) ?? [];
    if (candidates.length > 1) {
      return fail({
        field: 'name',
        code: 'AMBIGUOUS_NAME',
        message: `${candidates.length} acteurs du territoire s'appellent « ${name} » (${candidates.map((a) => a.id).join(', ')}) : renommez-en un dans Trame, puis importez à nouveau`,
      });
    }
    const existing = candidates[0];
    let actorId: string;
    if (existing) {
      if (existing.validFrom.getTime() > at.getTime()) {
        return fail({
          field: 'name',
          code: 'DANGLING_REFERENCE',
          message: `l'acteur « ${existing.name} » n'existe dans Trame que depuis le ${day(existing.validFrom)}, après la date d'effet de l'import (${day(at)})`,
        });
      }
      const engagement = engagementOf.get(existing.id);
      if (engagement && engagement.validTo.getTime() < END_OF_TIME.getTime()) {
        return fail({
          field: 'name',
          code: 'DUPLICATE_ENTITY',
          message: `l'acteur « ${existing.name} » est engagé dans le projet jusqu'au ${day(engagement.validTo)}, après la date d'effet de l'import (${day(at)}) : importez-le à une date postérieure`,
        });
      }
      result.actorId = existing.id;
      if (engagement) {
        Object.assign(result, {
          action: 'SKIPPED',
          reason: `déjà engagé dans le projet (niveau ${engagement.level}) : son engagement n'est pas modifié`,
        });
        return;
      }
      if (kind !== existing.kind) {
        result.warnings.push(`type d'acteur ${kind} dans le fichier, ${existing.kind} dans Trame : Trame garde le sien`);
      }
      if (description !== null && description !== existing.description) {
        result.warnings.push("l'acteur existe déjà : la description du fichier n'est pas reprise");
      }
      reused.set(existing.id, existing);
      actorId = existing.id;
      result.action = 'EXISTING_ACTOR';
    } else {
      actorId = newId('act');
      actorOps.push({
        op: 'CREATE',
        type: 'Actor',
        id: actorId,
        input: { territoryId: project.territoryId, name, kind, description },
        ...base,
      });
      result.actorId = dryRun ? null : actorId;
      result.action = 'NEW_ACTOR';
    }
    if (perimeterId) usedPerimeters.add(perimeterId);
    const engagementId = newId('eng');
    engagementOps.push({
      op: 'CREATE',
      type: 'Engagement',
      id: engagementId,
      input: { actorId, projectId: project.id, level, role, perimeterId },
      ...base,
    });
    result.engagementId = dryRun ? null : engagementId;
  });

  const count = (action: ImportRowAction) => results.filter((r) => r.action === action).length;
  const report: ActorImportReport = {
    dryRun,
    projectId: project.id,
    validFrom: at,
    rowCount: rows.length,
    actorsCreated: count('NEW_ACTOR'),
    actorsReused: count('EXISTING_ACTOR'),
    engagementsCreated: count('NEW_ACTOR') + count('EXISTING_ACTOR'),
    skipped: count('SKIPPED'),
    rows: results,
    errors,
  };
  const territoryId = project.territoryId;
  const existing: BulkExisting[] = [
    {
      id: context.territory.id,
      type: 'Territory',
      projectId: null,
      territoryId,
      validFrom: context.territory.validFrom,
      validTo: context.territory.validTo,
    },
    {
      id: project.id,
      type: 'Project',
      projectId: project.id,
      territoryId,
      validFrom: project.validFrom,
      validTo: project.validTo,
    },
    ...[...reused.values()].map(
      (a): BulkExisting => ({
        id: a.id,
        type: 'Actor',
        projectId: null,
        territoryId,
        validFrom: a.validFrom,
        validTo: a.validTo,
      }),
    ),
    ...context.perimeters
      .filter((p) => usedPerimeters.has(p.id))
      .map(
        (p): BulkExisting => ({
          id: p.id,
          type: 'Perimeter',
          projectId: project.id,
          territoryId,
          validFrom: p.validFrom,
          validTo: p.validTo,
        }),
      ),
    // The engagements already there, so that the planner's uniqueness check sees them too.
    ...context.engagements
      .filter((e) => reused.has(e.actorId))
      .map(
        (e): BulkExisting => ({
          id: e.id,
          type: 'Engagement',
          projectId: project.id,
          territoryId,
          validFrom: e.validFrom,
          validTo: e.validTo,
          values: { actorId: e.actorId, projectId: project.id } satisfies FieldValues,
        }),
      ),
  ];
  return { report, ops: [...actorOps, ...engagementOps], existing };
}

/** The error that refuses the whole file, with every bad row in its details. */
export function invalidRowsError(errors: readonly ImportRowError[]): DomainError {
  const lines = new Set(errors.map((e) => e.line)).size;
  const shown = errors.slice(0, 5).map((e) => `ligne ${e.line} : ${e.message}`);
  const more =
    errors.length > shown.length
      ? ` ; et ${errors.length - shown.length} ${plural(errors.length - shown.length, 'autre erreur', 'autres erreurs')}`
      : '';
  return new DomainError(
    'IMPORT_INVALID_ROWS',
    `${lines} ${plural(lines, 'ligne ne peut', 'lignes ne peuvent')} pas être ${plural(lines, 'importée', 'importées')}, rien n'a été importé — ${shown.join(' ; ')}${more}`,
    { rows: errors },
  );
}

/** Serialises imports into one project and one territory (engagement uniqueness, name matching). */
export function lockImportScope(projectId: string): Query {
  return {
    cypher: `
      MATCH (p:Entity {id: $projectId})
      SET p._lock = true REMOVE p._lock
      WITH p
      MATCH (t:Entity {id: p.territoryId})
      SET t._lock = true REMOVE t._lock
      RETURN p.id AS id`,
    params: { projectId },
  };
}

/** Everything the import compares the file with, in one round trip. */
export function importContextQuery(projectId: string, at: Date): Query {
  return {
    cypher: `
      MATCH (p:Entity {id: $projectId})-[:LATEST]->(pv:Version)
      MATCH (t:Entity {id: p.territoryId})
      CALL (p) {
        MATCH (v:Version {territoryId: p.territoryId, type: 'Actor'})
        WHERE v.validTo = $end
        MATCH (a:Entity)-[:LATEST]->(v)
        RETURN collect({id: a.id, validFrom: a.validFrom.epochMillis, validTo: a.validTo.epochMillis,
                        name: v.name, kind: v.kind, description: v.description}) AS actors
      }
      CALL (p) {
        MATCH (e:Entity {projectId: p.id, type: 'Engagement'})-[:LATEST]->(v:Version)
        WHERE e.validTo.epochMillis > $at
        RETURN collect({id: e.id, validFrom: e.validFrom.epochMillis, validTo: e.validTo.epochMillis,
                        actorId: v.actorId, level: v.level}) AS engagements
      }
      CALL (p) {
        MATCH (e:Entity {projectId: p.id, type: 'Perimeter'})-[:LATEST]->(v:Version)
        WHERE e.validTo.epochMillis > $at
        RETURN collect({id: e.id, validFrom: e.validFrom.epochMillis, validTo: e.validTo.epochMillis, name: v.name}) AS perimeters
      }
      RETURN {id: p.id, type: p.type, territoryId: p.territoryId, name: pv.name,
              validFrom: p.validFrom.epochMillis, validTo: p.validTo.epochMillis} AS project,
             {id: t.id, validFrom: t.validFrom.epochMillis, validTo: t.validTo.epochMillis} AS territory,
             actors, engagements, perimeters`,
    params: { projectId, at: at.getTime(), end: END_OF_TIME_PARAM },
  };
}

// Compared with Version.validTo, a DATETIME.
const END_OF_TIME_PARAM = toNeoDateTime(END_OF_TIME);

type Props = Record<string, unknown>;
const known = (row: Props): Known => ({
  id: row.id as string,
  validFrom: fromNeoDateTime(row.validFrom),
  validTo: fromNeoDateTime(row.validTo),
});

export async function readImportContext(tx: ManagedTransaction, projectId: string, at: Date): Promise<ImportContext> {
  const { cypher, params } = importContextQuery(projectId, at);
  const [record] = (await tx.run(cypher, params)).records;
  if (!record)
    throw new DomainError('NOT_FOUND', `le projet « ${projectId} » n'existe pas`, { id: projectId, entityType: 'Project' });
  const project = record.get('project') as Props;
  return {
    project: {
      ...known(project),
      type: project.type as EntityType,
      territoryId: project.territoryId as string,
      name: String(project.name ?? project.id),
    },
    territory: known(record.get('territory') as Props),
    actors: (record.get('actors') as Props[]).map((a) => ({
      ...known(a),
      name: String(a.name),
      kind: String(a.kind),
      description: (a.description as string | null | undefined) ?? null,
    })),
    engagements: (record.get('engagements') as Props[]).map((e) => ({
      ...known(e),
      actorId: String(e.actorId),
      level: String(e.level),
    })),
    perimeters: (record.get('perimeters') as Props[]).map((p) => ({ ...known(p), name: String(p.name) })),
  };
}

async function prepare(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  projectId: string,
  rows: readonly ActorImportRow[],
  options: ImportOptions,
  dryRun: boolean,
): Promise<ActorImportPlan> {
  const id = parseEntityId(projectId, "l'identifiant du projet");
  checkRowCount(rows.length); // before reading anything: the limit is about the request
  const now = ctx.now ?? new Date();
  const at = effectiveDate({ ...ctx, now }, options);
  if (!dryRun) {
    const lock = lockImportScope(id);
    await tx.run(lock.cypher, lock.params);
  }
  const context = await readImportContext(tx, id, at);
  return planActorImport(context, rows, { at, now, author: ctx.author, authorId: ctx.authorId ?? null, dryRun });
}

/** What the import would do, without writing anything: run it in a read transaction. */
export async function previewActorImport(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  projectId: string,
  rows: readonly ActorImportRow[],
  options: ImportOptions = {},
): Promise<ActorImportReport> {
  const plan = await prepare(tx, ctx, projectId, rows, options, true);
  // The planner's own checks (references, uniqueness) run in the preview too.
  if (plan.report.errors.length === 0) planBulk(plan.ops, { existing: plan.existing });
  return plan.report;
}

/**
 * Imports the rows in the caller's write transaction: all of them, or nothing
 * (IMPORT_INVALID_ROWS with every bad row). One statement locks, one reads, four write.
 */
export async function importActors(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  projectId: string,
  rows: readonly ActorImportRow[],
  options: ImportOptions = {},
): Promise<ActorImportReport> {
  const plan = await prepare(tx, ctx, projectId, rows, options, false);
  if (plan.report.errors.length > 0) throw invalidRowsError(plan.report.errors);
  await writePlan(tx, planBulk(plan.ops, { existing: plan.existing }), ctx.onRecorded);
  return plan.report;
}
