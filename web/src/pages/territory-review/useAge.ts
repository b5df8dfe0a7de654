import { useI18n } from '../../i18n/index.tsx';
import { ageParts, calendarAge } from './age.ts';

/** « 8 ans et 2 mois », « 3 mois », « 12 jours », « aujourd’hui », in the UI's language. */
export function useAge(): (from: string | Date, to: string | Date) => string {
  const { t, plural } = useI18n();
  return (from, to) => {
    const parts = ageParts(calendarAge(new Date(from), new Date(to)));
    const forms = { years: t.ageYears, months: t.ageMonths, days: t.ageDays };
    const words = parts.map((p) => plural(p.n, forms[p.unit]));
    if (words.length === 0) return t.ageToday;
    return words.length === 2 ? t.ageAnd(words[0]!, words[1]!) : words[0]!;
  };
}
