import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface CellOption {
  value: string;
  label: string;
}

export interface EditCellProps {
  /** What the cell shows when not edited. */
  display: ReactNode;
  /** The value the editor starts from: text, or an option's value. */
  initial: string;
  /** `text`: an input; `select`: the options (saved as soon as one is chosen). */
  options?: readonly CellOption[];
  maxLength?: number;
  /** The accessible name of the cell's button and editor: « Position de « AMAP » sur « … » ». */
  label: string;
  readOnly: boolean;
  /** The model's rule for the value (panels/fields.ts `fieldError`): a message, or null. */
  validate(value: string): string | null;
  /** Saves; rejects with a message already in words. */
  onSave(value: string): Promise<void>;
  className?: string;
}

/**
 * A table cell edited in place: a click (or Enter) opens the editor, Enter or a choice saves,
 * Escape cancels. The value is checked with the same rule as the side panel's form before it is
 * sent; a refused value stays in the editor with its message.
 */
export function EditCell(props: EditCellProps) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement & HTMLSelectElement>(null);

  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);

  if (props.readOnly) return <span className={props.className}>{props.display}</span>;

  const open = () => {
    setValue(props.initial);
    setError(null);
    setEditing(true);
  };
  const save = (next: string) => {
    const problem = props.validate(next);
    if (problem) {
      setError(problem);
      return;
    }
    if (next === props.initial) {
      setEditing(false);
      return;
    }
    setBusy(true);
    props
      .onSave(next)
      .then(() => setEditing(false))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(false);
    } else if (event.key === 'Enter' && !props.options) {
      event.preventDefault();
      save(value);
    }
  };

  if (!editing)
    return (
      <button type="button" className={`cell-button ${props.className ?? ''}`} aria-label={props.label} onClick={open}>
        {props.display}
      </button>
    );

  return (
    <span className="cell-editor">
      {props.options ? (
        <select
          ref={field}
          aria-label={props.label}
          value={value}
          disabled={busy}
          onKeyDown={keys}
          onBlur={() => !busy && !error && setEditing(false)}
          onChange={(e) => {
            setValue(e.target.value);
            save(e.target.value);
          }}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          ref={field}
          type="text"
          aria-label={props.label}
          value={value}
          maxLength={props.maxLength}
          disabled={busy}
          aria-invalid={error !== null}
          onKeyDown={keys}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
          onBlur={() => !busy && save(value)}
        />
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
