import { useMemo, type ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';
import type { Label } from './analysis.ts';
import { csvFileName, toCsv, type CsvCell } from './csv.ts';

/** Today, YYYY-MM-DD (UTC, as the API reads bare dates). */
export const today = () => new Date().toISOString().slice(0, 10);

/** The date control shared by both pages: a day, or today. */
export function DateControl({ date, min, onChange }: { date: string | null; min?: string; onChange(date: string | null): void }) {
  const { t } = useI18n();
  const now = today();
  return (
    <span className="date-control">
      <label>
        {t.reviewDate}{' '}
        <input
          type="date"
          value={date ?? now}
          min={min}
          max={now}
          onChange={(e) => {
            const value = e.target.value;
            if (!value) return;
            onChange(value >= now ? null : value);
          }}
        />
      </label>
      <button type="button" onClick={() => onChange(null)} disabled={date === null}>
        {t.today}
      </button>
    </span>
  );
}

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
        format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 });
        formats.set(key, format);
      }
      return format.format(value);
    };
  }, [lang]);
}

/** A link inside the app: a real href (copy, open in a new tab, print) and no page reload. */
export function AppLink({ href, children, className, label }: { href: string; children: ReactNode; className?: string; label?: string }) {
  return (
    <a
      href={href}
      className={className}
      aria-label={label}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(href);
        window.scrollTo(0, 0);
      }}
    >
      {children}
    </a>
  );
}

export function downloadText(text: string, name: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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
      onClick={() => downloadText(toCsv(csv.header, csv.rows()), csvFileName(...csv.name))}
    >
      {t.exportCsv}
    </button>
  );
}

/** A titled block of the review; its CSV button sits beside the title. */
export function Section(props: { id: string; title: string; hint?: ReactNode; csv?: CsvExport; actions?: ReactNode; className?: string; children: ReactNode }) {
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

/** Loading and errors in words: never a blank screen. */
export function Feedback({ loading, error, hasData, onRetry }: { loading: boolean; error: ApiError | null; hasData: boolean; onRetry(): void }) {
  const { t, lang } = useI18n();
  if (error) {
    return (
      <div role="alert" className="review-error">
        <p>
          <strong>{hasData ? t.reviewStale : t.loadError}</strong> — {errorInWords(error, t, lang)}
        </p>
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (loading) {
    return (
      <p className={hasData ? 'review-refreshing no-print' : 'review-loading'} aria-busy="true" role="status">
        <span className="spinner" aria-hidden="true" /> {hasData ? t.reviewRefreshing : t.reviewLoading}
      </p>
    );
  }
  return null;
}

/** The API's messages are French; in English, a translated gist comes first. */
function errorInWords(error: ApiError, t: ReturnType<typeof useI18n>['t'], lang: string): string {
  switch (error.code) {
    case 'NETWORK':
      return t.errorNetwork;
    case 'NOT_FOUND':
      return lang === 'fr' ? error.message : `${t.errorNotFound} (${error.message})`;
    case 'INVALID_RANGE':
      return lang === 'fr' ? error.message : `${t.errorRange} (${error.message})`;
    default:
      return error.message;
  }
}
