import { useState } from 'react';
import type { EntityData } from '../../../api/entities.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { ENGAGEMENT_TEXT } from '../../../i18n/engagement.ts';
import type { RefOption } from '../../../panels/EntityForm.tsx';
import { NearDuplicateNotice, type NamedActor } from '../../../panels/NearDuplicateNotice.tsx';
import { toInput } from '../../../panels/fields.ts';
import { EngagementForm } from './EngagementForm.tsx';
import { errorText } from './errorText.ts';
import type { EngagementWrites } from './useEngagementData.ts';

export interface NewActorPanelProps {
  perimeters: readonly RefOption[];
  writes: EngagementWrites;
  titleOf(id: string): string | null;
  /** Both saved, at the form's date. */
  onSaved(actor: EntityData, engagement: EntityData): void;
  /** Nothing was saved: cancelling leaves no actor behind. */
  onCancel(): void;
  /** The territory's open actors, for the near-duplicate warning. */
  territoryActors: readonly NamedActor[];
  /**
   * « Utiliser cet acteur »: engage the existing actor instead, with the form's engagement and
   * date (or just show it when it is already engaged here). Resolves once done.
   */
  onUseExisting(actor: NamedActor, engagement: Record<string, unknown>, validFrom: string | null): Promise<void>;
}

/**
 * « Ajouter › Acteur »: a new actor of the territory and its engagement in this project, in one
 * form, with one effective date, saved in one operation (both or nothing).
 */
export function NewActorPanel(props: NewActorPanelProps) {
  const { t, lang } = useI18n();
  const text = ENGAGEMENT_TEXT[lang];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <>
      <h2>
        <small>{t.add}</small>
        <br />
        {text.newActorTitle}
      </h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <EngagementForm
        withActor
        autoFocus
        initialEngagement={{ level: 'INFORME', role: '', perimeterId: '' }}
        perimeters={props.perimeters}
        busy={busy}
        submitLabel={t.create}
        onCancel={props.onCancel}
        actorNotice={({ actor, engagement, validFrom }) => (
          <NearDuplicateNotice
            name={String(actor?.name ?? '')}
            actors={props.territoryActors}
            exceptId={null}
            action="use"
            disabled={busy}
            onChoose={(existing) => {
              setBusy(true);
              setError(null);
              props
                .onUseExisting(existing, toInput('Engagement', engagement), validFrom)
                .catch((e: unknown) => {
                  setError(
                    errorText(e, text, lang, {
                      validFrom,
                      what: text.thisActor(existing.name),
                      actorName: existing.name,
                      titleOf: props.titleOf,
                    }),
                  );
                })
                .finally(() => setBusy(false));
            }}
          />
        )}
        onSubmit={({ actor, engagement, validFrom }) => {
          setBusy(true);
          setError(null);
          props.writes
            .createEngagedActor(toInput('Actor', actor ?? {}), toInput('Engagement', engagement), validFrom)
            .then((saved) => props.onSaved(saved.actor, saved.engagement))
            .catch((e: unknown) => {
              const name = String(actor?.name ?? '');
              setError(
                errorText(e, text, lang, { validFrom, what: text.thisActor(name), actorName: name, titleOf: props.titleOf }),
              );
            })
            .finally(() => setBusy(false));
        }}
      />
    </>
  );
}
