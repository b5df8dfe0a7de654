import type { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { serverErrorText } from '../i18n/serverErrors.ts';

/** Loading and errors in words: never a blank screen. */
export function Feedback({
  loading,
  error,
  hasData,
  onRetry,
}: {
  loading: boolean;
  error: ApiError | null;
  hasData: boolean;
  onRetry(): void;
}) {
  const { t, lang } = useI18n();
  if (error) {
    return (
      <div role="alert" className="review-error">
        <p>
          <strong>{hasData ? t.reviewStale : t.loadError}</strong> — {errorInWords(error, t, lang)}
        </p>
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (loading) {
    return (
      <p className={hasData ? 'review-refreshing no-print' : 'review-loading'} aria-busy="true" role="status">
        <span className="spinner" aria-hidden="true" /> {hasData ? t.reviewRefreshing : t.reviewLoading}
      </p>
    );
  }
  return null;
}

/** The API's messages are French; in English, a translated gist comes first. */
function errorInWords(error: ApiError, t: ReturnType<typeof useI18n>['t'], lang: string): string {
  switch (error.code) {
    case 'NETWORK':
      return t.errorNetwork;
    case 'NOT_FOUND':
      return lang === 'fr' ? error.message : `${t.errorNotFound} (${error.message})`;
    case 'INVALID_RANGE':
      return lang === 'fr' ? error.message : `${t.errorRange} (${error.message})`;
    default:
      return serverErrorText(error, lang === 'en' ? 'en' : 'fr');
  }
}
