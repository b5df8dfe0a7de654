import { ApiError } from '../../../api/client.ts';
import { shortDate, type EngagementText } from '../../../i18n/engagement.ts';
import type { Lang } from '../../../i18n/labels.ts';
import { serverErrorText } from '../../../i18n/serverErrors.ts';

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
  return serverErrorText(error, lang, context.titleOf);
}
