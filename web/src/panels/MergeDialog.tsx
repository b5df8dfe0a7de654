import './names.css';
import { nearNameKey, today } from '@trame/graph/model';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { EntityData } from '../api/entities.ts';
import { previewMerge, useMergeActors, type MergeData } from '../api/merge.ts';
import { useI18n } from '../i18n/index.tsx';
import { humanise, serverErrorText } from '../i18n/serverErrors.ts';
import { stepText, visibleSteps } from './mergeSteps.ts';
import type { NamedActor } from './NearDuplicateNotice.tsx';

export interface MergeDialogProps {
  territoryId: string;
  /** The actor whose panel asked for the merge. */
  actor: NamedActor;
  /** The territory's open actors, to search. */
  actors: readonly NamedActor[];
  /** Already chosen (the rename warning's « Fusionner avec cet acteur »). */
  initialOther: NamedActor | null;
  /** Project names by id, to say where an engagement moves. */
  projectName(id: string | null): string;
  titleOf(id: string): string | null;
  onClose(): void;
  onMerged(kept: EntityData): void;
}

/** How many matches the search shows: the pilot narrows rather than scrolls. */
const SHOWN = 8;

/**
 * « Fusionner avec… »: search the territory's actors, choose which one stays, see what moves
 * (the server's dry run of the same merge), then merge — one change, both histories kept.
 */
export function MergeDialog(props: MergeDialogProps) {
  const { t, lang, entity, enumLabel } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [other, setOther] = useState<NamedActor | null>(props.initialOther);
  const [keepOther, setKeepOther] = useState(true);
  const [date, setDate] = useState(today());
  const [preview, setPreview] = useState<MergeData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const merge = useMergeActors(props.territoryId);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    if (!props.initialOther) search.current?.focus();
  }, [props.initialOther]);

  const keep = other && (keepOther ? other : props.actor);
  const gone = other && (keepOther ? props.actor : other);
  const request = useMemo(
    () => (keep && gone ? { keepId: keep.id, mergeId: gone.id, validFrom: date && date !== today() ? date : null } : null),
    [keep, gone, date],
  );

  const explain = (e: unknown): string => {
    if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
    if (e.code === 'MERGE_SAME_ACTOR') return t.errMergeSameActor;
    if (e.code === 'MERGE_OTHER_TERRITORY') return t.errMergeOtherTerritory;
    // The conflict's message names the objectives and values; French dates, labels for ids.
    if (e.code === 'MERGE_CONFLICT' && lang !== 'fr')
      return `${t.errMergeConflict} (${humanise(e.message, lang, props.titleOf)})`;
    return serverErrorText(e, lang, props.titleOf);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: `explain` reads only the language; the preview follows the request.
  useEffect(() => {
    if (!request) return;
    let current = true;
    setPreview(null);
    setError(null);
    previewMerge(request)
      .then((data) => current && setPreview(data))
      .catch((e: unknown) => current && setError(explain(e)));
    return () => {
      current = false;
    };
  }, [request]);

  const matches = useMemo(() => {
    const key = nearNameKey(query);
    return props.actors
      .filter((a) => a.id !== props.actor.id && (key === '' || nearNameKey(a.name).includes(key)))
      .slice(0, SHOWN);
  }, [query, props.actors, props.actor.id]);

  const close = () => dialog.current?.close();

  return (
    <dialog ref={dialog} className="import-dialog merge-dialog" aria-labelledby="merge-title" onClose={props.onClose}>
      <header>
        <h2 id="merge-title">{t.mergeTitle(props.actor.name)}</h2>
        <button type="button" onClick={close} aria-label={t.close}>
          ×
        </button>
      </header>
      <p className="hint">{t.mergeIntro}</p>
      {!other ? (
        <div className="merge-search">
          <label htmlFor="merge-search">{t.mergeSearch}</label>
          <input id="merge-search" ref={search} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          {matches.length === 0 ? (
            <p className="hint">{t.mergeNoMatch}</p>
          ) : (
            <ul className="merge-matches">
              {matches.map((a) => (
                <li key={a.id}>
                  <button type="button" onClick={() => setOther(a)}>
                    {a.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <>
          <fieldset className="merge-keep">
            <legend>{t.mergeKeep}</legend>
            <label>
              <input type="radio" name="merge-keep" checked={keepOther} onChange={() => setKeepOther(true)} />
              {t.mergeKeepThis(other.name)}
            </label>
            <label>
              <input type="radio" name="merge-keep" checked={!keepOther} onChange={() => setKeepOther(false)} />
              {t.mergeKeepThis(props.actor.name)}
            </label>
            <button type="button" className="link" onClick={() => setOther(null)}>
              {t.mergeChooseOther}
            </button>
          </fieldset>
          <div className="form-row">
            <label htmlFor="merge-date" title={t.effectiveDateHint}>
              {t.effectiveDate}
            </label>
            <input id="merge-date" type="date" value={date} max={today()} onChange={(e) => setDate(e.target.value)} />
          </div>
          <section className="merge-preview" aria-label={t.mergePreview} aria-busy={!preview && !error}>
            <h3>{t.mergePreview}</h3>
            {preview && keep && gone && (
              <ul>
                {visibleSteps(preview.steps).map((step) => (
                  <li key={`${step.entityId}-${step.action}`} className={`merge-step ${step.action.toLowerCase()}`}>
                    {stepText(step, keep.name, t, {
                      entity: (type) => entity(type as never),
                      enumLabel,
                      projectName: props.projectName,
                    })}
                  </li>
                ))}
                {preview.steps.length === 0 && <li>{t.mergeNothingMoves}</li>}
                <li className="merge-step ended">{t.mergeEnds(gone.name)}</li>
              </ul>
            )}
            {!preview && !error && <p>{t.loading}</p>}
          </section>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <footer>
        <button
          type="button"
          className="primary"
          disabled={!preview || !request || merge.isPending}
          onClick={() => {
            if (!request) return;
            setError(null);
            merge
              .mutateAsync(request)
              .then((done) => {
                props.onMerged(done.kept);
                close();
              })
              .catch((e: unknown) => setError(explain(e)));
          }}
        >
          {merge.isPending ? t.merging : t.mergeConfirm}
        </button>
        <button type="button" onClick={close}>
          {t.cancel}
        </button>
      </footer>
    </dialog>
  );
}
