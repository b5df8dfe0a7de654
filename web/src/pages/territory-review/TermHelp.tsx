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

/**
 * The MACTOR and network terms of the page in plain words, one line each (« Que veulent dire ces
 * termes ? »), folded by default.
 */
export function Glossary({
  terms,
}: {
  terms: ('2CAA' | '2DAA' | 'r*' | 'MID' | 'MIDI' | 'MAO' | '3MAO' | 'betweenness' | 'modularity')[];
}) {
  const { t } = useI18n();
  const help = {
    '2CAA': t.help2CAA,
    '2DAA': t.help2DAA,
    'r*': t.helpRStar,
    MID: t.helpMID,
    MIDI: t.helpMIDI,
    MAO: t.helpMAO,
    '3MAO': t.help3MAO,
    betweenness: t.helpBetweenness,
    modularity: t.helpModularity,
  };
  return (
    <details className="glossary no-print">
      <summary>{t.glossaryTitle}</summary>
      <ul>
        {terms.map((term) => (
          <li key={term} data-term={term}>
            {help[term]}
          </li>
        ))}
      </ul>
    </details>
  );
}
