// Limits shared by the API's validation and the editor's forms, so both say the same thing.
export const LIMITS = {
  /** Names, titles, roles, triggers. */
  name: 200,
  /** Descriptions, notes, arbitrations, commitments. */
  text: 4000,
  /** Territory codes (department number, INSEE code). */
  code: 10,
  /** Client-chosen ids (imports, demo data). */
  id: 80,
  /** Page size of the change log. */
  timelinePage: 200,
  /** Rows of one spreadsheet import (actors and their engagements), checked and written in one transaction. */
  importRows: 2000,
} as const;

/** Ids are lowercase letters, digits and dashes: they travel in URLs. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
