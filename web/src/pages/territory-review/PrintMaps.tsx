import { useQuery } from '@tanstack/react-query';
import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { Label } from '../../analysis/analysis.ts';
import { request } from '../../api/client.ts';
import { PROJECT_VIEW, type ProjectViewData } from '../../api/entityDocuments.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useI18n } from '../../i18n/index.tsx';
import { toElements } from '../../map/elements.ts';
import { placeFromSaved } from '../../map/layout.ts';
import { mapStylesheet } from '../../map/style.ts';

/** The drawing's size in CSS pixels; the PNG is rendered at twice that for paper. */
const WIDTH = 960;
const HEIGHT = 560;
const MAX_ZOOM = 1.2;

/**
 * The map of each project of the review, as an image, for the printed review (« the print
 * version with the map image of each project »). On screen the section is hidden (print-only);
 * each map is drawn once, off screen, by a small Cytoscape with the editor's stylesheet and
 * the pilot's saved positions (a `cose` layout for nodes never placed), then kept as a PNG.
 */
export function PrintMaps({
  projects,
  asOf,
  withoutConfidential,
}: {
  projects: Label[];
  asOf: string | null;
  withoutConfidential: boolean;
}) {
  const { t } = useI18n();
  if (projects.length === 0) return null;
  return (
    // Off screen until printed: hidden from screen readers, which read the review itself.
    <section className="review-section print-maps" aria-labelledby="print-maps-title" aria-hidden="true">
      <h2 id="print-maps-title">{t.printMapsTitle}</h2>
      {projects.map((p) => (
        <MapImage key={p.id} project={p} asOf={asOf} hideConfidential={withoutConfidential} />
      ))}
    </section>
  );
}

function MapImage({ project, asOf, hideConfidential }: { project: Label; asOf: string | null; hideConfidential: boolean }) {
  const { t, enumLabel, formatShortDate } = useI18n();
  const map = useQuery({
    queryKey: queryKeys.projectView(project.id, asOf, hideConfidential),
    queryFn: () => request<ProjectViewData>(PROJECT_VIEW, { id: project.id, asOf, hideConfidential }),
  });
  const host = useRef<HTMLDivElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  const data = map.data;

  useEffect(() => {
    if (!data || !host.current) return;
    const elements = toElements(data.projectMap, {
      grouping: 'none',
      groupLabel: (_kind, key) => enumLabel(key),
      formatDate: formatShortDate,
    });
    if (elements.length === 0) {
      setSrc('');
      return;
    }
    const { positions, missing } = placeFromSaved(elements, data.projectLayout ?? {});
    const cy = cytoscape({
      container: host.current,
      elements: elements.map((e) => ({ ...e, position: positions[e.data.id] })),
      style: mapStylesheet({ labelScale: 1.2 }),
      layout: { name: 'preset' },
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    if (missing.length > 0) cy.layout({ name: 'cose', animate: false, randomize: missing.length === elements.length }).run();
    cy.fit(undefined, 24);
    // A map of one or two actors would be blown up to fill the frame: keep the editor's scale at most.
    if (cy.zoom() > MAX_ZOOM) {
      cy.zoom(MAX_ZOOM);
      cy.center();
    }
    setSrc(cy.png({ output: 'base64uri', bg: '#ffffff', full: false, scale: 2 }));
    cy.destroy();
  }, [data, enumLabel, formatShortDate]);

  return (
    <figure className="print-map" data-project={project.id}>
      <figcaption>{project.label}</figcaption>
      {src ? (
        <img src={src} alt={t.printMapAlt(project.label)} width={WIDTH} height={HEIGHT} />
      ) : src === '' ? (
        <p className="muted">{t.printMapEmpty}</p>
      ) : (
        <p className="muted">{t.printMapLoading}</p>
      )}
      {src === null && (
        <div ref={host} className="print-map-canvas" style={{ width: WIDTH, height: HEIGHT }} aria-hidden="true" />
      )}
    </figure>
  );
}
