import type { workspaceFr } from './workspace.fr.ts';

type Shape<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

// English texts of the editor's header and of the authors no person is behind, spread into en.ts.
export const workspaceEn: Shape<typeof workspaceFr> = {
  moreActions: 'More actions',
  moreActionsHint: 'Import, rearrange, export the map',
  authorSystem: 'Trame demo',
  authorCli: 'Command-line import',
};
