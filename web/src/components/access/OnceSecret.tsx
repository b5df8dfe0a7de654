import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/**
 * A secret shown once, right after it was created (a token, a wall link's URL): read-only text,
 * selected on focus, with a copy button. Nothing keeps it once the dialog or page closes.
 */
export function OnceSecret({ message, value, label }: { message: string; value: string; label: string }) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  return (
    <div className="once-secret" role="status">
      <p>
        <strong>{message}</strong>
      </p>
      <div className="once-secret-row">
        <input
          type="text"
          readOnly
          value={value}
          aria-label={label}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="primary"
          onClick={() => {
            navigator.clipboard
              .writeText(value)
              .then(() => setCopy('done'))
              .catch(() => setCopy('failed'));
          }}
        >
          {copy === 'done' ? `✓ ${t.copied}` : t.copy}
        </button>
      </div>
      {copy === 'failed' && <p className="error">{t.copyFailed}</p>}
    </div>
  );
}
