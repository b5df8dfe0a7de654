import { z } from 'zod';
import { DomainError, type ErrorCode } from '../errors.ts';
import type { EntitySpec, FieldSpec } from './entities.ts';
import { ID_PATTERN, LIMITS } from './limits.ts';

/** A stored field value: what a Version node property can hold. */
export type FieldValue = string | number | boolean | string[] | null;
export type FieldValues = Record<string, FieldValue>;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE_ONLY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const idSchema = z
  .string()
  .max(LIMITS.id)
  .regex(ID_PATTERN);

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
        .refine(isCalendarDate, { error: `${field.label} doit être une date valide au format AAAA-MM-JJ` });
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
          error: `${field.label} doivent contenir au moins ${field.minItems} valeur(s)`,
        });
    case 'ref':
      return idSchema.refine(() => true, { error: `${field.label} doit être un identifiant valide` });
    case 'refList':
      return z
        .array(idSchema, { error: `${field.label} doivent être une liste d'identifiants` })
        .transform((ids) => [...new Set(ids)])
        .refine((ids) => ids.length >= field.minItems, {
          error: `${field.label} doivent compter au moins ${field.minItems} élément(s)`,
        });
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

function parseField(spec: EntitySpec, name: string, raw: unknown): FieldValue {
  const field = spec.fields[name];
  if (!field) {
    throw new DomainError('INVALID_FIELD', `le champ « ${name} » n'existe pas pour ${spec.label}`, { field: name });
  }
  if (isEmpty(raw)) {
    if (field.required) {
      throw new DomainError('REQUIRED_FIELD', `${field.label} est obligatoire`, { field: name });
    }
    return null;
  }
  const result = cachedSchema(field).safeParse(raw);
  if (!result.success) {
    const message = result.error.issues[0]?.message ?? `${field.label} n'est pas valide`;
    if (field.kind === 'ref' || field.kind === 'refList') {
      throw new DomainError('INVALID_ID', `${field.label} doit être un identifiant valide (lettres minuscules, chiffres et tirets)`, {
        field: name,
      });
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
