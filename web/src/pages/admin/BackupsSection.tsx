import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { downloadBackup, restoreBackupFile } from '../../export/backups.ts';
import { useI18n } from '../../i18n/index.tsx';

/**
 * The administration page's « Sauvegardes »: download the whole database's backup or one
 * territory's; upload one to restore it (refusals in the server's words: an id already there,
 * a newer or older format).
 */
export function BackupsSection({ territories }: { territories: readonly { id: string; name: string }[] }) {
  const { t, plural } = useI18n();
  const client = useQueryClient();
  const [scope, setScope] = useState('');
  const [busy, setBusy] = useState<'download' | 'restore' | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const save = async () => {
    setBusy('download');
    setMessage(null);
    try {
      await downloadBackup(scope || null);
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };
  const restore = async (file: File | undefined) => {
    if (!file) return;
    setBusy('restore');
    setMessage(null);
    try {
      const stats = await restoreBackupFile(file);
      const summary = [
        plural(stats.entities, { one: t.backupEntitiesOne, other: t.backupEntitiesOther }),
        plural(stats.changes, { one: t.backupChangesOne, other: t.backupChangesOther }),
        plural(stats.users, { one: t.backupUsersOne, other: t.backupUsersOther }),
      ].join(', ');
      setMessage({ error: false, text: t.backupRestored(summary) });
      await client.invalidateQueries();
    } catch (e) {
      setMessage({ error: true, text: t.backupRefused(e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="backups-title" className="backups">
      <h2 id="backups-title">{t.backups}</h2>
      <p className="hint">{t.backupsIntro}</p>
      <p>
        <label>
          {t.backupScope}{' '}
          <select value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">{t.backupWhole}</option>
            {territories.map((territory) => (
              <option key={territory.id} value={territory.id}>
                {territory.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" disabled={busy !== null} onClick={() => void save()}>
          {busy === 'download' ? t.backupDownloading : t.backupDownload}
        </button>
      </p>
      <p>
        <label>
          {t.backupRestore}{' '}
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy !== null}
            onChange={(e) => {
              void restore(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </p>
      <p className="hint">{t.backupRestoreHint}</p>
      {busy === 'restore' && <p aria-busy="true">{t.backupRestoring}</p>}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}
