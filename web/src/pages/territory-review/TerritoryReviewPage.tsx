import { ExportMenu } from '../../export/ExportMenu.tsx';
import { useMemo } from 'react';
import { today } from '@trame/graph/model';
import { latestMilestoneOnOrBefore, type MilestoneOption } from '../../analysis/analysis.ts';
import { useTerritoryMilestones, useTerritoryReview } from '../../api/queries.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { DateControl } from '../../components/DateControl.tsx';
import { Feedback } from '../../components/Feedback.tsx';
import { ReviewHeader } from '../../components/ReviewHeader.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { setParams } from '../../navigation.ts';
import { maySeeConfidentialIn } from '../../access/abilities.ts';
import { useViewer } from '../../api/access.ts';
import {
  homeHref,
  parseReviewParams,
  parseReviewWithoutConfidential,
  reviewParamChanges,
  reviewWithoutConfidentialChange,
} from '../../routes.ts';
import {
  BrokersTable,
  CoalitionsSection,
  DivergencesTable,
  ExternalitiesTable,
  LoadTable,
  ProgressSection,
} from './ReviewSections.tsx';
import { isOpenTension, TensionsTable } from './TensionsTable.tsx';
import { LoadTimelineSection } from './LoadTimeline.tsx';
import { Glossary } from './TermHelp.tsx';
import { PrintMaps } from './PrintMaps.tsx';
import './review.css';

/**
 * The DGS's monthly review of a territory: every project read together at a date, with the
 * progress since a milestone. One `territoryReview` query, after the territory's milestones.
 */
export function TerritoryReviewPage({ territoryId, params }: { territoryId: string; params: URLSearchParams }) {
  const { t, formatDate, lang } = useI18n();
  const { date, since } = parseReviewParams(params);
  const asOf = date;
  const day = date ?? today();

  const milestonesQuery = useTerritoryMilestones(territoryId, asOf);
  const territory = milestonesQuery.data?.territory.id === territoryId ? milestonesQuery.data.territory : null;
  const milestones = useMemo<MilestoneOption[]>(
    () =>
      (territory?.projects ?? [])
        .flatMap((p) => p.milestones.map((m) => ({ ...m, projectId: p.id, projectName: p.name })))
        .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name)),
    [territory],
  );

  // The milestone the progress counts from: the one in the URL, or the latest before the day.
  const chosen = since ? (milestones.find((m) => m.id === since) ?? null) : null;
  let notice: string | null = null;
  let effective: MilestoneOption | null = null;
  if (territory) {
    if (since && !chosen) notice = t.milestoneUnknown;
    else if (chosen && chosen.date > day) notice = t.milestoneAfterDate(chosen.name);
    effective = chosen && chosen.date <= day ? chosen : latestMilestoneOnOrBefore(milestones, day);
  }

  // « Sans éléments confidentiels »: a choice for those who may see them; the only version for the others.
  const viewer = useViewer();
  const mayChoose = maySeeConfidentialIn(viewer.data?.viewer ?? null, territoryId);
  const withoutConfidential = parseReviewWithoutConfidential(params) || (viewer.data !== undefined && !mayChoose);
  const review = useTerritoryReview(
    territoryId,
    asOf,
    effective?.id ?? null,
    territory !== null && viewer.data !== undefined,
    !withoutConfidential,
  );
  const data = review.data?.territoryReview.territory.id === territoryId ? review.data.territoryReview : null;
  const name = territory?.name ?? data?.territory.label ?? territoryId;
  const dayLabel = formatDate(day);

  const fileName = (table: string) => [t.reviewFilePrefix, name, table, day, withoutConfidential ? t.withoutConfidential : null];
  const analysis = data?.analysis;
  const openTensions = analysis?.tensions.filter(isOpenTension).length ?? 0;
  const realCoalitions = analysis?.coalitions.communities.filter((c) => c.members.length > 1).length ?? 0;
  const quoted = (text: string) => (lang === 'fr' ? `« ${text} »` : `“${text}”`);
  const sinceLabel = effective ? `${quoted(effective.name)} (${formatDate(effective.date)})` : null;

  const milestoneSelect = (
    <label className="milestone-select">
      {t.progressSince}{' '}
      <select
        value={chosen && chosen.date <= day ? chosen.id : ''}
        onChange={(e) => setParams(reviewParamChanges({ since: e.target.value || null }))}
        disabled={!territory}
      >
        <option value="">{t.milestoneAuto}</option>
        {(territory?.projects ?? []).map((p) => (
          <optgroup key={p.id} label={p.name}>
            {[...p.milestones]
              .sort((a, b) => a.date.localeCompare(b.date))
              .map((m) => (
                <option key={m.id} value={m.id} disabled={m.date > day}>
                  {formatDate(m.date)} — {m.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );

  return (
    <main className="page review-page" lang={lang}>
      <ReviewHeader
        title={t.reviewTitle}
        place={name}
        dayLabel={dayLabel}
        breadcrumb={
          <>
            <AppLink href={homeHref()}>{t.territories}</AppLink> › {name}
          </>
        }
        dateline={
          <>
            {t.reviewAsOf(dayLabel)}
            {sinceLabel && <> · {t.progressSinceShort(sinceLabel)}</>}
            {analysis && <> · {t.projectCount(analysis.projects.length)}</>}
            {withoutConfidential && <> · {t.withoutConfidential}</>}
          </>
        }
        controls={
          <>
            <DateControl date={date} onChange={(next) => setParams(reviewParamChanges({ date: next }))} />
            {mayChoose ? (
              <label className="confidential-choice" title={t.withoutConfidentialHint}>
                <input
                  type="checkbox"
                  checked={withoutConfidential}
                  onChange={(e) => setParams(reviewWithoutConfidentialChange(e.target.checked))}
                />{' '}
                {t.withoutConfidential}
              </label>
            ) : (
              viewer.data && <span className="confidential-choice">{t.withoutConfidentialForced}</span>
            )}
            <ExportMenu territoryId={territoryId} at={asOf} withoutConfidential={withoutConfidential} />
          </>
        }
      />

      <Feedback
        loading={milestonesQuery.isFetching && !territory}
        error={milestonesQuery.error}
        hasData={false}
        onRetry={() => void milestonesQuery.refetch()}
      />
      {territory && (
        <Feedback
          loading={review.isFetching}
          error={review.error}
          hasData={Boolean(data)}
          onRetry={() => void review.refetch()}
        />
      )}

      {analysis && data && (
        <div className={`review-body${review.isFetching ? ' is-refreshing' : ''}`}>
          <ul className="key-figures" aria-label={t.keyFigures}>
            <li className={openTensions > 0 ? 'alert' : ''}>
              <a href="#tensions-title">
                <strong>{openTensions}</strong> {t.keyOpenTensions(openTensions, analysis.tensions.length)}
              </a>
            </li>
            <li>
              <a href="#divergences-title">
                <strong>{analysis.unworkedDivergences.length}</strong> {t.keyDivergences(analysis.unworkedDivergences.length)}
              </a>
            </li>
            <li className={analysis.engagementLoad.length > 0 ? 'alert' : ''}>
              <a href="#load-title">
                <strong>{analysis.engagementLoad.length}</strong> {t.keyLoad(analysis.engagementLoad.length)}
              </a>
            </li>
            <li>
              <a href="#externalities-title">
                <strong>{analysis.externalities.length}</strong> {t.keyExternalities(analysis.externalities.length)}
              </a>
            </li>
            <li>
              <a href="#coalitions-title">
                <strong>{realCoalitions}</strong> {t.keyCoalitions(realCoalitions)}
              </a>
            </li>
          </ul>

          <Glossary terms={['2CAA', '2DAA', 'betweenness', 'modularity', 'r*']} />
          <TensionsTable tensions={analysis.tensions} date={date} asOf={analysis.asOf} fileName={fileName} />
          <div className="review-columns">
            <DivergencesTable rows={analysis.unworkedDivergences} fileName={fileName} />
            <BrokersTable rows={analysis.brokers} fileName={fileName} />
          </div>
          <CoalitionsSection analysis={analysis} fileName={fileName} />
          <div className="review-columns">
            <LoadTable rows={analysis.engagementLoad} date={date} fileName={fileName} />
            <ExternalitiesTable rows={analysis.externalities} fileName={fileName} />
          </div>
          <LoadTimelineSection timeline={data.loadTimeline} fileName={fileName} />
          <ProgressSection
            progress={data.progress}
            sinceLabel={sinceLabel}
            date={date}
            controls={milestoneSelect}
            notice={notice}
            fileName={fileName}
          />
          <PrintMaps projects={analysis.projects} asOf={asOf} withoutConfidential={withoutConfidential} />
          <p className="review-footer">{t.reviewFooter(formatDate(analysis.asOf))}</p>
        </div>
      )}
    </main>
  );
}
