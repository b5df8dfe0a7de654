import { useState, type FormEvent } from 'react';
import { today } from '@trame/graph/model';
import { useI18n } from '../../i18n/index.tsx';

/**
 * « Nom » and an optional expiry day, then create: the form for a personal token and for a wall
 * link. `onCreate` resolves once created (the form empties) or rejects (the caller shows why).
 */
export function CredentialForm({
  submitLabel,
  placeholder,
  busy,
  onCreate,
}: {
  submitLabel: string;
  placeholder: string;
  busy: boolean;
  onCreate(input: { name: string; expiresAt: string | null }): Promise<unknown>;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setProblem(t.nameRequired);
    if (expiresAt && expiresAt <= today()) return setProblem(t.expiryInPast);
    setProblem(null);
    onCreate({ name: name.trim(), expiresAt: expiresAt || null }).then(
      () => {
        setName('');
        setExpiresAt('');
      },
      () => {},
    );
  };

  return (
    <form className="credential-form" onSubmit={submit} noValidate>
      <label>
        {t.tokenName}
        <input
          type="text"
          value={name}
          maxLength={100}
          placeholder={placeholder}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={problem === t.nameRequired}
        />
      </label>
      <label>
        {t.expiresOnOptional}
        <input type="date" value={expiresAt} min={tomorrow} onChange={(e) => setExpiresAt(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
