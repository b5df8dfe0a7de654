import type { ReactNode } from 'react';
import type { Label } from '../analysis/analysis.ts';
import { csvFileName, toCsv, type CsvCell } from '../export/csv.ts';
import { download } from '../export/download.ts';
import { useI18n } from '../i18n/index.tsx';

export interface CsvExport {
  /** Parts of the file name: page, place, table, date. */
  name: (string | null | undefined)[];
  header: string[];
  rows: () => CsvCell[][];
}

export function ExportCsvButton({ csv, what }: { csv: CsvExport; what: string }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="export-csv no-print"
      title={`${t.exportCsv} — ${what}`}
      onClick={() => download(toCsv(csv.header, csv.rows()), csvFileName(...csv.name))}
    >
      {t.exportCsv}
    </button>
  );
}

/** A titled block of the review; its CSV button sits beside the title. */
export function Section(props: {
  id: string;
  title: string;
  hint?: ReactNode;
  csv?: CsvExport;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={`review-section ${props.className ?? ''}`} aria-labelledby={`${props.id}-title`}>
      <div className="review-section-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        <div className="review-section-actions no-print">
          {props.actions}
          {props.csv && <ExportCsvButton csv={props.csv} what={props.title} />}
        </div>
      </div>
      {props.hint && <p className="hint review-hint">{props.hint}</p>}
      {props.children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="review-empty">{children}</p>;
}

/** Names, comma-separated; some in bold. */
export function Names({ labels, strong }: { labels: Label[]; strong?: Set<string> }) {
  if (labels.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {labels.map((l, i) => (
        <span key={l.id}>
          {i > 0 && ', '}
          {strong?.has(l.id) ? <strong>{l.label}</strong> : l.label}
        </span>
      ))}
    </>
  );
}

export const names = (labels: Label[]) => labels.map((l) => l.label).join(', ');
