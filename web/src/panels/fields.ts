import { ENTITIES, isDomainError, parsePatch, type EntityType, type FieldSpec } from '@trame/graph/model';
import type { Lang } from '../i18n/labels.ts';
import { validationMessage } from '../i18n/validation.ts';
import { sentence } from '../i18n/sentence.ts';

/**
 * Form fields read off the model, validated with the very rules the API applies, so a pilot
 * sees the same French message inline before sending.
 */
export interface FormField {
  name: string;
  spec: FieldSpec;
  required: boolean;
  /** Fixed fields can be set at creation only. */
  editable: boolean;
}

export function formFields(type: EntityType, mode: 'create' | 'edit'): FormField[] {
  return Object.entries(ENTITIES[type].fields).map(([name, spec]) => ({
    name,
    spec,
    required: Boolean(spec.required),
    editable: mode === 'create' || !spec.fixed,
  }));
}

/**
 * The message for one field's value in the UI's language (French by default), or null when it
 * is fine.
 */
export function fieldError(type: EntityType, name: string, value: unknown, lang: Lang = 'fr'): string | null {
  try {
    parsePatch(ENTITIES[type], { [name]: value === '' ? null : value });
    return null;
  } catch (error) {
    const spec = ENTITIES[type].fields[name];
    if (isDomainError(error)) return spec ? validationMessage(name, spec, error, lang) : sentence(error.message);
    throw error;
  }
}

export type FormValues = Record<string, unknown>;

/** Values as the API wants them: empty texts become null, numbers are numbers. */
export function toInput(type: EntityType, values: FormValues, only?: readonly string[]): FormValues {
  const out: FormValues = {};
  for (const [name, spec] of Object.entries(ENTITIES[type].fields)) {
    if (only && !only.includes(name)) continue;
    if (!(name in values)) continue;
    let value = values[name];
    if (typeof value === 'string' && value.trim() === '') value = null;
    if (spec.kind === 'int' && typeof value === 'string') value = Number(value);
    if (spec.kind === 'bool') value = Boolean(value);
    if ((spec.kind === 'enumList' || spec.kind === 'refList') && value === null) value = [];
    out[name] = value;
  }
  return out;
}

/** The fields whose value differs from the entity's current one. */
export function changedFields(current: FormValues, edited: FormValues): string[] {
  return Object.keys(edited).filter((name) => JSON.stringify(current[name] ?? null) !== JSON.stringify(edited[name] ?? null));
}

/** Empty values for a new entity, with sensible defaults and the given presets. */
export function initialValues(type: EntityType, preset: FormValues = {}): FormValues {
  const values: FormValues = {};
  for (const [name, spec] of Object.entries(ENTITIES[type].fields)) {
    if (spec.kind === 'bool') values[name] = false;
    else if (spec.kind === 'enumList' || spec.kind === 'refList') values[name] = [];
    else if (spec.kind === 'enum' && spec.required) values[name] = spec.values[0];
    else if (spec.kind === 'int' && spec.required) values[name] = Math.max(spec.min, Math.min(spec.max, 0)) || spec.min;
    else values[name] = '';
  }
  return { ...values, ...preset };
}
