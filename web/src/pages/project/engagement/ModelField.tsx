import { ENTITIES, type EntityType } from '@trame/graph/model';
import type { ReactNode, Ref } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import type { RefOption } from '../../../panels/EntityForm.tsx';

export interface ModelFieldProps {
  type: EntityType;
  name: string;
  value: unknown;
  /** The field's message when it is wrong and touched, else null. */
  error: string | null;
  disabled: boolean;
  /** A ref field's choices. */
  options?: readonly RefOption[];
  inputRef?: Ref<HTMLInputElement>;
  onChange(value: unknown): void;
}

/**
 * One form row for a text, enum or ref field of the model (the kinds an actor and its engagement
 * have), labelled as the editor's other forms are (EntityForm), with its inline message.
 */
export function ModelField(props: ModelFieldProps) {
  const { t, field, enumLabel } = useI18n();
  const spec = ENTITIES[props.type].fields[props.name];
  if (!spec) throw new Error(`unknown field ${props.type}.${props.name}`);
  const id = `field-${props.type}-${props.name}`;
  const value = props.value;
  let input: ReactNode;
  switch (spec.kind) {
    case 'text':
      input =
        spec.max > 300 ? (
          <textarea
            id={id}
            value={String(value ?? '')}
            disabled={props.disabled}
            rows={2}
            maxLength={spec.max}
            onChange={(e) => props.onChange(e.target.value)}
          />
        ) : (
          <input
            id={id}
            ref={props.inputRef}
            type="text"
            value={String(value ?? '')}
            disabled={props.disabled}
            maxLength={spec.max}
            onChange={(e) => props.onChange(e.target.value)}
          />
        );
      break;
    case 'enum':
      input = (
        <select
          id={id}
          value={String(value ?? '')}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value || null)}
        >
          {!spec.required && <option value="">{t.none}</option>}
          {spec.values.map((v) => (
            <option key={v} value={v}>
              {enumLabel(v)}
            </option>
          ))}
        </select>
      );
      break;
    case 'ref':
      input = (
        <select
          id={id}
          value={String(value ?? '')}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value || null)}
        >
          <option value="">{t.none}</option>
          {(props.options ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    default:
      throw new Error(`ModelField: ${spec.kind} fields are not offered here`);
  }
  return (
    <div className={`form-row kind-${spec.kind}`}>
      <label htmlFor={id}>
        {field(props.name, spec.label)}
        {spec.required && (
          <span className="required" title={t.required}>
            {' '}
            *
          </span>
        )}
      </label>
      {input}
      {props.error && (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
