import { useI18n } from '../../i18n/index.tsx';

/**
 * A MACTOR or network term with its one-line explanation in plain words: shown on hover
 * (title), named for screen readers (aria-label); not printed (the printed review has the
 * glossary, open).
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
 * termes ? »): folded on screen; in print, open and compact (a closed <details> prints its
 * summary only, so print has its own copy of the list).
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
  const list = (
    <ul>
      {terms.map((term) => (
        <li key={term} data-term={term}>
          {help[term]}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <details className="glossary no-print">
        <summary>{t.glossaryTitle}</summary>
        {list}
      </details>
      <section className="glossary glossary-print print-only" aria-label={t.glossaryTitle}>
        <h3>{t.glossaryTitle}</h3>
        {list}
      </section>
    </>
  );
}
