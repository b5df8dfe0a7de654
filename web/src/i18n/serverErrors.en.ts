import type { ServerErrorWords } from './serverErrors.ts';

/**
 * The API's refusals in English, by `extensions.code` (catalogue: graph/src/errors.ts,
 * api/src/graphql/errors.ts, docs/API.md). The API writes its messages in French; these say the
 * same from the code and the structured extensions (labels, dates), so the English UI never
 * shows a French sentence. A code missing here falls back to the server's message.
 */
export const SERVER_ERRORS_EN: Record<string, (w: ServerErrorWords) => string> = {
  // The request did not reach the server, or its answer could not be read (api/client.ts).
  NETWORK: () => 'The server does not answer. Check that it is running, then retry.',
  PAYLOAD_TOO_LARGE: () => 'The request is too large for the server (over 2 MB): split the file into several.',
  RESPONSE_TOO_LARGE: () => 'The answer would be too large (over 64 MB): ask for fewer nested levels or fields.',
  BAD_RESPONSE: () => 'The server’s answer could not be read. Retry in a moment.',
  SERVICE_UNAVAILABLE: () => 'The database cannot be reached for the moment: nothing was changed, retry in a moment.',
  TRANSIENT_FAILURE: () => 'A concurrent change interrupted this one: nothing was saved, save again.',
  INTERNAL_SERVER_ERROR: () => 'Internal error: nothing was changed. The server’s log keeps a trace of it.',
  UNAUTHENTICATED: () => 'Your session has expired: sign in again.',
  FORBIDDEN: () => 'Your role does not allow this action.',
  // Validation of what a form sends.
  REQUIRED_FIELD: (w) => `${w.field()} is required.`,
  TEXT_TOO_LONG: (w) => `${w.field()} is too long.`,
  INVALID_TEXT: (w) => `${w.field()} contains a character that is not allowed.`,
  OUT_OF_RANGE: (w) => `${w.field()} is out of the allowed range.`,
  INVALID_POSITION: () => 'A position must be a whole number between -4 and 4.',
  INVALID_INFLUENCE: () => 'An influence must be a whole number between 0 and 4.',
  INVALID_INTENSITY: () => 'A conflict’s intensity must be a whole number between 1 and 4.',
  INVALID_ENUM: (w) => `${w.field()} is not one of the values offered.`,
  INVALID_DATE: () => 'A date is not valid: choose a day that exists, between 1900 and 9998.',
  INVALID_ID: (w) => `${w.field()} is not a valid choice.`,
  INVALID_FIELD: (w) => `${w.field()} cannot be set on this item.`,
  FIXED_FIELD: (w) => `${w.field()} is set at creation and can no longer change.`,
  TOO_FEW_ITEMS: (w) => `${w.field()} needs more items (a cooperative ecosystem brings together at least two actors).`,
  DUPLICATE_MEMBER: (w) => `${w.field()} lists the same item twice.`,
  SAME_OBJECTIVE: () => 'Choose two different objectives.',
  SAME_ACTOR: () => 'Choose two different actors.',
  SAME_PERIMETER: () => 'Choose two different perimeters.',
  ARBITRATION_REQUIRED: () => 'An arbitrated conflict must describe its arbitration.',
  ID_TAKEN: () => 'This identifier is already used.',
  AMBIGUOUS_NAME: () => 'Several items bear this name: rename one of them so that each can be told apart.',
  // References to other items.
  DANGLING_REFERENCE: (w) => {
    const what = `${w.field()} “${w.refTitle()}”`;
    if (w.date('validTo')) return `${what} ended on ${w.date('validTo')}.`;
    if (w.date('at') && w.date('validFrom'))
      return `${what} did not exist yet on ${w.date('at')} (it exists from ${w.date('validFrom')}): choose a later date.`;
    return `${what} does not exist, or has ended.`;
  },
  WRONG_REFERENCE_TYPE: (w) => `${w.field()} names an item of another kind.`,
  CROSS_PROJECT_REFERENCE: (w) => `${w.field()} belongs to another project.`,
  CROSS_TERRITORY_REFERENCE: (w) => `${w.field()} belongs to another territory.`,
  DUPLICATE_ENTITY: (w) =>
    `${w.kind()} already exists for these items at this date (one engagement per actor and project, one position per actor and objective, one influence per pair).`,
  // Time and versions.
  NOT_FOUND: (w) => `${w.subject()} no longer exists: it may have been ended or removed by someone else.`,
  VERSION_CONFLICT: (w) => `${w.subject()} was changed by someone since you read it: read it again and re-apply your change.`,
  ENTITY_ENDED: (w) =>
    w.date('endedAt')
      ? `${w.subject()} ended on ${w.date('endedAt')}: it can no longer be changed.`
      : `${w.subject()} has ended: it can no longer be changed.`,
  DATE_BEFORE_LAST_CHANGE: (w) =>
    w.date('previousFrom')
      ? // A correction (correctX) moves only the latest entry.
        `The effective date (${w.date('at')}) is also before the entry before the latest one of ${w.subject(true)} (${w.date('previousFrom')}): only the latest entry (${w.date('latestFrom')}) can be corrected.`
      : `The effective date${w.date('at') ? ` (${w.date('at')})` : ''} is before the last recorded change of ${w.subject(true)}${w.date('latestFrom') ? ` (${w.date('latestFrom')})` : ''}.`,
  DATE_IN_FUTURE: (w) => `The effective date${w.date('at') ? ` (${w.date('at')})` : ''} is in the future.`,
  INVALID_RANGE: () => 'The start of the comparison must come before its end.',
  // The change log, undo and merge.
  CHANGE_NOT_FOUND: () => 'This change no longer exists or is not visible to you.',
  REVERT_NOT_APPLICABLE: (w) =>
    `${w.opNoun()}${w.date('validFrom') ? ` of ${w.date('validFrom')}` : ''} of ${w.subject(true)} can no longer be undone: it has changed since.`,
  MERGE_SAME_ACTOR: () => 'An actor cannot be merged with itself.',
  MERGE_OTHER_TERRITORY: () => 'Only two actors of the same territory can be merged.',
  MERGE_CONFLICT: () =>
    'The two actors hold different positions (or influences) on the same objective (or actor): make them agree before merging.',
  NOT_EXECUTED: () => 'Nothing was saved: another part of the same change was refused.',
};
