import { useEffect, useMemo } from 'react';
import { useQuery } from '../api/useQuery.ts';
import { useI18n } from '../i18n/index.tsx';
import { setParams } from '../router.ts';
import { ActorGraph } from './ActorGraph.tsx';
import { quadrants, strongestPair, type Label } from './analysis.ts';
import { PROJECT_ANALYSIS, type AnalysisData, type MactorData } from './documents.ts';
import { Heatmap } from './Heatmap.tsx';
import { InfluencePlane } from './InfluencePlane.tsx';
import { KindLegend } from './KindLegend.tsx';
import { PowerBars } from './PowerBars.tsx';
import { mapHref, parseAnalysisParams, reviewHref, type MactorOrderK } from './routes.ts';
import { AppLink, DateControl, Empty, Feedback, Section, today, useNumberFormat } from './ui.tsx';

/** What MACTOR says about one project at a date: convergence, divergence, power, objectives. */
export function ProjectAnalysisPage({ projectId, params }: { projectId: string; params: URLSearchParams }) {
  const { t, formatDate } = useI18n();
  const { date, order } = parseAnalysisParams(params);
  const query = useQuery<AnalysisData>(PROJECT_ANALYSIS, { id: projectId, asOf: date });
  const data = query.data?.project.id === projectId ? query.data : null;
  const project = data?.project;
  const mactor = data?.projectAnalysis.mactor;
  const day = date ?? today();
  const dayLabel = formatDate(day);
  const name = project?.name ?? projectId;

  useEffect(() => {
    document.title = `${t.analysisTitle} — ${name} — ${dayLabel}`;
    return () => {
      document.title = 'Trame';
    };
  }, [t, name, dayLabel]);

  const kinds = useMemo(() => Object.fromEntries((project?.actors ?? []).map((a) => [a.id, a.kind])), [project]);
  const orderData = mactor?.orders.find((o) => o.order === order) ?? null;
  const digits = 1;
  const fileName = (table: string) => [t.analysisFilePrefix, name, table, day];
  const milestones = [...(project?.milestones ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const milestoneHere = milestones.find((m) => m.date === date);

  return (
    <main className="page review-page analysis-page">
      <header className="review-header">
        <nav aria-label={t.breadcrumb} className="breadcrumb no-print">
          <AppLink href="/">{t.territories}</AppLink>
          {project && (
            <>
              {' '}
              › <AppLink href={reviewHref(project.territory.id, { date })}>{project.territory.name}</AppLink> › <AppLink href={mapHref(project.id, date)}>{project.name}</AppLink>
            </>
          )}
        </nav>
        <div className="review-title">
          <h1>
            {t.analysisTitle} <span className="review-place">{name}</span>
          </h1>
          <p className="review-dateline">
            {t.reviewAsOf(dayLabel)}
            {milestoneHere && <> · {milestoneHere.name}</>}
            {mactor && (
              <>
                {' '}
                · {t.actorCount(mactor.actors.length)} · {t.objectiveCount(mactor.objectives.length)} · {t.orderShort(order)}
              </>
            )}
          </p>
        </div>
        <div className="review-controls no-print" role="toolbar" aria-label={t.reviewControls}>
          <DateControl date={date} min={project?.validFrom.slice(0, 10)} onChange={(next) => setParams({ date: next })} />
          {milestones.length > 0 && (
            <label>
              {t.milestoneJump}{' '}
              <select value={milestoneHere?.id ?? ''} onChange={(e) => setParams({ date: milestones.find((m) => m.id === e.target.value)?.date ?? null })}>
                <option value="">—</option>
                {milestones.map((m) => (
                  <option key={m.id} value={m.id}>
                    {formatDate(m.date)} — {m.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="segmented" role="radiogroup" aria-label={t.orderLabel}>
            <span className="segmented-label">{t.orderLabel}</span>
            <span className="segmented-options">
              {([1, 2, 3] as MactorOrderK[]).map((k) => (
                <label key={k} title={t.orderHint(k)}>
                  <input type="radio" name="mactor-order" value={k} checked={order === k} onChange={() => setParams({ ordre: k === 2 ? null : String(k) })} />
                  <span>k = {k}</span>
                </label>
              ))}
            </span>
          </div>
          <button type="button" className="primary" onClick={() => window.print()}>
            {t.printReview}
          </button>
        </div>
      </header>

      <Feedback loading={query.loading} error={query.error} hasData={Boolean(data)} onRetry={query.reload} />

      {mactor && orderData && project && (
        <div className={`review-body${query.loading ? ' is-refreshing' : ''}`}>
          <KeyFigures mactor={mactor} order={order} />
          <p className="hint order-explained">{t.orderHint(order)}</p>

          <Section
            id="heatmaps"
            title={t.heatmapsTitle}
            hint={t.heatmapsHint}
            csv={{
              name: fileName(t.heatmapsTitle),
              header: [t.colActorA, t.colActorB, t.convergenceShort(order), t.divergenceShort(order)],
              rows: () => pairs(mactor.actors).map(([i, j]) => [mactor.actors[i]!.label, mactor.actors[j]!.label, orderData.caa.values[i]?.[j] ?? 0, orderData.daa.values[i]?.[j] ?? 0]),
            }}
          >
            <div className={`heatmaps${mactor.actors.length > 12 ? ' stacked' : ''}`}>
              <Heatmap id="heatmap-convergence" title={t.convergenceCaption(order)} actors={mactor.actors} values={orderData.caa.values} tone="convergence" digits={digits} />
              <Heatmap id="heatmap-divergence" title={t.divergenceCaption(order)} actors={mactor.actors} values={orderData.daa.values} tone="divergence" digits={digits} />
            </div>
          </Section>

          <Section id="graphs" title={t.graphsTitle} hint={t.graphsHint} className="graphs-section">
            <div className="graphs">
              <ActorGraph key={`c${order}`} id="convergence" title={t.convergenceCaption(order)} actors={mactor.actors} values={orderData.caa.values} kinds={kinds} tone="convergence" />
              <ActorGraph key={`d${order}`} id="divergence" title={t.divergenceCaption(order)} actors={mactor.actors} values={orderData.daa.values} kinds={kinds} tone="divergence" />
            </div>
            <KindLegend kinds={Object.values(kinds)} />
          </Section>

          <div className="review-columns">
            <Section id="plane" title={t.planeTitle} hint={t.planeHint}>
              <InfluencePlane actors={mactor.actors} influence={mactor.influence} dependence={mactor.dependence} />
            </Section>
            <Section id="power" title={t.powerTitle} hint={t.powerHint}>
              <PowerBars actors={mactor.actors} rStar={mactor.normalisedBalanceOfPower} status={mactor.powerStatus} />
            </Section>
          </div>

          <Notes mactor={mactor} />

          <ObjectivesTable mactor={mactor} order={order} fileName={fileName} />
          <ActorsTable mactor={mactor} order={order} fileName={fileName} />
          <p className="review-footer">{t.analysisFooter(formatDate(data.projectAnalysis.asOf))}</p>
        </div>
      )}
      {mactor && !orderData && <Empty>{t.noActors}</Empty>}
    </main>
  );
}

const pairs = (labels: Label[]): [number, number][] => labels.flatMap((_, i) => labels.slice(i + 1).map((__, k): [number, number] => [i, i + 1 + k]));

function KeyFigures({ mactor, order }: { mactor: MactorData; order: MactorOrderK }) {
  const { t } = useI18n();
  const number = useNumberFormat();
  const o = mactor.orders.find((x) => x.order === order);
  const strongestC = o ? strongestPair(mactor.actors, o.caa.values) : null;
  const strongestD = o ? strongestPair(mactor.actors, o.daa.values) : null;
  return (
    <ul className="key-figures" aria-label={t.keyFigures}>
      <li>
        <strong>{o?.degreeOfConvergence === null || !o ? '—' : `${number(o.degreeOfConvergence, 0)} %`}</strong> {t.keyConvergence}
      </li>
      <li>
        <strong>{mactor.actors.length}</strong> {t.keyActors(mactor.actors.length)} · <strong>{mactor.objectives.length}</strong> {t.keyObjectives(mactor.objectives.length)}
      </li>
      <li className="wide">
        <span className="muted">{t.keyStrongestConvergence}</span> {strongestC ? `${strongestC.a.label} ↔ ${strongestC.b.label}` : '—'}
      </li>
      <li className={`wide${strongestD ? ' alert' : ''}`}>
        <span className="muted">{t.keyStrongestDivergence}</span> {strongestD ? `${strongestD.a.label} ↔ ${strongestD.b.label}` : '—'}
      </li>
    </ul>
  );
}

function Notes({ mactor }: { mactor: MactorData }) {
  const { t } = useI18n();
  const byId = new Map(mactor.actors.map((a) => [a.id, a.label]));
  const notes = mactor.notes.filter((n) => n.code !== mactor.powerStatus);
  const text = (code: string, who: string, message: string): string => {
    switch (code) {
      case 'NO_INFLUENCE_NOR_DEPENDENCE':
        return t.noteNoInfluenceNorDependence(who);
      case 'ZERO_POWER':
        return t.noteZeroPower(who);
      case 'NO_POSITION':
        return t.noteNoPosition(who);
      case 'NO_ACTORS':
        return t.powerNoActors;
      case 'SINGLE_ACTOR':
        return t.powerSingleActor;
      case 'NO_INFLUENCE':
        return t.powerNoInfluence;
      case 'NO_NET_INFLUENCE':
        return t.powerNoNetInfluence;
      default:
        return who ? `${who} : ${message}` : message;
    }
  };
  return (
    <Section id="notes" title={t.notesTitle} hint={t.notesHint}>
      {notes.length === 0 ? (
        <Empty>{t.noNotes}</Empty>
      ) : (
        <ul className="mactor-notes">
          {notes.map((n) => (
            <li key={n.code} data-code={n.code}>
              {text(n.code, n.actors.map((id) => byId.get(id) ?? id).join(', '), n.message)}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ObjectivesTable({ mactor, order, fileName }: { mactor: MactorData; order: MactorOrderK; fileName: (table: string) => (string | null)[] }) {
  const { t } = useI18n();
  const number = useNumberFormat();
  const o = mactor.orders.find((x) => x.order === order)!;
  const rows = mactor.objectives.map((objective, j) => ({ objective, agreement: o.agreement[j] ?? 0, disagreement: o.disagreement[j] ?? 0, mobilisation: o.mobilisation[j] ?? 0 }));
  const max = Math.max(0, ...rows.map((r) => Math.max(r.agreement, Math.abs(r.disagreement))));
  const title = t.objectivesTitle(order);
  return (
    <Section
      id="objectives"
      title={title}
      hint={t.objectivesHint}
      csv={{ name: fileName(t.objectivesCsv), header: [t.colObjective, t.colAgreement, t.colDisagreement, t.colMobilisation], rows: () => rows.map((r) => [r.objective.label, r.agreement, r.disagreement, r.mobilisation]) }}
    >
      {rows.length === 0 ? (
        <Empty>{t.noObjectives}</Empty>
      ) : (
        <table className="review-table objectives-table">
          <thead>
            <tr>
              <th scope="col">{t.colObjective}</th>
              <th scope="col" className="num">{t.colAgreement}</th>
              <th scope="col" className="num">{t.colDisagreement}</th>
              <th scope="col" className="balance-col">
                <span className="visually-hidden">{t.colBalance}</span>
              </th>
              <th scope="col" className="num">{t.colMobilisation}</th>
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
                      <span className="balance-against" style={{ width: `${max > 0 ? (Math.abs(r.disagreement) / max) * 100 : 0}%` }} />
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

function ActorsTable({ mactor, order, fileName }: { mactor: MactorData; order: MactorOrderK; fileName: (table: string) => (string | null)[] }) {
  const { t } = useI18n();
  const number = useNumberFormat();
  const o = mactor.orders.find((x) => x.order === order)!;
  const { quadrant } = quadrants(mactor.influence, mactor.dependence);
  const names = { dominant: t.quadrantDominant, relay: t.quadrantRelay, dominated: t.quadrantDominated, autonomous: t.quadrantAutonomous };
  const rows = mactor.actors.map((actor, i) => ({
    actor,
    influence: mactor.influence[i] ?? 0,
    dependence: mactor.dependence[i] ?? 0,
    quadrant: names[quadrant[i] ?? 'autonomous'],
    power: mactor.normalisedBalanceOfPower[i] ?? 0,
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
        header: [t.colActor, t.colInfluence, t.colDependence, t.colQuadrant, t.colPower, t.colActorMobilisation, t.colAmbivalence],
        rows: () => rows.map((r) => [r.actor.label, r.influence, r.dependence, r.quadrant, r.power, r.mobilisation, r.ambivalence]),
      }}
    >
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">{t.colActor}</th>
            <th scope="col" className="num">{t.colInfluence}</th>
            <th scope="col" className="num">{t.colDependence}</th>
            <th scope="col">{t.colQuadrant}</th>
            <th scope="col" className="num">{t.colPower}</th>
            <th scope="col" className="num">{t.colActorMobilisation}</th>
            <th scope="col" className="num">{t.colAmbivalence}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.actor.id}>
              <td>{r.actor.label}</td>
              <td className="num">{number(r.influence, 1)}</td>
              <td className="num">{number(r.dependence, 1)}</td>
              <td>{r.quadrant}</td>
              <td className="num">{number(r.power, 2)}</td>
              <td className="num">{number(r.mobilisation, 1)}</td>
              <td className="num">{r.ambivalence === null ? '—' : number(r.ambivalence, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
