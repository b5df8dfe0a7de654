import { useI18n } from '../../i18n/index.tsx';

/**
 * A MACTOR or network term with its one-line explanation in plain words: shown on hover and
 * (title), named for screen readers (aria-label), printed
 * nowhere (the printed review has its glossary in the hints).
 */
export function Term({ term, help }: { term: string; help: string }) {
  const { t } = useI18n();
  return (
    <span className="term">
      {term}
      <span className="term-help no-print" title={help} role="img" aria-label={`${t.termHelp} ${help}`}>
        ?
      </span>
    </span>
  );
}
