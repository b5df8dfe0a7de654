// French texts of the project's journal (change log, undo) and of « le chemin parcouru » (issue 13, parts 6 and 8), spread into fr.ts.
type Forms = { one: string; other: string };

export const journalFr = {
  // Journal
  journal: 'Journal',
  journalTitle: 'Journal des changements',
  journalIntro:
    'Chaque changement du projet, le plus récent en premier : qui l’a fait, quoi, à quelle date il prend effet et quand il a été enregistré.',
  journalClose: 'Fermer le journal',
  journalFilterType: 'Type',
  journalFilterEntity: 'Élément',
  journalFilterAuthor: 'Auteur',
  journalAllTypes: 'Tous les types',
  journalAllEntities: 'Tous les éléments',
  journalAllAuthors: 'Tous les auteurs',
  journalLoading: 'Lecture du journal…',
  journalEmpty: 'Aucun changement ne correspond à ces filtres.',
  journalMore: 'Changements plus anciens',
  journalWhat: (op: string, type: string, title: string | null) => {
    const verb =
      ({ CREATE: 'Création', UPDATE: 'Modification', END: 'Fin', REOPEN: 'Réouverture' } as Record<string, string>)[op] ?? op;
    return title ? `${verb} · ${type} « ${title} »` : `${verb} · ${type}`;
  },
  journalEffective: (date: string) => `effectif le ${date}`,
  journalRecorded: (date: string) => `enregistré le ${date}`,
  journalBy: (who: string) => `par ${who}`,
  journalCaused: 'conséquence d’un autre changement (fin en cascade)',
  journalRevertOf: 'annule un changement précédent',
  journalUndo: 'Annuler ce changement',
  journalUndoConfirm: (what: string) =>
    `Annuler « ${what} » ? Un nouveau changement est enregistré : l’historique garde l’un et l’autre.`,
  journalUndoYes: 'Oui, annuler',
  journalUndoNo: 'Non, garder',
  journalUndoing: 'Annulation…',
  journalUndone: (what: string) => `Changement annulé : ${what}`,
  journalUndoCause: 'Ce changement est la conséquence d’un autre : c’est celui-là qui est annulé, avec ses conséquences.',
  journalUndoRefused: (code: string, title: string, date: string) =>
    (
      ({
        REVERT_NOT_APPLICABLE: `Ce changement ne peut plus être annulé : « ${title} » a changé depuis. Annulez d’abord les changements de « ${title} » postérieurs au ${date}.`,
        DANGLING_REFERENCE: `« ${title} » ne peut pas revenir : un élément auquel il se rattache a pris fin depuis. Annulez d’abord la fin de cet élément.`,
        CHANGE_NOT_FOUND: 'Ce changement n’existe plus ou ne vous est pas visible.',
        FORBIDDEN: 'Vous ne pouvez pas annuler ce changement : votre rôle ne permet pas de modifier cet élément.',
        UNAUTHENTICATED: 'Votre session a expiré : reconnectez-vous pour annuler ce changement.',
        VERSION_CONFLICT: `« ${title} » vient d’être modifié par quelqu’un d’autre : relisez le journal puis réessayez.`,
        DATE_BEFORE_LAST_CHANGE: `Ce changement ne peut plus être annulé au ${date} : « ${title} » a changé depuis.`,
        NETWORK: 'Le serveur ne répond pas : vérifiez la connexion puis réessayez.',
      }) as Record<string, string>
    )[code] ?? 'Ce changement n’a pas pu être annulé. Rien n’a été modifié.',
  // History of one entity (side panel)
  historyVersion: (version: number) => `version ${version}`,
  historyOlder: 'Versions plus anciennes : voir le Journal du projet.',
  // « Le chemin parcouru »
  pathTitle: 'Le chemin parcouru',
  pathBetween: (fromDate: string, fromName: string, toDate: string, toName: string) =>
    `Du ${fromDate} (${fromName}) au ${toDate} (${toName})`,
  pathNothing: 'Rien n’a changé entre ces deux moments.',
  pathTotals: (added: number, changed: number, ended: number, plural: (n: number, forms: Forms) => string) =>
    `En tout : ${plural(added, { one: '{n} ajout', other: '{n} ajouts' })}, ${plural(changed, { one: '{n} modification', other: '{n} modifications' })}, ${plural(ended, { one: '{n} fin', other: '{n} fins' })}.`,
  pathSection: (key: string) =>
    (
      ({
        joined: 'Arrivés dans le projet',
        left: 'Partis du projet',
        engagementRose: 'Engagement en hausse',
        engagementFell: 'Engagement en baisse',
        positionsMoved: 'Positions qui ont bougé',
        conflictsIdentified: 'Conflits identifiés',
        conflictsWorked: 'Conflits mis au travail',
        conflictsArbitrated: 'Conflits arbitrés',
        conflictsOvercome: 'Conflits dépassés',
        conflictsPersistent: 'Conflits persistants',
        externalitiesInternalised: 'Externalités internalisées',
        leaps: 'Sauts systémiques',
        cooperationsNew: 'Nouvelles coopérations',
        other: 'Autres changements',
      }) as Record<string, string>
    )[key] ?? key,
  pathCount: (key: string, n: number, plural: (n: number, forms: Forms) => string) =>
    plural(
      n,
      (
        {
          joined: { one: '{n} arrivée d’acteur', other: '{n} arrivées d’acteurs' },
          left: { one: '{n} départ d’acteur', other: '{n} départs d’acteurs' },
          engagementRose: { one: 'engagement gagné pour {n} acteur', other: 'engagement gagné pour {n} acteurs' },
          engagementFell: { one: 'engagement perdu pour {n} acteur', other: 'engagement perdu pour {n} acteurs' },
          positionsMoved: { one: '{n} position qui a bougé', other: '{n} positions qui ont bougé' },
          conflictsIdentified: { one: '{n} conflit identifié', other: '{n} conflits identifiés' },
          conflictsWorked: { one: '{n} conflit mis au travail', other: '{n} conflits mis au travail' },
          conflictsArbitrated: { one: '{n} conflit arbitré', other: '{n} conflits arbitrés' },
          conflictsOvercome: { one: '{n} conflit dépassé', other: '{n} conflits dépassés' },
          conflictsPersistent: { one: '{n} conflit persistant', other: '{n} conflits persistants' },
          externalitiesInternalised: { one: '{n} externalité internalisée', other: '{n} externalités internalisées' },
          leaps: { one: '{n} saut systémique', other: '{n} sauts systémiques' },
          cooperationsNew: { one: '{n} nouvelle coopération', other: '{n} nouvelles coopérations' },
          other: { one: '{n} autre changement', other: '{n} autres changements' },
        } as Record<string, Forms>
      )[key] ?? { one: '{n}', other: '{n}' },
    ),
  pathNoLevel: 'absent',
  pathAdded: 'ajouté',
  pathChanged: 'modifié',
  pathEnded: 'terminé',
  pathFocus: (label: string) => `Montrer sur la carte : ${label}`,
  pathLegendTitle: 'Depuis le premier jalon',
  pathLegendAdded: 'Ajouté (contour vert)',
  pathLegendChanged: 'Modifié (contour orange en tirets)',
  pathLegendEnded: 'Terminé (estompé, en pointillés)',
};
