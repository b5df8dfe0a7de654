import { strongestPair } from '../../analysis/analysis.ts';
import type { MactorData } from '../../api/analysisDocuments.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MactorOrderK } from '../../routes.ts';
import { useNumberFormat } from '../../components/useNumberFormat.ts';

/** The analysis's figures at a glance: convergence, counts, the strongest pairs. */
export function KeyFigures({ mactor, order }: { mactor: MactorData; order: MactorOrderK }) {
  const { t } = useI18n();
  const number = useNumberFormat();
  const o = mactor.orders.find((x) => x.order === order);
  const strongestC = o ? strongestPair(mactor.actors, o.caa.values) : null;
  const strongestD = o ? strongestPair(mactor.actors, o.daa.values) : null;
  return (
    <ul className="key-figures" aria-label={t.keyFigures}>
      <li>
        <strong>{o?.degreeOfConvergence === null || !o ? '—' : `${number(o.degreeOfConvergence, 0)} %`}</strong>{' '}
        {t.keyConvergence}
      </li>
      <li>
        <strong>{mactor.actors.length}</strong> {t.keyActors(mactor.actors.length)} · <strong>{mactor.objectives.length}</strong>{' '}
        {t.keyObjectives(mactor.objectives.length)}
      </li>
      <li className="wide">
        <span className="muted">{t.keyStrongestConvergence}</span>{' '}
        {strongestC ? `${strongestC.a.label} ↔ ${strongestC.b.label}` : '—'}
      </li>
      <li className={`wide${strongestD ? ' alert' : ''}`}>
        <span className="muted">{t.keyStrongestDivergence}</span>{' '}
        {strongestD ? `${strongestD.a.label} ↔ ${strongestD.b.label}` : '—'}
      </li>
    </ul>
  );
}
