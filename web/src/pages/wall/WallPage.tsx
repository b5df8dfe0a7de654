import { useQuery } from '@tanstack/react-query';
import { milestoneInstant } from '@trame/graph/model';
import { useEffect, useRef, useState } from 'react';
import { VIEWER } from '../../api/accessDocuments.ts';
import { request } from '../../api/client.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useProjectView } from '../../api/useProjectView.ts';
import { setWallSecret } from '../../api/wallCredential.ts';
import { useI18n } from '../../i18n/index.tsx';
import { NO_FILTERS } from '../../map/elements.ts';
import { Legend } from '../../map/Legend.tsx';
import { MapCanvas, type MapCanvasHandle } from '../../map/MapCanvas.tsx';
import { useProjectionFollow } from '../../live/projection.ts';
import { useProjectLive } from '../../live/useProjectLive.ts';
import { wallSecretFromHash } from '../../routes.ts';
import { useMapElements } from '../project/useMapElements.ts';

/** The wall notices a revocation within a few seconds (a small `viewer` read; the map itself is live). */
const WALL_REFRESH_MS = 8000;

/** Refusals that mean « this link no longer opens anything ». */
const REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

const nothing = () => {};

/**
 * /mur#trame_mur_…: a project's map on a room's screen, opened with a wall link and no account.
 * The secret is read from the fragment (never sent to the server, logged or leaked by Referer)
 * and kept in memory (api/wallCredential.ts): every request carries it as a Bearer and no
 * cookie. The map is the workshop view's (read-only, projection styles, legend); the server
 * sends nothing confidential to a wall link. A revoked or expired link shows a refusal.
 */
export function WallPage() {
  const { t, lang } = useI18n();
  const [secret, setSecret] = useState(() => {
    const found = wallSecretFromHash(window.location.hash);
    setWallSecret(found); // before the first request
    return found;
  });
  useEffect(() => {
    const onHash = () => {
      const found = wallSecretFromHash(window.location.hash);
      setWallSecret(found);
      setSecret(found);
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
    refetchInterval: WALL_REFRESH_MS,
  });
  const projectId = viewer.data?.viewer.kind === 'WALL_LINK' ? viewer.data.viewer.wallProjectId : null;
  // The facilitator's projection session (the editor's « Piloter les murs »): the date shown, the focus.
  const canvas = useRef<MapCanvasHandle>(null);
  const [shownDate, setShownDate] = useState<string | null>(null);
  useProjectionFollow(projectId, {
    onDate: setShownDate,
    onFocus: (id) => {
      if (id) requestAnimationFrame(() => canvas.current?.focus(id));
      else canvas.current?.fit();
    },
  });
  const asOf = shownDate ? milestoneInstant(shownDate).toISOString() : null;
  const view = useProjectView(projectId ?? '', asOf, true, { enabled: projectId !== null });
  // Everyone's edits, live, on the map of now (ADR 0010).
  const live = useProjectLive(projectId, true, { enabled: asOf === null && view.data !== null });
  const elements = useMapElements(view.data?.projectMap ?? null, 'perimeter', NO_FILTERS, null, false);

  if (!secret) return <WallMessage title={t.wallMissingTitle} text={t.wallMissing} />;
  const refused =
    (viewer.error && REFUSED.has(viewer.error.code)) ||
    (viewer.data && viewer.data.viewer.kind !== 'WALL_LINK') ||
    (view.error && REFUSED.has(view.error.code)) ||
    (live.refused !== null && REFUSED.has(live.refused));
  if (refused) return <WallMessage title={t.wallRefusedTitle} text={t.wallRefused} />;
  const error = viewer.error ?? view.error;
  if (error && !view.data)
    return <WallMessage title={t.loadError} text={error.message} retry={() => void viewer.refetch().then(view.refetch)} />;
  if (!view.data)
    return (
      <p className="loading" aria-busy="true">
        {t.wallLoading}
      </p>
    );

  const map = view.data.projectMap;
  return (
    <div className="project-page workshop wall-page">
      <header className="project-header wall-header">
        <h1>{view.data.project.name}</h1>
        <span className="wall-meta">
          {viewer.data?.viewer.wallLinkName && <>{viewer.data.viewer.wallLinkName} · </>}
          {t.wallReadOnly}
        </span>
      </header>
      {error && (
        <p className="banner" role="status">
          {t.loadError} : {error.message}
        </p>
      )}
      <div className="workspace">
        <div className="map-area" aria-busy={view.loading}>
          <MapCanvas
            ref={canvas}
            elements={elements}
            savedPositions={view.data.projectLayout}
            ecosystems={map.ecosystems}
            perimeterOrder={map.perimeterOrder}
            layoutMode="free"
            projection
            editable={false}
            onSelect={nothing}
            onConnect={nothing}
            onArranged={nothing}
          />
          <Legend ecosystems={map.ecosystems} />
        </div>
      </div>
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
