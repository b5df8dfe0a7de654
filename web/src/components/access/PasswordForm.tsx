import { useId, useState, type FormEvent } from 'react';
import { useChangePassword } from '../../api/access.ts';
import { useI18n } from '../../i18n/index.tsx';
import { accessErrorText } from '../../i18n/accessErrors.ts';

/** The domain's bounds (graph/src/access): 12 to 256 characters, counted in code points. */
const MIN_LENGTH = 12;

/**
 * Sets a new password: with the current one (the account page), or without it right after a
 * one-time sign-in link (`requireCurrent` false: the API accepts a null current password then).
 */
export function PasswordForm({ title, requireCurrent, onDone }: { title: string; requireCurrent: boolean; onDone?(): void }) {
  const { t } = useI18n();
  const id = useId();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if ([...next].length < MIN_LENGTH) return setProblem(t.passwordTooShort);
    if (next !== confirm) return setProblem(t.passwordMismatch);
    setProblem(null);
    change.mutate(
      { currentPassword: requireCurrent ? current : null, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          setDone(true);
          onDone?.();
        },
        onError: (error) => setProblem(error.code === 'INVALID_CREDENTIALS' ? t.currentPasswordWrong : accessErrorText(error, t)),
      },
    );
  };

  return (
    <form className="password-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{title}</h2>
      {requireCurrent && (
        <label>
          {t.currentPassword}
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
      )}
      <label>
        {t.newPassword}
        <input
          type="password"
          autoComplete="new-password"
          value={next}
          minLength={MIN_LENGTH}
          maxLength={256}
          onChange={(e) => setNext(e.target.value)}
          aria-describedby={`${id}-rule`}
          required
        />
      </label>
      <p className="hint" id={`${id}-rule`}>
        {t.passwordRule}
      </p>
      <label>
        {t.confirmPassword}
        <input
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          required
        />
      </label>
      <button type="submit" className="primary" disabled={change.isPending}>
        {change.isPending ? t.saving : t.savePassword}
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {done && (
        <p className="success" role="status">
          {t.passwordChanged}
        </p>
      )}
    </form>
  );
}
