import { ENTITIES, type EntityType, type FieldSpec } from '@trame/graph/model';
import { entityTitle } from '../../../panels/titles.ts';

/** What the journal needs of the UI language (a slice of useI18n()). */
export interface JournalWords {
  enumLabel(code: string): string;
  field(name: string, modelLabel: string): string;
  formatShortDate(iso: string): string;
}

interface ChangeLike {
  entityId: string;
  entityType: string;
  op: string;
  fields: readonly string[];
  before: unknown;
  after: unknown;
  title: string | null;
}

const valuesOf = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/**
 * The label of the entity a change is about: from the project as read now (`titleOf`), else from
 * the values recorded for it (`recorded`: what the journal's loaded changes say of an ended
 * entity, and this change's own), else the title recorded with the change — for an engagement
 * (its title is its level) the actor's name, never a code or an id; « ? » when nothing says.
 */
export function changeLabel(
  change: ChangeLike,
  titleOf: (id: string) => string | null,
  recorded: (entityId: string) => Record<string, unknown> | undefined = () => undefined,
): string {
  const now = titleOf(change.entityId);
  if (now) return now;
  const type = change.entityType as EntityType;
  if (!(type in ENTITIES)) return change.title ?? '?';
  const values = { ...recorded(change.entityId), ...valuesOf(change.before), ...valuesOf(change.after) };
  const named = entityTitle({ ...values, id: change.entityId, __typename: type }, titleOf);
  if (named && named !== change.entityId && !named.includes('?')) return named;
  return type === 'Engagement' || type === 'Position' || type === 'Influence' ? '?' : (change.title ?? '?');
}

/**
 * What a page of changes tells of the entities it names, for changeLabel: each entity's field
 * values as recorded (creations and updates, oldest first so the latest wins) and each one's
 * recorded title (an actor's or objective's name, even once it has ended).
 */
export function recordedIndex(changes: readonly ChangeLike[]): {
  values(entityId: string): Record<string, unknown> | undefined;
  title(entityId: string): string | null;
} {
  const values = new Map<string, Record<string, unknown>>();
  const titles = new Map<string, string>();
  for (const change of [...changes].reverse()) {
    values.set(change.entityId, { ...values.get(change.entityId), ...valuesOf(change.before), ...valuesOf(change.after) });
    const spec = ENTITIES[change.entityType as EntityType];
    // Titles that are names (not an engagement's level or a position's value).
    if (change.title && spec && spec.fields[spec.titleField]?.kind === 'text') titles.set(change.entityId, change.title);
  }
  return { values: (id) => values.get(id), title: (id) => titles.get(id) ?? null };
}

function shortText(text: string): string {
  return text.length > 60 ? `« ${text.slice(0, 57)}… »` : `« ${text} »`;
}

/** A recorded field value in words: labels for codes, names for references, French dates. */
export function fieldValue(
  spec: FieldSpec | undefined,
  value: unknown,
  words: JournalWords,
  titleOf: (id: string) => string | null,
): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return '—';
  const ref = (id: unknown) => (typeof id === 'string' ? (titleOf(id) ?? '?') : '?');
  switch (spec?.kind) {
    case 'enum':
      return words.enumLabel(String(value));
    case 'enumList':
      return (value as unknown[]).map((v) => words.enumLabel(String(v))).join(', ');
    case 'ref':
      return ref(value);
    case 'refList':
      return (value as unknown[]).map(ref).join(', ');
    case 'bool':
      return value ? '✓' : '—';
    case 'int': {
      const n = Number(value);
      return spec && 'min' in spec && (spec.min ?? 0) < 0 && n > 0 ? `+${n}` : String(n).replace('-', '−');
    }
    case 'date':
      return words.formatShortDate(String(value));
    default:
      return shortText(String(value));
  }
}

/**
 * An update's fields as « Niveau d'engagement : Informé → Coopérant », in the model's order of
 * the fields it changed; empty for a creation, an end or a reopening.
 */
export function fieldChanges(change: ChangeLike, words: JournalWords, titleOf: (id: string) => string | null): string[] {
  if (change.op !== 'UPDATE') return [];
  const spec = ENTITIES[change.entityType as EntityType];
  if (!spec) return [];
  const before = valuesOf(change.before);
  const after = valuesOf(change.after);
  return change.fields
    .filter((name) => name in spec.fields)
    .map((name) => {
      const f = spec.fields[name];
      const label = words.field(name, f?.label ?? name);
      return `${label} : ${fieldValue(f, before[name], words, titleOf)} → ${fieldValue(f, after[name], words, titleOf)}`;
    });
}
