import type { setupFr } from './setup.fr.ts';

// English texts of starting from nothing (issue 13 parts 2 and 3), spread into en.ts.
export const setupEn: typeof setupFr = {
  newTerritory: 'New territory',
  newProject: 'New project',
  editTerritory: 'Edit the territory',
  editProject: 'Edit the project',
  projectFormTitle: (territory: string) => `Project of ${territory}`,
  startedOn: 'Since',
  startedOnHint: 'The day the territory or project begins in Trame: its map can be read from that date on.',
  changedOn: 'Change effective on',
  lastChange: (who: string, when: string) => `last changed by ${who} on ${when}`,
  noChangeYet: 'no change yet',
  projectsOne: '{n} project',
  projectsOther: '{n} projects',
  homeStartHint: 'No territory yet. Create the first one, then a project: its map opens, ready for the actors.',
  homeNoTerritoryReader: 'No territory is open to you. An administrator can give you a role.',
  created: 'Created.',
  emptyTitle: 'This project is empty: where to start?',
  emptyAddActor: 'Add an actor',
  emptyAddActorHint: 'the actors present at the last meeting, one by one (key A)',
  emptyImport: 'Import a list',
  emptyImportHint: 'the actor table you already keep (CSV or spreadsheet)',
  emptyEngage: 'Engage an actor of the territory',
  emptyEngageHint: 'an actor already known in another project of the territory',
  emptyThen: 'Then: their objectives (key O), and draw a link from an actor to an objective for its position.',
  correctionWhat: (entity: string, title: string) => `${entity} “${title}”`,
  correctionTitle: 'This date precedes the latest entry',
  correctionExplain: (what: string, date: string, latest: string) =>
    `${what} was entered as of ${latest}. If that entry was in fact dated ${date}, correct it: it takes the date ${date} and your change applies from then. The history keeps both.`,
  correctionExplainEnd: (what: string, date: string, latest: string) =>
    `${what} was entered as of ${latest}. If that entry was in fact dated ${date}, correct it: it takes the date ${date} and the end applies from then. The history keeps both.`,
  correctionAction: (latest: string) => `Correct the entry of ${latest}`,
  correctionCancel: 'Keep the latest entry’s date',
};
