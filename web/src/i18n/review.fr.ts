// French texts of the DGS review's sharper parts (load by quarter, lone actors, MACTOR help,
// print maps, tension ages) and of the map's measure sizing; spread into fr.ts.
// Counted phrases are { one, other } forms for plural() (useI18n), `{n}` being the number.

export const reviewFr = {
  // Engagement load by quarter
  loadTimelineTitle: 'Charge d’engagement par trimestre',
  loadTimelineHint:
    'Pour chaque acteur engagé dans plusieurs projets : à la fin de chaque trimestre, le nombre de projets où il est au moins informé, et son niveau le plus élevé. Plus la case est foncée, plus il est coopérant ou moteur dans de projets à la fois : le risque d’épuisement dont avertit le rapport.',
  loadTimelineCsv: 'Charge par trimestre',
  noLoadTimeline: 'Aucun acteur n’a été engagé dans plusieurs projets à la fois ces trois dernières années.',
  quarter: (year: number, quarter: number) => `T${quarter} ${year}`,
  quarterPartial: (date: string) => `au ${date}`,
  loadProjects: { one: '{n} projet', other: '{n} projets' },
  loadDemanding: { one: 'dont {n} coopérant ou moteur', other: 'dont {n} coopérant ou moteur' },
  loadNone: 'non engagé',
  loadCellLabel: (actor: string, quarter: string, projects: string, level: string, names: string) =>
    `${actor}, ${quarter} : ${projects}${level ? ` (niveau le plus élevé : ${level})` : ''}${names ? ` — ${names}` : ''}`,
  loadScale: 'Projets où l’acteur est coopérant ou moteur :',
  colQuarterLoad: 'Projets (dont coopérant ou moteur)',

  // Coalitions: lone actors apart
  loneActorsTitle: 'Acteurs isolés',
  loneActorsHint:
    'Ces acteurs ne convergent avec personne et n’ont déclaré aucune coopération : la détection les laisse seuls. Ce ne sont pas des coalitions.',
  loneActorsCount: { one: '{n} acteur isolé', other: '{n} acteurs isolés' },
  noRealCoalitions: 'Aucune coalition de plusieurs acteurs : pas encore assez de convergences ou de coopérations.',

  // MACTOR terms in plain French
  termHelp: 'Que veut dire ce terme ?',
  glossaryTitle: 'Que veulent dire ces termes ?',
  help2CAA:
    '2CAA — convergence entre deux acteurs : la somme de ce qui est en jeu pour eux sur les objectifs où ils sont du même côté.',
  help2DAA: '2DAA — divergence entre deux acteurs : la somme de ce qui est en jeu pour eux sur les objectifs où ils s’opposent.',
  helpRStar:
    'r* — rapport de force : le poids d’un acteur d’après les influences qu’il exerce et subit ; 1 est la moyenne des acteurs dont le pouvoir a été évalué.',
  helpMID: 'MID — influences directes : combien chaque acteur peut agir sur un autre, de 0 (rien) à 4 (son existence).',
  helpMIDI: 'MIDI — influences directes et indirectes : l’influence directe plus celle qui passe par un intermédiaire.',
  helpMAO:
    'MAO — positions des acteurs sur les objectifs : pour (+) ou contre (−), de 1 à 4 selon ce que l’objectif met en jeu pour eux.',
  help3MAO: '3MAO — les positions pondérées par le rapport de force r* : ce que pèse chaque acteur sur chaque objectif.',
  helpBetweenness:
    'Intermédiarité — à quel point un acteur se trouve sur les chemins entre les autres : celui qui relie des groupes autrement séparés.',
  helpJaccard: 'Recouvrement — la part des membres communs à l’écosystème déclaré et à la coalition détectée (1 : les mêmes).',
  helpModularity: 'Modularité — à quel point les coalitions sont nettement séparées : au-dessus de 0,3 les groupes sont nets.',

  // Power not assessed (r*)
  powerNotAssessedNote: (who: string) =>
    `${who} : aucune influence donnée ni reçue n’est enregistrée ; leur rapport de force n’est pas évalué et n’entre pas dans le calcul de r* des autres.`,
  powerNotAssessedCell: 'non évalué',

  // Tension ages
  ageYears: { one: '{n} an', other: '{n} ans' },
  ageMonths: { one: '{n} mois', other: '{n} mois' },
  ageDays: { one: '{n} jour', other: '{n} jours' },
  ageAnd: (a: string, b: string) => `${a} et ${b}`,
  ageToday: 'aujourd’hui',

  // Print: the map of each project
  printMapsTitle: 'Cartes des projets',
  printMapAlt: (project: string) => `Carte du projet ${project}`,
  printMapLoading: 'Préparation de la carte…',
  printMapEmpty: 'Carte vide à cette date.',

  // Map: size actors by a measure
  measureLabel: 'Taille des acteurs selon',
  measureNone: 'aucune mesure',
  measureEngagement: 'le niveau d’engagement',
  measureBetweenness: 'l’intermédiarité',
  measureRStar: 'le rapport de force r*',
  measureProjects: 'le nombre de projets',
  measureLegend: (measure: string) => `Taille : ${measure}`,
  measureLegendRange: (low: string, high: string) => `de ${low} (petit) à ${high} (grand)`,

  arbitrationRequired: 'Un conflit arbitré doit décrire son arbitrage : remplissez « Arbitrage ».',

  // Accessible names of the project page's landmarks (they were French in the English UI)
  ariaSidePanel: 'Panneau',
  ariaMap: 'Carte des acteurs',
  ariaBreadcrumb: 'Fil d’Ariane',
};
