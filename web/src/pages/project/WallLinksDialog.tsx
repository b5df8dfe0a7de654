import { useEffect, useRef } from 'react';
import { useCreateWallLink, useRevokeWallLink, useWallLinks } from '../../api/access.ts';
import { CredentialForm } from '../../components/access/CredentialForm.tsx';
import { CredentialTable } from '../../components/access/CredentialTable.tsx';
import { OnceSecret } from '../../components/access/OnceSecret.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { accessErrorText } from '../../i18n/accessErrors.ts';

/**
 * The project's wall links (for those who may share it): the list with hints, dates, last use
 * and revocations; create one (name, optional expiry) and see its URL once, with a copy button;
 * revoke one (an open wall takes the map off at once: its live streams end with a refusal).
 */
export function WallLinksDialog({
  projectId,
  projectName,
  onClose,
}: {
  projectId: string;
  projectName: string;
  onClose(): void;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const links = useWallLinks(projectId);
  const create = useCreateWallLink(projectId);
  const revoke = useRevokeWallLink(projectId);
  const error = create.error ?? revoke.error ?? links.error;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="import-dialog wall-links-dialog" aria-labelledby="wall-links-title" onClose={onClose}>
      <header>
        <h2 id="wall-links-title">{t.wallLinksTitle(projectName)}</h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label={t.close}>
          ×
        </button>
      </header>
      <p className="hint">{t.wallLinksIntro}</p>
      <CredentialForm
        submitLabel={t.createWallLink}
        placeholder={t.wallLinkNamePlaceholder}
        busy={create.isPending}
        onCreate={(input) => {
          revoke.reset();
          return create.mutateAsync(input);
        }}
      />
      {create.data && <OnceSecret message={t.wallLinkCreated} value={create.data.url} label={create.data.wallLink.name} />}
      {error && (
        <p className="error" role="alert">
          {accessErrorText(error, t)}
        </p>
      )}
      {links.isPending && <p aria-busy="true">{t.loading}</p>}
      {links.data && (
        <CredentialTable
          rows={links.data.wallLinks}
          caption={t.wallLinks}
          empty={t.noWallLinks}
          busy={revoke.isPending}
          confirmText={t.confirmRevokeWallLink}
          onRevoke={(id) => {
            create.reset();
            revoke.mutate(id);
          }}
        />
      )}
      <footer>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t.close}
        </button>
      </footer>
    </dialog>
  );
}
