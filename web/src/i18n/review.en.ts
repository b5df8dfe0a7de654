import type { reviewFr } from './review.fr.ts';

type Shape<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : T[K] extends string ? string : T[K];
};

// English texts of the DGS review's sharper parts and of the map's measure sizing; spread into en.ts.
export const reviewEn: Shape<typeof reviewFr> = {
  loadTimelineTitle: 'Engagement load by quarter',
  loadTimelineHint:
    'For each actor engaged in several projects: at the end of each quarter, the number of projects where it is at least informed, and its highest level. The darker the cell, the more projects it cooperates in or leads at once: the exhaustion risk the report warns of.',
  loadTimelineCsv: 'Load by quarter',
  noLoadTimeline: 'No actor has been engaged in several projects at once in the last three years.',
  quarter: (year, quarter) => `Q${quarter} ${year}`,
  quarterPartial: (date) => `to ${date}`,
  loadProjects: { one: '{n} project', other: '{n} projects' },
  loadDemanding: { one: '{n} cooperating or leading', other: '{n} cooperating or leading' },
  loadNone: 'not engaged',
  loadCellLabel: (actor, quarter, projects, level, names) =>
    `${actor}, ${quarter}: ${projects}${level ? ` (highest level: ${level})` : ''}${names ? ` — ${names}` : ''}`,
  loadScale: 'Projects where the actor cooperates or leads:',
  colQuarterLoad: 'Projects (cooperating or leading)',

  loneActorsTitle: 'Lone actors',
  loneActorsHint:
    'These actors converge with nobody and declared no cooperation: detection leaves them alone. They are not coalitions.',
  loneActorsCount: { one: '{n} lone actor', other: '{n} lone actors' },
  noRealCoalitions: 'No coalition of several actors: not enough convergences or cooperations yet.',

  termHelp: 'What does this term mean?',
  glossaryTitle: 'What do these terms mean?',
  help2CAA:
    '2CAA — convergence between two actors: what is at stake for them on the objectives where they stand on the same side.',
  help2DAA: '2DAA — divergence between two actors: what is at stake for them on the objectives where they oppose each other.',
  helpRStar:
    'r* — balance of power: an actor’s weight from the influence it exerts and undergoes; 1 is the mean of the actors whose power was assessed.',
  helpMID: 'MID — direct influence: how much each actor can act on another, from 0 (none) to 4 (its existence).',
  helpMIDI: 'MIDI — direct and indirect influence: the direct influence plus the influence through an intermediary.',
  helpMAO: 'MAO — actors’ positions on objectives: for (+) or against (−), 1 to 4 by what the objective puts at stake for them.',
  help3MAO: '3MAO — positions weighted by the balance of power r*: what each actor weighs on each objective.',
  helpBetweenness:
    'Betweenness — how much an actor lies on the paths between others: who links groups that would otherwise be apart.',
  helpJaccard: 'Overlap — the share of members common to the declared ecosystem and the detected coalition (1: the same).',
  helpModularity: 'Modularity — how clearly the coalitions stand apart: above 0.3 the groups are clear.',

  powerNotAssessedNote: (who) =>
    `${who}: no influence given or received is recorded; their balance of power is not assessed and does not enter the others’ r*.`,
  powerNotAssessedCell: 'not assessed',

  ageYears: { one: '{n} year', other: '{n} years' },
  ageMonths: { one: '{n} month', other: '{n} months' },
  ageDays: { one: '{n} day', other: '{n} days' },
  ageAnd: (a, b) => `${a} and ${b}`,
  ageToday: 'today',

  printMapsTitle: 'Project maps',
  printMapAlt: (project) => `Map of the project ${project}`,
  printMapLoading: 'Preparing the map…',
  printMapEmpty: 'Empty map at this date.',

  measureLabel: 'Size actors by',
  measureNone: 'no measure',
  measureEngagement: 'engagement level',
  measureBetweenness: 'betweenness',
  measureRStar: 'balance of power r*',
  measureProjects: 'number of projects',
  measureLegend: (measure) => `Size: ${measure}`,
  measureLegendRange: (low, high) => `from ${low} (small) to ${high} (large)`,

  arbitrationRequired: 'An arbitrated conflict must describe its arbitration: fill in “Arbitration”.',

  ariaSidePanel: 'Panel',
  ariaMap: 'Actor map',
  ariaBreadcrumb: 'Breadcrumb',
};
