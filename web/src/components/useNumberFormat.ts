import { useMemo } from 'react';
import { useI18n } from '../i18n/index.tsx';

/** Numbers the way the reader's language writes them (0,57 in French). */
export function useNumberFormat(): (value: number | null | undefined, digits?: number, fixed?: boolean) => string {
  const { lang } = useI18n();
  return useMemo(() => {
    const formats = new Map<string, Intl.NumberFormat>();
    return (value, digits = 2, fixed = false) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return '—';
      const key = `${digits}${fixed ? 'f' : ''}`;
      let format = formats.get(key);
      if (!format) {
        format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
          maximumFractionDigits: digits,
          minimumFractionDigits: fixed ? digits : 0,
        });
        formats.set(key, format);
      }
      return format.format(value);
    };
  }, [lang]);
}
