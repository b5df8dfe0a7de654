import type { Credential } from '../../api/accessDocuments.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Whether a token or a wall link still opens anything, in words. */
export function credentialState(
  credential: Credential,
  now: Date,
  t: ReturnType<typeof useI18n>['t'],
  formatDate: (iso: string) => string,
) {
  if (credential.revokedAt) return { active: false, text: t.stateRevoked(formatDate(credential.revokedAt)) };
  if (credential.expiresAt && new Date(credential.expiresAt) <= now) return { active: false, text: t.stateExpired };
  return { active: true, text: t.stateActive };
}

/**
 * Personal tokens or wall links, listed with their hint (never the secret), dates and last use;
 * a « Révoquer » button on each one still active.
 */
export function CredentialTable({
  rows,
  caption,
  empty,
  busy,
  confirmText,
  onRevoke,
}: {
  rows: Credential[];
  caption: string;
  empty: string;
  busy: boolean;
  confirmText(name: string): string;
  onRevoke(id: string): void;
}) {
  const { t, formatDate } = useI18n();
  if (rows.length === 0) return <p className="hint">{empty}</p>;
  const now = new Date();
  const sorted = [...rows].sort(
    (a, b) => Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <table className="credential-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colName}</th>
          <th scope="col">{t.colHint}</th>
          <th scope="col">{t.colCreated}</th>
          <th scope="col">{t.colExpires}</th>
          <th scope="col">{t.colLastUsed}</th>
          <th scope="col">{t.colState}</th>
          <th scope="col">
            <span className="visually-hidden">{t.revoke}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => {
          const state = credentialState(row, now, t, formatDate);
          return (
            <tr key={row.id} className={state.active ? '' : 'inactive'}>
              <td>{row.name}</td>
              <td>
                {/* The hint carries its own « … » (graph/src/access/secrets.ts). */}
                <code>{row.hint.endsWith('…') ? row.hint : `${row.hint}…`}</code>
              </td>
              <td>{formatDate(row.createdAt)}</td>
              <td>{row.expiresAt ? formatDate(row.expiresAt) : t.noExpiry}</td>
              <td>{row.lastUsedAt ? formatDate(row.lastUsedAt) : t.never}</td>
              <td>{state.text}</td>
              <td>
                {state.active && (
                  <button
                    type="button"
                    className="danger"
                    disabled={busy}
                    aria-label={`${t.revoke} ${row.name}`}
                    onClick={() => {
                      if (window.confirm(confirmText(row.name))) onRevoke(row.id);
                    }}
                  >
                    {t.revoke}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
