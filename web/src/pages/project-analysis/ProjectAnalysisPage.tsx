import '../territory-review/review.css';
import { Glossary } from '../territory-review/TermHelp.tsx';
import { useMemo } from 'react';
import { today } from '@trame/graph/model';
import type { Label } from '../../analysis/analysis.ts';
import { useProjectAnalysis } from '../../api/queries.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { ActorGraph } from '../../components/charts/ActorGraph.tsx';
import { Heatmap } from '../../components/charts/Heatmap.tsx';
import { InfluencePlane } from '../../components/charts/InfluencePlane.tsx';
import { KindLegend } from '../../components/charts/KindLegend.tsx';
import { PowerBars } from '../../components/charts/PowerBars.tsx';
import { DateControl } from '../../components/DateControl.tsx';
import { Feedback } from '../../components/Feedback.tsx';
import { ReviewHeader } from '../../components/ReviewHeader.tsx';
import { Empty, Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { setParams } from '../../navigation.ts';
import { analysisParamChanges, homeHref, mapHref, parseAnalysisParams, reviewHref, type MactorOrderK } from '../../routes.ts';
import { ActorsTable } from './ActorsTable.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { Notes } from './Notes.tsx';
import { ObjectivesTable } from './ObjectivesTable.tsx';

/** What MACTOR says about one project at a date: convergence, divergence, power, objectives. */
export function ProjectAnalysisPage({ projectId, params }: { projectId: string; params: URLSearchParams }) {
  const { t, formatDate } = useI18n();
  const { date, order } = parseAnalysisParams(params);
  const query = useProjectAnalysis(projectId, date);
  const data = query.data?.project.id === projectId ? query.data : null;
  const project = data?.project;
  const mactor = data?.projectAnalysis.mactor;
  const day = date ?? today();
  const dayLabel = formatDate(day);
  const name = project?.name ?? projectId;

  const kinds = useMemo(() => Object.fromEntries((project?.actors ?? []).map((a) => [a.id, a.kind])), [project]);
  const orderData = mactor?.orders.find((o) => o.order === order) ?? null;
  const digits = 1;
  const fileName = (table: string) => [t.analysisFilePrefix, name, table, day];
  const milestones = [...(project?.milestones ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const milestoneHere = milestones.find((m) => m.date === date);

  return (
    <main className="page review-page analysis-page">
      <ReviewHeader
        title={t.analysisTitle}
        place={name}
        dayLabel={dayLabel}
        breadcrumb={
          <>
            <AppLink href={homeHref()}>{t.territories}</AppLink>
            {project && (
              <>
                {' '}
                › <AppLink href={reviewHref(project.territory.id, { date })}>{project.territory.name}</AppLink> ›{' '}
                <AppLink href={mapHref(project.id, date)}>{project.name}</AppLink>
              </>
            )}
          </>
        }
        dateline={
          <>
            {t.reviewAsOf(dayLabel)}
            {milestoneHere && <> · {milestoneHere.name}</>}
            {mactor && (
              <>
                {' '}
                · {t.actorCount(mactor.actors.length)} · {t.objectiveCount(mactor.objectives.length)} · {t.orderShort(order)}
              </>
            )}
          </>
        }
        controls={
          <>
            <DateControl
              date={date}
              min={project?.validFrom.slice(0, 10)}
              onChange={(next) => setParams(analysisParamChanges({ date: next }))}
            />
            {milestones.length > 0 && (
              <label>
                {t.milestoneJump}{' '}
                <select
                  value={milestoneHere?.id ?? ''}
                  onChange={(e) =>
                    setParams(analysisParamChanges({ date: milestones.find((m) => m.id === e.target.value)?.date ?? null }))
                  }
                >
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
                    <input
                      type="radio"
                      name="mactor-order"
                      value={k}
                      checked={order === k}
                      onChange={() => setParams(analysisParamChanges({ order: k }))}
                    />
                    <span>k = {k}</span>
                  </label>
                ))}
              </span>
            </div>
          </>
        }
      />

      <Feedback loading={query.isFetching} error={query.error} hasData={Boolean(data)} onRetry={() => void query.refetch()} />
      <Glossary terms={['MID', 'MIDI', 'r*', 'MAO', '3MAO', '2CAA', '2DAA']} />

      {mactor && orderData && project && (
        <div className={`review-body${query.isFetching ? ' is-refreshing' : ''}`}>
          <KeyFigures mactor={mactor} order={order} />
          <p className="hint order-explained">{t.orderHint(order)}</p>

          <Section
            id="heatmaps"
            title={t.heatmapsTitle}
            hint={t.heatmapsHint}
            csv={{
              name: fileName(t.heatmapsTitle),
              header: [t.colActorA, t.colActorB, t.convergenceShort(order), t.divergenceShort(order)],
              rows: () =>
                pairs(mactor.actors).map(([i, j]) => [
                  mactor.actors[i]!.label,
                  mactor.actors[j]!.label,
                  orderData.caa.values[i]?.[j] ?? 0,
                  orderData.daa.values[i]?.[j] ?? 0,
                ]),
            }}
          >
            <div className={`heatmaps${mactor.actors.length > 12 ? ' stacked' : ''}`}>
              <Heatmap
                id="heatmap-convergence"
                title={t.convergenceCaption(order)}
                actors={mactor.actors}
                values={orderData.caa.values}
                tone="convergence"
                digits={digits}
              />
              <Heatmap
                id="heatmap-divergence"
                title={t.divergenceCaption(order)}
                actors={mactor.actors}
                values={orderData.daa.values}
                tone="divergence"
                digits={digits}
              />
            </div>
          </Section>

          <Section id="graphs" title={t.graphsTitle} hint={t.graphsHint} className="graphs-section">
            <div className="graphs">
              <ActorGraph
                key={`c${order}`}
                id="convergence"
                title={t.convergenceCaption(order)}
                actors={mactor.actors}
                values={orderData.caa.values}
                kinds={kinds}
                tone="convergence"
              />
              <ActorGraph
                key={`d${order}`}
                id="divergence"
                title={t.divergenceCaption(order)}
                actors={mactor.actors}
                values={orderData.daa.values}
                kinds={kinds}
                tone="divergence"
              />
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

const pairs = (labels: Label[]): [number, number][] =>
  labels.flatMap((_, i) => labels.slice(i + 1).map((__, k): [number, number] => [i, i + 1 + k]));
