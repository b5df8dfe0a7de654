import { useViewer, useSignOut } from '../../api/access.ts';
import { useI18n } from '../../i18n/index.tsx';
import { navigate } from '../../navigation.ts';
import { accountHref, adminHref, signInHref } from '../../routes.ts';
import { AppLink } from '../AppLink.tsx';

/**
 * The header's right side: who is signed in, their account, the administration, « Se
 * déconnecter »; or « Se connecter » (not on the sign-in page itself: `onSignInPage`).
 */
export function UserMenu({ onSignInPage }: { onSignInPage: boolean }) {
  const { t } = useI18n();
  const viewer = useViewer();
  const signOut = useSignOut(() => navigate(signInHref(), true));
  const data = viewer.data?.viewer;
  if (!data) return null;
  if (data.kind !== 'USER' || !data.user) {
    if (onSignInPage) return null;
    return (
      <nav className="user-menu" aria-label={t.myAccount}>
        <AppLink href={signInHref(window.location.pathname + window.location.search)}>{t.signIn}</AppLink>
      </nav>
    );
  }
  return (
    <nav className="user-menu" aria-label={t.myAccount}>
      <AppLink href={accountHref()} className="user-name" label={`${t.myAccount} — ${data.user.name}`}>
        {data.user.name}
      </AppLink>
      {data.can.administer && <AppLink href={adminHref()}>{t.administration}</AppLink>}
      <button type="button" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
        {t.signOut}
      </button>
    </nav>
  );
}
