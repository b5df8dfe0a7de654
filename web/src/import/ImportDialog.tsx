import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { FILE_LIMITS } from '@trame/graph/exchange';
import { queryKeys } from '../api/queryKeys.ts';
import { download } from '../export/download.ts';
import type { ImportReport } from '../generated/graphql.ts';
import { useI18n } from '../i18n/index.tsx';
import { templateCsv } from './template.ts';
import { uploadWorkbook } from './upload.ts';

/** Rows shown per sheet in the preview; the others are checked all the same. */
const SHOWN_ROWS = 300;

type Row = ImportReport['sheets'][number]['rows'][number];

export interface ImportDialogProps {
  projectId: string;
  /** The project's territory: its actors change too. */
  territoryId: string;
  onClose(): void;
  /** After a successful import: the summary to show (the project is read again). */
  onImported(summary: string): void;
}

/**
 * « Importer un tableur »: choose a workbook (.xlsx, .ods, .csv, UTF-16 text), which the API
 * reads (the same engine as `trame import`) and previews — per sheet and row: create, update
 * (fields from → to), unchanged, skipped, problems with their sheet, line and column — then
 * imports on confirmation, as one change set. The sheets to read and a text file's encoding
 * can be changed; each change asks the API for a new preview.
 */
export function ImportDialog({ projectId, territoryId, onClose, onImported }: ImportDialogProps) {
  const i18n = useI18n();
  const { t, plural, formatShortDate, formatNumber } = i18n;
  const client = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [validFrom, setValidFrom] = useState('');
  const [encoding, setEncoding] = useState<string | null>(null);
  const [skipSheets, setSkipSheets] = useState<string[]>([]);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  /** Upload progress 0…1, null while the server reads, undefined when idle. */
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const megabytes = (n: number) => `${formatNumber(Math.round((n / 1024 / 1024) * 10) / 10)} Mo`;

  // The dry run: what the API would do with this file, rerun when a choice changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: t and megabytes only word the message; the language does not rerun it.
  useEffect(() => {
    setPreview(null);
    if (!file || done) return;
    if (file.size > FILE_LIMITS.maxBytes) {
      setError(t.importTooLarge(megabytes(file.size), megabytes(FILE_LIMITS.maxBytes)));
      return;
    }
    let current = true;
    setError(null);
    setProgress(0);
    uploadWorkbook({
      projectId,
      file,
      fileName: file.name,
      dryRun: true,
      encoding,
      skipSheets,
      validFrom: validFrom || null,
      onProgress: (p) => current && setProgress(p),
    })
      .then((report) => current && setPreview(report))
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => current && setProgress(undefined));
    return () => {
      current = false;
    };
  }, [file, encoding, skipSheets, validFrom, projectId, done]);

  const summaryOf = (report: ImportReport) =>
    [
      report.counts.created > 0 && plural(report.counts.created, { one: t.importCreatesOne, other: t.importCreatesOther }),
      report.counts.updated > 0 && plural(report.counts.updated, { one: t.importUpdatesOne, other: t.importUpdatesOther }),
      report.counts.ended > 0 && plural(report.counts.ended, { one: t.importEndedOne, other: t.importEndedOther }),
      report.counts.unchanged > 0 &&
        plural(report.counts.unchanged, { one: t.importUnchangedCountOne, other: t.importUnchangedCountOther }),
      report.counts.skipped > 0 &&
        plural(report.counts.skipped, { one: t.importSkippedCountOne, other: t.importSkippedCountOther }),
    ]
      .filter(Boolean)
      .join(', ');

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setProgress(0);
    try {
      const report = await uploadWorkbook({
        projectId,
        file,
        fileName: file.name,
        dryRun: false,
        encoding,
        skipSheets,
        validFrom: validFrom || null,
        onProgress: setProgress,
      });
      const message = t.importWorkbookDone(summaryOf(report));
      setDone(message);
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.project(projectId) }),
        client.invalidateQueries({ queryKey: queryKeys.territory(territoryId) }),
      ]);
      onImported(message);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  const actionLabel: Record<Row['action'], string> = {
    CREATE: t.importActionCreate,
    UPDATE: t.importActionUpdate,
    UNCHANGED: t.importActionUnchanged,
    SKIPPED: t.importActionSkipped,
    INVALID: t.importActionInvalid,
  };
  const changes = preview ? preview.counts.created + preview.counts.updated + preview.counts.ended : 0;
  const canImport = preview?.accepted === true && changes > 0 && progress === undefined && !busy;
  const toggleSheet = (name: string, use: boolean) =>
    setSkipSheets((list) => (use ? list.filter((n) => n !== name) : [...list, name]));

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="import-title" onClose={onClose}>
      <header>
        <h2 id="import-title">{t.importWorkbookTitle}</h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label={t.close}>
          ×
        </button>
      </header>
      <p>{t.importWorkbookIntro}</p>
      <div className="import-file">
        <label>
          {t.importWorkbookFile}{' '}
          <input
            type="file"
            accept=".xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
            onChange={(e) => {
              setDone(null);
              setEncoding(null);
              setSkipSheets([]);
              setFile(e.target.files?.[0] ?? null);
            }}
          />
        </label>
        <label title={t.importWorkbookDateHint}>
          {t.importWorkbookDate} <input type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
        </label>
        <button type="button" className="link" onClick={() => download(templateCsv(i18n.lang), t.importTemplateFile)}>
          {t.importTemplate}
        </button>
      </div>

      {progress !== undefined && (
        <div className="import-progress" aria-live="polite">
          {progress === null ? (
            <>
              <progress aria-label={t.importAnalysing} />
              <span>{t.importAnalysing}</span>
            </>
          ) : (
            <>
              <progress aria-label={t.importUploading(Math.round(progress * 100))} value={progress} max={1} />
              <span>{t.importUploading(Math.round(progress * 100))}</span>
            </>
          )}
        </div>
      )}

      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}

      {preview && !done && (
        <section className="import-preview" aria-label={t.importResult}>
          <p role="status">
            <strong>{summaryOf(preview) || t.importNothingToDo}</strong>
            {preview.encoding && (
              <>
                {' · '}
                <label>
                  {t.importEncoding}{' '}
                  <select value={encoding ?? ''} onChange={(e) => setEncoding(e.target.value || null)}>
                    <option value="">{t.importEncodingDetected(preview.encoding.label)}</option>
                    {preview.encodings.map((choice) => (
                      <option key={choice.encoding} value={choice.encoding}>
                        {choice.label}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            )}
            {preview.separator && <> · {t.importSeparator(preview.separator)}</>}
          </p>
          {preview.problems.length > 0 && (
            <div role="alert" className="import-errors">
              <p className="error">
                {plural(preview.problems.length, { one: t.importProblemsTitleOne, other: t.importProblemsTitleOther })}
              </p>
              <ul>
                {preview.problems.slice(0, 50).map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the report's problems, in file order, never reordered.
                  <li key={i}>{t.importProblemAt(p.sheet, p.line, p.column, p.message)}</li>
                ))}
              </ul>
            </div>
          )}
          {preview.sheets.map((sheet) => {
            const skipped = skipSheets.includes(sheet.name);
            return (
              <section key={sheet.name} className="import-sheet" data-sheet={sheet.name} aria-label={t.importSheet(sheet.name)}>
                <h3>
                  {t.importSheet(sheet.name)}{' '}
                  <small>
                    {sheet.recognised
                      ? [
                          sheet.kindLabel && t.importSheetKind(sheet.kindLabel),
                          sheet.headerLine && t.importHeaderLine(sheet.headerLine),
                        ]
                          .filter(Boolean)
                          .join(' · ')
                      : t.importSheetIgnored(sheet.reason ?? '')}
                  </small>
                </h3>
                {(sheet.recognised || skipped) && preview.sheets.length > 1 && (
                  <label>
                    <input type="checkbox" checked={!skipped} onChange={(e) => toggleSheet(sheet.name, e.target.checked)} />{' '}
                    {t.importSheetUse}
                  </label>
                )}
                {sheet.ignoredColumns.length > 0 && (
                  <p className="hint">
                    {t.importIgnoredColumns} :{' '}
                    {sheet.ignoredColumns
                      .map((c) => t.importIgnoredColumn(c.header, c.letter, c.ignoredBecause ?? ''))
                      .join(' ; ')}
                  </p>
                )}
                {sheet.rows.length > 0 && (
                  <div className="import-table">
                    <table>
                      <thead>
                        <tr>
                          <th>{t.importLine}</th>
                          <th>{t.importKind}</th>
                          <th>{t.importLabel}</th>
                          <th>{t.importAction}</th>
                          <th>{t.importDetails}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {sheet.rows.slice(0, SHOWN_ROWS).map((row, i) => (
                          <tr
                            // biome-ignore lint/suspicious/noArrayIndexKey: a matrix line gives several rows; their order is the report's.
                            key={`${row.line}-${i}`}
                            className={row.action.toLowerCase()}
                            data-line={row.line}
                            data-action={row.action}
                          >
                            <td>{row.line}</td>
                            <td>{row.kindLabel ?? ''}</td>
                            <td>{row.label ?? ''}</td>
                            <td>{actionLabel[row.action]}</td>
                            <td>
                              {row.changes.map((c) => (
                                <div key={c.field}>{t.importChange(c.label, c.from, c.to)}</div>
                              ))}
                              {row.ends && <div>{t.importEnds(formatShortDate(row.ends))}</div>}
                              {row.action === 'CREATE' && row.date && (
                                <div className="hint">{t.importSince(formatShortDate(row.date))}</div>
                              )}
                              {row.reason && <div className="hint">{row.reason}</div>}
                              {row.problems.map((p, j) => (
                                // biome-ignore lint/suspicious/noArrayIndexKey: one row's problems, in order.
                                <div key={j} className="error">
                                  {p.column ? `${p.column} : ` : ''}
                                  {p.message}
                                </div>
                              ))}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    {sheet.rows.length > SHOWN_ROWS && (
                      <p className="hint">
                        {plural(sheet.rows.length - SHOWN_ROWS, {
                          one: t.importMoreRowsShownOne,
                          other: t.importMoreRowsShownOther,
                        })}
                      </p>
                    )}
                  </div>
                )}
              </section>
            );
          })}
        </section>
      )}

      {done && (
        <p role="status" className="import-done">
          {done}
        </p>
      )}

      <footer>
        {!done && (
          <button type="button" className="primary" disabled={!canImport} onClick={() => void run()}>
            {busy ? t.saving : t.importConfirm}
          </button>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>
          {done ? t.close : t.cancel}
        </button>
      </footer>
    </dialog>
  );
}
