import type { EntityType } from '@trame/graph/model';
import { ApiError } from '../api/client.ts';
import { shortDate } from './engagement.ts';
import { ENTITY_LABELS, fieldLabel, type Lang } from './labels.ts';
import { SERVER_ERRORS_EN } from './serverErrors.en.ts';
import { sentence } from './sentence.ts';

/** What an English sentence may say of the error, from its structured extensions. */
export interface ServerErrorWords {
  /** The field named by `extensions.field`, as a form labels it (« Name »); else « A value ». */
  field(): string;
  /** The entity type (`extensions.entityType`, or the `current` state's) with its article: « An engagement »; else « An item ». */
  kind(): string;
  /** The entity the error is about: « the actor “Union des commerçants” », capitalised unless `inline`. */
  subject(inline?: boolean): string;
  /** The referenced item's title (`extensions.title`, else its id's title from the page, else « ? »). */
  refTitle(): string;
  /** The change's kind (`extensions.op`): « The update ». */
  opNoun(): string;
  /** An extension holding an ISO date, as a short date (« 1 Sept 2024 »), or '' when absent. */
  date(key: string): string;
}

const ISO_DAY = /\b(\d{4}-\d{2}-\d{2})(?:T[\d:.]+Z)?\b/g;
const QUOTED = /« ([a-z0-9][a-z0-9-]*) »/g;

/**
 * A message the server wrote, made readable: ids in « » become the entity's title when known,
 * ISO dates French dates (« 1 sept. 2024 »). Pure.
 */
export function humanise(message: string, lang: Lang, titleOf: (id: string) => string | null): string {
  return message
    .replace(QUOTED, (whole, id: string) => {
      const title = titleOf(id);
      return title ? `« ${title} »` : whole;
    })
    .replace(ISO_DAY, (_whole, day: string) => shortDate(day, lang));
}

const OP_EN: Record<string, string> = { CREATE: 'The creation', UPDATE: 'The update', END: 'The end', REOPEN: 'The reopening' };

/**
 * The one place the web app turns an API refusal into words, for every form and panel: in
 * French, the server's own message (French, naming things by their label), humanised, with a capital; in English,
 * the sentence SERVER_ERRORS_EN gives for its `code` from its extensions (labels, dates), else the
 * server's message. `titleOf`: the page's titles by id, for ids a message still carries. Pure.
 */
export function serverErrorText(error: unknown, lang: Lang, titleOf: (id: string) => string | null = () => null): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const english = lang === 'en' ? SERVER_ERRORS_EN[error.code] : undefined;
  // The server's messages start in lower case (they also go inside other sentences); shown alone, a capital.
  if (!english) return sentence(humanise(error.message, lang, titleOf));
  return english(wordsOf(error.extensions, titleOf));
}

function wordsOf(ext: Record<string, unknown>, titleOf: (id: string) => string | null): ServerErrorWords {
  const text = (key: string) => (typeof ext[key] === 'string' ? (ext[key] as string) : null);
  const current = ext.current && typeof ext.current === 'object' ? (ext.current as Record<string, unknown>) : null;
  const type = (text('entityType') ?? (typeof current?.__typename === 'string' ? current.__typename : null)) as EntityType | null;
  const typeLabel = type && type in ENTITY_LABELS ? ENTITY_LABELS[type].en.toLowerCase() : null;
  const id = text('id') ?? (typeof current?.id === 'string' ? current.id : null);
  const title = text('title') ?? (id ? titleOf(id) : null);
  return {
    field: () => {
      const name = text('field');
      return name ? fieldLabel(name, name, 'en') : 'A value';
    },
    kind: () => (typeLabel ? `${/^[aeiou]/.test(typeLabel) ? 'An' : 'A'} ${typeLabel}` : 'An item'),
    subject: (inline = false) => {
      const said = typeLabel ? (title ? `the ${typeLabel} “${title}”` : `this ${typeLabel}`) : title ? `“${title}”` : 'this item';
      return inline ? said : sentence(said);
    },
    refTitle: () => title ?? '?',
    opNoun: () => OP_EN[text('op') ?? ''] ?? 'This change',
    date: (key) => (text(key) ? shortDate(text(key)!, 'en') : ''),
  };
}
