/**
 * The authors recorded on changes that no person made. They stay as recorded (history is never
 * rewritten); the web app shows each under a readable name in the UI language
 * (web/src/i18n/authors.ts).
 */

/** The demo loader (graph/src/demo/load-demo.ts). */
export const SYSTEM_AUTHOR = 'system';

/** `trame import` without `--author` (cli/commands/import.ts). */
export const CLI_IMPORT_AUTHOR = 'trame-cli';

export const AUTOMATIC_AUTHORS = [SYSTEM_AUTHOR, CLI_IMPORT_AUTHOR] as const;
export type AutomaticAuthor = (typeof AUTOMATIC_AUTHORS)[number];

/** Whether `author` is one of the automatic authors rather than a person's name. */
export function isAutomaticAuthor(author: string): author is AutomaticAuthor {
  return (AUTOMATIC_AUTHORS as readonly string[]).includes(author);
}
