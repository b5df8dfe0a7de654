import { z } from 'zod';
import { agree, countedFr, DomainError, type ErrorCode } from '../errors.ts';
import type { EntitySpec, FieldSpec } from './entities.ts';
import { ID_PATTERN, LIMITS } from './limits.ts';

/** A stored field value: what a Version node property can hold. */
export type FieldValue = string | number | boolean | string[] | null;
export type FieldValues = Record<string, FieldValue>;

/** Years a date may name, in every date field (validities end at 9999-12-31, the open end). */
export const YEAR_RANGE = { min: 1900, max: 9998 } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar. @param month 1–12 */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * What is wrong with a calendar day, or null: 'shape' (not YYYY-MM-DD), 'calendar' (a day that
 * does not exist, such as 2021-02-30 — never shifted to another day) or 'range' (outside
 * YEAR_RANGE). Also used for the date part of an instant (graph/src/time.ts).
 */
export function calendarDateProblem(year: number, month: number, day: number): 'calendar' | 'range' | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'calendar';
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) return 'range';
  return null;
}

/** A 'YYYY-MM-DD' day that exists and lies within YEAR_RANGE. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && calendarDateProblem(Number(match[1]), Number(match[2]), Number(match[3])) === null;
}

/** The French reason a calendar day is refused, for messages. */
export function calendarDateMessage(label: string, value: string): string {
  const match = ISO_DATE.exec(value);
  const problem = match ? calendarDateProblem(Number(match[1]), Number(match[2]), Number(match[3])) : 'shape';
  if (problem === 'calendar') return `${label} « ${value} » n'existe pas au calendrier`;
  if (problem === 'range') return `${label} « ${value} » sort des dates permises (${YEAR_RANGE.min} à ${YEAR_RANGE.max})`;
  return `${label} doit être une date valide au format AAAA-MM-JJ`;
}

/**
 * Control characters (C0, DEL, C1) a text may not hold: a NUL or an escape sequence stored in a
 * name breaks exports and terminals. Long texts (descriptions, notes) keep tab and line breaks.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job.
const CONTROL_IN_LONG_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a text field holds long text (tab and line breaks allowed). */
function isLongText(field: { max: number }): boolean {
  return field.max > LIMITS.name;
}

/**
 * Null when the text may be stored, else the French reason naming the field: a control
 * character, or a lone UTF-16 surrogate (not a character at all).
 */
export function textProblem(label: string, value: string, long: boolean): string | null {
  if ((long ? CONTROL_IN_LONG_TEXT : CONTROL).test(value)) {
    return long
      ? `${label} contient un caractère de contrôle interdit (seuls la tabulation et le retour à la ligne sont permis)`
      : `${label} contient un caractère de contrôle interdit (tabulation et retour à la ligne compris)`;
  }
  if (LONE_SURROGATE.test(value)) return `${label} contient un caractère invalide (surrogate UTF-16 isolé)`;
  return null;
}

const idSchema = z.string().max(LIMITS.id).regex(ID_PATTERN);

function defaultCode(field: FieldSpec): ErrorCode {
  switch (field.kind) {
    case 'text':
      return 'TEXT_TOO_LONG';
    case 'int':
      return 'OUT_OF_RANGE';
    case 'enum':
    case 'enumList':
      return 'INVALID_ENUM';
    case 'date':
      return 'INVALID_DATE';
    case 'ref':
    case 'refList':
      return 'INVALID_ID';
    case 'bool':
      return 'INVALID_FIELD';
  }
}

/** One zod schema per field kind, each failing with a sentence a pilot can act on. */
function fieldSchema(field: FieldSpec): z.ZodType<FieldValue> {
  switch (field.kind) {
    case 'text':
      return z
        .string({ error: `${field.label} doit être un texte` })
        .trim()
        .max(field.max, { error: `${field.label} dépasse ${field.max} caractères` });
    case 'int':
      return z
        .number({ error: `${field.label} doit être un nombre entier` })
        .int({ error: `${field.label} doit être un nombre entier` })
        .min(field.min, { error: `${field.label} doit être comprise entre ${field.min} et ${field.max}` })
        .max(field.max, { error: `${field.label} doit être comprise entre ${field.min} et ${field.max}` });
    case 'bool':
      return z.boolean({ error: `${field.label} doit valoir vrai ou faux` });
    case 'date':
      return z
        .string({ error: `${field.label} doit être une date AAAA-MM-JJ` })
        .refine(isCalendarDate, { error: (issue) => calendarDateMessage(field.label, String(issue.input)) });
    case 'enum':
      return z.enum(field.values as [string, ...string[]], {
        error: `${field.label} doit valoir l'une des valeurs ${field.values.join(', ')}`,
      });
    case 'enumList':
      return z
        .array(
          z.enum(field.values as [string, ...string[]], {
            error: `${field.label} ne peuvent contenir que ${field.values.join(', ')}`,
          }),
        )
        .transform((values) => [...new Set(values)])
        .refine((values) => values.length >= field.minItems, {
          error: `${field.label} ${agree(field.label, 'doit', 'doivent')} contenir au moins ${countedFr(field.minItems, 'valeur', 'valeurs')}`,
        });
    case 'ref':
      return idSchema.refine(() => true, { error: `${field.label} doit être un identifiant valide` });
    case 'refList':
      return z.array(idSchema, { error: `${field.label} doivent être une liste d'identifiants` });
  }
}

const schemas = new WeakMap<FieldSpec, z.ZodType<FieldValue>>();
function cachedSchema(field: FieldSpec): z.ZodType<FieldValue> {
  let schema = schemas.get(field);
  if (!schema) {
    schema = fieldSchema(field);
    schemas.set(field, schema);
  }
  return schema;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Rules with their own codes, checked before the field's schema (which only knows one code). */
function checkBeforeSchema(field: FieldSpec, name: string, raw: unknown): void {
  if (field.kind === 'text' && typeof raw === 'string') {
    const problem = textProblem(field.label, raw.trim(), isLongText(field));
    if (problem) throw new DomainError('INVALID_TEXT', problem, { field: name });
  }
  if (field.kind === 'refList' && Array.isArray(raw)) {
    const seen = new Set<unknown>();
    for (const id of raw) {
      if (seen.has(id)) {
        throw new DomainError('DUPLICATE_MEMBER', `${field.label} nomment deux fois « ${String(id)} »`, { field: name, id });
      }
      seen.add(id);
    }
    if (raw.length < field.minItems) {
      throw new DomainError(
        'TOO_FEW_ITEMS',
        `${field.label} ${agree(field.label, 'doit', 'doivent')} compter au moins ${countedFr(field.minItems, 'élément', 'éléments')}`,
        {
          field: name,
          min: field.minItems,
        },
      );
    }
  }
}

function parseField(spec: EntitySpec, name: string, raw: unknown): FieldValue {
  const field = spec.fields[name];
  if (!field) {
    throw new DomainError('INVALID_FIELD', `le champ « ${name} » n'existe pas pour ${spec.label}`, { field: name });
  }
  if (isEmpty(raw)) {
    if (field.required) {
      throw new DomainError('REQUIRED_FIELD', `${field.label} ${agree(field.label, 'est obligatoire', 'sont obligatoires')}`, {
        field: name,
      });
    }
    return null;
  }
  checkBeforeSchema(field, name, raw);
  const result = cachedSchema(field).safeParse(raw);
  if (!result.success) {
    const message = result.error.issues[0]?.message ?? `${field.label} n'est pas valide`;
    if (field.kind === 'ref' || field.kind === 'refList') {
      throw new DomainError(
        'INVALID_ID',
        `${field.label} doit être un identifiant valide (lettres minuscules, chiffres et tirets)`,
        {
          field: name,
        },
      );
    }
    throw new DomainError((field.code as ErrorCode | undefined) ?? defaultCode(field), message, { field: name });
  }
  return result.data;
}

/** Validates the fields of a new entity: every required field present, every value valid. */
export function parseCreateInput(spec: EntitySpec, input: Readonly<Record<string, unknown>>): FieldValues {
  const values: FieldValues = {};
  for (const key of Object.keys(input)) {
    if (!(key in spec.fields)) parseField(spec, key, input[key]);
  }
  for (const name of Object.keys(spec.fields)) {
    values[name] = parseField(spec, name, input[name]);
  }
  return values;
}

/**
 * Validates a partial update. `undefined` leaves a field alone; `null` or an empty text clears
 * an optional field.
 */
export function parsePatch(spec: EntitySpec, patch: Readonly<Record<string, unknown>>): FieldValues {
  const values: FieldValues = {};
  for (const [name, raw] of Object.entries(patch)) {
    if (raw === undefined) continue;
    values[name] = parseField(spec, name, raw);
  }
  return values;
}

/** Rules across fields, checked on the complete values an entity will have. */
export function checkEntityRules(spec: EntitySpec, values: Readonly<FieldValues>): void {
  for (const [a, b, code] of spec.distinct ?? []) {
    if (values[a] !== null && values[a] === values[b]) {
      const labelA = spec.fields[a]?.label ?? a;
      const labelB = spec.fields[b]?.label ?? b;
      throw new DomainError(code as ErrorCode, `${labelA} et ${labelB} doivent être différents`, { fields: [a, b] });
    }
  }
  const broken = spec.check?.(values);
  if (broken) throw new DomainError(broken.code, broken.message);
}

export function parseEntityId(raw: unknown, what = "l'identifiant"): string {
  const result = idSchema.safeParse(raw);
  if (!result.success) {
    throw new DomainError('INVALID_ID', `${what} « ${String(raw)} » n'a pas un format valide`);
  }
  return result.data;
}
