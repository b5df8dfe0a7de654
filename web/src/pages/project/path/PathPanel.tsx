import type { ProjectDiffQuery } from '../../../generated/graphql.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { lineValues } from './pathWords.ts';
import './path.css';

export type PathSummaryData = ProjectDiffQuery['projectDiff']['path'];

export interface PathPanelProps {
  path: PathSummaryData;
  /** The two moments compared, as milestones' names and days (YYYY-MM-DD). */
  from: { name: string; date: string } | null;
  to: { name: string; date: string } | null;
  /** Centre the map on an element (a node or edge id) without leaving the panel. */
  onFocus(focusId: string): void;
}

/**
 * « Le chemin parcouru »: the comparison of two milestones as sections of lines (who joined and
 * left, engagement up and down, positions, conflicts by status, externalities, leaps,
 * cooperations, the rest), each naming its element by label, saying from → to in words, and
 * centring the map on it when clicked. The summary is the server's (ProjectDiff.path).
 */
export function PathPanel({ path, from, to, onFocus }: PathPanelProps) {
  const i18n = useI18n();
  const { t, formatShortDate, plural } = i18n;
  return (
    <section className="path-panel" aria-labelledby="path-title">
      <h2 id="path-title">{t.pathTitle}</h2>
      {from && to && (
        <p className="path-between">{t.pathBetween(formatShortDate(from.date), from.name, formatShortDate(to.date), to.name)}</p>
      )}
      {path.sections.length === 0 ? (
        <p className="hint">{t.pathNothing}</p>
      ) : (
        path.sections.map((section) => (
          <section key={section.key} className={`path-section path-${section.key}`} aria-label={t.pathSection(section.key)}>
            <h3>
              {t.pathSection(section.key)} <span className="path-count">{i18n.formatNumber(section.lines.length)}</span>
            </h3>
            <ul>
              {section.lines.map((line) => {
                const values = lineValues(line, section.key, i18n);
                const content = (
                  <>
                    <span className="path-label">{line.label}</span>
                    {values && <span className="path-values">{values}</span>}
                  </>
                );
                return (
                  <li key={`${line.entityId}-${line.change}`} data-entity={line.entityId}>
                    {line.focusId ? (
                      <button
                        type="button"
                        className={`path-line${line.change === 'ENDED' ? ' ended' : ''}`}
                        title={t.pathFocus(line.label)}
                        onClick={() => onFocus(line.focusId!)}
                      >
                        {content}
                      </button>
                    ) : (
                      <span className="path-line static">{content}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
      <p className="hint small path-totals">{t.pathTotals(path.totals.added, path.totals.changed, path.totals.ended, plural)}</p>
    </section>
  );
}
