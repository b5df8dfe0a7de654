import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { CONFLICT_STATUS_STYLE } from '../../map/style.ts';
import { nextSort, sortBy, type SortState } from '../../analysis/analysis.ts';
import type { Tension } from '../../api/analysisDocuments.ts';
import { mapHref } from '../../routes.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { Empty, Names, Section, names } from '../../components/Section.tsx';
import { useAge } from './useAge.ts';

type TensionSort = 'intensity' | 'age' | 'inStatus';
const OPEN = new Set(['IDENTIFIE', 'MIS_AU_TRAVAIL', 'PERSISTANT']);
export const isOpenTension = (t: Tension) => OPEN.has(t.status);

const SORT_VALUE: Record<TensionSort, (t: Tension) => number> = {
  intensity: (t) => t.intensity,
  age: (t) => t.daysSinceIdentified,
  inStatus: (t) => t.daysInStatus,
};

/** Intensity 1…4 as filled dots, with the number for print and screen readers. */
function Intensity({ value }: { value: number }) {
  return (
    <span className="intensity" title={`${value} / 4`}>
      <span aria-hidden="true">
        {'●'.repeat(Math.max(0, Math.min(4, value)))}
        <span className="intensity-off">{'●'.repeat(Math.max(0, 4 - value))}</span>
      </span>{' '}
      <span className="intensity-value">{value}</span>
    </span>
  );
}

export function StatusChip({ status }: { status: string }) {
  const { enumLabel } = useI18n();
  const style = CONFLICT_STATUS_STYLE[status];
  return (
    <span className={`status-chip status-${status.toLowerCase()}`}>
      <span
        className="status-swatch"
        aria-hidden="true"
        style={{ borderColor: style?.color ?? '#999', borderStyle: style?.style ?? 'solid' }}
      />
      {enumLabel(status)}
    </span>
  );
}

export function TensionsTable({
  tensions,
  date,
  asOf,
  fileName,
}: {
  tensions: Tension[];
  date: string | null;
  /** The review's instant: ages are counted up to it. */
  asOf: string;
  fileName: (table: string) => (string | null)[];
}) {
  const { t, enumLabel, formatDate } = useI18n();
  const age = useAge();
  const [sort, setSort] = useState<SortState<TensionSort> | null>(null);
  const [openOnly, setOpenOnly] = useState(false);
  const rows = useMemo(() => {
    const shown = openOnly ? tensions.filter(isOpenTension) : tensions;
    return sort ? sortBy(shown, SORT_VALUE[sort.key], sort.direction) : shown;
  }, [tensions, sort, openOnly]);

  const header = (key: TensionSort, label: string) => (
    <th scope="col" className="num sortable" aria-sort={sort?.key === key ? sort.direction : 'none'}>
      <button type="button" onClick={() => setSort((s) => nextSort(s, key))} title={t.sortHint}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {sort?.key === key ? (sort.direction === 'descending' ? ' ▼' : ' ▲') : ' ↕'}
        </span>
      </button>
    </th>
  );

  return (
    <Section
      id="tensions"
      title={t.tensionsTitle}
      hint={
        <>
          {t.tensionsHint} <span className="no-print">{t.tensionsHowTo}</span>
        </>
      }
      csv={{
        name: fileName(t.tensionsTitle),
        header: [
          t.colConflict,
          t.colProject,
          t.colIntensity,
          t.colStatus,
          t.colIdentifiedAt,
          t.colAge,
          t.colStatusSince,
          t.colInStatus,
          t.colActors,
        ],
        rows: () =>
          rows.map((r) => [
            r.conflict.label,
            r.project.label,
            r.intensity,
            enumLabel(r.status),
            r.identifiedAt.slice(0, 10),
            r.daysSinceIdentified,
            r.statusSince.slice(0, 10),
            r.daysInStatus,
            names(r.actors),
          ]),
      }}
      actions={
        <label className="toggle">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> {t.openOnly}
        </label>
      }
    >
      {rows.length === 0 ? (
        <Empty>{openOnly && tensions.length > 0 ? t.noOpenTensions : t.noTensions}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="review-table tensions-table">
            <caption className="visually-hidden">{t.tensionsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.colConflict}</th>
                <th scope="col">{t.colProject}</th>
                {header('intensity', t.colIntensity)}
                <th scope="col">{t.colStatus}</th>
                {header('age', t.colAge)}
                {header('inStatus', t.colInStatus)}
                <th scope="col">{t.colActors}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.conflict.id} data-conflict={r.conflict.id} className={isOpenTension(r) ? 'open' : 'closed'}>
                  <td className="conflict-cell">
                    {r.objectives.length === 2 ? (
                      <>
                        {r.objectives[0]!.label} <span className="versus">↔</span> {r.objectives[1]!.label}
                      </>
                    ) : (
                      r.conflict.label
                    )}
                  </td>
                  <td>
                    <AppLink href={mapHref(r.project.id, date)} label={`${t.openMap} : ${r.project.label}`}>
                      {r.project.label}
                    </AppLink>
                  </td>
                  <td className="num">
                    <Intensity value={r.intensity} />
                  </td>
                  <td>
                    <StatusChip status={r.status} />
                  </td>
                  <td className="num">
                    <span className="age">{age(r.identifiedAt, asOf)}</span>
                    <small>
                      {t.since} {formatDate(r.identifiedAt)}
                    </small>
                  </td>
                  <td className="num">
                    <span className="age">{age(r.statusSince, asOf)}</span>
                    <small>
                      {t.since} {formatDate(r.statusSince)}
                    </small>
                  </td>
                  <td className="names-cell">
                    <Names labels={r.actors} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
