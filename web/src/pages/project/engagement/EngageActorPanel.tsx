import { useEffect, useMemo, useRef, useState } from 'react';
import type { EntityData } from '../../../api/entities.ts';
import { normalise } from '../../../map/elements.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { ENGAGEMENT_TEXT } from '../../../i18n/engagement.ts';
import type { RefOption } from '../../../panels/EntityForm.tsx';
import { toInput } from '../../../panels/fields.ts';
import { EngagementForm } from './EngagementForm.tsx';
import { errorText } from './errorText.ts';
import type { EngagementLoad, EngagementWrites } from './useEngagementData.ts';

export interface EngageActorPanelProps {
  projectId: string;
  /** The territory's actors (engaged here or not). */
  actors: readonly EntityData[];
  /** Where each actor is engaged (projects of the territory), for the DGS's engagement load; null while read. */
  load: EngagementLoad | null;
  perimeters: readonly RefOption[];
  writes: EngagementWrites;
  titleOf(id: string): string | null;
  onSaved(engagement: EntityData): void;
  onCancel(): void;
}

/** How many matches the list shows: a pilot narrows the search rather than scrolls. */
const SHOWN = 12;

/**
 * « Engager un acteur du territoire »: search the territory's actors — each with the projects it
 * is already engaged in and its level there — choose one, then its engagement in this project.
 */
export function EngageActorPanel(props: EngageActorPanelProps) {
  const { t, lang, enumLabel } = useI18n();
  const text = ENGAGEMENT_TEXT[lang];
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<EntityData | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  // The search box has the keyboard when the panel opens (and when « Choisir un autre acteur »).
  useEffect(() => {
    if (!chosen) searchBox.current?.focus();
  }, [chosen]);

  const matches = useMemo(() => {
    const wanted = normalise(query.trim());
    return [...props.actors]
      .filter((a) => !wanted || normalise(String(a.name ?? '')).includes(wanted))
      .sort((a, b) => String(a.name).localeCompare(String(b.name), 'fr'));
  }, [props.actors, query]);

  const elsewhere = (actorId: string) => (props.load?.get(actorId) ?? []).filter((e) => e.projectId !== props.projectId);
  const engagedHere = (actorId: string) => (props.load?.get(actorId) ?? []).some((e) => e.projectId === props.projectId);

  return (
    <>
      <h2>
        <small>{t.add}</small>
        <br />
        {text.engageTitle}
      </h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {chosen ? (
        <>
          <p className="chosen-actor">
            {text.chosenActor} : <strong>{String(chosen.name)}</strong>{' '}
            <button type="button" className="link" onClick={() => setChosen(null)} disabled={busy}>
              {text.changeActor}
            </button>
          </p>
          <EngagementForm
            key={chosen.id}
            withActor={false}
            initialEngagement={{ level: 'INFORME', role: '', perimeterId: '' }}
            perimeters={props.perimeters}
            busy={busy}
            submitLabel={text.engage}
            onCancel={props.onCancel}
            onSubmit={({ engagement, validFrom }) => {
              setBusy(true);
              setError(null);
              props.writes
                .createEngagement(toInput('Engagement', { ...engagement, actorId: chosen.id }), validFrom)
                .then(props.onSaved)
                .catch((e: unknown) => {
                  const name = String(chosen.name ?? '');
                  setError(
                    errorText(e, text, lang, { validFrom, what: text.thisActor(name), actorName: name, titleOf: props.titleOf }),
                  );
                })
                .finally(() => setBusy(false));
            }}
          />
        </>
      ) : (
        <div className="engage-search">
          <label htmlFor="engage-search">{text.engageSearch}</label>
          <input
            id="engage-search"
            ref={searchBox}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
          />
          {matches.length === 0 ? (
            <p className="hint">{text.engageNoMatch}</p>
          ) : (
            <ul className="engage-candidates">
              {matches.slice(0, SHOWN).map((actor) => {
                const here = engagedHere(actor.id);
                const others = elsewhere(actor.id);
                return (
                  <li key={actor.id}>
                    <button
                      type="button"
                      disabled={here}
                      aria-label={`${text.choose} ${String(actor.name)}`}
                      onClick={() => setChosen(actor)}
                    >
                      <strong>{String(actor.name)}</strong> <small>{enumLabel(String(actor.kind))}</small>
                    </button>
                    <span className="engaged-where">
                      {props.load === null
                        ? t.loading
                        : here
                          ? text.alreadyHere
                          : others.length > 0
                            ? text.engagedElsewhere(
                                others.map((e) => `${e.projectName} (${enumLabel(e.level).toLowerCase()})`).join(', '),
                              )
                            : text.engagedNowhere}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          <div className="form-actions">
            <button type="button" onClick={props.onCancel}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
