import { useState } from 'react';
import { useViewer } from '../api/access.ts';
import { maySeeConfidentialIn } from '../access/abilities.ts';
import { useI18n } from '../i18n/index.tsx';
import { EXPORT_CHOICES, downloadExport, type ExportChoice } from './exportFiles.ts';

export interface ExportMenuProps {
  /** The project exported, or the territory (every project merged). */
  projectId?: string;
  territoryId: string;
  /** The instant shown (ISO), or null for now. */
  at: string | null;
  /** The review's « sans éléments confidentiels » already chosen: the export follows it. */
  withoutConfidential?: boolean;
  onStatus?(message: string): void;
}

/**
 * « Exporter… »: the project (or territory) as of the date shown, in the exchange formats —
 * XLSX, CSV (zip), GraphML, GEXF with the history, Cytoscape .cyjs, Kumu JSON — with the
 * « sans éléments confidentiels » choice for those who may see them (the API leaves them out
 * for the others whatever is asked).
 */
export function ExportMenu({ projectId, territoryId, at, withoutConfidential = false, onStatus }: ExportMenuProps) {
  const { t, formatShortDate } = useI18n();
  const viewer = useViewer();
  const mayChoose = maySeeConfidentialIn(viewer.data?.viewer ?? null, territoryId);
  const [leaveOut, setLeaveOut] = useState(withoutConfidential);
  const [busy, setBusy] = useState<ExportChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (viewer.data?.viewer.kind !== 'USER') return null;
  const without = !mayChoose || leaveOut || withoutConfidential;

  const labels: Record<ExportChoice, string> = {
    xlsx: t.exportXlsx,
    csv: t.exportCsvZip,
    graphml: t.exportGraphml,
    gexf: t.exportGexf,
    cyjs: t.exportCyjs,
    kumu: t.exportKumu,
  };
  const run = async (format: ExportChoice) => {
    setBusy(format);
    setError(null);
    try {
      await downloadExport({
        ...(projectId ? { projectId } : { territoryId }),
        format,
        at,
        confidential: !without,
        suffix: without && mayChoose ? 'sans-confidentiel' : null,
      });
    } catch (e) {
      const message = t.exportFailed(e instanceof Error ? e.message : String(e));
      setError(message);
      onStatus?.(message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <details className="export-menu">
      <summary>{t.exportMenu}</summary>
      <div className="export-menu-body">
        <p className="hint">{t.exportAsOf(formatShortDate(at ?? new Date()))}</p>
        {mayChoose && !withoutConfidential && (
          <label>
            <input type="checkbox" checked={leaveOut} onChange={(e) => setLeaveOut(e.target.checked)} />{' '}
            {t.exportWithoutConfidential}
          </label>
        )}
        <ul>
          {EXPORT_CHOICES.map((format) => (
            <li key={format}>
              <button type="button" className="link" disabled={busy !== null} onClick={() => void run(format)}>
                {labels[format]}
              </button>
            </li>
          ))}
        </ul>
        {busy && <p aria-busy="true">{t.exportRunning}</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
