import type { LoadTimelineData } from '../../api/analysisDocuments.ts';
import { TableSection } from './ReviewSections.tsx';
import { useI18n } from '../../i18n/index.tsx';

type FileName = (table: string) => (string | null)[];

/** The heat steps: 0, 1, 2, 3 or more demanding projects at once. */
const HEAT_STEPS = 3;

/**
 * The engagement load over time: one row per actor engaged in several projects, one cell per
 * quarter end with the number of projects and, as the cell's shade, how many of them the actor
 * cooperates in or leads (the exhaustion risk).
 */
export function LoadTimelineSection({ timeline, fileName }: { timeline: LoadTimelineData; fileName: FileName }) {
  const { t, plural, formatShortDate, enumLabel } = useI18n();
  const quarterName = (q: LoadTimelineData['quarters'][number]) =>
    q.partial ? `${t.quarter(q.year, q.quarter)} (${t.quarterPartial(formatShortDate(q.at))})` : t.quarter(q.year, q.quarter);
  return (
    <TableSection
      id="load-timeline"
      title={t.loadTimelineTitle}
      hint={t.loadTimelineHint}
      fileName={() => fileName(t.loadTimelineCsv)}
      header={[t.colActor, ...timeline.quarters.map(quarterName)]}
      rows={() =>
        timeline.rows.map((r) => [
          r.actor.label,
          ...r.cells.map((c) =>
            c.projects.length === 0 ? '' : `${c.projects.length} (${c.demanding})${c.level ? ` ${enumLabel(c.level)}` : ''}`,
          ),
        ])
      }
      empty={timeline.rows.length === 0 ? t.noLoadTimeline : null}
    >
      <div className="load-timeline-wrap">
        <table className="review-table load-timeline">
          <thead>
            <tr>
              <th scope="col">{t.colActor}</th>
              {timeline.quarters.map((q) => (
                <th key={q.at} scope="col" className="quarter">
                  {t.quarter(q.year, q.quarter)}
                  {q.partial && <small>{t.quarterPartial(formatShortDate(q.at))}</small>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {timeline.rows.map((r) => (
              <tr key={r.actor.id} data-actor={r.actor.id}>
                <th scope="row">{r.actor.label}</th>
                {r.cells.map((c, i) => {
                  const q = timeline.quarters[i]!;
                  const projects = c.projects.length === 0 ? t.loadNone : plural(c.projects.length, t.loadProjects);
                  const demanding = c.demanding > 0 ? `, ${plural(c.demanding, t.loadDemanding)}` : '';
                  const label = t.loadCellLabel(
                    r.actor.label,
                    quarterName(q),
                    projects + demanding,
                    c.level ? enumLabel(c.level) : '',
                    c.projects.map((p) => p.label).join(', '),
                  );
                  return (
                    <td
                      key={q.at}
                      className={`load-cell heat-${Math.min(c.demanding, HEAT_STEPS)}`}
                      title={label}
                      aria-label={label}
                      data-projects={c.projects.length}
                      data-demanding={c.demanding}
                    >
                      {c.projects.length > 0 ? (
                        <>
                          <strong>{c.projects.length}</strong>
                          {c.demanding > 0 && <small> ({c.demanding})</small>}
                        </>
                      ) : (
                        <span className="muted">·</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="load-scale hint small">
        {t.loadScale}{' '}
        {[0, 1, 2, 3].map((n) => (
          <span key={n} className={`load-cell heat-${n} load-swatch`}>
            {n === HEAT_STEPS ? `${n}+` : n}
          </span>
        ))}{' '}
        — {t.colQuarterLoad}
      </p>
    </TableSection>
  );
}
