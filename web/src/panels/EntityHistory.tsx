import { useEntityHistory } from '../api/access.ts';
import { useI18n } from '../i18n/index.tsx';

/**
 * The latest change records of one entity, newest first, each with its author (the signed-in
 * user who made it; « pilote-local » for changes made before accounts existed). The server
 * leaves out what the viewer may not see.
 */
export function EntityHistory({ projectId, entityId }: { projectId: string; entityId: string }) {
  const { t, formatDate } = useI18n();
  const history = useEntityHistory(projectId, entityId);
  if (history.isPending) return <p className="hint">{t.historyLoading}</p>;
  if (history.error) return null; // the panel's own data is there; the history is a complement
  const { changes, hasMore } = history.data.projectTimeline;
  return (
    <ol className="entity-history" aria-label={t.history}>
      {changes.map((change) => (
        <li key={change.id}>
          <span className="history-op">{t.changeOp(change.op)}</span> v{change.version} · {formatDate(change.recordedAt)} ·{' '}
          <span className="history-author">{t.historyBy(change.author)}</span>
        </li>
      ))}
      {hasMore && <li className="hint">{t.historyMore}</li>}
    </ol>
  );
}
