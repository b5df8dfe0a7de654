import { useEffect, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

export interface ReviewHeaderProps {
  /** « Revue du territoire », « Analyse du projet ». */
  title: string;
  /** The territory's or the project's name. */
  place: string;
  /** The day read, in words; with `title` and `place` it names the tab (and the printed page). */
  dayLabel: string;
  /** The links above the title (hidden when printed). */
  breadcrumb: ReactNode;
  /** The line under the title: the date, then what the page counts. */
  dateline: ReactNode;
  /** The page's own controls, before the print button. */
  controls: ReactNode;
}

/** The header both review pages share: breadcrumb, title, dateline, controls and print. */
export function ReviewHeader({ title, place, dayLabel, breadcrumb, dateline, controls }: ReviewHeaderProps) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} — ${place} — ${dayLabel}`;
    return () => {
      document.title = 'Trame';
    };
  }, [title, place, dayLabel]);
  return (
    <header className="review-header">
      <nav aria-label={t.breadcrumb} className="breadcrumb no-print">
        {breadcrumb}
      </nav>
      <div className="review-title">
        <h1>
          {title} <span className="review-place">{place}</span>
        </h1>
        <p className="review-dateline">{dateline}</p>
      </div>
      <div className="review-controls no-print" role="toolbar" aria-label={t.reviewControls}>
        {controls}
        <button type="button" className="primary" onClick={() => window.print()}>
          {t.printReview}
        </button>
      </div>
    </header>
  );
}
