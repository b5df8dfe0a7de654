import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { endProjection, setProjection, type ProjectionState } from '../../live/projection.ts';

export interface FacilitatorMilestone {
  id: string;
  name: string;
  /** YYYY-MM-DD */
  date: string;
}

/** Laid out here, not in styles.css: in the editor's header, right of its links (one button until it drives). */
const BAR_STYLE = { display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center', marginLeft: 'auto' } as const;

const NOTHING: ProjectionState = { milestoneId: null, date: null, focusId: null };

/**
 * The facilitator's control bar in the editor (issue 14 part 5): start a projection session,
 * step through the milestones, pick a date, put the selected actor forward — every wall of the
 * project follows live (useProjectionFollow), while the facilitator keeps editing.
 * `selected`: the entity shown in the side panel (its id and name), or null.
 */
export function FacilitatorBar({
  projectId,
  milestones,
  selected,
}: {
  projectId: string;
  milestones: FacilitatorMilestone[];
  selected: { id: string; name: string; isActor: boolean } | null;
}) {
  const { t, formatDate } = useI18n();
  const [active, setActive] = useState(false);
  const [state, setState] = useState<ProjectionState>(NOTHING);
  const [focusName, setFocusName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const sorted = [...milestones].sort((a, b) => a.date.localeCompare(b.date));
  const index = sorted.findIndex((m) => m.id === state.milestoneId);

  const send = async (next: ProjectionState) => {
    setState(next);
    try {
      await setProjection(projectId, next);
      setActive(true);
      setProblem(null);
    } catch (error) {
      setProblem(t.liveFailed(error instanceof ApiError ? error.message : String(error)));
    }
  };
  const step = (delta: number) => {
    const target = sorted[index < 0 ? (delta > 0 ? 0 : sorted.length - 1) : index + delta];
    if (target) void send({ ...state, milestoneId: target.id, date: target.date });
  };
  const stop = async () => {
    setActive(false);
    setState(NOTHING);
    setFocusName(null);
    await endProjection(projectId).catch(() => undefined);
  };

  if (!active) {
    return (
      <section className="facilitator-bar" aria-label={t.liveBarLabel} style={BAR_STYLE}>
        <button type="button" onClick={() => void send(NOTHING)} title={t.liveDriveHint}>
          {t.liveDrive}
        </button>
        {problem && <span role="alert">{problem}</span>}
      </section>
    );
  }
  const current = index >= 0 ? sorted[index]! : null;
  return (
    <section className="facilitator-bar" aria-label={t.liveBarLabel} style={BAR_STYLE}>
      <strong>{t.liveDriving}</strong>
      <button type="button" onClick={() => step(-1)} disabled={sorted.length === 0 || index === 0}>
        {t.livePrevious}
      </button>
      <span className="facilitator-step" aria-live="polite">
        {current ? t.liveStep(current.name, formatDate(current.date)) : state.date ? formatDate(state.date) : t.liveNoMilestone}
      </span>
      <button type="button" onClick={() => step(1)} disabled={sorted.length === 0 || index === sorted.length - 1}>
        {t.liveNext}
      </button>
      <label>
        {t.liveDate}{' '}
        <input
          type="date"
          value={state.date ?? ''}
          onChange={(event) => void send({ ...state, milestoneId: null, date: event.target.value || null })}
        />
      </label>
      {selected?.isActor && selected.id !== state.focusId ? (
        <button
          type="button"
          onClick={() => {
            setFocusName(selected.name);
            void send({ ...state, focusId: selected.id });
          }}
        >
          {t.liveFocus(selected.name)}
        </button>
      ) : state.focusId ? (
        <button
          type="button"
          onClick={() => {
            setFocusName(null);
            void send({ ...state, focusId: null });
          }}
        >
          {t.liveClearFocus}
        </button>
      ) : (
        <span className="hint">{t.liveFocusNone}</span>
      )}
      {state.focusId && focusName && <span>{t.liveFocused(focusName)}</span>}
      <button type="button" onClick={() => void stop()}>
        {t.liveStop}
      </button>
      {problem && <span role="alert">{problem}</span>}
    </section>
  );
}
