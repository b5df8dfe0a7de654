import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { ECOSYSTEM_COLORS } from '../../map/style.ts';
import type { DiffSummary, Label } from '../../analysis/analysis.ts';
import type { ReviewAnalysis } from '../../api/analysisDocuments.ts';
import { analysisHref, mapHref } from '../../routes.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Empty, ExportCsvButton, Names, Section, names } from '../../components/Section.tsx';
import type { CsvCell } from '../../export/csv.ts';
import { useNumberFormat } from '../../components/useNumberFormat.ts';
import { Term } from './TermHelp.tsx';

type FileName = (table: string) => (string | null)[];

/**
 * The shape of the review's table sections: a titled section with its hint and its CSV export
 * (named after the title), holding `children` — or, when `empty` is given, those words instead.
 */
export function TableSection(props: {
  id: string;
  title: string;
  hint: ReactNode;
  className?: string;
  fileName: FileName;
  header: string[];
  rows: () => CsvCell[][];
  /** The words shown in place of the table when it has no row; null when it has some. */
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <Section
      id={props.id}
      title={props.title}
      hint={props.hint}
      className={props.className}
      csv={{ name: props.fileName(props.title), header: props.header, rows: props.rows }}
    >
      {props.empty !== null ? <Empty>{props.empty}</Empty> : props.children}
    </Section>
  );
}

export function DivergencesTable({ rows, fileName }: { rows: ReviewAnalysis['unworkedDivergences']; fileName: FileName }) {
  const { t } = useI18n();
  const number = useNumberFormat();
  const max = Math.max(0, ...rows.map((r) => r.divergence));
  return (
    <TableSection
      id="divergences"
      title={t.divergencesTitle}
      hint={t.divergencesHint}
      fileName={fileName}
      header={[t.colActorA, t.colActorB, t.col2DAA, t.col2CAA]}
      rows={() => rows.map((r) => [r.a.label, r.b.label, r.divergence, r.convergence])}
      empty={rows.length === 0 ? t.noDivergences : null}
    >
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">{t.colPair}</th>
            <th scope="col" className="num">
              <Term term={t.col2DAA} help={t.help2DAA} />
            </th>
            <th scope="col" className="num">
              <Term term={t.col2CAA} help={t.help2CAA} />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.a.id}~${r.b.id}`}>
              <td>
                {r.a.label} <span className="versus">↔</span> {r.b.label}
              </td>
              <td className="num">
                <Bar value={r.divergence} max={max} tone="divergence" text={number(r.divergence, 1)} />
              </td>
              <td className="num">{number(r.convergence, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableSection>
  );
}

/** A value with a small bar behind it, for tables that compare magnitudes. */
export function Bar({
  value,
  max,
  tone,
  text,
}: {
  value: number;
  max: number;
  tone: 'convergence' | 'divergence' | 'neutral';
  text: string;
}) {
  const width = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <span className={`value-bar ${tone}`}>
      <span className="value-bar-fill" style={{ width: `${width}%` }} aria-hidden="true" />
      <span className="value-bar-text">{text}</span>
    </span>
  );
}

export function CoalitionsSection({ analysis, fileName }: { analysis: ReviewAnalysis; fileName: FileName }) {
  const { t, plural } = useI18n();
  const number = useNumberFormat();
  const { communities: all, modularity } = analysis.coalitions;
  // A « coalition » of one actor is an actor that converges with nobody: listed apart.
  const communities = all.filter((c) => c.members.length > 1);
  const lone = all.filter((c) => c.members.length === 1).flatMap((c) => c.members);
  // Real coalitions are numbered 1, 2, … in their order; a lone actor's « coalition » has no number.
  const numbers = new Map(communities.map((c, i) => [c.id, i + 1]));
  const coalitionName = (id: number | null) => {
    if (id === null) return '—';
    const n = numbers.get(id);
    return n === undefined ? t.loneActorsTitle : t.coalition(n);
  };
  const reading = modularity >= 0.5 ? t.modularityStrong : modularity >= 0.3 ? t.modularityClear : t.modularityWeak;
  const members = new Map(communities.map((c) => [c.id, new Set(c.members.map((m) => m.id))]));
  return (
    <Section id="coalitions" title={t.coalitionsTitle} hint={t.coalitionsHint}>
      <div className="review-subhead">
        <h3>{t.coalitionsDetected}</h3>
        <p className="modularity">
          <Term term={t.modularity} help={t.helpModularity} /> <strong>{number(modularity, 2, true)}</strong> — {reading}
        </p>
        <span className="no-print">
          <ExportCsvButton
            csv={{
              name: fileName(t.coalitionsDetected),
              header: [t.colCoalition, t.colActor],
              rows: () => all.flatMap((c) => c.members.map((m) => [coalitionName(c.id), m.label])),
            }}
            what={t.coalitionsDetected}
          />
        </span>
      </div>
      {communities.length === 0 ? (
        <Empty>{all.length === 0 ? t.noCoalitions : t.noRealCoalitions}</Empty>
      ) : (
        <ol className="coalitions">
          {communities.map((c, i) => (
            <li
              key={c.id}
              className="coalition-card"
              data-coalition={c.id}
              style={{ ['--c' as string]: ECOSYSTEM_COLORS[i % ECOSYSTEM_COLORS.length] }}
            >
              <h4>
                {coalitionName(c.id)} <small>· {t.actorCount(c.members.length)}</small>
              </h4>
              <ul>
                {c.members.map((m) => (
                  <li key={m.id}>{m.label}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {lone.length > 0 && (
        <div className="lone-actors" data-lone={lone.length}>
          <h3>
            {t.loneActorsTitle} <small>· {plural(lone.length, t.loneActorsCount)}</small>
          </h3>
          <p className="hint small">{t.loneActorsHint}</p>
          <p className="lone-actors-names">
            <Names labels={lone} />
          </p>
        </div>
      )}
      <div className="review-subhead">
        <h3>{t.ecosystemsDeclared}</h3>
        <span className="no-print">
          <ExportCsvButton
            csv={{
              name: fileName(t.ecosystemsDeclared),
              header: [t.colEcosystem, t.colCoalition, t.colJaccard, t.colAdd, t.colRemove],
              rows: () =>
                analysis.ecosystems.map((e) => [
                  e.ecosystem.label,
                  coalitionName(e.coalition),
                  e.jaccard,
                  names(e.add),
                  names(e.remove),
                ]),
            }}
            what={t.ecosystemsDeclared}
          />
        </span>
      </div>
      {analysis.ecosystems.length === 0 ? (
        <Empty>{t.noEcosystems}</Empty>
      ) : (
        <table className="review-table ecosystems-table">
          <thead>
            <tr>
              <th scope="col">{t.colEcosystem}</th>
              <th scope="col">{t.colCoalition}</th>
              <th scope="col" className="num">
                <Term term={t.colJaccard} help={t.helpJaccard} />
              </th>
              <th scope="col">{t.colAdd}</th>
              <th scope="col">{t.colRemove}</th>
            </tr>
          </thead>
          <tbody>
            {analysis.ecosystems.map((e) => (
              <tr key={e.ecosystem.id} data-ecosystem={e.ecosystem.id} data-jaccard={e.jaccard ?? ''}>
                <th scope="row">{e.ecosystem.label}</th>
                <td>
                  {e.coalition === null ? (
                    <span className="muted">{t.noMatch}</span>
                  ) : (
                    <>
                      {coalitionName(e.coalition)}{' '}
                      <small className="muted">({t.actorCount(members.get(e.coalition)?.size ?? 0)})</small>
                    </>
                  )}
                </td>
                <td className="num">
                  {e.jaccard === null ? (
                    '—'
                  ) : (
                    <Bar value={e.jaccard} max={1} tone="convergence" text={number(e.jaccard, 2, true)} />
                  )}
                </td>
                <td className="names-cell add">
                  {e.add.length ? <Names labels={e.add} /> : <span className="muted">{t.nobody}</span>}
                </td>
                <td className="names-cell remove">
                  {e.remove.length ? <Names labels={e.remove} /> : <span className="muted">{t.nobody}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function BrokersTable({ rows, fileName }: { rows: ReviewAnalysis['brokers']; fileName: FileName }) {
  const { t } = useI18n();
  const number = useNumberFormat();
  const shown = rows.filter((r) => r.betweenness > 0);
  const max = Math.max(0, ...shown.map((r) => r.betweenness));
  return (
    <TableSection
      id="brokers"
      title={t.brokersTitle}
      hint={t.brokersHint}
      fileName={fileName}
      header={[t.colActor, t.colBetweenness]}
      rows={() => rows.map((r) => [r.actor.label, r.betweenness])}
      empty={shown.length === 0 ? t.noBrokers : null}
    >
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">{t.colActor}</th>
            <th scope="col" className="num">
              <Term term={t.colBetweenness} help={t.helpBetweenness} />
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.actor.id}>
              <td>{r.actor.label}</td>
              <td className="num">
                <Bar value={r.betweenness} max={max} tone="neutral" text={number(r.betweenness, 2, true)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <p className="hint small">{t.brokersOthers(rows.length - shown.length)}</p>}
    </TableSection>
  );
}

export function LoadTable({
  rows,
  date,
  fileName,
}: {
  rows: ReviewAnalysis['engagementLoad'];
  date: string | null;
  fileName: FileName;
}) {
  const { t } = useI18n();
  return (
    <TableSection
      id="load"
      title={t.loadTitle}
      hint={t.loadHint}
      className={rows.length > 0 ? 'warn' : ''}
      fileName={fileName}
      header={[t.colActor, t.colCount, t.colProjects]}
      rows={() => rows.map((r) => [r.actor.label, r.count, names(r.projects)])}
      empty={rows.length === 0 ? t.noLoad : null}
    >
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">{t.colActor}</th>
            <th scope="col" className="num">
              {t.colCount}
            </th>
            <th scope="col">{t.colProjects}</th>
          </tr>
        </thead>
        <tbody>
          {[...rows]
            .sort((a, b) => b.count - a.count)
            .map((r) => (
              <tr key={r.actor.id} className={r.count >= 3 ? 'alert' : ''}>
                <td>{r.actor.label}</td>
                <td className="num">
                  <strong>{r.count}</strong>
                </td>
                <td>
                  <ProjectLinks projects={r.projects} date={date} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </TableSection>
  );
}

function ProjectLinks({ projects, date }: { projects: Label[]; date: string | null }) {
  return (
    <>
      {projects.map((p, i) => (
        <span key={p.id}>
          {i > 0 && ', '}
          <AppLink href={mapHref(p.id, date)}>{p.label}</AppLink>
        </span>
      ))}
    </>
  );
}

export function ExternalitiesTable({ rows, fileName }: { rows: ReviewAnalysis['externalities']; fileName: FileName }) {
  const { t, enumLabel } = useI18n();
  return (
    <TableSection
      id="externalities"
      title={t.externalitiesTitle}
      hint={t.externalitiesHint}
      fileName={fileName}
      header={[t.colExternality, t.colProject, t.colSign, t.colAffected, t.colNotInvolved]}
      rows={() =>
        rows.map((r) => [r.externality.label, r.project.label, enumLabel(r.sign), names(r.affected), names(r.notInvolved)])
      }
      empty={rows.length === 0 ? t.noExternalities : null}
    >
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">{t.colExternality}</th>
            <th scope="col">{t.colProject}</th>
            <th scope="col">{t.colSign}</th>
            <th scope="col">{t.colAffected}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.externality.id}>
              <td>{r.externality.label}</td>
              <td>{r.project.label}</td>
              <td>
                <span className={`sign sign-${r.sign.toLowerCase()}`}>
                  {r.sign === 'POSITIVE' ? '+' : '−'} {enumLabel(r.sign)}
                </span>
              </td>
              <td className="names-cell">
                <Names labels={r.affected} strong={new Set(r.notInvolved.map((a) => a.id))} />
                {r.notInvolved.length > 0 && <small className="not-involved">{t.notInvolvedCount(r.notInvolved.length)}</small>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableSection>
  );
}

export function ProgressSection(props: {
  progress: {
    project: Label;
    summary: DiffSummary;
    /** The same comparison as the map's « chemin parcouru » (ProjectProgress.path): the card's counts. */
    path: { sections: { key: string; lines: unknown[] }[]; totals: { added: number; ended: number; changed: number } };
  }[];
  sinceLabel: string | null;
  date: string | null;
  controls: ReactNode;
  notice: string | null;
  fileName: FileName;
}) {
  const { t, plural } = useI18n();
  const fields = [
    'actorsJoined',
    'actorsLeft',
    'engagementGained',
    'engagementLost',
    'cooperationsNew',
    'conflictsNew',
    'conflictsArbitrated',
    'conflictsDepasses',
    'externalitiesInternalised',
    'leaps',
    'positionsMoved',
    'added',
    'changed',
    'ended',
  ] as const;
  return (
    <Section
      id="progress"
      title={t.progressTitle}
      hint={props.sinceLabel ? t.progressSinceHint(props.sinceLabel) : t.progressHint}
      actions={props.controls}
      csv={{
        name: props.fileName(t.progressTitle),
        header: [t.colProject, ...fields.map((f) => t.progressColumn(f))],
        rows: () => props.progress.map((p) => [p.project.label, ...fields.map((f) => p.summary[f])]),
      }}
    >
      {props.notice && <p className="review-notice">{props.notice}</p>}
      {props.progress.length === 0 ? (
        <Empty>{props.sinceLabel ? t.progressNoProject : t.progressNoMilestone}</Empty>
      ) : (
        <div className="progress-grid">
          {props.progress.map((p) => {
            // The sections of « le chemin parcouru »: every added, changed or ended element is on
            // one of them, so « nothing changed » and the totals below always agree.
            const items = p.path.sections;
            return (
              <article key={p.project.id} className="progress-card" data-project={p.project.id}>
                <h3>{p.project.label}</h3>
                <p className="progress-links no-print">
                  <AppLink href={mapHref(p.project.id, props.date)}>{t.openMap}</AppLink> ·{' '}
                  <AppLink href={analysisHref(p.project.id, { date: props.date })}>{t.analysisLink}</AppLink>
                </p>
                {items.length === 0 ? (
                  <p className="muted">{t.progressNothing}</p>
                ) : (
                  <ul className="progress-list">
                    {items.map((section) => (
                      <li key={section.key} className={`progress-${section.key}`}>
                        {t.pathCount(section.key, section.lines.length, plural)}
                      </li>
                    ))}
                  </ul>
                )}
                <p className="hint small">
                  {t.pathTotals(p.path.totals.added, p.path.totals.changed, p.path.totals.ended, plural)}
                </p>
              </article>
            );
          })}
        </div>
      )}
    </Section>
  );
}
