import { ApiError } from '../../../api/client.ts';
import { shortDate, type EngagementText } from '../../../i18n/engagement.ts';
import type { Lang } from '../../../i18n/labels.ts';

/** What the message is about, to name it in words. */
export interface ErrorContext {
  /** The form's effective date (YYYY-MM-DD), or null for today. */
  validFrom: string | null;
  /** The thing changed, in words: « l'acteur « Union des commerçants » », « cet engagement ». */
  what: string;
  /** The actor's name, when the form is about one. */
  actorName?: string;
  /** An entity's title by id, to replace ids left in the server's message. */
  titleOf(id: string): string | null;
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

/**
 * The sentence a pilot reads for a failed engagement or actor write: by the error's code, in
 * words, with labels and French dates, never an id or a code. Pure.
 */
export function errorText(error: unknown, text: EngagementText, lang: Lang, context: ErrorContext): string {
  const date = shortDate(context.validFrom ?? new Date().toISOString(), lang);
  if (error instanceof ApiError) {
    const ext = error.extensions;
    switch (error.code) {
      case 'DATE_BEFORE_LAST_CHANGE':
        return text.errDateBeforeLastChange(
          context.what,
          date,
          typeof ext.latestFrom === 'string' ? shortDate(ext.latestFrom, lang) : '—',
        );
      case 'DATE_IN_FUTURE':
        return text.errDateInFuture(date);
      case 'DANGLING_REFERENCE':
        if (ext.field === 'actorId' && context.actorName) return text.errActorNotYet(context.actorName, date);
        break;
      case 'DUPLICATE_ENTITY':
        if (context.actorName) return text.errDuplicateEngagement(context.actorName);
        break;
      case 'VERSION_CONFLICT':
        return text.errVersionConflict;
      case 'ENTITY_ENDED':
        return text.errEnded;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return humanise(message, lang, context.titleOf);
}
