// Textes des mises à jour en direct et du pilotage des murs (issue 14), répandus dans fr.ts.
export const liveFr = {
  liveBarLabel: 'Pilotage des murs',
  liveDrive: 'Piloter les murs',
  liveDriveHint:
    'Les murs du projet (page de projection et liens muraux) suivent le jalon, la date et la mise en avant choisis ici.',
  liveDriving: 'Les murs suivent',
  liveStop: 'Arrêter',
  livePrevious: '◀ Jalon précédent',
  liveNext: 'Jalon suivant ▶',
  liveNoMilestone: 'Aujourd’hui',
  liveStep: (name: string, date: string) => `${name} · ${date}`,
  liveDate: 'Date projetée',
  liveFocus: (name: string) => `Mettre en avant « ${name} »`,
  liveFocusNone: 'Sélectionnez un acteur pour le mettre en avant',
  liveClearFocus: 'Retirer la mise en avant',
  liveFocused: (name: string) => `En avant : ${name}`,
  liveConnected: 'En direct',
  liveReconnecting: 'Reconnexion…',
  liveFailed: (message: string) => `Les murs n’ont pas suivi : ${message}`,
};
