import { useI18n } from '../../../i18n/index.tsx';
import { actionById, ENGAGE_ACTION, type ActionContext } from '../actions.ts';

/**
 * What an empty project's map says: where to start, as three buttons that run the editor's own
 * actions (a new actor, the import, an actor of the territory), then what comes next.
 */
export function EmptyProjectGuide({ context }: { context: ActionContext }) {
  const { t } = useI18n();
  const steps = [
    { action: actionById('create.Actor'), label: t.emptyAddActor, hint: t.emptyAddActorHint },
    { action: actionById('import.open'), label: t.emptyImport, hint: t.emptyImportHint },
    { action: ENGAGE_ACTION, label: t.emptyEngage, hint: t.emptyEngageHint },
  ];
  return (
    <section className="empty-project" aria-label={t.emptyTitle}>
      <h2>{t.emptyTitle}</h2>
      <ol className="empty-steps">
        {steps.map(({ action, label, hint }) => (
          <li key={action.id}>
            <button type="button" className="primary" onClick={() => action.run(context)}>
              {label}
            </button>
            <span className="hint">{hint}</span>
          </li>
        ))}
      </ol>
      <p className="hint small">{t.emptyThen}</p>
    </section>
  );
}
