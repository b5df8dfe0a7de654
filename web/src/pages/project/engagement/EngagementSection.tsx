import { ENTITIES } from '@trame/graph/model';
import { useState } from 'react';
import type { EntityData } from '../../../api/entities.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { ENGAGEMENT_TEXT, shortDate } from '../../../i18n/engagement.ts';
import type { RefOption } from '../../../panels/EntityForm.tsx';
import { changedFields, toInput } from '../../../panels/fields.ts';
import { ApiError } from '../../../api/client.ts';
import { CorrectionOffer } from '../../../panels/CorrectionOffer.tsx';
import { EngagementForm } from './EngagementForm.tsx';
import { errorText } from './errorText.ts';
import { LevelStrip } from './LevelStrip.tsx';
import { useLevelHistory, type EngagementWrites } from './useEngagementData.ts';

export interface EngagementSectionProps {
  projectId: string;
  actor: EntityData;
  /** The actor's engagement in this project, or null when it is not engaged. */
  engagement: EntityData | null;
  perimeters: readonly RefOption[];
  readOnly: boolean;
  writes: EngagementWrites;
  titleOf(id: string): string | null;
  /** After a save: the saved engagement (the version the server returned). */
  onSaved(engagement: EntityData): void;
}

const fields = ENTITIES.Engagement.fields;

/**
 * The actor's engagement in this project, on its panel: level, role, entry perimeter, the level's
 * dated history, and « Modifier l'engagement » with an effective date (past allowed). An actor
 * of the territory not engaged here can be engaged from the same place.
 */
export function EngagementSection(props: EngagementSectionProps) {
  const { t, lang, enumLabel, field } = useI18n();
  const text = ENGAGEMENT_TEXT[lang];
  const { actor } = props;
  // The version the server returned stays shown until the project, read again, holds it (or a later one).
  const [saved, setSaved] = useState<EntityData | null>(null);
  const engagement =
    saved && (!props.engagement || (props.engagement.id === saved.id && saved.version > props.engagement.version))
      ? saved
      : props.engagement;
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // An update dated before the engagement's latest entry, offered as a correction of that entry's date.
  const [correction, setCorrection] = useState<{ patch: Record<string, unknown>; validFrom: string; latest: string } | null>(
    null,
  );
  const history = useLevelHistory(props.projectId, engagement?.id ?? null);
  const actorName = String(actor.name ?? '');

  const write = async (work: () => Promise<EntityData>, validFrom: string | null, patch?: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      setEditing(false);
      setCorrection(null);
      setSaved(result);
      props.onSaved(result);
    } catch (e) {
      if (
        patch &&
        validFrom &&
        e instanceof ApiError &&
        e.code === 'DATE_BEFORE_LAST_CHANGE' &&
        typeof e.extensions.latestFrom === 'string'
      ) {
        setCorrection({ patch, validFrom, latest: e.extensions.latestFrom });
        return;
      }
      setError(
        errorText(e, text, lang, {
          validFrom,
          what: engagement ? text.thisEngagement : text.thisActor(actorName),
          actorName,
          titleOf: props.titleOf,
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  const save = (values: Record<string, unknown>, validFrom: string | null) => {
    if (!engagement) {
      const input = toInput('Engagement', { ...values, actorId: actor.id });
      return write(() => props.writes.createEngagement(input, validFrom), validFrom);
    }
    const patch = toInput('Engagement', values, changedFields(engagement, values));
    return write(() => props.writes.updateEngagement(engagement.id, engagement.version, patch, validFrom), validFrom, patch);
  };

  return (
    <section className="engagement-section" aria-label={text.engagementTitle}>
      <h3>{text.engagementTitle}</h3>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {correction && engagement && (
        <CorrectionOffer
          what={text.engagementOf(actorName)}
          date={correction.validFrom}
          latest={correction.latest}
          busy={busy}
          onCorrect={() =>
            void write(
              () => props.writes.correctEngagement(engagement.id, engagement.version, correction.patch, correction.validFrom),
              correction.validFrom,
            )
          }
          onCancel={() => setCorrection(null)}
        />
      )}
      {editing ? (
        <EngagementForm
          key={engagement ? `${engagement.id}-${engagement.version}` : 'new'}
          withActor={false}
          initialEngagement={{
            level: engagement?.level ?? 'INFORME',
            role: engagement?.role ?? '',
            perimeterId: engagement?.perimeterId ?? '',
          }}
          perimeters={props.perimeters}
          busy={busy}
          submitLabel={engagement ? t.save : text.engage}
          onSubmit={({ engagement: values, validFrom }) => void save(values, validFrom)}
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
        />
      ) : engagement ? (
        <>
          <dl className="entity-details engagement-details">
            <div>
              <dt>{field('level', fields.level?.label ?? '')}</dt>
              <dd className={`engagement-level level-${String(engagement.level)}`}>{enumLabel(String(engagement.level))}</dd>
            </div>
            <div>
              <dt>{field('role', fields.role?.label ?? '')}</dt>
              <dd>{engagement.role ? String(engagement.role) : <em>{text.noRole}</em>}</dd>
            </div>
            <div>
              <dt>{field('perimeterId', fields.perimeterId?.label ?? '')}</dt>
              <dd>
                {engagement.perimeterId ? (props.titleOf(String(engagement.perimeterId)) ?? '—') : <em>{text.noPerimeter}</em>}
              </dd>
            </div>
          </dl>
          <p className="hint small">{text.since(shortDate(String(engagement.versionFrom ?? engagement.validFrom), lang))}</p>
          {history.data && <LevelStrip steps={history.data} />}
          {!props.readOnly && (
            <div className="form-actions">
              <button type="button" onClick={() => setEditing(true)}>
                {text.editEngagement}
              </button>
            </div>
          )}
        </>
      ) : (
        <>
          <p className="hint">{text.notEngaged}</p>
          {!props.readOnly && (
            <button type="button" onClick={() => setEditing(true)}>
              {text.engageHere}
            </button>
          )}
        </>
      )}
    </section>
  );
}
