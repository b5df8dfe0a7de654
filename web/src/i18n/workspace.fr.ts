// French texts of the editor's header (its « Plus d'actions » menu) and of the authors no person
// is behind (web/src/i18n/authors.ts), spread into fr.ts.
export const workspaceFr = {
  moreActions: 'Plus d’actions',
  moreActionsHint: 'Importer, réorganiser, exporter la carte',
  /** The demo loader's changes (recorded as `system`). */
  authorSystem: 'Démonstration de Trame',
  /** `trame import` without `--author` (recorded as `trame-cli`). */
  authorCli: 'Import en ligne de commande',
};
