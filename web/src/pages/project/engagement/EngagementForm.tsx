import { today } from '@trame/graph/model';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import { ENGAGEMENT_TEXT } from '../../../i18n/engagement.ts';
import type { RefOption } from '../../../panels/EntityForm.tsx';
import { fieldError, type FormValues } from '../../../panels/fields.ts';
import { ModelField } from './ModelField.tsx';

const ACTOR_FIELDS = ['name', 'kind', 'description'] as const;
const ENGAGEMENT_FIELDS = ['level', 'role', 'perimeterId'] as const;

/** What the form sends: the actor's fields (new actor only), the engagement's, one effective date. */
export interface EngagementSubmit {
  actor: FormValues | null;
  engagement: FormValues;
  /** YYYY-MM-DD, or null for today. */
  validFrom: string | null;
}

export interface EngagementFormProps {
  /** `withActor`: a new actor and its engagement, in one form with one date. */
  withActor: boolean;
  initialActor?: FormValues;
  initialEngagement: FormValues;
  perimeters: readonly RefOption[];
  busy: boolean;
  submitLabel: string;
  /** Put the cursor in « Nom » on opening (the `A` shortcut). */
  autoFocus?: boolean;
  onSubmit(values: EngagementSubmit): void;
  onCancel(): void;
  /** Shown under the new actor's fields, with what the form holds (the near-duplicate warning). */
  actorNotice?(values: EngagementSubmit): ReactNode;
}

/**
 * The engagement's form — level, role, entry perimeter — with, for a new actor, its name, kind
 * and description above, and ONE effective date for all (past allowed, the future refused as the
 * API does). Validated inline with the model's rules (panels/fields.ts).
 */
export function EngagementForm(props: EngagementFormProps) {
  const { t, lang } = useI18n();
  const text = ENGAGEMENT_TEXT[lang];
  const [actor, setActor] = useState<FormValues>(props.initialActor ?? { name: '', kind: 'ELU', description: '' });
  const [engagement, setEngagement] = useState<FormValues>(props.initialEngagement);
  const [validFrom, setValidFrom] = useState(today());
  const [touched, setTouched] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (props.autoFocus) nameRef.current?.focus();
  }, [props.autoFocus]);

  const actorErrors = props.withActor
    ? Object.fromEntries(ACTOR_FIELDS.map((name) => [name, fieldError('Actor', name, actor[name], lang)]))
    : {};
  const engagementErrors = Object.fromEntries(
    ENGAGEMENT_FIELDS.map((name) => [name, fieldError('Engagement', name, engagement[name], lang)]),
  );
  const hasErrors = [...Object.values(actorErrors), ...Object.values(engagementErrors)].some(Boolean);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (hasErrors) return;
    props.onSubmit({
      actor: props.withActor ? actor : null,
      engagement,
      validFrom: validFrom && validFrom !== today() ? validFrom : null,
    });
  };

  return (
    <form className="entity-form engagement-form" onSubmit={submit} noValidate aria-label={text.engagementTitle}>
      {props.withActor && (
        <fieldset className="form-group">
          {ACTOR_FIELDS.map((name) => (
            <ModelField
              key={name}
              type="Actor"
              name={name}
              value={actor[name]}
              error={touched ? (actorErrors[name] ?? null) : null}
              disabled={props.busy}
              {...(name === 'name' ? { inputRef: nameRef } : {})}
              onChange={(value) => setActor((v) => ({ ...v, [name]: value }))}
            />
          ))}
          {props.actorNotice?.({ actor, engagement, validFrom: validFrom && validFrom !== today() ? validFrom : null })}
        </fieldset>
      )}
      <fieldset className="form-group">
        {props.withActor && <legend>{text.engagementTitle}</legend>}
        {ENGAGEMENT_FIELDS.map((name) => (
          <ModelField
            key={name}
            type="Engagement"
            name={name}
            value={engagement[name]}
            error={touched ? (engagementErrors[name] ?? null) : null}
            disabled={props.busy}
            options={props.perimeters}
            onChange={(value) => setEngagement((v) => ({ ...v, [name]: value }))}
          />
        ))}
      </fieldset>
      <div className="form-row">
        <label htmlFor="field-engagement-validFrom" title={t.effectiveDateHint}>
          {t.effectiveDate}
        </label>
        <input
          id="field-engagement-validFrom"
          type="date"
          value={validFrom}
          max={today()}
          onChange={(e) => setValidFrom(e.target.value)}
          disabled={props.busy}
        />
      </div>
      {props.withActor && <p className="hint small">{text.newActorHint}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.busy ? t.saving : props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
