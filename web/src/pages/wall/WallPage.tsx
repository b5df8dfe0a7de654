import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { VIEWER } from '../../api/accessDocuments.ts';
import { request } from '../../api/client.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { setWallSecret } from '../../api/wallCredential.ts';
import { useI18n } from '../../i18n/index.tsx';
import { wallSecretFromHash } from '../../routes.ts';
import { ProjectionView } from '../../wall/ProjectionView.tsx';

/**
 * How often the link is checked again (a small request, not the map): a revocation reaches an
 * open wall at once through its live streams (their last event refuses it); this check covers
 * what they cannot tell (a link expiring, a stream down at that moment). The map itself follows
 * edits by live updates, or a slow fallback refetch.
 */
const WALL_CHECK_MS = 10_000;

/** Refusals that mean « this link no longer opens anything ». */
const REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * /mur#trame_mur_…: a project's map on a room's screen, opened with a wall link and no account.
 * The secret is read from the fragment (never sent to the server, logged or leaked by Referer)
 * and kept in memory (api/wallCredential.ts): every request carries it as a Bearer and no
 * cookie. The map is the projection view (wall/ProjectionView.tsx, as /projets/<id>/mur); the
 * server sends nothing confidential to a wall link. A revoked or expired link shows a refusal —
 * at once when it is revoked while the wall is open (the live streams end with UNAUTHENTICATED).
 */
export function WallPage() {
  const { t, lang } = useI18n();
  const [secret, setSecret] = useState(() => {
    const found = wallSecretFromHash(window.location.hash);
    setWallSecret(found); // before the first request
    return found;
  });
  const [mapRefused, setMapRefused] = useState(false);
  useEffect(() => {
    const onHash = () => {
      const found = wallSecretFromHash(window.location.hash);
      setWallSecret(found);
      setSecret(found);
      setMapRefused(false);
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      setWallSecret(null);
    };
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const viewer = useQuery({
    queryKey: [...queryKeys.viewer(), secret],
    queryFn: secret ? () => request(VIEWER, {}) : () => Promise.reject(new Error('no secret')),
    enabled: secret !== null,
    // A refused link stays refused: no more checks.
    refetchInterval: (query) =>
      mapRefused || (query.state.error && REFUSED.has(query.state.error.code)) ? false : WALL_CHECK_MS,
  });
  const onRefused = useCallback(() => setMapRefused(true), []);
  const projectId = viewer.data?.viewer.kind === 'WALL_LINK' ? viewer.data.viewer.wallProjectId : null;

  if (!secret) return <WallMessage title={t.wallMissingTitle} text={t.wallMissing} />;
  const refused =
    mapRefused || (viewer.error && REFUSED.has(viewer.error.code)) || (viewer.data && viewer.data.viewer.kind !== 'WALL_LINK');
  if (refused) return <WallMessage title={t.wallRefusedTitle} text={t.wallRefused} />;
  if (viewer.error && !viewer.data)
    return <WallMessage title={t.loadError} text={viewer.error.message} retry={() => void viewer.refetch()} />;
  if (!projectId)
    return (
      <p className="loading" aria-busy="true">
        {t.wallLoading}
      </p>
    );
  return (
    <div className="wall-page">
      <ProjectionView projectId={projectId} subtitle={viewer.data?.viewer.wallLinkName ?? null} onRefused={onRefused} />
    </div>
  );
}

/** A full page of words: no link, no map (the wall's screen). */
function WallMessage({ title, text, retry }: { title: string; text: string; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <main className="page wall-refused" role="alert">
      <h1>{title}</h1>
      <p>{text}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t.retry}
        </button>
      )}
    </main>
  );
}
