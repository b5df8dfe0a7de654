import { today } from '@trame/graph/model';
import { useI18n } from '../i18n/index.tsx';

/** The date control shared by the review pages: a day, or today. */
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
