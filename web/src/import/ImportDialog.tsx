import { useEffect, useMemo, useRef, useState } from 'react';
import { ACTOR_KINDS, ENGAGEMENT_LEVELS, ENTITIES } from '@trame/graph/model';
import { useImportActors, useImportPreview } from '../api/mutations.ts';
import type { ImportActorsMutation } from '../generated/graphql.ts';
import { download } from '../export/download.ts';
import { useI18n } from '../i18n/index.tsx';
import {
  IMPORT_FIELDS,
  detectColumns,
  headerIndexOf,
  missingColumns,
  templateCsv,
  toImportRows,
  type ColumnMapping,
  type ImportField,
  type ImportRow,
} from './columns.ts';
import { readSpreadsheet, type Grid } from './spreadsheet.ts';

/** The mutation's ImportReport (types generated from the SDL). */
export type ImportReport = ImportActorsMutation['importActors'];

/** Where each import field's label comes from in the model. */
const MODEL_FIELD: Record<ImportField, [string, string]> = {
  name: ['name', ENTITIES.Actor.fields.name!.label],
  kind: ['kind', ENTITIES.Actor.fields.kind!.label],
  description: ['description', ENTITIES.Actor.fields.description!.label],
  level: ['level', ENTITIES.Engagement.fields.level!.label],
  role: ['role', ENTITIES.Engagement.fields.role!.label],
  perimeter: ['perimeterId', ENTITIES.Engagement.fields.perimeterId!.label],
};

/** Rows shown in the preview table; the others are checked all the same. */
const SHOWN_ROWS = 300;

export interface ImportDialogProps {
  projectId: string;
  /** The project's territory: its actors change too. */
  territoryId: string;
  onClose(): void;
  /** After a successful import, the project read again. */
  onImported(report: ImportReport): void;
}

/**
 * « Importer des acteurs »: choose a spreadsheet, check the columns, see what the server would
 * do row by row (a dry run, rerun whenever the file, the columns or the date change), import.
 */
export function ImportDialog({ projectId, territoryId, onClose, onImported }: ImportDialogProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const dialog = useRef<HTMLDialogElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [grid, setGrid] = useState<Grid | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [reading, setReading] = useState(false);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const { mutateAsync: dryRun } = useImportPreview(projectId);
  const { mutateAsync: importActors } = useImportActors(projectId, territoryId);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const headerIndex = grid ? headerIndexOf(grid) : 0;
  const header = grid?.[headerIndex] ?? [];
  const missing = mapping ? missingColumns(mapping) : [];
  const rows = useMemo<ImportRow[]>(
    () => (grid && mapping && missingColumns(mapping).length === 0 ? toImportRows(grid, mapping, headerIndex) : []),
    [grid, mapping, headerIndex],
  );
  const fieldLabel = (field: ImportField) => i18n.field(...MODEL_FIELD[field]);

  // The dry run: what the server would do with these rows, errors included.
  useEffect(() => {
    setPreview(null);
    if (rows.length === 0 || done) return;
    let current = true;
    setChecking(true);
    setError(null);
    dryRun({ rows, validFrom: validFrom || null })
      .then((report) => current && setPreview(report))
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => current && setChecking(false));
    return () => {
      current = false;
    };
  }, [rows, validFrom, dryRun, done]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setGrid(null);
    setMapping(null);
    setDone(null);
    setError(null);
    setReading(true);
    try {
      const read = await readSpreadsheet(file);
      const index = headerIndexOf(read);
      if (read.length <= index + 1) setError(t.importEmptyFile);
      setGrid(read);
      setMapping(detectColumns(read[index] ?? []));
    } catch {
      setError(t.importUnreadable(file.name));
    } finally {
      setReading(false);
    }
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const report = await importActors({ rows, validFrom: validFrom || null });
      setDone(report);
      onImported(report);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const errorsByLine = useMemo(() => {
    const map = new Map<number, ImportReport['errors']>();
    for (const e of preview?.errors ?? []) map.set(e.line, [...(map.get(e.line) ?? []), e]);
    return map;
  }, [preview]);
  const resultByLine = useMemo(() => new Map((preview?.rows ?? []).map((r) => [r.line, r])), [preview]);
  const rowByLine = useMemo(() => new Map(rows.map((r) => [r.line, r])), [rows]);
  // An unknown kind or level: the server lists codes, the pilot typed labels; show the labels.
  const messageOf = (e: ImportReport['errors'][number]) => {
    const value = e.field === 'kind' || e.field === 'level' ? rowByLine.get(e.line)?.[e.field] : null;
    if (e.code !== 'INVALID_ENUM' || !value || (e.field !== 'kind' && e.field !== 'level')) return e.message;
    const allowed = (e.field === 'kind' ? ACTOR_KINDS : ENGAGEMENT_LEVELS).map((code) => i18n.enumLabel(code)).join(', ');
    return t.importUnknownValue(fieldLabel(e.field), value, allowed);
  };
  const actionLabel = {
    NEW_ACTOR: t.importNewActor,
    EXISTING_ACTOR: t.importExistingActor,
    SKIPPED: t.importSkipped,
    INVALID: t.importInvalid,
  };
  const canImport = preview !== null && !checking && !busy && preview.errors.length === 0 && preview.engagementsCreated > 0;
  const shownValue = (field: ImportField, value: string | null) =>
    value && (field === 'kind' || field === 'level') ? i18n.enumLabel(value) : (value ?? '');

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="import-title" onClose={onClose}>
      <header>
        <h2 id="import-title">{t.importTitle}</h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label={t.close}>
          ×
        </button>
      </header>
      <p>{t.importIntro}</p>
      <div className="import-file">
        <label>
          {t.importFile}{' '}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </label>
        <button type="button" className="link" onClick={() => download(templateCsv(i18n.lang), t.importTemplateFile)}>
          {t.importTemplate}
        </button>
      </div>
      {reading && <p aria-busy="true">{t.importReading}</p>}

      {grid && mapping && !done && (
        <>
          <fieldset className="import-columns">
            <legend>
              {t.importColumns} — {fileName} ({t.importRowsRead(rows.length)})
            </legend>
            <p className="hint">{t.importColumnsHint}</p>
            {IMPORT_FIELDS.map((field) => (
              <label key={field}>
                {fieldLabel(field)}
                {['name', 'kind', 'level'].includes(field) ? ' *' : ''}
                <select
                  value={mapping[field] ?? ''}
                  onChange={(e) => setMapping({ ...mapping, [field]: e.target.value === '' ? null : Number(e.target.value) })}
                >
                  <option value="">{t.importNoColumn}</option>
                  {header.map((title, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file.
                    <option key={index} value={index}>
                      {title || `#${index + 1}`}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <label title={t.importDateHint}>
              {t.effectiveDate}
              <input type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
            </label>
          </fieldset>
          {missing.length > 0 && (
            <p role="alert" className="error">
              {t.importMissing(missing.map(fieldLabel).join(', '))}
            </p>
          )}
        </>
      )}

      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {checking && <p aria-busy="true">{t.importChecking}</p>}

      {preview && !done && (
        <section className="import-preview" aria-label={t.importResult}>
          <p role="status">
            <strong>{t.importSummary(preview.actorsCreated, preview.actorsReused, preview.skipped)}</strong>
          </p>
          {preview.errors.length > 0 && (
            <div role="alert" className="import-errors">
              <p className="error">{t.importErrors(preview.errors.length)}</p>
              <ul>
                {preview.errors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the preview's errors, in file order, never reordered.
                  <li key={i}>{t.importLineError(e.line, messageOf(e))}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="import-table">
            <table>
              <thead>
                <tr>
                  <th>{t.importLine}</th>
                  {IMPORT_FIELDS.filter((f) => mapping?.[f] !== null).map((f) => (
                    <th key={f}>{fieldLabel(f)}</th>
                  ))}
                  <th>{t.importResult}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, SHOWN_ROWS).map((row) => {
                  const result = resultByLine.get(row.line);
                  const rowErrors = errorsByLine.get(row.line) ?? [];
                  return (
                    <tr
                      key={row.line}
                      className={rowErrors.length > 0 ? 'invalid' : result?.action === 'SKIPPED' ? 'skipped' : undefined}
                      data-line={row.line}
                    >
                      <td>{row.line}</td>
                      {IMPORT_FIELDS.filter((f) => mapping?.[f] !== null).map((f) => (
                        <td key={f} aria-invalid={rowErrors.some((e) => e.field === f) || undefined}>
                          {shownValue(f, row[f])}
                        </td>
                      ))}
                      <td>
                        {result ? actionLabel[result.action] : ''}
                        {result?.reason ? ` — ${result.reason}` : ''}
                        {rowErrors.map((e, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: one row's errors, in order, never reordered.
                          <div key={i} className="error">
                            {messageOf(e)}
                          </div>
                        ))}
                        {result?.warnings.map((w, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: one row's warnings, in order, never reordered.
                          <div key={i} className="hint">
                            {w}
                          </div>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {rows.length > SHOWN_ROWS && <p className="hint">{t.importMoreRows(rows.length - SHOWN_ROWS)}</p>}
          </div>
          {preview.errors.length === 0 && preview.engagementsCreated === 0 && <p>{t.importNothing}</p>}
        </section>
      )}

      {done && (
        <p role="status" className="import-done">
          {t.importDone(done.actorsCreated, done.actorsReused)}
        </p>
      )}

      <footer>
        {!done && (
          <button type="button" className="primary" disabled={!canImport} onClick={() => void run()}>
            {busy ? t.saving : t.importRun(preview?.engagementsCreated ?? 0)}
          </button>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          {done ? t.close : t.cancel}
        </button>
      </footer>
    </dialog>
  );
}
