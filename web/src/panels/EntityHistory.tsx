import { authorName } from '../i18n/authors.ts';
import { useI18n } from '../i18n/index.tsx';
import { useEntityVersions } from '../pages/project/journal/journalDocuments.ts';
import { fieldChanges } from '../pages/project/journal/journalWords.ts';

/**
 * The versions of one entity, newest first: what happened (created, changed — which fields, from
 * what to what, in words —, ended, reopened), by whom (the signed-in user; « pilote-local » for
 * changes made before accounts existed), when it takes effect and when it was recorded. An
 * actor's own changes (name, kind, end) are the territory's: they are listed too. The server
 * leaves out what the viewer may not see; older versions are in the project's journal.
 */
export function EntityHistory({
  projectId,
  entityId,
  titleOf = () => null,
}: {
  projectId: string;
  entityId: string;
  titleOf?: (id: string) => string | null;
}) {
  const i18n = useI18n();
  const { t, formatShortDate } = i18n;
  const history = useEntityVersions(projectId, entityId);
  if (history.isPending) return <p className="hint">{t.historyLoading}</p>;
  if (history.error) return null; // the panel's own data is there; the history is a complement
  const { changes, hasMore } = history.data.projectTimeline;
  return (
    <ol className="entity-history" aria-label={t.history}>
      {changes.map((change) => {
        const fields = fieldChanges(change, i18n, titleOf);
        return (
          <li key={change.id}>
            <span className="history-op">{t.changeOp(change.op)}</span> · {t.historyVersion(change.version)} ·{' '}
            <span className="history-author">{t.historyBy(authorName(change.author, t))}</span>
            <br />
            <span className="hint small">
              {t.journalEffective(formatShortDate(change.validFrom))} · {t.journalRecorded(formatShortDate(change.recordedAt))}
            </span>
            {fields.length > 0 && (
              <ul className="history-fields">
                {fields.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
      {hasMore && <li className="hint">{t.historyOlder}</li>}
    </ol>
  );
}
