import { useState, type FormEvent, type ReactNode } from 'react';
import { ENTITIES, today, type EntityType } from '@trame/graph/model';
import { useI18n } from '../i18n/index.tsx';
import { sentence } from '../i18n/sentence.ts';
import { fieldError, formFields, type FormField, type FormValues } from './fields.ts';

export interface RefOption {
  id: string;
  label: string;
}
export type RefOptions = Partial<Record<EntityType, RefOption[]>>;

export interface EntityFormProps {
  type: EntityType;
  mode: 'create' | 'edit';
  initial: FormValues;
  refOptions: RefOptions;
  /** Fields the context sets (the project, the territory): not shown. */
  hidden?: readonly string[];
  busy: boolean;
  submitLabel?: string;
  onSubmit(values: FormValues, validFrom: string | null): void;
  onCancel(): void;
  /** Shown under a field, with what the form holds (a renamed actor's near-duplicate warning). */
  fieldNotice?(field: string, values: FormValues): ReactNode;
}

/** A form for one entity, generated from the model, validated inline with the API's rules. */
export function EntityForm(props: EntityFormProps) {
  const { t, field: fieldName, enumLabel, lang, entity } = useI18n();
  const [values, setValues] = useState<FormValues>(props.initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [validFrom, setValidFrom] = useState(today());
  const fields = formFields(props.type, props.mode).filter((f) => !props.hidden?.includes(f.name));
  const errors = Object.fromEntries(
    fields.map((f) => [f.name, f.editable ? fieldError(props.type, f.name, values[f.name], lang) : null]),
  );
  // The entity's own rule (a conflict arbitrated describes its arbitration), said beside the
  // field it asks for as soon as it applies, not only after « Créer ».
  const rule = ENTITIES[props.type].check?.(values);
  const ruleField = rule?.code === 'ARBITRATION_REQUIRED' ? 'arbitration' : null;
  if (rule && ruleField && ruleField in errors && !errors[ruleField]) {
    errors[ruleField] = lang === 'fr' ? sentence(rule.message) : t.arbitrationRequired;
  }
  const hasErrors = Object.values(errors).some(Boolean);
  // An entity that is itself a date (a milestone) asks that one date only: it is recorded from
  // that day when it is past, from today otherwise; an edit takes effect today.
  const ownDate = fields.find((f) => f.spec.kind === 'date' && f.required)?.name ?? null;
  const effectiveFrom = (): string | null => {
    if (!ownDate) return validFrom && validFrom !== today() ? validFrom : null;
    const day = String(values[ownDate] ?? '');
    return props.mode === 'create' && day && day < today() ? day : null;
  };

  const set = (name: string, value: unknown) => {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((s) => new Set(s).add(name));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(new Set(fields.map((f) => f.name)));
    if (hasErrors) return;
    props.onSubmit(values, effectiveFrom());
  };

  const input = (f: FormField) => {
    const id = `field-${props.type}-${f.name}`;
    const value = values[f.name];
    const disabled = !f.editable || props.busy;
    switch (f.spec.kind) {
      case 'text':
        return f.spec.max > 300 ? (
          <textarea
            id={id}
            value={String(value ?? '')}
            disabled={disabled}
            rows={3}
            maxLength={f.spec.max}
            onChange={(e) => set(f.name, e.target.value)}
          />
        ) : (
          <input
            id={id}
            type="text"
            value={String(value ?? '')}
            disabled={disabled}
            maxLength={f.spec.max}
            onChange={(e) => set(f.name, e.target.value)}
          />
        );
      case 'int':
        return (
          <input
            id={id}
            type="number"
            step={1}
            min={f.spec.min}
            max={f.spec.max}
            value={value === null || value === undefined || value === '' ? '' : Number(value)}
            disabled={disabled}
            onChange={(e) => set(f.name, e.target.value === '' ? null : Number(e.target.value))}
          />
        );
      case 'bool':
        return (
          <input
            id={id}
            type="checkbox"
            checked={Boolean(value)}
            disabled={disabled}
            onChange={(e) => set(f.name, e.target.checked)}
          />
        );
      case 'date':
        return (
          <input
            id={id}
            type="date"
            value={String(value ?? '')}
            disabled={disabled}
            onChange={(e) => set(f.name, e.target.value)}
          />
        );
      case 'enum':
        return (
          <select id={id} value={String(value ?? '')} disabled={disabled} onChange={(e) => set(f.name, e.target.value || null)}>
            {!f.required && <option value="">{t.none}</option>}
            {f.spec.values.map((v) => (
              <option key={v} value={v}>
                {enumLabel(v)}
              </option>
            ))}
          </select>
        );
      case 'enumList': {
        const selected = new Set((value as string[] | null) ?? []);
        return (
          <fieldset id={id} className="checks">
            {f.spec.values.map((v) => (
              <label key={v}>
                <input
                  type="checkbox"
                  checked={selected.has(v)}
                  disabled={disabled}
                  onChange={(e) => set(f.name, e.target.checked ? [...selected, v] : [...selected].filter((s) => s !== v))}
                />
                {enumLabel(v)}
              </label>
            ))}
          </fieldset>
        );
      }
      case 'ref': {
        const options = props.refOptions[f.spec.target] ?? [];
        return (
          <select id={id} value={String(value ?? '')} disabled={disabled} onChange={(e) => set(f.name, e.target.value || null)}>
            <option value="">{t.none}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        );
      }
      case 'refList': {
        const selected = new Set((value as string[] | null) ?? []);
        const options = props.refOptions[f.spec.target] ?? [];
        return (
          <fieldset id={id} className="checks scroll">
            {options.map((o) => (
              <label key={o.id}>
                <input
                  type="checkbox"
                  checked={selected.has(o.id)}
                  disabled={disabled}
                  onChange={(e) => set(f.name, e.target.checked ? [...selected, o.id] : [...selected].filter((s) => s !== o.id))}
                />
                {o.label}
              </label>
            ))}
          </fieldset>
        );
      }
    }
  };

  return (
    <form className="entity-form" onSubmit={submit} noValidate aria-label={entity(props.type)}>
      {fields.map((f) => (
        <div key={f.name} className={`form-row kind-${f.spec.kind}`}>
          <label htmlFor={`field-${props.type}-${f.name}`}>
            {fieldName(f.name, f.spec.label)}
            {f.required && f.editable && (
              <span className="required" title={t.required}>
                {' '}
                *
              </span>
            )}
          </label>
          {input(f)}
          {(touched.has(f.name) || f.name === ruleField) && errors[f.name] && (
            <p className="field-error" role="alert">
              {errors[f.name]}
            </p>
          )}
          {props.fieldNotice?.(f.name, values)}
        </div>
      ))}
      {!ownDate && (
        <div className="form-row">
          <label htmlFor={`field-${props.type}-validFrom`} title={t.effectiveDateHint}>
            {t.effectiveDate}
          </label>
          <input
            id={`field-${props.type}-validFrom`}
            type="date"
            value={validFrom}
            max={today()}
            onChange={(e) => setValidFrom(e.target.value)}
            disabled={props.busy}
          />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.busy ? t.saving : (props.submitLabel ?? (props.mode === 'create' ? t.create : t.save))}
        </button>
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
