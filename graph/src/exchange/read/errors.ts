/**
 * Errors a person causes by choosing a file: each with a stable code (to join the catalogue in
 * graph/src/errors.ts when the import is wired to the API) and a French message.
 */
export const FILE_ERROR_CODES = {
  FILE_TOO_LARGE: 'le fichier est trop volumineux',
  FILE_TOO_MANY_ROWS: 'le fichier a trop de lignes',
  FILE_NOT_TEXT: "le fichier n'est pas un texte lisible (CSV ou TSV)",
  FILE_FORMAT_UNKNOWN: "le format du fichier n'est pas reconnu",
  FILE_UNREADABLE: 'le classeur ne peut pas être lu',
  FILE_EMPTY: 'le fichier est vide',
} as const;
export type FileErrorCode = keyof typeof FILE_ERROR_CODES;

export class FileError extends Error {
  override name = 'FileError';
  constructor(
    readonly code: FileErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isFileError(error: unknown): error is FileError {
  return error instanceof FileError;
}
