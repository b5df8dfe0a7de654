import { isoDay } from '@trame/graph/model';
import { useI18n } from '../i18n/index.tsx';

export interface MilestoneItem {
  id: string;
  name: string;
  date: string;
}

export interface TimelineBarProps {
  /** First day of the project (YYYY-MM-DD). */
  start: string;
  /** The date shown, or null for today (editable map). */
  date: string | null;
  milestones: MilestoneItem[];
  compare: { from: string; to: string } | null;
  compareSummary: string | null;
  onDate(date: string | null): void;
  onCompare(compare: { from: string; to: string } | null): void;
}

const DAY = 86_400_000;
const toDay = (ms: number) => isoDay(new Date(ms));

/** The time axis: a slider from the project's start to today, its milestones, and comparison. */
export function TimelineBar(props: TimelineBarProps) {
  const { t, formatDate } = useI18n();
  const start = new Date(`${props.start}T00:00:00Z`).getTime();
  const end = new Date(`${toDay(Date.now())}T00:00:00Z`).getTime();
  const span = Math.max(DAY, end - start);
  const current = props.date ? new Date(`${props.date}T00:00:00Z`).getTime() : end;
  const percent = (ms: number) => `${Math.min(100, Math.max(0, ((ms - start) / span) * 100))}%`;
  const sorted = [...props.milestones].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <section className="timeline" aria-label={t.milestones}>
      <div className="timeline-track">
        <input
          type="range"
          aria-label={t.date}
          min={0}
          max={Math.round(span / DAY)}
          value={Math.round((current - start) / DAY)}
          onChange={(e) => {
            const day = toDay(start + Number(e.target.value) * DAY);
            props.onDate(day === toDay(end) ? null : day);
          }}
        />
        <div className="milestone-marks">
          {sorted.map((m) => (
            <button
              key={m.id}
              type="button"
              className={`milestone-mark${props.date === m.date ? ' active' : ''}`}
              style={{ left: percent(new Date(`${m.date}T00:00:00Z`).getTime()) }}
              title={`${m.name} — ${formatDate(m.date)}`}
              aria-label={`${t.milestones}${t.colon}${m.name}`}
              onClick={() => props.onDate(m.date)}
            />
          ))}
        </div>
      </div>
      <div className="timeline-controls">
        <label>
          {t.date}{' '}
          <input
            type="date"
            value={props.date ?? toDay(end)}
            min={props.start}
            max={toDay(end)}
            onChange={(e) => props.onDate(e.target.value && e.target.value !== toDay(end) ? e.target.value : null)}
          />
        </label>
        <button type="button" onClick={() => props.onDate(null)} disabled={props.date === null && !props.compare}>
          {t.today}
        </button>
        <span className="compare">
          {t.compare}
          {t.colon}
          {t.compareFrom}{' '}
          <select
            aria-label={t.compareFrom}
            value={props.compare?.from ?? ''}
            onChange={(e) => {
              const from = e.target.value;
              const to = props.compare?.to ?? sorted.at(-1)?.id ?? '';
              props.onCompare(from && to ? { from, to } : null);
            }}
          >
            <option value="">{t.compareOff}</option>
            {sorted.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({formatDate(m.date)})
              </option>
            ))}
          </select>{' '}
          {t.compareTo}{' '}
          <select
            aria-label={t.compareTo}
            value={props.compare?.to ?? ''}
            disabled={!props.compare}
            onChange={(e) => props.compare && props.onCompare({ from: props.compare.from, to: e.target.value })}
          >
            {sorted.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({formatDate(m.date)})
              </option>
            ))}
          </select>
          {props.compareSummary && <strong className="compare-summary"> {props.compareSummary}</strong>}
        </span>
      </div>
    </section>
  );
}
