import type { EntityType } from '@trame/graph/model';

export type Lang = 'fr' | 'en';

type Labels = Record<string, { fr: string; en: string }>;

export const ENTITY_LABELS: Record<EntityType, { fr: string; en: string }> = {
  Territory: { fr: 'Territoire', en: 'Territory' },
  Project: { fr: 'Projet', en: 'Project' },
  Actor: { fr: 'Acteur', en: 'Actor' },
  Engagement: { fr: 'Engagement', en: 'Engagement' },
  Perimeter: { fr: 'Périmètre d’enjeux', en: 'Perimeter' },
  Objective: { fr: 'Objectif', en: 'Objective' },
  Position: { fr: 'Position', en: 'Position' },
  Convergence: { fr: 'Convergence', en: 'Convergence' },
  Conflict: { fr: 'Conflit', en: 'Conflict' },
  Externality: { fr: 'Externalité', en: 'Externality' },
  Cooperation: { fr: 'Coopération', en: 'Cooperation' },
  Influence: { fr: 'Influence', en: 'Influence' },
  SystemicLeap: { fr: 'Saut systémique', en: 'Systemic leap' },
  Ecosystem: { fr: 'Écosystème coopératif', en: 'Cooperative ecosystem' },
  Milestone: { fr: 'Jalon', en: 'Milestone' },
};

export const ENUM_LABELS: Labels = {
  COMMUNE: { fr: 'Commune', en: 'Municipality' },
  INTERCOMMUNALITE: { fr: 'Intercommunalité', en: 'Intermunicipality' },
  ELU: { fr: 'Élu', en: 'Elected official' },
  SERVICE: { fr: 'Service', en: 'Municipal service' },
  ENTREPRISE: { fr: 'Entreprise', en: 'Enterprise' },
  ASSOCIATION: { fr: 'Association', en: 'Association' },
  HABITANT: { fr: 'Habitants', en: 'Residents' },
  INSTITUTION: { fr: 'Institution', en: 'Institution' },
  TIERS: { fr: 'Tiers', en: 'Third party' },
  FINANCEUR: { fr: 'Financeur', en: 'Funder' },
  CONCERNE: { fr: 'Concerné non impliqué', en: 'Concerned, not involved' },
  INFORME: { fr: 'Informé', en: 'Informed' },
  PARTICIPANT: { fr: 'Participant', en: 'Participant' },
  COOPERANT: { fr: 'Coopérant', en: 'Cooperating' },
  MOTEUR: { fr: 'Moteur', en: 'Leading' },
  SOCIAL: { fr: 'Effets utiles (social)', en: 'Useful effects (social)' },
  ECOLOGIQUE: { fr: 'Écologique', en: 'Ecological' },
  ECONOMIQUE: { fr: 'Économique / emploi', en: 'Economic / jobs' },
  MATERIEL: { fr: 'Matériel', en: 'Material' },
  IMMATERIEL: { fr: 'Immatériel', en: 'Immaterial' },
  IDENTIFIE: { fr: 'Identifié', en: 'Identified' },
  MIS_AU_TRAVAIL: { fr: 'Mis au travail', en: 'Being worked on' },
  ARBITRE: { fr: 'Arbitré', en: 'Arbitrated' },
  DEPASSE: { fr: 'Dépassé', en: 'Overcome' },
  PERSISTANT: { fr: 'Persistant', en: 'Persistent' },
  POSITIVE: { fr: 'Positive', en: 'Positive' },
  NEGATIVE: { fr: 'Négative', en: 'Negative' },
  IDENTIFIEE: { fr: 'Identifiée', en: 'Identified' },
  INTERNALISEE: { fr: 'Internalisée', en: 'Internalised' },
};

const FIELD_EN: Record<string, string> = {
  name: 'Name',
  code: 'Code',
  kind: 'Kind',
  description: 'Description',
  territoryId: 'Territory',
  projectId: 'Project',
  actorId: 'Actor',
  level: 'Engagement level',
  role: 'Role',
  perimeterId: 'Perimeter',
  title: 'Title',
  dimensions: 'Value dimensions',
  nature: 'Nature',
  confidential: 'Confidential',
  objectiveId: 'Objective',
  value: 'Position',
  note: 'Note',
  objectiveAId: 'First objective',
  objectiveBId: 'Second objective',
  intensity: 'Intensity',
  status: 'Status',
  arbitration: 'Arbitration',
  sign: 'Sign',
  affectedActorIds: 'Affected actors',
  internalisation: 'Internalisation',
  actorAId: 'First actor',
  actorBId: 'Second actor',
  commitments: 'Reciprocal commitments',
  counterparts: 'Counterparts',
  fromActorId: 'Influencing actor',
  toActorId: 'Influenced actor',
  fromPerimeterId: 'From perimeter',
  toPerimeterId: 'To perimeter',
  trigger: 'Triggering event',
  memberIds: 'Members',
  date: 'Date',
};

/** « le nom » → « Nom », « l'acteur porteur » → « Acteur porteur ». */
export function fieldLabelFromModel(modelLabel: string): string {
  const bare = modelLabel.replace(/^(le |la |les |l'|l’)/i, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

export function fieldLabel(field: string, modelLabel: string, lang: Lang): string {
  return lang === 'en' ? (FIELD_EN[field] ?? field) : fieldLabelFromModel(modelLabel);
}

export function enumLabel(value: string, lang: Lang): string {
  return ENUM_LABELS[value]?.[lang] ?? value;
}
