import { nameKey } from '../../model/names.ts';

/**
 * French and English labels of the closed vocabularies, as the interface shows them and as
 * people type them in spreadsheets, with the extra words pilots use. The export writes the
 * French label; the import accepts the code, either label or a synonym, in any case and
 * without accents.
 */
export const ENUM_LABELS: Record<string, { fr: string; en: string; also?: string[] }> = {
  COMMUNE: { fr: 'Commune', en: 'Municipality' },
  INTERCOMMUNALITE: { fr: 'Intercommunalité', en: 'Intermunicipality', also: ['epci'] },
  ELU: { fr: 'Élu', en: 'Elected official', also: ['élue', 'élus', 'élu(e)', 'elected', 'élu·e'] },
  SERVICE: { fr: 'Service', en: 'Municipal service', also: ['services', 'service municipal', 'dgs'] },
  ENTREPRISE: { fr: 'Entreprise', en: 'Enterprise', also: ['entreprises', 'company', 'business', 'scop', 'société'] },
  ASSOCIATION: { fr: 'Association', en: 'Association', also: ['associations', 'asso', 'ngo'] },
  HABITANT: {
    fr: 'Habitants',
    en: 'Residents',
    also: ['habitant', "collectif d'habitants", 'resident', 'citoyen', 'citoyens', 'citizens'],
  },
  INSTITUTION: { fr: 'Institution', en: 'Institution', also: ['institutions', 'état', 'région'] },
  TIERS: { fr: 'Tiers', en: 'Third party', also: ['consultant', 'laboratoire'] },
  FINANCEUR: { fr: 'Financeur', en: 'Funder', also: ['financeurs', 'funders'] },
  CONCERNE: {
    fr: 'Concerné non impliqué',
    en: 'Concerned, not involved',
    also: ['concerné', 'concernée', 'concerned', 'non impliqué'],
  },
  INFORME: { fr: 'Informé', en: 'Informed', also: ['informée'] },
  PARTICIPANT: { fr: 'Participant', en: 'Participant', also: ['participante'] },
  COOPERANT: { fr: 'Coopérant', en: 'Cooperating', also: ['coopérante', 'cooperant'] },
  MOTEUR: { fr: 'Moteur', en: 'Leading', also: ['motrice', 'leader', 'pilote'] },
  SOCIAL: { fr: 'Effets utiles (social)', en: 'Useful effects (social)', also: ['social', 'effets utiles'] },
  ECOLOGIQUE: { fr: 'Écologique', en: 'Ecological', also: ['environnement', 'environmental'] },
  ECONOMIQUE: { fr: 'Économique / emploi', en: 'Economic / jobs', also: ['économique', 'emploi', 'economic'] },
  MATERIEL: { fr: 'Matériel', en: 'Material', also: ['matérielle'] },
  IMMATERIEL: { fr: 'Immatériel', en: 'Immaterial', also: ['immatérielle'] },
  IDENTIFIE: { fr: 'Identifié', en: 'Identified' },
  MIS_AU_TRAVAIL: { fr: 'Mis au travail', en: 'Being worked on' },
  ARBITRE: { fr: 'Arbitré', en: 'Arbitrated' },
  DEPASSE: { fr: 'Dépassé', en: 'Overcome' },
  PERSISTANT: { fr: 'Persistant', en: 'Persistent' },
  POSITIVE: { fr: 'Positive', en: 'Positive', also: ['+', 'positif'] },
  NEGATIVE: { fr: 'Négative', en: 'Negative', also: ['-', 'négatif'] },
  IDENTIFIEE: { fr: 'Identifiée', en: 'Identified' },
  INTERNALISEE: { fr: 'Internalisée', en: 'Internalised', also: ['internalized'] },
};

/** The French label of a code, or the code itself. */
export function enumLabel(code: string): string {
  return ENUM_LABELS[code]?.fr ?? code;
}

/**
 * The code among `values` that a typed text names: the code, its French or English label or a
 * synonym, compared with `nameKey`. Null when none does.
 */
export function enumFromLabel<T extends string>(text: string, values: readonly T[]): T | null {
  const key = nameKey(text);
  const asCode = key.toUpperCase().replace(/[\s'-]+/g, '_');
  const code = values.find((value) => value === asCode);
  return code ?? (labelIndex(values).get(key) as T | undefined) ?? null;
}

/** Label keys → code for one vocabulary, built once: a 10,000-row file reads it 20,000 times. */
const INDEXES = new WeakMap<readonly string[], Map<string, string>>();
function labelIndex(values: readonly string[]): Map<string, string> {
  let index = INDEXES.get(values);
  if (!index) {
    index = new Map();
    for (const value of values) {
      const labels = ENUM_LABELS[value];
      if (!labels) continue;
      for (const label of [labels.fr, labels.en, ...(labels.also ?? [])])
        if (!index.has(nameKey(label))) index.set(nameKey(label), value);
    }
    INDEXES.set(values, index);
  }
  return index;
}
