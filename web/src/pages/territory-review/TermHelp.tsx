import { useI18n } from '../../i18n/index.tsx';

/**
 * A MACTOR or network term with its one-line explanation in plain words: shown on hover and
 * focus (title), read by screen readers (aria-describedby-like visually hidden text), printed
 * nowhere (the printed review has its glossary in the hints).
 */
export function Term({ term, help }: { term: string; help: string }) {
  const { t } = useI18n();
  return (
    <span className="term">
      {term}
      <span className="term-help no-print" title={help} tabIndex={0} role="img" aria-label={`${t.termHelp} ${help}`}>
        ?
      </span>
    </span>
  );
}
