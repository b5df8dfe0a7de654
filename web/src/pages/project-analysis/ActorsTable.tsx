import { quadrants } from '../../analysis/analysis.ts';
import type { MactorData } from '../../api/analysisDocuments.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MactorOrderK } from '../../routes.ts';
import { Section } from '../../components/Section.tsx';
import { useNumberFormat } from '../../components/useNumberFormat.ts';
import { Term } from '../territory-review/TermHelp.tsx';

/** Each actor's influence, dependence, power, mobilisation and ambivalence. */
export function ActorsTable({
  mactor,
  order,
  fileName,
}: {
  mactor: MactorData;
  order: MactorOrderK;
  fileName: (table: string) => (string | null)[];
}) {
  const { t } = useI18n();
  const number = useNumberFormat();
  const o = mactor.orders.find((x) => x.order === order)!;
  const { quadrant } = quadrants(mactor.influence, mactor.dependence);
  const names = {
    dominant: t.quadrantDominant,
    relay: t.quadrantRelay,
    dominated: t.quadrantDominated,
    autonomous: t.quadrantAutonomous,
  };
  const rows = mactor.actors.map((actor, i) => ({
    actor,
    influence: mactor.influence[i] ?? 0,
    dependence: mactor.dependence[i] ?? 0,
    quadrant: names[quadrant[i] ?? 'autonomous'],
    power: mactor.normalisedBalanceOfPower[i] ?? 0,
    // r* is normalised over the actors whose power was assessed; the others are said apart.
    assessed: mactor.powerAssessed[i] ?? true,
    mobilisation: mactor.actorMobilisation[i] ?? 0,
    ambivalence: o.ambivalence[i] ?? null,
  }));
  return (
    <Section
      id="actors"
      title={t.actorsTableTitle}
      hint={t.actorsTableHint(order)}
      csv={{
        name: fileName(t.actorsTableCsv),
        header: [
          t.colActor,
          t.colInfluence,
          t.colDependence,
          t.colQuadrant,
          t.colPower,
          t.colActorMobilisation,
          t.colAmbivalence,
        ],
        rows: () =>
          rows.map((r) => [
            r.actor.label,
            r.influence,
            r.dependence,
            r.quadrant,
            r.assessed ? r.power : t.powerNotAssessedCell,
            r.mobilisation,
            r.ambivalence,
          ]),
      }}
    >
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">{t.colActor}</th>
            <th scope="col" className="num">
              {t.colInfluence}
            </th>
            <th scope="col" className="num">
              {t.colDependence}
            </th>
            <th scope="col">{t.colQuadrant}</th>
            <th scope="col" className="num">
              <Term term={t.colPower} help={t.helpRStar} />
            </th>
            <th scope="col" className="num">
              {t.colActorMobilisation}
            </th>
            <th scope="col" className="num">
              {t.colAmbivalence}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.actor.id}>
              <td>{r.actor.label}</td>
              <td className="num">{number(r.influence, 1)}</td>
              <td className="num">{number(r.dependence, 1)}</td>
              <td>{r.quadrant}</td>
              <td className="num" data-assessed={r.assessed}>
                {r.assessed ? number(r.power, 2) : <span className="muted">{t.powerNotAssessedCell}</span>}
              </td>
              <td className="num">{number(r.mobilisation, 1)}</td>
              <td className="num">{r.ambivalence === null ? '—' : number(r.ambivalence, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
