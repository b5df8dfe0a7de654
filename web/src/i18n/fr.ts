// French, the default language. Domain words follow DOMAIN.md.
import { exchangeFr } from './exchange.fr.ts';
import { accessFr } from './access.fr.ts';
import { wallFr } from './wall.fr.ts';
import { liveFr } from './live.fr.ts';
import { journalFr } from './journal.fr.ts';
import { reviewFr } from './review.fr.ts';
import { namesFr } from './names.fr.ts';
import { setupFr } from './setup.fr.ts';

export const fr = {
  ...accessFr,
  ...wallFr,
  ...liveFr,
  ...journalFr,
  ...reviewFr,
  ...exchangeFr,
  ...namesFr,
  ...setupFr,
  appTagline: 'La cartographie des acteurs des projets de transition du territoire.',
  territories: 'Territoires',
  projects: 'Projets',
  loading: 'Chargement…',
  saving: 'Enregistrement…',
  saved: 'Enregistré',
  retry: 'Réessayer',
  close: 'Fermer',
  cancel: 'Annuler',
  create: 'Créer',
  save: 'Enregistrer',
  end: 'Mettre fin',
  edit: 'Modifier',
  language: 'Langue',
  noTerritories: 'Aucun territoire pour l’instant.',
  noProjects: 'Aucun projet sur ce territoire.',
  openMap: 'Ouvrir la carte',
  loadError: 'Impossible de charger les données',
  graphqlLink: 'Explorer l’API GraphQL',
  analysisLink: 'Analyse MACTOR et réseau',
  // Project page
  grouping: 'Regrouper par',
  groupPerimeter: 'Périmètre',
  groupEcosystem: 'Écosystème',
  groupKind: 'Type d’acteur',
  groupNone: 'Aucun',
  viewLeaps: 'Vue des sauts systémiques',
  filters: 'Filtres',
  search: 'Rechercher un acteur, un objectif…',
  searchNoMatch: 'Aucun élément ne correspond',
  rearrange: 'Réorganiser',
  fit: 'Recadrer',
  exportPng: 'Exporter PNG',
  exportSvg: 'Exporter SVG',
  workshop: 'Mode atelier',
  workshopHint: 'Masque les objectifs et conflits confidentiels et les notes',
  add: 'Ajouter',
  legend: 'Légende',
  engageTerritoryActor: 'Engager un acteur du territoire',
  emptyProject:
    'Ce projet est vide. Commencez par ajouter les acteurs présents à la dernière réunion (touche A), puis leurs objectifs (touche O) ; tirez ensuite un lien d’un acteur vers un objectif pour indiquer sa position.',
  readOnlyBanner: (date: string) => `Carte au ${date} — lecture seule. Revenez à aujourd’hui pour modifier.`,
  today: 'Aujourd’hui',
  date: 'Date',
  compare: 'Comparer',
  compareFrom: 'Du jalon',
  compareTo: 'au jalon',
  compareOff: 'Sans comparaison',
  milestones: 'Jalons',
  effectiveDate: 'Date d’effet',
  effectiveDateHint: 'Quand le changement est devenu vrai sur le territoire (par défaut : aujourd’hui)',
  versionConflict: 'Quelqu’un a modifié cet élément depuis que vous l’avez ouvert.',
  currentState: 'État actuel',
  reapply: 'Réappliquer mes modifications',
  discard: 'Abandonner mes modifications',
  confirmEnd: 'Mettre fin à cet élément à la date d’effet ? Son histoire est conservée.',
  newRelation: 'Nouvelle relation',
  chooseRelation: 'Quel lien créer entre ces deux éléments ?',
  selectSomething: 'Sélectionnez un élément de la carte pour le voir ou le modifier, ou ajoutez-en un.',
  required: 'obligatoire',
  none: '— aucun —',
  shortcuts: 'Raccourcis : A acteur · O objectif · / recherche · F recadrer · Suppr mettre fin · Échap fermer',
  history: 'Historique',
  since: 'depuis le',
  engagementIn: 'Engagement dans le projet',
  addActorToProject: 'Engager un acteur du territoire',
  newActor: 'Nouvel acteur',
  layoutSaved: 'Disposition enregistrée',
  errorPrefix: (message: string) => `Erreur : ${message}`,
  // Import of an actor list (web/src/import)
  importActors: 'Importer des acteurs',
  importTitle: 'Importer des acteurs depuis un tableur',
  importIntro:
    'Choisissez un fichier CSV ou Excel (.xlsx) : une ligne par acteur, avec au moins son nom, son type et son niveau d’engagement. Les acteurs déjà connus du territoire sont repris, pas dupliqués. Rien n’est enregistré avant « Importer ».',
  importFile: 'Fichier (.csv ou .xlsx)',
  importTemplate: 'Télécharger le modèle CSV',
  importTemplateFile: 'modele-import-acteurs.csv',
  importColumns: 'Colonnes du fichier',
  importColumnsHint: 'Reconnues d’après leur titre ; corrigez si besoin.',
  importNoColumn: '— aucune —',
  importMissing: (fields: string) => `Associez une colonne à : ${fields}.`,
  importDateHint: 'Quand ces acteurs sont entrés dans le projet (par défaut : aujourd’hui)',
  importReading: 'Lecture du fichier…',
  importChecking: 'Vérification…',
  importRowsRead: (n: number) => (n > 1 ? `${n} lignes lues` : `${n} ligne lue`),
  importSummary: (created: number, reused: number, skipped: number) =>
    `${created} ${created > 1 ? 'nouveaux acteurs' : 'nouvel acteur'}, ${reused} ${reused > 1 ? 'acteurs déjà connus' : 'acteur déjà connu'} du territoire, ${skipped} ${skipped > 1 ? 'lignes ignorées' : 'ligne ignorée'}`,
  importErrors: (n: number) =>
    `${n} ${n > 1 ? 'erreurs' : 'erreur'} : corrigez le fichier puis choisissez-le à nouveau. Rien n’est importé tant qu’il reste une erreur.`,
  importRun: (n: number) => (n > 1 ? `Importer ${n} acteurs` : `Importer ${n} acteur`),
  importNothing: 'Rien à importer : tous ces acteurs sont déjà engagés dans le projet.',
  importDone: (created: number, reused: number) =>
    `Import terminé : ${created} ${created > 1 ? 'acteurs créés' : 'acteur créé'} et ${reused} ${reused > 1 ? 'acteurs repris' : 'acteur repris'}, engagés dans le projet.`,
  importLine: 'Ligne',
  importResult: 'Résultat',
  importNewActor: 'Nouvel acteur',
  importExistingActor: 'Acteur du territoire',
  importSkipped: 'Ignorée',
  importInvalid: 'Erreur',
  importEmptyFile: 'Le fichier ne contient aucune ligne d’acteur sous la ligne de titres.',
  importUnreadable: (name: string) => `Impossible de lire « ${name} » : choisissez un fichier .csv ou .xlsx.`,
  importMoreRows: (n: number) => `… et ${n} autres lignes, vérifiées aussi`,
  importUnknownValue: (what: string, value: string, allowed: string) =>
    `${what} : « ${value} » n’est pas reconnu (valeurs possibles : ${allowed})`,
  importLineError: (line: number, message: string) => `Ligne ${line} : ${message}`,
  // Territory review (DGS) and project analysis (web/src/review)
  reviewLink: 'Revue du territoire',
  reviewTitle: 'Revue du territoire',
  reviewAsOf: (date: string) => `Situation au ${date}`,
  reviewDate: 'Date de la revue',
  reviewControls: 'Réglages de la revue',
  reviewLoading: 'Calcul de l’analyse… (quelques secondes)',
  reviewRefreshing: 'Mise à jour…',
  reviewStale: 'La mise à jour a échoué ; les données affichées sont les précédentes',
  reviewFooter: (date: string) =>
    `Analyse calculée par Trame sur la carte des acteurs au ${date} (méthode MACTOR et analyse de réseau).`,
  reviewFilePrefix: 'revue',
  breadcrumb: 'Fil d’Ariane',
  printReview: 'Imprimer / PDF',
  exportCsv: 'Exporter CSV',
  errorNetwork: 'le serveur ne répond pas. Vérifiez qu’il est démarré, puis réessayez.',
  errorNotFound: 'cet élément n’existe pas à cette date',
  errorRange: 'les dates ne se suivent pas',
  projectCount: (n: number) => (n > 1 ? `${n} projets` : `${n} projet`),
  actorCount: (n: number) => (n > 1 ? `${n} acteurs` : `${n} acteur`),
  objectiveCount: (n: number) => (n > 1 ? `${n} objectifs` : `${n} objectif`),
  days: (n: string) => `${n} j`,
  sortHint: 'Trier (un second clic inverse l’ordre)',
  nobody: 'personne',
  keyFigures: 'Chiffres clés',
  keyOpenTensions: (open: number, total: number) => `${open > 1 ? 'tensions ouvertes' : 'tension ouverte'} (sur ${total})`,
  keyDivergences: (n: number) => (n > 1 ? 'divergences pas encore mises au travail' : 'divergence pas encore mise au travail'),
  keyLoad: (n: number) => (n > 1 ? 'acteurs engagés dans plusieurs projets' : 'acteur engagé dans plusieurs projets'),
  keyExternalities: (n: number) => (n > 1 ? 'externalités à internaliser' : 'externalité à internaliser'),
  keyCoalitions: (n: number) => (n > 1 ? 'coalitions détectées' : 'coalition détectée'),
  tensionsTitle: 'Tensions',
  tensionsHint:
    'Les conflits entre objectifs, leur intensité (1 à 4), leur statut et leur ancienneté, avec les acteurs qui tiennent ces objectifs.',
  tensionsHowTo: 'Cliquez sur « Intensité » ou sur une durée pour trier ; le nom du projet ouvre sa carte.',
  openOnly: 'Tensions ouvertes seulement',
  noTensions: 'Aucune tension enregistrée à cette date.',
  noOpenTensions: 'Aucune tension ouverte : toutes sont arbitrées ou dépassées.',
  colConflict: 'Conflit (objectifs)',
  colProject: 'Projet',
  colIntensity: 'Intensité',
  colStatus: 'Statut',
  colIdentifiedAt: 'Identifié le',
  colAge: 'Depuis l’identification',
  colStatusSince: 'Statut depuis le',
  colInStatus: 'Dans le statut actuel',
  colActors: 'Acteurs',
  divergencesTitle: 'Divergences pas encore mises au travail',
  divergencesHint:
    'Les paires d’acteurs dont les positions s’opposent le plus (2DAA) sans qu’aucun conflit ne soit enregistré entre eux : des tensions à nommer avant qu’elles ne s’installent.',
  noDivergences: 'Aucune divergence forte en dehors des conflits déjà enregistrés.',
  colPair: 'Paire d’acteurs',
  colActorA: 'Acteur A',
  colActorB: 'Acteur B',
  col2DAA: 'Divergence (2DAA)',
  col2CAA: 'Convergence (2CAA)',
  coalitionsTitle: 'Coalitions et écosystèmes déclarés',
  coalitionsHint:
    'Les coalitions sont des groupes d’acteurs qui se tiennent, détectés (méthode de Louvain) sur les convergences entre acteurs (2CAA) et les coopérations déclarées. En regard, les écosystèmes coopératifs déclarés par les pilotes.',
  coalitionsDetected: 'Coalitions détectées',
  ecosystemsDeclared: 'Écosystèmes déclarés et coalition la plus proche',
  coalition: (n: number) => `Coalition ${n}`,
  modularity: 'Modularité',
  modularityWeak: 'des groupes peu marqués',
  modularityClear: 'des groupes nets',
  modularityStrong: 'des groupes très séparés',
  noCoalitions: 'Pas assez de convergences ni de coopérations pour former des coalitions.',
  noEcosystems: 'Aucun écosystème coopératif déclaré sur ce territoire.',
  noMatch: 'aucune coalition proche',
  colEcosystem: 'Écosystème déclaré',
  colCoalition: 'Coalition',
  colJaccard: 'Recouvrement (Jaccard)',
  colAdd: 'Acteurs que la coalition ajouterait',
  colRemove: 'Acteurs qu’elle retirerait',
  brokersTitle: 'Passeurs',
  brokersHint: 'Les acteurs qui relient des groupes qui, sans eux, seraient séparés (centralité d’intermédiarité, de 0 à 1).',
  brokersOthers: (n: number) =>
    n > 1 ? `${n} autres acteurs ne relient aucun groupe.` : `${n} autre acteur ne relie aucun groupe.`,
  noBrokers: 'Aucun acteur ne joue le rôle de passeur.',
  colActor: 'Acteur',
  colBetweenness: 'Intermédiarité',
  loadTitle: 'Charge d’engagement',
  loadHint:
    'Les acteurs coopérants ou moteurs dans plusieurs projets à la fois. Le rapport alerte sur l’épuisement de ces personnes ressources : à ménager, à relayer.',
  noLoad: 'Aucun acteur n’est coopérant ou moteur dans plusieurs projets à la fois.',
  colCount: 'Projets',
  colProjects: 'Où il est coopérant ou moteur',
  externalitiesTitle: 'Externalités à internaliser',
  externalitiesHint:
    'Les effets des projets sur des acteurs, pas encore pris en compte. En gras, les acteurs touchés qui ne sont que concernés, non impliqués : à associer.',
  noExternalities: 'Aucune externalité en attente d’internalisation.',
  notInvolvedCount: (n: number) => (n > 1 ? ` — ${n} concernés non impliqués` : ` — ${n} concerné non impliqué`),
  colExternality: 'Externalité',
  colSign: 'Effet',
  colAffected: 'Acteurs touchés',
  colNotInvolved: 'Concernés non impliqués',
  progressTitle: 'Chemin parcouru',
  progressHint: 'Ce qui a changé dans chaque projet depuis un jalon.',
  progressSinceHint: (since: string) => `Ce qui a changé dans chaque projet depuis le jalon ${since}.`,
  progressSinceShort: (since: string) => `chemin parcouru depuis ${since}`,
  progressSince: 'Depuis le jalon',
  milestoneAuto: 'Dernier jalon avant la date (automatique)',
  milestoneAfterDate: (name: string) =>
    `Le jalon « ${name} » est postérieur à la date de la revue : le dernier jalon antérieur est utilisé.`,
  milestoneUnknown: 'Le jalon demandé n’existe pas sur ce territoire à cette date : le dernier jalon antérieur est utilisé.',
  progressNoMilestone: 'Aucun jalon avant cette date : choisissez une date plus tardive pour mesurer le chemin parcouru.',
  progressNoProject: 'Aucun projet sur ce territoire à cette date.',
  progressNothing: 'Rien n’a changé depuis ce jalon.',
  progressRaw: (added: number, changed: number, ended: number) =>
    `En tout : ${added} ajout${added > 1 ? 's' : ''}, ${changed} modification${changed > 1 ? 's' : ''}, ${ended} fin${ended > 1 ? 's' : ''}.`,
  progressPhrase: (field: string, n: number) => {
    const p = n > 1;
    switch (field) {
      case 'actorsJoined':
        return p ? `${n} arrivées d’acteurs` : `${n} arrivée d’acteur`;
      case 'actorsLeft':
        return p ? `${n} départs d’acteurs` : `${n} départ d’acteur`;
      case 'engagementGained':
        return p ? `engagement gagné pour ${n} acteurs` : `engagement gagné pour ${n} acteur`;
      case 'engagementLost':
        return p ? `engagement perdu pour ${n} acteurs` : `engagement perdu pour ${n} acteur`;
      case 'cooperationsNew':
        return p ? `${n} nouvelles coopérations` : `${n} nouvelle coopération`;
      case 'conflictsNew':
        return p ? `${n} nouveaux conflits identifiés` : `${n} nouveau conflit identifié`;
      case 'conflictsArbitrated':
        return p ? `${n} conflits arbitrés` : `${n} conflit arbitré`;
      case 'conflictsDepasses':
        return p ? `${n} conflits dépassés` : `${n} conflit dépassé`;
      case 'externalitiesInternalised':
        return p ? `${n} externalités internalisées` : `${n} externalité internalisée`;
      case 'leaps':
        return p ? `${n} sauts systémiques` : `${n} saut systémique`;
      case 'positionsMoved':
        return p ? `${n} positions qui ont bougé` : `${n} position qui a bougé`;
      default:
        return `${field} : ${n}`;
    }
  },
  progressColumn: (field: string) =>
    ({
      actorsJoined: 'Arrivées d’acteurs',
      actorsLeft: 'Départs d’acteurs',
      engagementGained: 'Engagement gagné',
      engagementLost: 'Engagement perdu',
      cooperationsNew: 'Nouvelles coopérations',
      conflictsNew: 'Nouveaux conflits',
      conflictsArbitrated: 'Conflits arbitrés',
      conflictsDepasses: 'Conflits dépassés',
      externalitiesInternalised: 'Externalités internalisées',
      leaps: 'Sauts systémiques',
      positionsMoved: 'Positions modifiées',
      added: 'Éléments ajoutés',
      changed: 'Éléments modifiés',
      ended: 'Éléments terminés',
    })[field] ?? field,
  analysisTitle: 'Analyse des acteurs',
  analysisFooter: (date: string) => `Analyse MACTOR (Godet, LIPSOR) calculée par Trame sur la carte des acteurs au ${date}.`,
  analysisFilePrefix: 'analyse',
  milestoneJump: 'Aller au jalon',
  orderLabel: 'Ordre',
  orderShort: (k: number) => `ordre ${k}`,
  orderHint: (k: number) =>
    k === 1
      ? 'Ordre 1 : seul le sens des positions compte (pour, contre).'
      : k === 2
        ? 'Ordre 2 : les positions et ce que chaque objectif met en jeu pour l’acteur (−4 à +4).'
        : 'Ordre 3 : les positions de l’ordre 2 pondérées par le rapport de force r* de chaque acteur.',
  keyConvergence: 'degré de convergence',
  keyActors: (n: number) => (n > 1 ? 'acteurs' : 'acteur'),
  keyObjectives: (n: number) => (n > 1 ? 'objectifs' : 'objectif'),
  keyStrongestConvergence: 'Plus forte convergence :',
  keyStrongestDivergence: 'Plus forte divergence :',
  heatmapsTitle: 'Convergences et divergences entre acteurs',
  heatmapsHint:
    'Pour chaque paire d’acteurs, la somme de ce que les objectifs où ils sont d’accord (convergence) ou opposés (divergence) mettent en jeu pour eux. Plus la case est foncée, plus la valeur est forte ; la plus forte est encadrée.',
  convergenceCaption: (k: number) => `Convergences entre acteurs (${k}CAA)`,
  divergenceCaption: (k: number) => `Divergences entre acteurs (${k}DAA)`,
  convergenceShort: (k: number) => `Convergence (${k}CAA)`,
  divergenceShort: (k: number) => `Divergence (${k}DAA)`,
  strongestPair: (a: string, b: string, value: string) => `Plus forte : ${a} ↔ ${b} (${value})`,
  heatmapNothing: 'Aucune valeur : pas d’objectif partagé.',
  noActors: 'Aucun acteur engagé à cette date.',
  graphsTitle: 'Graphes des convergences et des divergences',
  graphsHint:
    'Un lien entre deux acteurs dès que leur convergence (ou leur divergence) atteint le seuil ; l’épaisseur suit la valeur. Déplacez le seuil pour ne garder que les liens forts.',
  threshold: 'Seuil',
  thresholdValue: (value: string, n: number) => `≥ ${value} — ${n} lien${n > 1 ? 's' : ''}`,
  graphEmpty: 'Aucun lien : pas de valeur au-dessus de zéro.',
  planeTitle: 'Plan influence / dépendance',
  planeHint:
    'L’influence directe et indirecte (MIDI) de chaque acteur sur les autres, et sa dépendance envers eux. Les lignes pointillées marquent les moyennes.',
  axisDependence: 'Dépendance D →',
  axisInfluence: 'Influence I →',
  quadrantDominant: 'Dominants',
  quadrantRelay: 'Relais',
  quadrantDominated: 'Dominés',
  quadrantAutonomous: 'Autonomes',
  planeMeans: (i: string, d: string) => `moyennes : I = ${i}, D = ${d}`,
  planeNoInfluence: 'Aucune influence enregistrée : tous les acteurs sont à l’origine.',
  powerTitle: 'Rapport de force (r*)',
  powerHint: 'Le poids de chaque acteur, tiré de son influence et de sa dépendance ; la moyenne vaut 1 (trait vertical).',
  powerLegend: 'Au-delà de 1, l’acteur pèse plus que la moyenne sur le sort des objectifs (ordre 3).',
  powerNoActors: 'Aucun acteur à cette date : pas de rapport de force.',
  powerSingleActor: 'Un seul acteur : pas de rapport de force, r* = 1.',
  powerNoInfluence: 'Aucune influence enregistrée : r* = 1 pour tous, et l’ordre 3 reprend l’ordre 2.',
  powerNoNetInfluence: 'Toute l’influence enregistrée revient à son auteur : r* = 1 pour tous, et l’ordre 3 reprend l’ordre 2.',
  notesTitle: 'Remarques de l’analyse',
  notesHint: 'Ce que la carte ne dit pas encore, et qui pèse sur les résultats.',
  noNotes: 'Rien à signaler : chaque acteur a une position et une influence.',
  noteZeroPower: (who: string) => `${who} : r* = 0, leurs positions ne pèsent pas à l’ordre 3.`,
  noteNoPosition: (who: string) => `${who} : aucune position sur les objectifs du projet.`,
  objectivesTitle: (k: number) => `Objectifs : accord, désaccord, mobilisation (ordre ${k})`,
  objectivesCsv: 'Objectifs',
  objectivesHint:
    'Pour chaque objectif, la somme des positions pour (accord) et contre (désaccord) ; la mobilisation additionne les deux : ce que l’objectif remue.',
  noObjectives: 'Aucun objectif à cette date.',
  colObjective: 'Objectif',
  colAgreement: 'Accord',
  colDisagreement: 'Désaccord',
  colBalance: 'Contre / pour',
  colMobilisation: 'Mobilisation',
  actorsTableTitle: 'Acteurs : influence, dépendance, rapport de force',
  actorsTableCsv: 'Acteurs',
  actorsTableHint: (k: number) =>
    `Mobilisation : Σ |3MAO| ; ambivalence à l’ordre ${k} : 0 si l’acteur n’est jamais à la fois allié et opposé d’un même partenaire, près de 1 s’il l’est souvent.`,
  colInfluence: 'Influence I',
  colDependence: 'Dépendance D',
  colQuadrant: 'Place',
  colPower: 'r*',
  colActorMobilisation: 'Mobilisation',
  colAmbivalence: 'Ambivalence',
  graphLegendFaded: 'estompés : acteurs sans lien au-dessus du seuil',
} as const;

/** Counted phrases, for plural() (useI18n): `{n}` is replaced by the number. */
export interface PluralForms {
  one: string;
  other: string;
}

export type Messages = {
  [K in keyof typeof fr]: (typeof fr)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof fr)[K] extends PluralForms
      ? PluralForms
      : string;
};
