import { ENTITIES, today, type EntityType } from '@trame/graph/model';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client.ts';
import type { EntityData } from '../../../api/entities.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { ENGAGEMENT_TEXT } from '../../../i18n/engagement.ts';
import { CorrectionOffer } from '../../../panels/CorrectionOffer.tsx';
import { changedFields, fieldError, toInput, type FormValues } from '../../../panels/fields.ts';
import { errorText } from '../engagement/errorText.ts';
import { ModelField } from '../engagement/ModelField.tsx';
import { useSetupWrites } from './useSetupWrites.ts';

export interface SetupFormProps {
  type: 'Territory' | 'Project';
  /** Null: a new one; else the entity edited. */
  entity: EntityData | null;
  /** Set by the context, not shown (a project's territory). */
  preset?: FormValues;
  title: string;
  onSaved(saved: EntityData): void;
  onCancel(): void;
}

/**
 * A territory's or a project's form: its fields from the model (the scope field set by the
 * context), one date — the day it begins for a new one (« Depuis le »), the day a change takes
 * effect for an edit — defaulting to today. An edit dated before the latest entry is offered as
 * a correction of that entry (CorrectionOffer). Messages name things by label, dates in French.
 */
export function SetupForm(props: SetupFormProps) {
  const { t, lang, entity: entityLabel } = useI18n();
  const writes = useSetupWrites();
  const spec = ENTITIES[props.type];
  const names = Object.entries(spec.fields)
    .filter(([, field]) => field.kind !== 'ref')
    .map(([name]) => name);
  const [values, setValues] = useState<FormValues>(() =>
    Object.fromEntries(names.map((name) => [name, props.entity?.[name] ?? (name === 'kind' ? 'COMMUNE' : '')])),
  );
  const [date, setDate] = useState(today());
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [correction, setCorrection] = useState<{ latest: string; patch: Record<string, unknown> } | null>(null);
  const errors = Object.fromEntries(names.map((name) => [name, fieldError(props.type, name, values[name])]));
  const hasErrors = Object.values(errors).some(Boolean);
  const validFrom = date && date !== today() ? date : null;
  const title = String(values[spec.titleField] ?? '');

  const save = (work: () => Promise<EntityData>) => {
    setBusy(true);
    setError(null);
    work()
      .then((saved) => {
        setCorrection(null);
        props.onSaved(saved);
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'DATE_BEFORE_LAST_CHANGE' && typeof e.extensions.latestFrom === 'string') {
          setCorrection({ latest: e.extensions.latestFrom, patch: correctionPatch() });
          return;
        }
        const what = `${entityLabel(props.type).toLowerCase()} « ${title} »`;
        setError(errorText(e, ENGAGEMENT_TEXT[lang], lang, { validFrom, what, titleOf: () => null }));
      })
      .finally(() => setBusy(false));
  };

  const correctionPatch = () => (props.entity ? toInput(props.type, values, changedFields(props.entity, values)) : {});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (hasErrors) return;
    const entity = props.entity;
    if (!entity) {
      const input = toInput(props.type, { ...values, ...props.preset });
      save(() => writes.run({ op: 'create', type: props.type, input, validFrom }));
    } else {
      const patch = correctionPatch();
      save(() => writes.run({ op: 'update', type: props.type, id: entity.id, version: entity.version, patch, validFrom }));
    }
  };

  return (
    <form className="entity-form setup-form" onSubmit={submit} noValidate aria-label={props.title}>
      <h3>{props.title}</h3>
      {names.map((name) => (
        <ModelField
          key={name}
          type={props.type as EntityType}
          name={name}
          value={values[name]}
          error={touched ? (errors[name] ?? null) : null}
          disabled={busy}
          onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
        />
      ))}
      <div className="form-row">
        <label htmlFor={`field-${props.type}-validFrom`} title={t.startedOnHint}>
          {props.entity ? t.changedOn : t.startedOn}
        </label>
        <input
          id={`field-${props.type}-validFrom`}
          type="date"
          value={date}
          max={today()}
          disabled={busy}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {correction && props.entity && validFrom && (
        <CorrectionOffer
          what={`${entityLabel(props.type)} « ${String(props.entity[spec.titleField] ?? '')} »`}
          date={validFrom}
          latest={correction.latest}
          busy={busy}
          onCorrect={() => {
            const entity = props.entity!;
            save(() =>
              writes.run({
                op: 'correct',
                type: props.type,
                id: entity.id,
                version: entity.version,
                patch: correction.patch,
                validFrom,
              }),
            );
          }}
          onCancel={() => setCorrection(null)}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.saving : props.entity ? t.save : t.create}
        </button>
        <button type="button" onClick={props.onCancel} disabled={busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
