import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useViewer } from '../../api/access.ts';
import { OIDC_START, authOptions, signIn, signInWithLink } from '../../api/auth.ts';
import { PasswordForm } from '../../components/access/PasswordForm.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { accessErrorText, ssoErrorText } from '../../i18n/accessErrors.ts';
import { navigate } from '../../navigation.ts';
import { parseSignInParams, withParams } from '../../routes.ts';

/**
 * /connexion: e-mail and password; `?jeton=trame_lien_…` signs in with a one-time link, then
 * asks for a password; a « Se connecter avec … » button when single sign-on is configured;
 * `?erreur=CODE` (the single sign-on's return) in words. Goes back to `?retour` once signed in.
 */
export function SignInPage({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { returnTo, linkToken, error: ssoError } = useMemo(() => parseSignInParams(params), [params]);
  const viewer = useViewer();
  const options = useQuery({ queryKey: ['auth', 'options'], queryFn: authOptions, staleTime: Infinity });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);

  /** Someone else may have used this tab: nothing cached survives a sign-in. */
  const enter = () => {
    void client.resetQueries();
    navigate(returnTo, true);
  };

  const passwordSignIn = useMutation({ mutationFn: () => signIn(email.trim(), password), onSuccess: enter });
  const linkSignIn = useMutation({
    mutationFn: signInWithLink,
    onSuccess: (result) => {
      void client.resetQueries();
      if (!result.mustSetPassword) navigate(returnTo, true);
    },
  });

  // A one-time link is used once: the effect runs twice in development (StrictMode), the link must not.
  const used = useRef<string | null>(null);
  useEffect(() => {
    if (!linkToken || used.current === linkToken) return;
    used.current = linkToken;
    // The secret leaves the address bar and the history at once (it is spent either way).
    window.history.replaceState(null, '', withParams(window.location.pathname, window.location.search, { jeton: null }));
    linkSignIn.mutate(linkToken);
  }, [linkToken, linkSignIn]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) return setMissing(true);
    setMissing(false);
    passwordSignIn.mutate();
  };

  if (linkToken || !linkSignIn.isIdle) {
    return (
      <main className="page sign-in-page">
        <section className="sign-in-card" aria-labelledby="sign-in-title">
          <h1 id="sign-in-title">{t.signInTitle}</h1>
          {linkSignIn.isPending && <p aria-busy="true">{t.signInLinkChecking}</p>}
          {linkSignIn.error && (
            <p className="error" role="alert">
              {accessErrorText(linkSignIn.error, t)}
            </p>
          )}
          {linkSignIn.data?.mustSetPassword && (
            <>
              <p role="status">{t.signInLinkDone(linkSignIn.data.user.name)}</p>
              <PasswordForm title={t.setPasswordTitle} requireCurrent={false} onDone={() => navigate(returnTo, true)} />
            </>
          )}
          {linkSignIn.error && (
            <button type="button" onClick={() => navigate(window.location.pathname, true)}>
              {t.signInSubmit}
            </button>
          )}
        </section>
      </main>
    );
  }

  const user = viewer.data?.viewer.kind === 'USER' ? viewer.data.viewer.user : null;
  const oidc = options.data?.oidc ?? null;
  const error = passwordSignIn.error;
  return (
    <main className="page sign-in-page">
      <section className="sign-in-card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t.signInTitle}</h1>
        {ssoError && (
          <p className="error" role="alert">
            {ssoErrorText(ssoError, t)}
          </p>
        )}
        {user && (
          <p className="notice" role="status">
            {t.signInAlready(user.name)}{' '}
            <button type="button" onClick={() => navigate(returnTo, true)}>
              {t.continueToApp}
            </button>
          </p>
        )}
        {/* Signed in by a one-time link, the page reloaded before a password was chosen: still offered. */}
        {user && !user.hasPassword && (
          <PasswordForm title={t.setPasswordTitle} requireCurrent={false} onDone={() => navigate(returnTo, true)} />
        )}
        {oidc && (
          <>
            <a className="button sso" href={OIDC_START}>
              {t.signInWith(oidc.label)}
            </a>
            <p className="separator" aria-hidden="true">
              <span>{t.signInOr}</span>
            </p>
          </>
        )}
        <p className="hint">{t.signInIntro}</p>
        <form onSubmit={submit} noValidate>
          <label>
            {t.email}
            <input
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={Boolean(error) || (missing && !email.trim())}
              // biome-ignore lint/a11y/noAutofocus: the page exists for this one form; focus starts where the user types.
              autoFocus
              required
            />
          </label>
          <label>
            {t.password}
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={Boolean(error) || (missing && !password)}
              required
            />
          </label>
          {(error || missing) && (
            <p className="error" role="alert">
              {error ? accessErrorText(error, t) : t.signInMissing}
            </p>
          )}
          <button type="submit" className="primary" disabled={passwordSignIn.isPending}>
            {passwordSignIn.isPending ? t.signingIn : t.signInSubmit}
          </button>
        </form>
      </section>
    </main>
  );
}
