import { useQueryClient } from '@tanstack/react-query';
import { ENTITY_TYPES, type EntityType } from '@trame/graph/model';
import { useMemo, useState } from 'react';
import { ApiError, request } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queryKeys.ts';
import { Feedback } from '../../../components/Feedback.tsx';
import { authorName } from '../../../i18n/authors.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { RefOptions } from '../../../panels/EntityForm.tsx';
import { REVERT_CHANGE, useJournal, useJournalAuthors, type JournalChange, type JournalFilters } from './journalDocuments.ts';
import { changeLabel, fieldChanges, recordedIndex } from './journalWords.ts';
import './journal.css';

/** The types a project's journal lists (its own entities and the actors engaged in it). */
const JOURNAL_TYPES = ENTITY_TYPES.filter((type) => type !== 'Territory' && type !== 'Project');

export interface JournalPanelProps {
  projectId: string;
  territoryId: string | null;
  readOnly: boolean;
  refOptions: RefOptions;
  titleOf(id: string): string | null;
  onClose(): void;
  /** Told after an undo, with what was undone in words (the page's toast). */
  onUndone(message: string): void;
}

/**
 * « Journal »: the project's change log, newest first — who, what (in words, by labels), when it
 * takes effect and when it was recorded — filterable by type, element and author, a page at a
 * time; « Annuler ce changement » after a confirmation, refused in words when it no longer
 * applies. After an undo the project is read again, so the map shows it at once.
 */
export function JournalPanel(props: JournalPanelProps) {
  const i18n = useI18n();
  const { t, entity, formatShortDate } = i18n;
  const [filters, setFilters] = useState<JournalFilters>({ entityType: null, entityId: null, author: null });
  const journal = useJournal(props.projectId, filters);
  const changes = useMemo(() => journal.data?.pages.flatMap((p) => p.projectTimeline.changes) ?? [], [journal.data]);
  // Ended entities are no longer in the project as read now: the changes loaded name them.
  const recorded = useMemo(() => recordedIndex(changes), [changes]);
  const nameOf = (id: string) => props.titleOf(id) ?? recorded.title(id);
  // Everyone who recorded a change of this type and element (the log names each by their display
  // name); the author chosen stays offered while another filter narrows the list.
  const listed = useJournalAuthors(props.projectId, filters).data ?? [];
  const authors = filters.author && !listed.includes(filters.author) ? [filters.author, ...listed] : listed;

  const entityChoices = filters.entityType
    ? (props.refOptions[filters.entityType] ?? [])
    : JOURNAL_TYPES.flatMap((type) => (props.refOptions[type] ?? []).map((o) => ({ ...o, type })));

  return (
    <section className="journal-panel" aria-labelledby="journal-title">
      <header className="journal-header">
        <h2 id="journal-title">{t.journalTitle}</h2>
        <button type="button" onClick={props.onClose} aria-label={t.journalClose}>
          ×
        </button>
      </header>
      <p className="hint small">{t.journalIntro}</p>
      <div className="journal-filters">
        <label>
          {t.journalFilterType}
          <select
            value={filters.entityType ?? ''}
            onChange={(e) =>
              setFilters({ ...filters, entityType: (e.target.value || null) as EntityType | null, entityId: null })
            }
          >
            <option value="">{t.journalAllTypes}</option>
            {JOURNAL_TYPES.map((type) => (
              <option key={type} value={type}>
                {entity(type)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.journalFilterEntity}
          <select value={filters.entityId ?? ''} onChange={(e) => setFilters({ ...filters, entityId: e.target.value || null })}>
            <option value="">{t.journalAllEntities}</option>
            {entityChoices.map((o) => (
              <option key={o.id} value={o.id}>
                {'type' in o ? `${entity(o.type as EntityType)} · ${o.label}` : o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.journalFilterAuthor}
          <select value={filters.author ?? ''} onChange={(e) => setFilters({ ...filters, author: e.target.value || null })}>
            <option value="">{t.journalAllAuthors}</option>
            {authors.map((a) => (
              <option key={a} value={a}>
                {authorName(a, t)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {journal.isPending ? (
        <p className="hint">{t.journalLoading}</p>
      ) : journal.error ? (
        <Feedback loading={false} error={journal.error} hasData={false} onRetry={() => void journal.refetch()} />
      ) : changes.length === 0 ? (
        <p className="hint">{t.journalEmpty}</p>
      ) : (
        <ol className="journal-list">
          {changes.map((change) => (
            <JournalEntry
              key={change.id}
              change={change}
              label={changeLabel(change, nameOf, recorded.values)}
              fields={fieldChanges(change, { ...i18n, formatShortDate }, nameOf)}
              readOnly={props.readOnly}
              projectId={props.projectId}
              territoryId={props.territoryId}
              onUndone={props.onUndone}
            />
          ))}
        </ol>
      )}
      {journal.hasNextPage && (
        <button
          type="button"
          className="journal-more"
          disabled={journal.isFetchingNextPage}
          onClick={() => void journal.fetchNextPage()}
        >
          {journal.isFetchingNextPage ? t.journalLoading : t.journalMore}
        </button>
      )}
    </section>
  );
}

function JournalEntry(props: {
  change: JournalChange;
  label: string;
  fields: string[];
  readOnly: boolean;
  projectId: string;
  territoryId: string | null;
  onUndone(message: string): void;
}) {
  const { t, entity, formatShortDate } = useI18n();
  const client = useQueryClient();
  const { change } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const what = t.journalWhat(change.op, entity(change.entityType as EntityType), props.label);

  async function undo() {
    setBusy(true);
    setRefusal(null);
    try {
      // A cascaded change (an engagement ended with its actor) is undone through its cause.
      await request(REVERT_CHANGE, { changeId: change.causeId ?? change.id });
      setConfirming(false);
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.project(props.projectId) }),
        props.territoryId ? client.invalidateQueries({ queryKey: queryKeys.territory(props.territoryId) }) : null,
      ]);
      props.onUndone(t.journalUndone(what));
    } catch (e) {
      setRefusal(t.journalUndoRefused(e instanceof ApiError ? e.code : '', props.label, formatShortDate(change.validFrom)));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className={`journal-entry op-${change.op.toLowerCase()}`} data-change={change.id} data-entity={change.entityId}>
      <p className="journal-what">{what}</p>
      {props.fields.length > 0 && (
        <ul className="journal-fields">
          {props.fields.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      <p className="journal-meta">
        <span className="journal-author">{t.journalBy(authorName(change.author, t))}</span> ·{' '}
        {t.journalEffective(formatShortDate(change.validFrom))} · {t.journalRecorded(formatShortDate(change.recordedAt))}
        {change.causeId && <span className="journal-note"> · {t.journalCaused}</span>}
        {change.revertOf && <span className="journal-note"> · {t.journalRevertOf}</span>}
      </p>
      {!props.readOnly &&
        (confirming ? (
          <div className="journal-confirm" role="alertdialog" aria-label={t.journalUndo}>
            <p>{t.journalUndoConfirm(what)}</p>
            {change.causeId && <p className="hint small">{t.journalUndoCause}</p>}
            <button type="button" className="primary" disabled={busy} onClick={() => void undo()}>
              {busy ? t.journalUndoing : t.journalUndoYes}
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t.journalUndoNo}
            </button>
          </div>
        ) : (
          <button type="button" className="journal-undo" onClick={() => setConfirming(true)}>
            {t.journalUndo}
          </button>
        ))}
      {refusal && (
        <p className="error" role="alert">
          {refusal}
        </p>
      )}
    </li>
  );
}
