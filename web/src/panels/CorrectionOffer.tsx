import { useI18n } from '../i18n/index.tsx';

export interface CorrectionOfferProps {
  /** The thing changed, in words: « L'objectif « Clientèle fidèle » ». */
  what: string;
  /** The form's effective date, YYYY-MM-DD. */
  date: string;
  /** When the entity's latest entry took effect (ISO instant, from DATE_BEFORE_LAST_CHANGE's `latestFrom`). */
  latest: string;
  /** The change is an end (« Mettre fin »): the entity ends at `date` once the entry is corrected. */
  ending?: boolean;
  busy: boolean;
  onCorrect(): void;
  onCancel(): void;
}

/**
 * A change dated before the entity's latest entry: instead of a refusal, the offer to correct
 * that entry's date (« Corriger la saisie du … »), which the API does in one operation (correctX;
 * for an end, correctX then endX in the same operation).
 */
export function CorrectionOffer(props: CorrectionOfferProps) {
  const { t, formatShortDate } = useI18n();
  const date = formatShortDate(props.date);
  const latest = formatShortDate(props.latest);
  return (
    <div className="conflict correction-offer" role="alert">
      <p>
        <strong>{t.correctionTitle}</strong>
      </p>
      <p>{(props.ending ? t.correctionExplainEnd : t.correctionExplain)(props.what, date, latest)}</p>
      <button type="button" className="primary" disabled={props.busy} onClick={props.onCorrect}>
        {t.correctionAction(latest)}
      </button>{' '}
      <button type="button" disabled={props.busy} onClick={props.onCancel}>
        {t.correctionCancel}
      </button>
    </div>
  );
}
