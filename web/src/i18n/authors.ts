import { CLI_IMPORT_AUTHOR, SYSTEM_AUTHOR } from '@trame/graph/model';
import type { Messages } from './fr.ts';

/**
 * The name shown for a change's recorded author: a person's name as it is; an automatic author
 * (graph/src/model/authors.ts: the demo loader's `system`, the CLI import's `trame-cli`) under a
 * readable name in the UI language. The history keeps what was recorded.
 */
export function authorName(author: string, t: Pick<Messages, 'authorSystem' | 'authorCli'>): string {
  if (author === SYSTEM_AUTHOR) return t.authorSystem;
  if (author === CLI_IMPORT_AUTHOR) return t.authorCli;
  return author;
}
