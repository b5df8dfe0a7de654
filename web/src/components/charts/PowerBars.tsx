import { useI18n } from '../../i18n/index.tsx';
import { powerRanking, type Label } from '../../analysis/analysis.ts';
import { useNumberFormat } from '../useNumberFormat.ts';

/** The balance of power r*, strongest first, against the mean of 1; why it is flat when it is. */
export function PowerBars({ actors, rStar, status }: { actors: Label[]; rStar: number[]; status: string }) {
  const { t } = useI18n();
  const number = useNumberFormat();
  const ranking = powerRanking(actors, rStar);
  const max = Math.max(1, ...ranking.map((r) => r.value));
  const explanation: Record<string, string> = {
    NO_ACTORS: t.powerNoActors,
    SINGLE_ACTOR: t.powerSingleActor,
    NO_INFLUENCE: t.powerNoInfluence,
    NO_NET_INFLUENCE: t.powerNoNetInfluence,
  };
  return (
    <div className="power">
      {status !== 'COMPUTED' && (
        <p className="review-notice" data-testid="power-status">
          {explanation[status] ?? status}
        </p>
      )}
      <ol className="power-bars" style={{ ['--mean' as string]: `${(1 / max) * 100}%` }}>
        {ranking.map(({ actor, value }) => (
          <li key={actor.id} data-actor={actor.id}>
            <span className="power-name">{actor.label}</span>
            <span className="power-track">
              <span className={`power-fill${value >= 1 ? ' above' : ''}`} style={{ width: `${(value / max) * 100}%` }} />
              <span className="power-mean" aria-hidden="true" />
            </span>
            <span className="power-value">{number(value, 2)}</span>
          </li>
        ))}
      </ol>
      <p className="hint small">{t.powerLegend}</p>
    </div>
  );
}
