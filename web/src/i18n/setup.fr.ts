// French texts of starting from nothing — home page, territories, projects, the empty project,
// the correction of a date (issue 13 parts 2 and 3), spread into fr.ts.
export const setupFr = {
  newTerritory: 'Nouveau territoire',
  newProject: 'Nouveau projet',
  editTerritory: 'Modifier le territoire',
  editProject: 'Modifier le projet',
  projectFormTitle: (territory: string) => `Projet de ${territory}`,
  startedOn: 'Depuis le',
  startedOnHint: 'Le jour où le territoire ou le projet commence dans Trame : la carte peut être lue à partir de cette date.',
  changedOn: 'Modification au',
  lastChange: (who: string, when: string) => `dernière modification par ${who} le ${when}`,
  noChangeYet: 'aucune modification encore',
  projectsOne: '{n} projet',
  projectsOther: '{n} projets',
  homeStartHint:
    'Aucun territoire pour l’instant. Créez le premier, puis un projet : sa carte s’ouvre, prête à recevoir les acteurs.',
  homeNoTerritoryReader: 'Aucun territoire ne vous est ouvert. Un administrateur peut vous donner un rôle.',
  created: 'Créé.',
  // The empty project: what to do first.
  emptyTitle: 'Ce projet est vide : par où commencer ?',
  emptyAddActor: 'Ajouter un acteur',
  emptyAddActorHint: 'les acteurs présents à la dernière réunion, un par un (touche A)',
  emptyImport: 'Importer une liste',
  emptyImportHint: 'le tableau d’acteurs que vous tenez déjà (CSV ou tableur)',
  emptyEngage: 'Engager un acteur du territoire',
  emptyEngageHint: 'un acteur déjà connu dans un autre projet du territoire',
  emptyThen: 'Ensuite : leurs objectifs (touche O), puis tirez un lien d’un acteur vers un objectif pour sa position.',
  // A date earlier than the latest entry: offered as a correction.
  correctionWhat: (entity: string, title: string) => `${entity} « ${title} »`,
  correctionTitle: 'Cette date précède la dernière saisie',
  correctionExplain: (what: string, date: string, latest: string) =>
    `${what} a été saisi(e) au ${latest}. Si cette saisie était en fait datée du ${date}, corrigez-la : elle prend la date du ${date} et votre modification s’applique à cette date. L’historique garde les deux.`,
  correctionExplainEnd: (what: string, date: string, latest: string) =>
    `${what} a été saisi(e) au ${latest}. Si cette saisie était en fait datée du ${date}, corrigez-la : elle prend la date du ${date} et la fin s’applique à cette date. L’historique garde les deux.`,
  correctionAction: (latest: string) => `Corriger la saisie du ${latest}`,
  correctionCancel: 'Garder la date d’effet de la dernière saisie',
};
