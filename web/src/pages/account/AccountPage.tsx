import { useApiTokens, useCreateApiToken, useRevokeApiToken, useViewer } from '../../api/access.ts';
import { CredentialForm } from '../../components/access/CredentialForm.tsx';
import { CredentialTable } from '../../components/access/CredentialTable.tsx';
import { OnceSecret } from '../../components/access/OnceSecret.tsx';
import { PasswordForm } from '../../components/access/PasswordForm.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { accessErrorText } from '../../i18n/accessErrors.ts';

/** /compte: the signed-in user's password and personal API tokens. */
export function AccountPage() {
  const { t } = useI18n();
  const viewer = useViewer();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const user = viewer.data?.viewer.user ?? null;
  const error = create.error ?? revoke.error ?? tokens.error;

  return (
    <main className="page account-page">
      <h1>{t.accountTitle}</h1>
      {user && (
        <p>
          {user.name} · <span className="muted">{user.email}</span>
        </p>
      )}
      <section className="account-section">
        {/* An account opened by a one-time link has no password yet: it sets one, no current one asked. */}
        <PasswordForm
          title={user?.hasPassword === false ? t.setPasswordTitle : t.changePasswordTitle}
          requireCurrent={user?.hasPassword !== false}
        />
      </section>
      <section className="account-section" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t.apiTokensTitle}</h2>
        <p className="hint">{t.apiTokensIntro}</p>
        <CredentialForm
          submitLabel={t.createToken}
          placeholder={t.tokenNamePlaceholder}
          busy={create.isPending}
          onCreate={(input) => {
            revoke.reset();
            return create.mutateAsync(input);
          }}
        />
        {create.data && <OnceSecret message={t.tokenCreated} value={create.data.secret} label={create.data.apiToken.name} />}
        {error && (
          <p className="error" role="alert">
            {accessErrorText(error, t)}
          </p>
        )}
        {tokens.isPending && <p aria-busy="true">{t.loading}</p>}
        {tokens.data && (
          <CredentialTable
            rows={tokens.data.apiTokens}
            caption={t.apiTokensTitle}
            empty={t.noTokens}
            busy={revoke.isPending}
            confirmText={t.confirmRevokeToken}
            onRevoke={(id) => {
              create.reset();
              revoke.mutate(id);
            }}
          />
        )}
      </section>
    </main>
  );
}
