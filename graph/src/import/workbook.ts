import type { ManagedTransaction } from 'neo4j-driver';
import { countedFr, DomainError, isDomainError, type ErrorCode } from '../errors.ts';
import type { ImportPlanInput, PlanRow, RowProblem, SheetReading } from '../exchange/map/plan-types.ts';
import { isFileError } from '../exchange/read/errors.ts';
import { readWorkbook, type ReadOptions } from '../exchange/read/workbook.ts';
import { mapWorkbook, type MapOptions } from '../exchange/map/plan.ts';
import { ENUM_LABELS, enumLabel } from '../exchange/map/labels.ts';
import { isoDay } from '../model/dates.ts';
import { ID_PREFIX } from '../model/derived.ts';
import { entitySpec, referenceFields } from '../model/entities.ts';
import type { EntityType } from '../model/enums.ts';
import { nameKey } from '../model/names.ts';
import { parseEntityId, type FieldValue, type FieldValues } from '../model/validation.ts';
import { planBulk, writePlan, type BulkExisting, type BulkOp } from '../store/bulk.ts';
import { effectiveDate, newId, type ChangeContext } from '../store/commands.ts';
import type { Query } from '../store/queries.ts';
import { END_OF_TIME, fromNeoDateTime, toNeoDateTime } from '../time.ts';
import { lockImportScope } from './actors.ts';

/**
 * Importing a whole workbook (every kind of entity, docs/decisions/0005-exchange-formats.md)
 * into a project: the mapped rows (`mapWorkbook`) are matched with the project's entities and
 * the territory's actors, and each row is planned as a creation, an update (the fields that
 * change, from → to), an unchanged row or a skipped one. The whole file is one change set
 * (one `changeSetId` on every change), written through the bulk planner (the commands' rules,
 * the commands' records) in the caller's transaction: all of it, or nothing.
 *
 * - Matching: by the row's id column when it names an entity of the kind in the project (or an
 *   actor of the territory); else by name (`nameKey`: accents, case, spaces) — actors, perimeters,
 *   objectives, milestones, externalities (by description) — or by the entities a relation joins
 *   (an engagement by its actor, a position by actor and objective, an influence by its ordered
 *   pair, a cooperation, convergence or conflict by its unordered pair).
 * - References (an id or a name) resolve to the file's own rows first (their id column), then to
 *   ids, then to names among the open entities and the rows created before (kinds in reference
 *   order: actors, perimeters, objectives, then what refers to them).
 * - Dates: a creation is dated by its row's start, else the import's date; an update by the
 *   import's date (the row's start says when the entity began, which an update cannot move); a
 *   row's end ends the entity (END) at that date.
 * - Refusal: any problem of the file or of the plan refuses everything (IMPORT_INVALID_ROWS, every
 *   problem with its sheet, line, column and French message in `details.rows`).
 */

export type WorkbookRowAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'SKIPPED' | 'INVALID';

export interface FieldChangePreview {
  field: string;
  /** The field's French label (« le niveau d'engagement »). */
  label: string;
  from: FieldValue;
  to: FieldValue;
  /** The values as a person reads them: labels, not codes; titles, not ids; '' for none. */
  fromText: string;
  toText: string;
}

export interface WorkbookRowOutcome {
  sheet: string;
  line: number;
  kind: EntityType | null;
  action: WorkbookRowAction;
  /** The entity created or matched (a created one's id is null in a dry run). */
  entityId: string | null;
  /** The entity's title (name, intitulé…) for the preview. */
  title: string | null;
  /** The values read (model codes; references as resolved ids). */
  values: FieldValues;
  changes: FieldChangePreview[];
  /** 'YYYY-MM-DD' when the row ends the entity. */
  ends: string | null;
  /** The day the change is dated (creation or update), 'YYYY-MM-DD'. */
  date: string | null;
  reason: string | null;
}

/** A problem of the file or of the plan; codes of the catalogue (graph/src/errors.ts). */
export interface WorkbookProblem {
  sheet: string;
  line: number;
  column: string | null;
  code: string;
  message: string;
}

export interface WorkbookImportReport {
  dryRun: boolean;
  /** Whether the file can be (was, without dry run) imported: no problem at all. */
  accepted: boolean;
  projectId: string;
  /** One id on every change of the import; null when nothing would change. */
  changeSetId: string | null;
  /** The import's default date, 'YYYY-MM-DD'. */
  date: string;
  fileName: string;
  format: ImportPlanInput['format'];
  encoding: ImportPlanInput['encoding'];
  separator: ImportPlanInput['separator'];
  sheets: Omit<SheetReading, 'rows'>[];
  rows: WorkbookRowOutcome[];
  problems: WorkbookProblem[];
  counts: { created: number; updated: number; ended: number; unchanged: number; skipped: number };
}

export interface WorkbookImportOptions {
  /** The default date of the rows' changes (valid time); defaults to now. */
  validFrom?: Date;
  dryRun?: boolean;
}

/** An open entity the file may match or refer to, with its latest version. */
export interface ContextEntity {
  id: string;
  type: EntityType;
  projectId: string | null;
  territoryId: string;
  validFrom: Date;
  validTo: Date;
  version: number;
  versionFrom: Date;
  values: FieldValues;
  refs: { field: string; id: string }[];
}

export interface WorkbookContext {
  project: ContextEntity;
  territory: ContextEntity;
  /** Open actors of the territory and open entities of the project. */
  entities: ContextEntity[];
}

/** The order rows are planned in: what is referred to before what refers to it. */
const KIND_ORDER: readonly EntityType[] = [
  'Actor',
  'Perimeter',
  'Objective',
  'Engagement',
  'Position',
  'Influence',
  'Cooperation',
  'Convergence',
  'Conflict',
  'Externality',
  'Milestone',
  'Ecosystem',
  'SystemicLeap',
];

/** The field that names an entity of the kind, for matching by name. */
const NAME_FIELD: Partial<Record<EntityType, string>> = {
  Actor: 'name',
  Perimeter: 'name',
  Objective: 'title',
  Milestone: 'name',
  Externality: 'description',
  Ecosystem: 'name',
};

const KIND_LABEL: Record<string, string> = {
  Actor: 'acteur',
  Perimeter: 'périmètre',
  Objective: 'objectif',
};

const sameValue = (a: FieldValue | undefined, b: FieldValue | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const parseDay = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

/** A value as the preview shows it: an enum's French label, an entity's title for its id, oui/non. */
function shownValue(value: FieldValue | undefined, entries: ReadonlyMap<string, Entry>): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => shownValue(v, entries)).join(', ');
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'string') {
    const entry = entries.get(value);
    if (entry) return titleOfValues(entry.type, entry.values) ?? value;
    return ENUM_LABELS[value] ? enumLabel(value) : value;
  }
  return String(value);
}

/** A title that is a code (a level, a kind) as its French label. */
function shownTitle(title: string | null): string | null {
  return title !== null && ENUM_LABELS[title] ? enumLabel(title) : title;
}

/** The key a relation is matched by: its ends (unordered for symmetric relations). */
function matchKey(type: EntityType, values: FieldValues): string | null {
  const pick = (...names: string[]) => names.map((n) => values[n] ?? null);
  const key = (parts: FieldValue[], unordered = false) => {
    if (parts.some((p) => typeof p !== 'string')) return null;
    const list = parts as string[];
    return JSON.stringify(unordered ? [...list].sort() : list);
  };
  switch (type) {
    case 'Engagement':
      return key(pick('actorId'));
    case 'Position':
      return key(pick('actorId', 'objectiveId'));
    case 'Influence':
      return key(pick('fromActorId', 'toActorId'));
    case 'Cooperation':
      return key(pick('actorAId', 'actorBId'), true);
    case 'Convergence':
    case 'Conflict':
      return key(pick('objectiveAId', 'objectiveBId'), true);
    case 'SystemicLeap':
      return key(pick('fromPerimeterId', 'toPerimeterId'));
    default: {
      const field = NAME_FIELD[type];
      const name = field ? values[field] : null;
      return typeof name === 'string' ? nameKey(name) : null;
    }
  }
}

function titleOfValues(type: EntityType, values: FieldValues): string | null {
  const field = NAME_FIELD[type] ?? entitySpec(type).titleField;
  const value = values[field];
  return value === null || value === undefined ? null : String(value);
}

interface Entry {
  id: string;
  type: EntityType;
  values: FieldValues;
  existing: ContextEntity | null;
  /** The first row of the file that matched or created it. */
  row: {
    sheet: string;
    line: number;
    values: FieldValues;
    start: string | null;
    end: string | null;
    /** The row's id column, if any. */
    fileId?: string | null;
  } | null;
}

/**
 * Decides, row by row, what importing the mapped file does: pure (no database). The bulk
 * operations carry one change set id; `existing` declares the context to the bulk planner.
 */
export function planWorkbookImport(
  context: WorkbookContext,
  input: ImportPlanInput,
  options: { at: Date; now: Date; author: string; dryRun: boolean },
): { report: WorkbookImportReport; ops: BulkOp[]; existing: BulkExisting[]; opRows: WorkbookRowOutcome[] } {
  const { at, now, author, dryRun } = options;
  const { project, territory } = context;
  const changeSetId = newId('set');
  const problems: WorkbookProblem[] = input.problems.map((p: RowProblem) => ({ ...p }));
  const problem = (row: PlanRow, column: string | null, code: ErrorCode, message: string) => {
    // A row read as several entities (a matrix row, `A | B`) reports the same problem once.
    const same = problems.some((p) => p.sheet === row.sheet && p.line === row.line && p.message === message);
    if (!same) problems.push({ sheet: row.sheet, line: row.line, column, code, message });
  };

  if (project.validTo.getTime() < END_OF_TIME.getTime()) {
    throw new DomainError(
      'ENTITY_ENDED',
      `le projet « ${titleOfValues('Project', project.values) ?? project.id} » a pris fin : on n'y importe plus rien`,
    );
  }
  const begins = Math.max(project.validFrom.getTime(), territory.validFrom.getTime());
  if (at.getTime() < begins) {
    throw new DomainError(
      'DANGLING_REFERENCE',
      `le projet « ${titleOfValues('Project', project.values) ?? project.id} » n'existe pas au ${isoDay(at)} : la date de l'import doit suivre son début (${isoDay(new Date(begins))})`,
      { field: 'validFrom' },
    );
  }

  const entries = new Map<string, Entry>();
  /** type → match key → entries. */
  const byKey = new Map<EntityType, Map<string, Entry[]>>();
  /** `${type}:${file id}` → entity id (rows of the file referring to each other by id). */
  const fileIds = new Map<string, string>();
  const index = (entry: Entry) => {
    const key = matchKey(entry.type, entry.values);
    if (key === null) return;
    let map = byKey.get(entry.type);
    if (!map) byKey.set(entry.type, (map = new Map()));
    const list = map.get(key) ?? [];
    if (!list.includes(entry)) map.set(key, [...list, entry]);
  };
  for (const e of context.entities) {
    const entry: Entry = { id: e.id, type: e.type, values: e.values, existing: e, row: null };
    entries.set(e.id, entry);
    index(entry);
  }

  /** When an entity of the file or of the database begins (a row without a start: the import's date). */
  const startOfEntry = (id: string): Date | null => {
    const entry = entries.get(id);
    if (!entry) return null;
    if (entry.existing) return entry.existing.validFrom;
    return entry.row?.start ? parseDay(entry.row.start) : at;
  };

  /** One reference text → an entity id of the target type, or a problem. */
  const resolve = (row: PlanRow, field: string, target: EntityType, text: string): string | null => {
    const viaFile = fileIds.get(`${target}:${text}`);
    if (viaFile) return viaFile;
    const byId = entries.get(text);
    if (byId && byId.type === target) return byId.id;
    const found = byKey.get(target)?.get(nameKey(text)) ?? [];
    const label = entitySpec(row.kind!).fields[field]?.label ?? field;
    if (found.length === 1) return found[0]!.id;
    if (found.length > 1) {
      problem(row, null, 'AMBIGUOUS_NAME', `${label} : plusieurs ${KIND_LABEL[target] ?? target}s s'appellent « ${text} »`);
    } else {
      problem(
        row,
        null,
        'UNKNOWN_REFERENCE',
        `${label} : « ${text} » ne désigne aucun ${KIND_LABEL[target] ?? target} du ${target === 'Actor' ? 'territoire' : 'projet'} ni du fichier`,
      );
    }
    return null;
  };

  const ops: BulkOp[] = [];
  const opRows: WorkbookRowOutcome[] = [];
  const outcomes: WorkbookRowOutcome[] = [];
  const base = { recordedAt: now, author, changeSetId };
  const ordered = [...input.rows].sort((a, b) => {
    const ka = a.kind ? KIND_ORDER.indexOf(a.kind) : -1;
    const kb = b.kind ? KIND_ORDER.indexOf(b.kind) : -1;
    return ka - kb;
  });

  for (const row of ordered) {
    const outcome: WorkbookRowOutcome = {
      sheet: row.sheet,
      line: row.line,
      kind: row.kind,
      action: 'INVALID',
      entityId: null,
      title: null,
      values: { ...row.values },
      changes: [],
      ends: null,
      date: null,
      reason: null,
    };
    outcomes.push(outcome);
    if (row.kind === null) continue; // its problems are the mapping's
    const type = row.kind;
    if (!KIND_ORDER.includes(type)) {
      problem(row, null, 'INVALID_FIELD', `les lignes de type ${entitySpec(type).label} ne s'importent pas`);
      continue;
    }
    const spec = entitySpec(type);
    // A row the mapping already refused is not resolved: its references would only add noise.
    if (row.problems.length > 0 || input.problems.some((p) => p.sheet === row.sheet && p.line === row.line)) continue;
    let unresolved = false;
    const values: FieldValues = { ...row.values };
    for (const [field, fieldSpec] of referenceFields(spec)) {
      const ref = row.refs[field];
      if (ref === undefined) continue;
      if (fieldSpec.kind === 'refList') {
        const texts = Array.isArray(ref) ? ref : [ref];
        const ids = texts.map((t) => resolve(row, field, fieldSpec.target, t));
        values[field] = ids.every((id) => id !== null) ? (ids as string[]) : null;
        if (values[field] === null) unresolved = true;
      } else {
        values[field] = resolve(row, field, fieldSpec.target, Array.isArray(ref) ? ref[0]! : ref);
        if (values[field] === null) unresolved = true;
      }
    }
    outcome.values = values;
    // An engagement is shown by its actor's name, never by a code (its level).
    outcome.title = type === 'Engagement' ? shownValue(values.actorId, entries) || null : shownTitle(titleOfValues(type, values));
    if (unresolved) continue;

    // Match: the id column, else the name or the ends.
    let match: Entry | undefined;
    if (row.id) {
      const viaFile = fileIds.get(`${type}:${row.id}`);
      const byId = entries.get(viaFile ?? row.id);
      if (byId && byId.type === type) match = byId;
    }
    if (!match) {
      const key = matchKey(type, values);
      // Two rows of the file with different ids are two entities, whatever their names.
      const found = (key === null ? [] : (byKey.get(type)?.get(key) ?? [])).filter(
        (e) => !(row.id && e.row?.fileId && e.row.fileId !== row.id),
      );
      if (found.length > 1) {
        problem(
          row,
          null,
          'AMBIGUOUS_NAME',
          `plusieurs entités (${spec.label}) correspondent à « ${outcome.title ?? key} » : renommez-en une dans Trame`,
        );
        continue;
      }
      match = found[0];
    }
    if (match?.row) {
      // A second row of the file for the same entity (a matrix repeating the positions sheet…):
      // skipped when everything it gives agrees with the first, refused otherwise.
      const first = match.row;
      const agrees =
        Object.entries(values).every(([k, v]) => sameValue(first.values[k], v)) &&
        (row.start === null || row.start === first.start) &&
        (row.end === null || row.end === first.end);
      if (agrees) {
        Object.assign(outcome, {
          action: 'SKIPPED',
          entityId: dryRun && !match.existing ? null : match.id,
          reason: `doublon de la ligne ${match.row.line} (feuille « ${match.row.sheet} »)`,
        });
      } else {
        problem(
          row,
          null,
          'DUPLICATE_ROW',
          `${spec.label} « ${outcome.title ?? ''} » figure déjà ligne ${match.row.line} de la feuille « ${match.row.sheet} » avec d'autres valeurs : gardez une seule ligne`,
        );
      }
      continue;
    }
    if (row.id) {
      const id = (match?.id ?? null) as string | null;
      if (id) fileIds.set(`${type}:${row.id}`, id);
    }

    if (match?.existing) {
      const current = match.existing;
      match.row = { sheet: row.sheet, line: row.line, values, start: row.start, end: row.end };
      outcome.entityId = current.id;
      const patch: Record<string, FieldValue> = {};
      for (const [field, value] of Object.entries(values)) {
        const fieldSpec = spec.fields[field];
        if (!fieldSpec || fieldSpec.fixed) continue;
        // Matched by name, a name typed differently (case, accents) is the same name: kept as in Trame.
        const sameName =
          field === NAME_FIELD[type] &&
          typeof value === 'string' &&
          typeof current.values[field] === 'string' &&
          nameKey(value) === nameKey(current.values[field] as string);
        if (!sameName && !sameValue(current.values[field], value)) {
          patch[field] = value;
          const from = current.values[field] ?? null;
          outcome.changes.push({
            field,
            label: fieldSpec.label,
            from,
            to: value,
            fromText: shownValue(from, entries),
            toText: shownValue(value, entries),
          });
        }
      }
      if (outcome.changes.length > 0) {
        ops.push({ op: 'UPDATE', id: current.id, patch, validFrom: at, ...base });
        opRows.push(outcome);
        outcome.date = isoDay(at);
        match.values = { ...current.values, ...patch };
        index(match);
      }
      if (row.end) {
        ops.push({ op: 'END', id: current.id, validFrom: parseDay(row.end), ...base });
        opRows.push(outcome);
        outcome.ends = row.end;
      }
      outcome.action = outcome.changes.length > 0 || outcome.ends ? 'UPDATE' : 'UNCHANGED';
      if (outcome.action === 'UNCHANGED') outcome.reason = 'aucune valeur ne change';
      continue;
    }

    // A new entity: its scope from the project (or the territory for an actor).
    const id = newId(ID_PREFIX[type]);
    const inputValues: Record<string, unknown> = { ...values };
    if ('territoryId' in spec.fields) inputValues.territoryId = territory.id;
    if ('projectId' in spec.fields) inputValues.projectId = project.id;
    const validFrom = row.start ? parseDay(row.start) : at;
    // An optional reference to an entity that begins later (an objective given a perimeter years
    // after it began: a row holds the entity's first day and its present values, as the export
    // writes them) is left out of the creation and set on the day its target begins — the history
    // the row summarises — rather than refused.
    const deferred: { field: string; value: FieldValue; from: Date }[] = [];
    const end = row.end ? parseDay(row.end).getTime() : Number.POSITIVE_INFINITY;
    for (const [field, fieldSpec] of referenceFields(spec)) {
      const value = inputValues[field] as FieldValue | undefined;
      if (fieldSpec.kind === 'refList' && Array.isArray(value)) {
        // A list (an ecosystem's members) names its present members, some of whom joined later:
        // created with those there on its first day, each later one added on the day it begins.
        const startOf = (ref: string) => startOfEntry(ref)?.getTime() ?? 0;
        const later = [...new Set(value.map(startOf).filter((t) => t > validFrom.getTime() && t < end))].sort((a, b) => a - b);
        if (later.length === 0) continue;
        inputValues[field] = value.filter((ref) => startOf(ref) <= validFrom.getTime());
        for (const from of later)
          deferred.push({ field, value: value.filter((ref) => startOf(ref) <= from), from: new Date(from) });
        continue;
      }
      if (fieldSpec.required) continue;
      const ids = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
      const latest = Math.max(0, ...ids.map((ref) => startOfEntry(ref)?.getTime() ?? 0));
      if (latest > validFrom.getTime() && latest < end) {
        deferred.push({ field, value: value ?? null, from: new Date(latest) });
        inputValues[field] = Array.isArray(value) ? [] : null;
      }
    }
    ops.push({ op: 'CREATE', type, id, input: inputValues, validFrom, ...base });
    opRows.push(outcome);
    for (const later of deferred.sort((a, b) => a.from.getTime() - b.from.getTime())) {
      ops.push({ op: 'UPDATE', id, patch: { [later.field]: later.value }, validFrom: later.from, ...base });
      opRows.push(outcome);
    }
    if (row.end) {
      ops.push({ op: 'END', id, validFrom: parseDay(row.end), ...base });
      opRows.push(outcome);
      outcome.ends = row.end;
    }
    const entry: Entry = {
      id,
      type,
      values,
      existing: null,
      row: { sheet: row.sheet, line: row.line, values, start: row.start, end: row.end, fileId: row.id },
    };
    entries.set(id, entry);
    index(entry);
    if (row.id) fileIds.set(`${type}:${row.id}`, id);
    Object.assign(outcome, { action: 'CREATE', entityId: dryRun ? null : id, date: isoDay(validFrom) });
  }

  const existing: BulkExisting[] = [
    { ...territory, values: territory.values },
    { ...project, values: project.values },
    ...context.entities.map(
      (e): BulkExisting => ({
        id: e.id,
        type: e.type,
        projectId: e.projectId,
        territoryId: e.territoryId,
        validFrom: e.validFrom,
        validTo: e.validTo,
        values: e.values,
        changeable: { version: e.version, versionFrom: e.versionFrom, refs: e.refs },
      }),
    ),
  ];

  const count = (action: WorkbookRowAction) => outcomes.filter((o) => o.action === action).length;
  const report: WorkbookImportReport = {
    dryRun,
    accepted: problems.length === 0,
    projectId: project.id,
    changeSetId: ops.length > 0 && !dryRun ? changeSetId : null,
    date: isoDay(at),
    fileName: input.fileName,
    format: input.format,
    encoding: input.encoding,
    separator: input.separator,
    sheets: input.sheets.map(({ rows: _rows, ...sheet }) => sheet),
    rows: outcomes.sort((a, b) => (a.sheet === b.sheet ? a.line - b.line : 0)),
    problems,
    counts: {
      created: count('CREATE'),
      updated: outcomes.filter((o) => o.changes.length > 0).length,
      ended: outcomes.filter((o) => o.ends !== null).length,
      unchanged: count('UNCHANGED'),
      skipped: count('SKIPPED'),
    },
  };
  return { report, ops, existing, opRows };
}

/**
 * Runs the bulk planner on the operations; on a refusal, finds the first operation refused (by
 * halving the prefix) and reports it on its row, with the commands' code and message.
 */
function checkWithBulkPlanner(
  ops: readonly BulkOp[],
  existing: readonly BulkExisting[],
  opRows: readonly WorkbookRowOutcome[],
  report: WorkbookImportReport,
) {
  const attempt = (n: number): unknown => {
    try {
      return planBulk(ops.slice(0, n), { existing });
    } catch (error) {
      return { error };
    }
  };
  const full = attempt(ops.length);
  if (!(full && typeof full === 'object' && 'error' in full)) return full as ReturnType<typeof planBulk>;
  const error = (full as { error: unknown }).error;
  let lo = 0;
  let hi = ops.length; // attempt(hi) fails, attempt(lo) passes
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const r = attempt(mid);
    if (r && typeof r === 'object' && 'error' in r) hi = mid;
    else lo = mid;
  }
  const failing = (attempt(hi) as { error: unknown }).error ?? error;
  const row = opRows[hi - 1]!;
  const message = isDomainError(failing) ? failing.message : (failing as Error).message;
  report.problems.push({
    sheet: row.sheet,
    line: row.line,
    column: null,
    code: isDomainError(failing) ? failing.code : 'INVALID_FIELD',
    message,
  });
  row.action = 'INVALID';
  report.accepted = false;
  return null;
}

/** The error that refuses the whole file, with every problem in its details. */
export function refusedWorkbookError(report: WorkbookImportReport): DomainError {
  const lines = new Set(report.problems.map((p) => `${p.sheet}\u0000${p.line}`)).size;
  const shown = report.problems
    .slice(0, 5)
    .map((p) => `feuille « ${p.sheet} », ligne ${p.line}${p.column ? `, colonne « ${p.column} »` : ''} : ${p.message}`);
  const others = report.problems.length - shown.length;
  const more = others > 0 ? ` ; et ${countedFr(others, 'autre', 'autres')}` : '';
  return new DomainError(
    'IMPORT_INVALID_ROWS',
    `${countedFr(lines, 'ligne', 'lignes')} du fichier « ${report.fileName} » ${lines >= 2 ? 'ne peuvent pas être importées' : 'ne peut pas être importée'}, rien n'a été importé — ${shown.join(' ; ')}${more}`,
    { rows: report.problems.map((p) => ({ ...p, field: p.column })), report },
  );
}

/** The project, its territory, the territory's open actors and the project's open entities, with their latest versions. */
export function workbookContextQuery(projectId: string): Query {
  return {
    cypher: `
      MATCH (p:Entity {id: $projectId})
      MATCH (t:Entity {id: p.territoryId})
      CALL (p) {
        MATCH (e:Entity {territoryId: p.territoryId})
        WHERE e.validTo = $end AND (e.projectId = p.id OR (e.projectId IS NULL AND e.type = 'Actor'))
          AND NOT e.type IN ['Project', 'Territory']
        RETURN e
        UNION
        MATCH (e:Entity) WHERE e.id IN [p.id, p.territoryId]
        RETURN e
      }
      MATCH (e)-[:LATEST]->(v:Version)
      OPTIONAL MATCH (v)-[r:REFERS_TO]->(x:Entity)
      WITH p, e, v, [ref IN collect({field: r.field, id: x.id}) WHERE ref.id IS NOT NULL] AS refs
      RETURN e {.*} AS entity, v {.*} AS version, refs, p.type AS projectType
      ORDER BY e.id`,
    params: { projectId, end: toNeoDateTime(END_OF_TIME) },
  };
}

export async function readWorkbookContext(tx: ManagedTransaction, projectId: string): Promise<WorkbookContext> {
  const { cypher, params } = workbookContextQuery(projectId);
  const records = (await tx.run(cypher, params)).records;
  const notFound = () =>
    new DomainError('NOT_FOUND', `le projet « ${projectId} » n'existe pas`, { id: projectId, entityType: 'Project' });
  if (records.length === 0 || records[0]!.get('projectType') !== 'Project') throw notFound();
  const all = records.map((record): ContextEntity => {
    const e = record.get('entity') as Record<string, unknown>;
    const v = record.get('version') as Record<string, unknown>;
    const type = e.type as EntityType;
    const values: FieldValues = {};
    for (const name of Object.keys(entitySpec(type).fields)) values[name] = (v[name] as FieldValue | undefined) ?? null;
    return {
      id: e.id as string,
      type,
      projectId: (e.projectId as string | undefined) ?? null,
      territoryId: e.territoryId as string,
      validFrom: fromNeoDateTime(e.validFrom),
      validTo: fromNeoDateTime(e.validTo),
      version: Number(e.version),
      versionFrom: fromNeoDateTime(v.validFrom),
      values,
      refs: record.get('refs') as { field: string; id: string }[],
    };
  });
  const project = all.find((e) => e.id === projectId);
  const territory = all.find((e) => e.type === 'Territory');
  if (!project || !territory) throw notFound();
  return { project, territory, entities: all.filter((e) => e !== project && e !== territory) };
}

/**
 * Imports a mapped workbook into a project, in the caller's transaction (a write one unless
 * `dryRun`). Dry run: the report, problems as data. Otherwise: everything in one change set, or
 * IMPORT_INVALID_ROWS (nothing written). Whole-import errors: NOT_FOUND, ENTITY_ENDED,
 * DANGLING_REFERENCE (a date before the project), DATE_IN_FUTURE, IMPORT_NO_ROWS.
 */
export async function importWorkbook(
  tx: ManagedTransaction,
  ctx: ChangeContext,
  projectId: string,
  input: ImportPlanInput,
  options: WorkbookImportOptions = {},
): Promise<WorkbookImportReport> {
  const dryRun = options.dryRun ?? false;
  const id = parseEntityId(projectId, "l'identifiant du projet");
  const now = ctx.now ?? new Date();
  const at = effectiveDate({ ...ctx, now }, { validFrom: options.validFrom });
  if (input.rows.length === 0 && input.problems.length === 0) {
    throw new DomainError('IMPORT_NO_ROWS', `le fichier « ${input.fileName} » ne contient aucune ligne à importer`);
  }
  if (!dryRun) {
    const lock = lockImportScope(id);
    await tx.run(lock.cypher, lock.params);
  }
  const context = await readWorkbookContext(tx, id);
  const { report, ops, existing, opRows } = planWorkbookImport(context, input, { at, now, author: ctx.author, dryRun });
  if (report.problems.length === 0 && ops.length > 0) {
    const plan = checkWithBulkPlanner(ops, existing, opRows, report);
    if (plan && !dryRun) await writePlan(tx, plan, ctx.onRecorded);
  }
  if (!dryRun && report.problems.length > 0) throw refusedWorkbookError(report);
  return report;
}

/**
 * Reads and maps a file's bytes (`readWorkbook` + `mapWorkbook`), its file errors as
 * DomainErrors of the catalogue (FILE_TOO_LARGE, FILE_NOT_TEXT…, message in French).
 */
export function readImportFile(
  bytes: Uint8Array | ArrayBuffer,
  fileName: string,
  options: ReadOptions & MapOptions = {},
): ImportPlanInput {
  try {
    return mapWorkbook(readWorkbook(bytes, fileName, options), options);
  } catch (error) {
    if (isFileError(error)) throw new DomainError(error.code, error.message, error.details);
    throw error;
  }
}
