import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { fr, type Messages } from './fr.ts';
import { ENTITY_LABELS, enumLabel, fieldLabel, type Lang } from './labels.ts';
import type { EntityType } from '@trame/graph/model';

const MESSAGES: Record<Lang, Messages> = { fr: fr as unknown as Messages, en };
const STORAGE_KEY = 'trame.lang';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Messages;
  entity(type: EntityType): string;
  enumLabel(value: string): string;
  field(name: string, modelLabel: string): string;
  /** « 1 septembre 2024 » / « 1 September 2024 » (UTC day). */
  formatDate(iso: string | Date): string;
  /** « 1 sept. 2024 » / « 1 Sept 2024 »: the short form for messages, lists and captions. */
  formatShortDate(iso: string | Date): string;
  /** The number in the language's digits (« 2 975 »). */
  formatNumber(n: number): string;
  /**
   * The form of a counted phrase the language's plural rules pick (Intl.PluralRules), with `{n}`
   * replaced by the formatted number: `plural(3, { one: '{n} ajout', other: '{n} ajouts' })`
   * → « 3 ajouts »; French counts 0 and 1 as `one`.
   */
  plural(n: number, forms: { one: string; other: string }): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'fr'; // French first
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo<I18n>(() => {
    const dateFormat = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const shortDateFormat = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const numberFormat = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');
    const pluralRules = new Intl.PluralRules(lang === 'fr' ? 'fr-FR' : 'en-GB');
    const asDate = (iso: string | Date) => (typeof iso === 'string' ? new Date(iso) : iso);
    return {
      lang,
      setLang: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLangState(next);
      },
      t: MESSAGES[lang],
      entity: (type) => ENTITY_LABELS[type][lang],
      enumLabel: (v) => enumLabel(v, lang),
      field: (name, modelLabel) => fieldLabel(name, modelLabel, lang),
      formatDate: (iso) => dateFormat.format(asDate(iso)),
      formatShortDate: (iso) => shortDateFormat.format(asDate(iso)),
      formatNumber: (n) => numberFormat.format(n),
      plural: (n, forms) => (pluralRules.select(n) === 'one' ? forms.one : forms.other).replaceAll('{n}', numberFormat.format(n)),
    };
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
