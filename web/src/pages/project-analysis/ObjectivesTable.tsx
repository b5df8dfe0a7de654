import type { MactorData } from '../../api/analysisDocuments.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { MactorOrderK } from '../../routes.ts';
import { Empty, Section } from '../../components/Section.tsx';
import { useNumberFormat } from '../../components/useNumberFormat.ts';

/** Agreement, disagreement and mobilisation on each objective. */
export function ObjectivesTable({
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
  const rows = mactor.objectives.map((objective, j) => ({
    objective,
    agreement: o.agreement[j] ?? 0,
    disagreement: o.disagreement[j] ?? 0,
    mobilisation: o.mobilisation[j] ?? 0,
  }));
  const max = Math.max(0, ...rows.map((r) => Math.max(r.agreement, Math.abs(r.disagreement))));
  const title = t.objectivesTitle(order);
  return (
    <Section
      id="objectives"
      title={title}
      hint={t.objectivesHint}
      csv={{
        name: fileName(t.objectivesCsv),
        header: [t.colObjective, t.colAgreement, t.colDisagreement, t.colMobilisation],
        rows: () => rows.map((r) => [r.objective.label, r.agreement, r.disagreement, r.mobilisation]),
      }}
    >
      {rows.length === 0 ? (
        <Empty>{t.noObjectives}</Empty>
      ) : (
        <table className="review-table objectives-table">
          <thead>
            <tr>
              <th scope="col">{t.colObjective}</th>
              <th scope="col" className="num">
                {t.colAgreement}
              </th>
              <th scope="col" className="num">
                {t.colDisagreement}
              </th>
              <th scope="col" className="balance-col">
                <span className="visually-hidden">{t.colBalance}</span>
              </th>
              <th scope="col" className="num">
                {t.colMobilisation}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.objective.id}>
                <td>{r.objective.label}</td>
                <td className="num">{number(r.agreement, 1)}</td>
                <td className="num">{r.disagreement === 0 ? '0' : number(r.disagreement, 1)}</td>
                <td className="balance-col" aria-hidden="true">
                  <span className="balance">
                    <span className="balance-half against">
                      <span
                        className="balance-against"
                        style={{ width: `${max > 0 ? (Math.abs(r.disagreement) / max) * 100 : 0}%` }}
                      />
                    </span>
                    <span className="balance-half">
                      <span className="balance-for" style={{ width: `${max > 0 ? (r.agreement / max) * 100 : 0}%` }} />
                    </span>
                  </span>
                </td>
                <td className="num">
                  <strong>{number(r.mobilisation, 1)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
